//! statsforecast's temporal-aggregation methods and TSB:
//! * `ADIDA`: sum the series in blocks of the mean interval between demands (rounded), smooth
//!   the block sums with optimised SES and spread the forecast back over one block;
//! * `IMAPA`: the same at every block length from 1 to that one, averaged;
//! * `TSB` (Teunter, Syntetos and Babai): smoothed demand probability times smoothed size.
//!
//! Each takes a series without negative or missing values; with no demand each forecasts 0.

use super::croston::Fit;
use super::ses;

fn no_demand(n: usize) -> Fit {
    let mut fitted = vec![0.0; n];
    fitted[0] = f64::NAN;
    Fit { mean: 0.0, fitted, alphas: None }
}

/// The mean interval between demands (`ses::intervals`), rounded as numpy rounds (half to
/// even). The intervals are whole numbers summing to the period of the last demand, so their
/// floating-point sum is that number exactly: no need to list them. `y` has demand.
fn block_length(y: &[f64]) -> usize {
    let demands = y.iter().filter(|&&v| v != 0.0).count();
    let last = y.iter().rposition(|&v| v != 0.0).map_or(0, |i| i + 1);
    block_length_of(demands, last)
}

/// [`block_length`] from the number of demands and the period (from 1) of the last.
pub(super) fn block_length_of(demands: usize, last: usize) -> usize {
    (last as f64 / demands as f64).round_ties_even() as usize
}

/// statsforecast's `_adida`. Fitted values: at t, the forecast from `y[..t]` with the block
/// length of the intervals seen up to the last demand before t (1 before the first); O(n²),
/// so only when `with_fitted` (otherwise `fitted` is empty).
pub(super) fn adida(y: &[f64], with_fitted: bool) -> Fit {
    if y.iter().all(|&v| v == 0.0) {
        return no_demand(y.len());
    }
    let level = block_length(y);
    let mean = adida_forecast(y, level);
    if !with_fitted {
        return Fit { mean, fitted: Vec::new(), alphas: None };
    }
    let intervals = ses::intervals(y);
    // statsforecast rounds the running mean interval with numpy (half to even).
    let mut running = vec![f64::NAN];
    let mut sum = 0.0;
    for (k, interval) in intervals.iter().enumerate() {
        sum += interval;
        running.push((sum / (k + 1) as f64).round_ties_even());
    }
    let levels = ses::expand_intervals(&running, y);
    let mut fitted = vec![f64::NAN; y.len()];
    for t in 1..y.len() {
        let level = levels[t] as usize;
        fitted[t] = ses::chunk_forecast(&y[..t], level) / level as f64;
    }
    Fit { mean, fitted, alphas: None }
}

/// statsforecast's `_imapa`. Its fitted values (`imapa_fitted_vals`) round the running mean
/// interval half away from zero and cap the largest block at t; O(n²), so only when
/// `with_fitted` (otherwise `fitted` is empty).
pub(super) fn imapa(y: &[f64], with_fitted: bool) -> Fit {
    if y.iter().all(|&v| v == 0.0) {
        return no_demand(y.len());
    }
    let mean = imapa_forecast(y, block_length(y));
    if !with_fitted {
        return Fit { mean, fitted: Vec::new(), alphas: None };
    }
    let mut fitted = vec![f64::NAN; y.len()];
    for t in 1..y.len() {
        let prefix = &y[..t];
        let intervals = ses::intervals(prefix);
        if intervals.is_empty() {
            fitted[t] = 0.0;
            continue;
        }
        let mean_interval = intervals.iter().sum::<f64>() / intervals.len() as f64;
        let largest = (mean_interval.round() as usize).max(1).min(t);
        let total: f64 = (1..=largest).map(|level| ses::chunk_forecast(prefix, level) / level as f64).sum();
        fitted[t] = total / largest as f64;
    }
    Fit { mean, fitted, alphas: None }
}

/// ADIDA's forecast of a series with demand at its block length `level`.
pub(super) fn adida_forecast(y: &[f64], level: usize) -> f64 {
    ses::chunk_forecast(y, level) / level as f64
}

/// IMAPA's forecast of a series with demand: the mean of the forecasts at block lengths 1 to
/// `largest`.
pub(super) fn imapa_forecast(y: &[f64], largest: usize) -> f64 {
    let mut sums = Vec::with_capacity(y.len() / 2);
    let mut total = block_mean(y, 1);
    for level in 2..=largest {
        ses::block_sums_into(y, level, &mut sums);
        total += ses::optimised(&sums).0 / level as f64;
    }
    total / largest as f64
}

/// IMAPA's forecast at one block length: optimised SES of the block sums, per period.
fn block_mean(y: &[f64], level: usize) -> f64 {
    ses::optimised(&ses::block_sums(y, level)).0 / level as f64
}

/// statsforecast's `_tsb` with its two smoothing parameters; the fitted values only
/// `with_fitted` (otherwise `fitted` is empty).
pub(super) fn tsb(y: &[f64], alpha_demand: f64, alpha_probability: f64, with_fitted: bool) -> Fit {
    if y.iter().all(|&v| v == 0.0) {
        return no_demand(y.len());
    }
    let occurs = |v: f64| if v != 0.0 { 1.0 } else { 0.0 };
    if !with_fitted {
        return Fit { mean: super::tsb::forecast(y, alpha_demand, alpha_probability), fitted: Vec::new(), alphas: None };
    }
    let demand = ses::demand(y);
    let occurs: Vec<f64> = y.iter().map(|&v| occurs(v)).collect();
    let probability = ses::forecast(&occurs, alpha_probability);
    let size = ses::forecast(&demand, alpha_demand);
    let mut per_demand = ses::fitted(&demand, alpha_demand);
    per_demand.push(size);
    let sizes = ses::expand_demand(&per_demand, y);
    let fitted = ses::fitted(&occurs, alpha_probability).iter().zip(&sizes).map(|(p, s)| p * s).collect();
    Fit { mean: probability * size, fitted, alphas: None }
}
