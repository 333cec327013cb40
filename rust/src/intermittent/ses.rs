//! The simple exponential smoothing the intermittent-demand methods share, as R's
//! `ses(initial = "simple")` and statsforecast's `_ses_lib` compute it: the level starts at
//! the first value and is updated by every value, the first included.

/// The one-step forecast after `x` (R's `ses(x, alpha, initial = "simple")$mean[1]`,
/// statsforecast's `ses_forecast`): the first value itself when there is only one.
/// `x` is not empty.
pub(super) fn forecast(x: &[f64], alpha: f64) -> f64 {
    if x.len() == 1 {
        return x[0];
    }
    x.iter().fold(x[0], |level, &v| alpha * v + (1.0 - alpha) * level)
}

/// The sizes of the demands of `y` (its values > 0) and their intervals (periods since the
/// previous demand, the first counted from the start), as [`demand`] and [`intervals`] give
/// them for a series without negative values.
pub(super) fn demands(y: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let (mut sizes, mut gaps) = (Vec::new(), Vec::new());
    demands_into(y, &mut sizes, &mut gaps);
    (sizes, gaps)
}

pub(super) use super::gather::{demand_blocks, demands_into};

/// The one-step forecasts of each value from the values before it: NaN first, then the
/// levels (statsforecast's `ses_forecast` fitted values, `fitted[i]` for `x[..i]`).
pub(super) fn fitted(x: &[f64], alpha: f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(x.len());
    out.push(f64::NAN);
    let mut level = x[0];
    for &v in &x[..x.len() - 1] {
        level = alpha * v + (1.0 - alpha) * level;
        out.push(level);
    }
    out
}

pub(super) use super::golden::{golden_section_forecast, golden_section_pair};

/// The smoothing bounds of statsforecast's optimised SES.
pub(super) const OPTIMISED_BOUNDS: (f64, f64) = (0.1, 0.3);

/// statsforecast's `_optimized_ses_forecast`: the forecast and the alpha chosen.
pub(super) fn optimised(x: &[f64]) -> (f64, f64) {
    let found = golden_section_forecast(x, OPTIMISED_BOUNDS.0, OPTIMISED_BOUNDS.1);
    (found.forecast, found.alpha)
}

/// Sums of consecutive blocks of `level` values, the first `len % level` values dropped
/// (statsforecast's aggregation, which keeps the most recent values).
pub(super) fn block_sums(y: &[f64], level: usize) -> std::borrow::Cow<'_, [f64]> {
    if level == 1 {
        // Blocks of one value sum to the value (which is >= 0): no copy.
        return std::borrow::Cow::Borrowed(y);
    }
    let mut sums = Vec::new();
    block_sums_into(y, level, &mut sums);
    std::borrow::Cow::Owned(sums)
}

/// [`block_sums`] into `sums` (emptied first), so that the block lengths of one series can
/// share one vector. Each sum adds its values in order, as `Iterator::sum` does (which starts
/// from -0.0, the identity of addition); blocks of up to eight values take a loop of their
/// length, which the compiler unrolls.
pub(super) fn block_sums_into(y: &[f64], level: usize, sums: &mut Vec<f64>) {
    fn fixed<const N: usize>(y: &[f64], sums: &mut Vec<f64>) {
        sums.extend(y.as_chunks::<N>().0.iter().map(|c| c.iter().fold(-0.0, |s, &v| s + v)));
    }
    sums.clear();
    let y = &y[y.len() % level..];
    match level {
        1 => sums.extend_from_slice(y),
        2 => fixed::<2>(y, sums),
        3 => fixed::<3>(y, sums),
        4 => fixed::<4>(y, sums),
        5 => fixed::<5>(y, sums),
        6 => fixed::<6>(y, sums),
        7 => fixed::<7>(y, sums),
        8 => fixed::<8>(y, sums),
        _ => sums.extend(y.chunks_exact(level).map(|c| c.iter().sum::<f64>())),
    }
}

/// statsforecast's `chunk_forecast`: optimised SES over the block sums of `y`; the last value
/// when no whole block fits, the one sum when one does.
pub(super) fn chunk_forecast(y: &[f64], level: usize) -> f64 {
    let sums = block_sums(y, level);
    match sums.len() {
        0 => y[y.len() - 1],
        1 => sums[0],
        _ => optimised(&sums).0,
    }
}

/// Spreads per-demand values over the periods (statsforecast's `expand_fitted_demand`):
/// `per_demand[k]` holds from the period after the k-th demand on; before the first demand
/// the previous value of `y`.
pub(super) fn expand_demand(per_demand: &[f64], y: &[f64]) -> Vec<f64> {
    let mut out = vec![f64::NAN; y.len()];
    let mut k = 0;
    for i in 1..y.len() {
        out[i] = if y[i - 1] > 0.0 {
            k += 1;
            per_demand[k]
        } else if k > 0 {
            out[i - 1]
        } else {
            y[i - 1]
        };
    }
    out
}

/// As [`expand_demand`] for intervals (statsforecast's `expand_fitted_intervals`): 1 before
/// the first demand and in place of a zero.
pub(super) fn expand_intervals(per_demand: &[f64], y: &[f64]) -> Vec<f64> {
    let mut out = vec![f64::NAN; y.len()];
    let mut k = 0;
    for i in 1..y.len() {
        out[i] = if y[i - 1] != 0.0 {
            k += 1;
            if per_demand[k] == 0.0 { 1.0 } else { per_demand[k] }
        } else if k > 0 {
            out[i - 1]
        } else {
            1.0
        };
    }
    out
}

/// The non-zero values (the demand sizes; the methods refuse negative values first).
pub(super) fn demand(y: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(y.len());
    out.extend(y.iter().copied().filter(|&v| v > 0.0));
    out
}

/// The number of periods from one demand to the next, the first counted from the start of
/// the series (statsforecast's `_intervals`, R's `diff(c(0, which(x > 0)))`).
pub(super) fn intervals(y: &[f64]) -> Vec<f64> {
    let mut previous = 0usize;
    let mut out = Vec::with_capacity(y.len());
    for (i, &v) in y.iter().enumerate() {
        if v != 0.0 {
            out.push((i + 1 - previous) as f64);
            previous = i + 1;
        }
    }
    out
}
