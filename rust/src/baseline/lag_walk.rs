//! R's `lagwalk` and `forecast.lagwalk` (forecast 8.x), behind `naive`, `snaive` and
//! `rwf(drift = TRUE)`: the fitted value is the observation one lag back, a missing
//! observation is filled with the one a lag before it, and with a drift the mean of the
//! lag differences (an intercept-only regression) is added.

use super::fitted::{BaselineFit, Spread};
use super::Baseline;
use crate::error::{invalid, CoreResult};
use crate::stats::series;

pub(super) fn fit(method: Baseline, y: &[f64], lag: usize, drift: bool) -> CoreResult<BaselineFit> {
    let n = y.len();
    if n < lag || (drift && n < 2) {
        let needed = if drift { 2 } else { lag };
        return invalid(format!("y must have at least {needed} values for {}, got {n}", method.label()));
    }
    // R fills a missing value from one lag before (kept missing in the first lag).
    let mut filled = y.to_vec();
    for i in lag..n {
        if filled[i].is_nan() {
            filled[i] = filled[i - lag];
        }
    }
    let mut fitted = vec![f64::NAN; n];
    fitted[lag..].copy_from_slice(&filled[..n - lag]);
    let mut residuals: Vec<f64> = y.iter().zip(&fitted).map(|(y, f)| y - f).collect();
    let present: Vec<f64> = residuals.iter().copied().filter(|r| !r.is_nan()).collect();
    if drift && present.is_empty() {
        // One observed value (Baseline::fit refused none): R's lm stops, "0 (non-NA) cases".
        return invalid("y must have at least two observed values for the drift, it has one");
    }
    let count = present.len() as f64;
    let (b, b_se, sigma) = if drift {
        // summary(lm(y - fitted ~ 1)): the mean, its standard error and the residual sd.
        let b = present.iter().sum::<f64>() / count;
        let sd = series::var_na_rm(present.iter().copied()).sqrt();
        (b, sd / count.sqrt(), sd)
    } else {
        (0.0, 0.0, (present.iter().map(|r| r * r).sum::<f64>() / count).sqrt())
    };
    if drift {
        fitted.iter_mut().for_each(|f| *f += b);
        residuals = y.iter().zip(&fitted).map(|(y, f)| y - f).collect();
    }
    // forecast.lagwalk's mse: its denominator drops one where the drift is not 0.
    let squares: f64 = residuals.iter().filter(|r| !r.is_nan()).map(|r| r * r).sum();
    let mse = squares / (count - f64::from(u8::from(b != 0.0)));
    Ok(BaselineFit {
        method,
        future: filled[n - lag..].to_vec(),
        spread: Spread::LagWalk { drift: b, drift_se: b_se, mse, sigma2: sigma * sigma },
        n,
        fitted,
        residuals,
    })
}

/// Forecast means and standard errors h steps ahead (`forecast.lagwalk`).
pub(super) fn forecast(future: &[f64], drift: f64, drift_se: f64, mse: f64, h: usize) -> (Vec<f64>, Vec<f64>) {
    let lag = future.len();
    (0..h)
        .map(|i| {
            let steps = (i / lag + 1) as f64;
            (future[i % lag] + steps * drift, (mse * steps + (steps * drift_se).powi(2)).sqrt())
        })
        .unzip()
}
