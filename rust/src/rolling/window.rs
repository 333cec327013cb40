//! Window shape and the argument checks shared by every rolling entry point.

use crate::error::{invalid, CoreResult};

/// A trailing window: the output at `i` looks at `x[i+1-size ..= i]` (clipped at 0)
/// and is NaN unless at least `min_periods` usable (finite) values are inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub size: usize,
    pub min_periods: usize,
}

impl Window {
    /// `size >= 1` and `min_periods <= size`, as pandas requires
    /// (`min_periods 3 must be <= window 2` is a pandas error too).
    pub fn new(size: usize, min_periods: usize) -> CoreResult<Window> {
        if size == 0 {
            return invalid("window must be >= 1, got 0");
        }
        if min_periods > size {
            return invalid(format!(
                "minPeriods must be <= window, got minPeriods={min_periods} window={size}"
            ));
        }
        Ok(Window { size, min_periods })
    }

    /// pandas clamps `min_periods` to at least 1 for every statistic except `sum`
    /// (an empty sum is 0 when `min_periods == 0`).
    #[inline]
    pub(crate) fn min_obs(&self) -> usize {
        self.min_periods.max(1)
    }

    /// Re-checks a `Window` built by struct literal (its fields are public), so
    /// that a hand-made `Window { size: 0, .. }` is refused instead of misbehaving.
    pub(crate) fn validate(&self) -> CoreResult<()> {
        Window::new(self.size, self.min_periods).map(|_| ())
    }
}

/// `out` must have one slot per input value.
pub(crate) fn check_out(len: usize, out_len: usize) -> CoreResult<()> {
    if len != out_len {
        return invalid(format!(
            "out must have the same length as the input: expected {len}, got {out_len}"
        ));
    }
    Ok(())
}

/// pandas treats +-inf like NaN in every rolling and ewm aggregation
/// (`BaseWindow._prep_values` replaces them with NaN before calling the Cython
/// kernels), so a value takes part in a window only when it is finite.
#[inline(always)]
pub(crate) fn usable(v: f64) -> bool {
    v.is_finite()
}

/// Arrow list offsets: start at 0, non-decreasing, end at `len`; returned as usizes.
pub(crate) fn check_offsets(offsets: &[i32], len: usize) -> CoreResult<Vec<usize>> {
    match offsets.first() {
        None => return invalid("offsets must have at least one entry (number of series + 1)"),
        Some(&0) => {}
        Some(&o) => return invalid(format!("offsets[0] must be 0, got {o}")),
    }
    let mut bounds = Vec::with_capacity(offsets.len());
    let mut prev = 0usize;
    for (j, &o) in offsets.iter().enumerate() {
        let o = match usize::try_from(o) {
            Ok(o) if o >= prev => o,
            _ => return invalid(format!("offsets must be non-decreasing, offsets[{j}]={o} follows {prev}")),
        };
        bounds.push(o);
        prev = o;
    }
    if prev != len {
        return invalid(format!("offsets must end at values.len()={len}, got {prev}"));
    }
    Ok(bounds)
}
