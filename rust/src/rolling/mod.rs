//! Rolling-window statistics with pandas semantics.
//!
//! The window ending at `i` covers `x[i+1-size ..= i]`, clipped at 0. Missing
//! values are skipped, and - exactly like pandas, which converts them to NaN
//! before its window kernels run - so are +-infinity. The output is NaN where the
//! window holds fewer than `min_periods` usable values (at least 1, except that an
//! empty `Sum` with `min_periods == 0` is 0, as in pandas); `Var`/`Std` (ddof = 1)
//! additionally need 2 values. `Quantile` interpolates linearly as pandas does.
//! One deliberate difference: where a window's sum overflows, pandas' mean is inf
//! (from its running sum) and ours is the window's mean, always representable.
//!
//! Every statistic is O(n) or O(n log w) and uses O(w) scratch memory:
//!
//! | statistic          | module       | method                                      |
//! |--------------------|--------------|---------------------------------------------|
//! | `Sum`, `Mean`      | `sum`        | Neumaier/TwoSum-compensated add and remove, 8 chains in AVX-512 or AVX2 lanes on long inputs |
//! | `Var`, `Std`       | `variance`   | shifted Welford add/remove, guarded recompute |
//! | `Min`, `Max`       | `extrema`    | monotonic deque                             |
//! | `Median`,`Quantile`| `order_stat` | two heaps with lazy deletion                |
//!
//! `ewm_mean` lives in `ewm`; the statistic-to-kernel dispatch in `dispatch`;
//! chunked and batched execution in `parallel`; argument checks in `window`.

mod arch;
mod dispatch;
mod ewm;
mod extrema;
mod order_stat;
mod parallel;
mod running_sum;
mod statistic;
mod sum;
mod variance;
mod window;

use crate::error::CoreResult;

pub use ewm::{ewm_mean, EwmMean};
pub use statistic::Statistic;
pub use window::Window;

use dispatch::{kernel, Scratch};
use window::{check_offsets, check_out};

/// Sequential, on the calling thread. `out.len()` must equal `x.len()` (else
/// `InvalidArgument` naming "out"). Quantile `q` outside [0,1] or NaN ->
/// `InvalidArgument` naming "q".
pub fn rolling(stat: Statistic, x: &[f64], window: Window, out: &mut [f64]) -> CoreResult<()> {
    stat.validate()?;
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
    stat.validate()?;
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
    stat.validate()?;
    window.validate()?;
    check_out(values.len(), out.len())?;
    let bounds = check_offsets(offsets, values.len())?;
    parallel::rolling_many(stat, values, &bounds, window, out);
    Ok(())
}
