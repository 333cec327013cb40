//! Seasonal differencing by seasonal strength, as `forecast::nsdiffs(test =
//! "seas")`: difference when the strength of seasonality of `mstl(x)`
//! (`forecast:::seas.heuristic`) exceeds 0.64.

use super::stl::{stl, StlParams};
use super::unit_root::nsdiffs_by;
use super::util::var_na_rm;

/// The threshold of `nsdiffs(test = "seas")`.
pub const SEASONAL_STRENGTH_THRESHOLD: f64 = 0.64;

/// `forecast::mstl`'s seasonal window for a single seasonal period: the
/// first of its default `s.window = 7 + 4 * seq(6)`.
const MSTL_S_WINDOW: usize = 11;

/// Strength of seasonality `max(0, min(1, 1 - var(R) / var(R + S)))` of the
/// `forecast::mstl` decomposition of `x` with period `m` (remainder R,
/// seasonal S). `None` when the decomposition is undefined (fewer than
/// two full periods plus one value, or too few values).
pub fn seasonal_strength(x: &[f64], m: usize) -> Option<f64> {
    let n = x.len();
    if m < 2 || n <= 2 * m {
        return None;
    }
    let filled = interpolate_missing(x)?;
    let (season, trend) = stl(&filled, &StlParams::r_defaults(m, MSTL_S_WINDOW));
    // mstl puts the missing values back into the remainder.
    let remainder: Vec<f64> =
        (0..n).map(|i| if x[i].is_nan() { f64::NAN } else { filled[i] - season[i] - trend[i] }).collect();
    let var_r = var_na_rm(remainder.iter().copied());
    let var_rs = var_na_rm(remainder.iter().zip(&season).map(|(r, s)| r + s));
    let strength = 1.0 - var_r / var_rs;
    if strength.is_nan() {
        return None;
    }
    Some(strength.clamp(0.0, 1.0))
}

/// Missing values filled by linear interpolation with constant ends (as
/// `forecast::na.interp` for short series). `None` when all are missing.
///
/// Deviation from R: for a seasonal series with more than two periods of
/// data `na.interp` fits a Fourier + polynomial regression and a robust
/// STL; here interpolation is always linear.
fn interpolate_missing(x: &[f64]) -> Option<Vec<f64>> {
    let known: Vec<usize> = (0..x.len()).filter(|&i| !x[i].is_nan()).collect();
    let (&first, &last) = (known.first()?, known.last()?);
    let mut out = x.to_vec();
    for v in out.iter_mut().take(first) {
        *v = x[first];
    }
    for v in out.iter_mut().skip(last + 1) {
        *v = x[last];
    }
    for pair in known.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        for (i, v) in out.iter_mut().enumerate().take(b).skip(a + 1) {
            *v = x[a] + (x[b] - x[a]) * (i - a) as f64 / (b - a) as f64;
        }
    }
    Some(out)
}

/// `forecast::nsdiffs(x, test = "seas", max.D)` for period `m >= 2`: 0 for
/// a constant series or one no longer than a period; otherwise difference
/// at lag m while the seasonal strength exceeds 0.64 (a failed
/// decomposition counts as "no", as R's error handler does).
pub fn nsdiffs_seas(x: &[f64], m: usize, max_d: usize) -> usize {
    nsdiffs_by(x, m, max_d, |v| seasonal_strength(v, m).is_some_and(|s| s > SEASONAL_STRENGTH_THRESHOLD))
}
