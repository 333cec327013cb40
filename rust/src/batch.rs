//! A parallel runner for many independent items (series), used by every "fit all" call.
//!
//! What it guarantees, whatever the items do:
//! * it runs on a **private** rayon pool owned by the [`BatchControl`], with the thread count
//!   the caller chose; the global rayon pool, which the host application may share, is never
//!   used or configured;
//! * one item that fails, or even panics, never fails or stops the others: its slot holds an
//!   error (for a panic, with the panic's message and source location);
//! * progress (done, failed, cancelled) is readable from any thread while it runs;
//! * after [`BatchControl::cancel`] no new item starts, and an item in progress sees the flag
//!   passed to it (a fit that checks it inside its optimiser stops within one iteration).
//!
//! ```
//! use lagrs_core::batch::{self, BatchControl};
//! use lagrs_core::error::CoreError;
//!
//! let control = BatchControl::new(4, 2).expect("2 threads are allowed");
//! let results = batch::run(4, &control, |i, _cancel| {
//!     if i == 2 { Err(CoreError::Numerical("item 2 is bad".into())) } else { Ok(i * 10) }
//! });
//! assert_eq!(results[3], Ok(30));
//! assert!(results[2].is_err());
//! let progress = control.progress();
//! assert_eq!((progress.done, progress.failed, progress.total), (4, 1, 4));
//! ```
//!
//! `run` may be called several times with one control (e.g. for consecutive chunks of a large
//! input, to bound the memory of copies); the counters accumulate across the calls.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe, PanicHookInfo};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::error::{CoreError, CoreResult};

/// The most threads one batch may ask for: far above any machine we run on, low enough that a
/// typo (a million threads) is an error instead of an exhausted process.
pub const MAX_THREADS: usize = 1024;

/// Counters of a batch, as read by [`BatchControl::progress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Items finished, successfully or not (cancelled items are not counted).
    pub done: usize,
    /// Of `done`, how many ended in an error.
    pub failed: usize,
    /// Items not run, or stopped, because the batch was cancelled.
    pub cancelled: usize,
    /// Items in the whole batch.
    pub total: usize,
}

/// Settings, counters and the cancel flag of one batch, shared between the threads that run
/// it and the threads that watch or cancel it.
pub struct BatchControl {
    total: usize,
    done: AtomicUsize,
    failed: AtomicUsize,
    cancelled: AtomicUsize,
    cancel: AtomicBool,
    pool: rayon::ThreadPool,
}

impl BatchControl {
    /// A control for `total` items run on `threads` threads (0: one per available core).
    ///
    /// Errors: `threads` above [`MAX_THREADS`] (`InvalidArgument`); the operating system
    /// refusing to start the threads (`Numerical`).
    pub fn new(total: usize, threads: usize) -> CoreResult<Self> {
        if threads > MAX_THREADS {
            return Err(CoreError::InvalidArgument(format!("threads must be at most {MAX_THREADS}, got {threads}")));
        }
        let threads = if threads == 0 { available_cores() } else { threads };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("lagrs-batch-{i}"))
            .build()
            .map_err(|e| CoreError::Numerical(format!("could not start {threads} batch threads: {e}")))?;
        Ok(BatchControl {
            total,
            done: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            cancelled: AtomicUsize::new(0),
            cancel: AtomicBool::new(false),
            pool,
        })
    }

    /// Asks the batch to stop: no item starts after this, and items in progress see the flag.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Release);
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Acquire)
    }

    /// The cancel flag itself, for work that checks it as it goes (e.g. an optimiser).
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// The threads of this batch's pool.
    pub fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// The counters now; consistent enough for a progress bar (each is read atomically).
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done.load(Ordering::Relaxed),
            failed: self.failed.load(Ordering::Relaxed),
            cancelled: self.cancelled.load(Ordering::Relaxed),
            total: self.total,
        }
    }

    /// Whether the batch was cut short: some item was not run, or stopped, by a cancel.
    pub fn was_cut_short(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed) > 0
    }

    /// Runs `f` on this batch's pool (and nothing else on it meanwhile but this batch's work).
    pub fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        self.pool.install(f)
    }
}

/// Runs `item(i, cancel_flag)` for every `i in 0..n` on `control`'s pool and returns the
/// results in order. An `Err` or a panic in one item is that item's result only; once the
/// batch is cancelled, items not started get `Err(CoreError::Cancelled)` without running, and
/// an item that returns an error after the cancel is counted as cancelled (and its result is
/// `Err(CoreError::Cancelled)`), not failed.
///
/// Every pool thread takes the next item not yet taken, one at a time, in index order, until
/// none is left: items of very different cost (a long monthly series beside a short yearly
/// one) keep every thread busy to the end, which fixed halves (rayon's splitting of a range
/// into a few runs that cannot be split once started) did not.
pub fn run<T, F>(n: usize, control: &BatchControl, item: F) -> Vec<CoreResult<T>>
where
    T: Send,
    F: Fn(usize, &AtomicBool) -> CoreResult<T> + Sync,
{
    let next = AtomicUsize::new(0);
    let worker = |_| {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                return done;
            }
            done.push((i, run_one(i, control, &item)));
        }
    };
    let threads = control.threads().min(n);
    let per_worker: Vec<Vec<(usize, CoreResult<T>)>> =
        control.install(|| (0..threads).into_par_iter().with_max_len(1).map(worker).collect());
    let mut slots: Vec<Option<CoreResult<T>>> = (0..n).map(|_| None).collect();
    for (i, result) in per_worker.into_iter().flatten() {
        slots[i] = Some(result);
    }
    slots.into_iter().map(|r| r.expect("every item is taken exactly once")).collect()
}

/// One item with its cancel check, panic guard and counters.
fn run_one<T, F>(i: usize, control: &BatchControl, item: &F) -> CoreResult<T>
where
    F: Fn(usize, &AtomicBool) -> CoreResult<T>,
{
    if control.is_cancelled() {
        control.cancelled.fetch_add(1, Ordering::Relaxed);
        return Err(CoreError::Cancelled);
    }
    let result = catch_unwind(AssertUnwindSafe(|| item(i, control.cancel_flag())))
        .unwrap_or_else(|payload| Err(panic_error(payload.as_ref())));
    match &result {
        Ok(_) => {
            control.done.fetch_add(1, Ordering::Relaxed);
        }
        Err(_) if control.is_cancelled() => {
            control.cancelled.fetch_add(1, Ordering::Relaxed);
            return Err(CoreError::Cancelled);
        }
        Err(_) => {
            control.failed.fetch_add(1, Ordering::Relaxed);
            control.done.fetch_add(1, Ordering::Relaxed);
        }
    }
    result
}

fn available_cores() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

thread_local! {
    /// Where the last panic on this thread happened, noted by [`note_panic_location`].
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Notes where a panic happened, for the error of the item that panicked. Call it from the
/// process's panic hook (the JNI bridge does); without it the error says the location is
/// unknown. Runs on the panicking thread, which is the thread that catches the panic.
pub fn note_panic_location(info: &PanicHookInfo<'_>) {
    let location = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
    PANIC_LOCATION.with(|cell| *cell.borrow_mut() = location);
}

fn panic_error(payload: &(dyn std::any::Any + Send)) -> CoreError {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic with a non-text payload");
    let location = PANIC_LOCATION
        .with(|cell| cell.borrow_mut().take())
        .unwrap_or_else(|| "location unknown".into());
    CoreError::Numerical(format!("internal error in lagrs: {message} ({location})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Once;
    use std::time::{Duration, Instant};

    fn note_locations() {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| std::panic::set_hook(Box::new(note_panic_location)));
    }

    #[test]
    fn results_are_in_order_and_counted() {
        let control = BatchControl::new(100, 2).expect("pool");
        let out = run(100, &control, |i, _| if i % 10 == 3 { Err(CoreError::Numerical("bad".into())) } else { Ok(i) });
        for (i, r) in out.iter().enumerate() {
            assert_eq!(r.is_ok(), i % 10 != 3);
            if let Ok(v) = r {
                assert_eq!(*v, i);
            }
        }
        assert_eq!(control.progress(), Progress { done: 100, failed: 10, cancelled: 0, total: 100 });
        assert!(!control.was_cut_short());
    }

    #[test]
    fn a_panic_fails_only_its_item_and_carries_message_and_location() {
        note_locations();
        let control = BatchControl::new(5, 2).expect("pool");
        let out = run(5, &control, |i, _| {
            if i == 2 {
                panic!("boom at item {i}");
            }
            Ok(i)
        });
        let why = out[2].clone().expect_err("item 2 panicked").to_string();
        assert!(why.contains("boom at item 2"), "{why}");
        assert!(why.contains("batch.rs:"), "{why}");
        assert_eq!(out.iter().filter(|r| r.is_ok()).count(), 4);
    }

    #[test]
    fn the_pool_has_the_threads_asked_for_and_is_not_the_global_one() {
        let control = BatchControl::new(8, 1).expect("pool");
        assert_eq!(control.threads(), 1);
        let out = run(8, &control, |_, _| Ok((rayon::current_num_threads(), rayon::current_thread_index().is_some())));
        for r in out {
            assert_eq!(r.expect("ran"), (1, true));
        }
        // Not on a pool thread here: no batch work ran on the caller's (global) pool.
        assert!(rayon::current_thread_index().is_none());
        assert!(BatchControl::new(1, MAX_THREADS + 1).is_err());
    }

    #[test]
    fn a_long_item_holds_up_no_other_item() {
        // Item 0 waits until every other item has finished: with runs of items fixed per thread,
        // the items after it in its run could not start, and it would wait until its deadline.
        let control = BatchControl::new(64, 2).expect("pool");
        let finished = AtomicUsize::new(0);
        let out = run(64, &control, |i, _| {
            if i == 0 {
                let deadline = Instant::now() + Duration::from_secs(20);
                while finished.load(Ordering::Acquire) < 63 && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(1));
                }
                return Ok(finished.load(Ordering::Acquire));
            }
            finished.fetch_add(1, Ordering::AcqRel);
            Ok(i)
        });
        assert_eq!(out[0], Ok(63));
        assert!(out.iter().skip(1).enumerate().all(|(k, r)| *r == Ok(k + 1)));
    }

    #[test]
    fn cancel_stops_new_items_and_reaches_running_ones() {
        let control = BatchControl::new(1000, 2).expect("pool");
        let started = Instant::now();
        let out = std::thread::scope(|s| {
            s.spawn(|| {
                std::thread::sleep(Duration::from_millis(50));
                control.cancel();
            });
            run(1000, &control, |_, cancel| {
                // A long item that checks the flag as it goes.
                while !cancel.load(Ordering::Acquire) {
                    std::thread::sleep(Duration::from_millis(1));
                }
                Err::<(), _>(CoreError::Numerical("stopped".into()))
            })
        });
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(control.was_cut_short());
        let p = control.progress();
        assert_eq!((p.done, p.failed, p.cancelled), (0, 0, 1000));
        assert!(out.iter().all(|r| matches!(r, Err(CoreError::Cancelled))));
    }
}
