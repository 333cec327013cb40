//! statsforecast's `WindowAverage` and `SeasonalWindowAverage`: the mean of the last k values
//! (of the last k values of each season). They have no intervals and no fitted values.

use super::fitted::{BaselineFit, Spread};
use super::Baseline;
use crate::error::{invalid, CoreResult};

pub(super) fn fit(method: Baseline, y: &[f64], window: usize, period: usize) -> CoreResult<BaselineFit> {
    let n = y.len();
    let needed = window.saturating_mul(period);
    if n < needed {
        return invalid(format!("y must have at least {needed} values for {}, got {n}", method.label()));
    }
    if let Some(i) = y.iter().position(|v| v.is_nan()) {
        return invalid(format!("{} takes no missing values (y[{i}] is NaN)", method.label()));
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
