//! statsforecast's `WindowAverage` and `SeasonalWindowAverage`: the mean of the last k values
//! (of the last k values of each season). They have no intervals and no fitted values
//! (statsforecast defines neither). Where statsforecast forecasts NaN, for a series shorter
//! than the window or a missing value inside it, the fit is refused with the reason instead;
//! missing values before the window do not matter, as there.

use super::fitted::{BaselineFit, Spread};
use super::Baseline;
use crate::error::{invalid, CoreResult};

pub(super) fn fit(method: Baseline, y: &[f64], window: usize, period: usize) -> CoreResult<BaselineFit> {
    let n = y.len();
    let needed = window.saturating_mul(period);
    if n < needed {
        return invalid(format!("y must have at least {needed} values for {}, got {n}", method.label()));
    }
    if let Some(i) = (n - needed..n).find(|&i| y[i].is_nan()) {
        return invalid(format!("{} needs the last {needed} values observed, but y[{i}] is missing", method.label()));
    }
    let last = &y[n - needed..];
    let future: Vec<f64> =
        (0..period).map(|s| (0..window).map(|w| last[w * period + s]).sum::<f64>() / window as f64).collect();
    Ok(BaselineFit {
        method,
        future,
        spread: Spread::None,
        n,
        fitted: vec![f64::NAN; n],
        residuals: vec![f64::NAN; n],
    })
}
