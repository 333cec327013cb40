//! Rolling-window statistics with pandas semantics.
//!
//! The window ending at `i` covers `x[i+1-size ..= i]`, clipped at 0. Missing
//! values are skipped, and - exactly like pandas, which converts them to NaN
//! before its window kernels run - so are +-infinity. The output is NaN where the
//! window holds fewer than `min_periods` usable values (at least 1, except that an
//! empty `Sum` with `min_periods == 0` is 0, as in pandas); `Var`/`Std` (ddof = 1)
//! additionally need 2 values. `Quantile` interpolates linearly as pandas does.
//!
//! Every statistic is O(n) or O(n log w) and uses O(w) scratch memory:
//!
//! | statistic          | module       | method                                      |
//! |--------------------|--------------|---------------------------------------------|
//! | `Sum`, `Mean`      | `sum`        | Neumaier/TwoSum-compensated add and remove, 8 chains in AVX2 lanes on long inputs |
//! | `Var`, `Std`       | `variance`   | shifted Welford add/remove, guarded recompute |
//! | `Min`, `Max`       | `extrema`    | monotonic deque                             |
//! | `Median`,`Quantile`| `order_stat` | two heaps with lazy deletion                |
//!
//! `ewm_mean` lives in `ewm`, chunked and batched execution in `parallel`.

mod ewm;
mod extrema;
mod order_stat;
mod parallel;
mod sum;
mod variance;
mod window;

use std::collections::VecDeque;

use crate::error::{invalid, CoreResult};

pub use ewm::ewm_mean;
pub use window::Window;

use window::check_out;

/// The statistic computed over each window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Statistic {
    Mean,
    Sum,
    /// Sample variance (ddof = 1).
    Var,
    /// Sample standard deviation (ddof = 1).
    Std,
    Min,
    Max,
    Median,
    /// Quantile `q` in [0, 1] with linear interpolation.
    Quantile(f64),
}

/// Scratch storage reused across the series of one batch.
#[derive(Default)]
pub(crate) struct Scratch {
    deque: VecDeque<usize>,
    heaps: order_stat::Heaps,
}

/// Dispatches to the statistic's kernel; outputs for `x[skip..]` go to `out`.
/// Arguments are already validated.
pub(crate) fn kernel(stat: Statistic, x: &[f64], skip: usize, window: Window, out: &mut [f64], scratch: &mut Scratch) {
    match stat {
        Statistic::Sum => sum::run(x, skip, window, false, out),
        Statistic::Mean => sum::run(x, skip, window, true, out),
        Statistic::Var => variance::run(x, skip, window, false, out),
        Statistic::Std => variance::run(x, skip, window, true, out),
        Statistic::Min => extrema::run(x, skip, window, false, out, &mut scratch.deque),
        Statistic::Max => extrema::run(x, skip, window, true, out, &mut scratch.deque),
        Statistic::Median => order_stat::run(x, skip, window, order_stat::Target::Median, out, &mut scratch.heaps),
        Statistic::Quantile(q) => order_stat::run(x, skip, window, order_stat::Target::Quantile(q), out, &mut scratch.heaps),
    }
}

fn check_stat(stat: Statistic) -> CoreResult<()> {
    if let Statistic::Quantile(q) = stat {
        // Written so that NaN fails the check.
        if !(0.0..=1.0).contains(&q) {
            return invalid(format!("q must be in [0, 1], got {q}"));
        }
    }
    Ok(())
}

/// Sequential, on the calling thread. `out.len()` must equal `x.len()` (else
/// `InvalidArgument` naming "out"). Quantile `q` outside [0,1] or NaN ->
/// `InvalidArgument` naming "q".
pub fn rolling(stat: Statistic, x: &[f64], window: Window, out: &mut [f64]) -> CoreResult<()> {
    check_stat(stat)?;
    window.validate()?;
    check_out(x.len(), out.len())?;
    kernel(stat, x, 0, window, out, &mut Scratch::default());
    Ok(())
}

/// Same results as [`rolling`] (within 1e-12 relative), but long inputs are split into
/// chunks computed in parallel on the rayon global pool. Each chunk of outputs
/// `[a, b)` is computed from `x[a-(window-1) .. b]`, so results do not depend on the
/// chunking. Short inputs run sequentially on the calling thread.
pub fn rolling_parallel(stat: Statistic, x: &[f64], window: Window, out: &mut [f64]) -> CoreResult<()> {
    check_stat(stat)?;
    window.validate()?;
    check_out(x.len(), out.len())?;
    parallel::rolling_chunked(stat, x, window, out);
    Ok(())
}

/// Many series laid out as an Arrow list array: series `j` is
/// `values[offsets[j]..offsets[j+1]]`. `offsets` starts at 0, is non-decreasing and
/// ends at `values.len()` (else `InvalidArgument` naming "offsets"); `out.len()` must
/// equal `values.len()`. Windows never cross series boundaries. Work is spread over
/// the rayon pool in batches of consecutive series.
pub fn rolling_many(stat: Statistic, values: &[f64], offsets: &[i32], window: Window, out: &mut [f64]) -> CoreResult<()> {
    check_stat(stat)?;
    window.validate()?;
    check_out(values.len(), out.len())?;
    let bounds = check_offsets(offsets, values.len())?;
    parallel::rolling_many(stat, values, &bounds, window, out);
    Ok(())
}

fn check_offsets(offsets: &[i32], len: usize) -> CoreResult<Vec<usize>> {
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
