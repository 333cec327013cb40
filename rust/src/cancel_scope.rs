//! The cancel flag of the fit running on this thread, for code that families share.
//!
//! ARIMA passes its flag down explicitly. The loops that run long in the other families sit in
//! shared code (the simplex optimisers of ETS, Theta and the optimised intermittent methods; the
//! STL decomposition of auto-ARIMA's seasonal test), and threading the flag through every fit
//! signature only to reach them would put a parameter on dozens of functions that never look
//! at it. So the entry points (`Spec::fit` of the catalogue, `auto_arima_xreg`) set the flag for
//! the duration of the fit and those loops poll it. A loop that sees it stops early; its result
//! is garbage, so the entry point reports the fit as cancelled instead of using it.

use std::cell::Cell;
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};

thread_local! {
    static CURRENT: Cell<*const AtomicBool> = const { Cell::new(ptr::null()) };
}

/// Runs `work` with `cancel` as this thread's flag; `None` keeps the flag of an enclosing
/// call (an inner fit is still part of the outer one).
pub fn run_with<R>(cancel: Option<&AtomicBool>, work: impl FnOnce() -> R) -> R {
    let Some(flag) = cancel else { return work() };
    // Restored on unwinding too, so the pointer never outlives the borrow it came from.
    struct Restore(*const AtomicBool);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(flag)));
    work()
}

/// Whether the fit running on this thread was asked to stop.
pub fn requested() -> bool {
    CURRENT.with(|c| {
        let flag = c.get();
        // SAFETY: a non-null pointer was set by `run_with` from a borrow that outlives the
        // call in progress, and is reset before that call returns or unwinds.
        !flag.is_null() && unsafe { (*flag).load(Ordering::Relaxed) }
    })
}

/// `Err(Cancelled)` in place of whatever `fitted` holds when `cancel` is set: a fit that
/// was asked to stop may have returned a half-optimised result.
pub fn unless_cancelled<T>(cancel: Option<&AtomicBool>, fitted: crate::error::CoreResult<T>) -> crate::error::CoreResult<T> {
    match cancel {
        Some(flag) if flag.load(Ordering::Acquire) => Err(crate::error::CoreError::Cancelled),
        _ => fitted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_is_seen_inside_the_call_only_and_inner_calls_keep_it() {
        let flag = AtomicBool::new(true);
        assert!(!requested());
        run_with(Some(&flag), || {
            assert!(requested());
            run_with(None, || assert!(requested()));
        });
        assert!(!requested());
    }

    #[test]
    fn the_flag_is_reset_when_the_work_panics() {
        let flag = AtomicBool::new(true);
        let caught = std::panic::catch_unwind(|| run_with(Some(&flag), || panic!("boom")));
        assert!(caught.is_err());
        assert!(!requested());
    }

    #[test]
    fn a_set_flag_turns_any_result_into_cancelled() {
        let flag = AtomicBool::new(true);
        assert_eq!(unless_cancelled(Some(&flag), Ok::<_, crate::error::CoreError>(1)), Err(crate::error::CoreError::Cancelled));
        assert_eq!(unless_cancelled(None, Ok::<_, crate::error::CoreError>(1)), Ok(1));
    }

    /// A flag raised by the 10th evaluation: each shared optimiser stops within one more
    /// iteration (at most n + 2 = 4 evaluations for two parameters).
    #[test]
    fn the_shared_optimisers_stop_at_the_next_iteration() {
        use crate::numerics::optim::{clamped_simplex, nelder_mead};
        let flag = AtomicBool::new(false);
        let calls = std::cell::Cell::new(0);
        let f = |x: &[f64]| {
            calls.set(calls.get() + 1);
            if calls.get() == 10 {
                flag.store(true, Ordering::Relaxed);
            }
            (x[0] - 1.5).powi(2) + 2.0 * (x[1] + 0.5).powi(4)
        };
        let r = run_with(Some(&flag), || nelder_mead::minimize(f, &[0.0, 0.0], &nelder_mead::NelderMeadOptions::default()));
        assert_eq!(r.status, nelder_mead::NelderMeadStatus::Cancelled);
        assert!(calls.get() <= 14, "Nelder-Mead: {} evaluations", calls.get());
        flag.store(false, Ordering::Relaxed);
        calls.set(0);
        let settings = clamped_simplex::Settings { init_step: 0.05, zero_step: 1e-4, max_iter: 1000, tol_std: 1e-12 };
        run_with(Some(&flag), || clamped_simplex::minimise(f, &[1.0, 1.0], &[-10.0, -10.0], &[10.0, 10.0], settings));
        assert!(calls.get() <= 14, "clamped simplex: {} evaluations", calls.get());
    }
}
