//! A second start as statsmodels' `SARIMAX` makes its first one: least-squares starting
//! values (Hannan and Rissanen's two regressions, SARIMAX's `start_params`), and an ML
//! search in coordinates that keep the MA part invertible (each MA block through the same
//! partial-autocorrelation map as the AR blocks). On random series/order pairs that search
//! reached optima with an MA root next to the unit circle, or interior optima of large
//! seasonal models, that the CSS start and lagrs' coordinates (MA untransformed) missed.

use super::objective::Problem;
use super::restart::invertible;
use super::stages::{check_cancel, ML_OPTIONS};
use super::transform::{inv_partrans, ma_invert, partrans, Layout};
use crate::error::CoreResult;
use crate::numerics::ols::ols;
use crate::numerics::optim::bfgs::minimize;

/// The ML optimum (lagrs' coordinates, MA blocks invertible) and its objective from the
/// least-squares start, searched with invertible MA blocks; `None` where there is no such
/// start (missing values, a series too short for the regressions) or no finite optimum.
pub(crate) fn ml_from_least_squares(
    prob: &mut Problem<'_>,
    zero_start: &[f64],
    parscale: &[f64],
) -> CoreResult<Option<(Vec<f64>, f64)>> {
    let Some(start) = least_squares_start(prob, zero_start) else { return Ok(None) };
    ml_searched_invertible(prob, start, parscale)
}

/// The ML optimum (lagrs' coordinates, MA blocks invertible) and its objective from the
/// strictly invertible start `raw` (lagrs' coordinates), searched with invertible MA
/// blocks; `None` where the start is not strictly invertible or there is no finite optimum.
pub(crate) fn ml_from_invertible(prob: &mut Problem<'_>, raw: &[f64], parscale: &[f64]) -> CoreResult<Option<(Vec<f64>, f64)>> {
    let layout = prob.layout;
    let mut start = raw.to_vec();
    for block in [layout.ma(), layout.sma()] {
        let Some(free) = ma_to_free(&raw[block.clone()]) else { return Ok(None) };
        start[block].copy_from_slice(&free);
    }
    ml_searched_invertible(prob, start, parscale)
}

/// ML from `start` in the search's coordinates ([`least_squares_start`]'s).
fn ml_searched_invertible(prob: &mut Problem<'_>, start: Vec<f64>, parscale: &[f64]) -> CoreResult<Option<(Vec<f64>, f64)>> {
    let layout = prob.layout;
    if !prob.ml(&ma_free_to_raw(&layout, &start)).is_finite() {
        return Ok(None);
    }
    let found = minimize(|u: &[f64]| prob.ml(&ma_free_to_raw(&layout, u)), &start, parscale, &ML_OPTIONS);
    check_cancel(prob)?;
    let raw = ma_free_to_raw(&layout, &found.x);
    if !found.f.is_finite() || raw.iter().any(|v| !v.is_finite()) {
        return Ok(None);
    }
    Ok(Some(invertible(prob, &raw)))
}

/// The start in the search's coordinates (AR and MA blocks as atanh of partial
/// autocorrelations, the regression part of `zero_start`). As SARIMAX: on the differenced
/// series less the least-squares regression, each block (non-seasonal, seasonal at lags
/// of the period) from its own two regressions; an AR part that is not stationary starts
/// at zero (as SARIMAX), an MA part that is not invertible with its roots inside the unit
/// circle reflected (the same likelihood; SARIMAX starts it at zero), one with a root on
/// the circle at zero.
fn least_squares_start(prob: &Problem<'_>, zero_start: &[f64]) -> Option<Vec<f64>> {
    let layout = prob.layout;
    let mut w = Vec::new();
    Problem::adjusted(&mut w, &prob.dx, &prob.reg.dcols, &prob.beta(zero_start));
    if w.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let mut start = zero_start.to_vec();
    for (ar, ma, step) in [(layout.ar(), layout.ma(), 1), (layout.sar(), layout.sma(), prob.s)] {
        if ar.is_empty() && ma.is_empty() {
            continue;
        }
        let Some((phi, theta)) = two_regressions(&w, ar.len(), ma.len(), step) else { continue };
        if let Some(a) = inv_partrans(&phi) {
            start[ar].copy_from_slice(&a);
        }
        if let Some(m) = ma_to_free(&ma_invert(&theta)) {
            start[ma].copy_from_slice(&m);
        }
    }
    Some(start)
}

/// The long autoregression's least squares costs n times the square of its lags and does
/// not poll the cancellation flag: beyond this many lags (a seasonal MA block of a long
/// period, 2 Q period lags) that block starts at zero. Every pair of the comparison set
/// (periods up to 12, Q up to 2) is within it.
const MAX_LONG_LAGS: usize = 48;

/// SARIMAX's `_conditional_sum_squares` for one block with `p` AR and `q` MA terms at
/// lags that are multiples of `step`: residuals of a long autoregression (2 q step lags)
/// stand in for the innovations, then `w` on its own lags and those residuals' lags.
/// Coefficients of columns the least squares drops as aliased are zero.
fn two_regressions(w: &[f64], p: usize, q: usize, step: usize) -> Option<(Vec<f64>, Vec<f64>)> {
    let long = 2 * q * step;
    if long > MAX_LONG_LAGS {
        return None;
    }
    let first = (long + q * step).max(p * step);
    let n = w.len();
    if n <= first + p + q + 1 {
        return None;
    }
    let lagged = |x: &[f64], from: usize, lag: usize| (from..n).map(|t| x[t - lag]).collect::<Vec<f64>>();
    let mut innovations = vec![0.0; n];
    if q > 0 {
        let cols: Vec<Vec<f64>> = (1..=long).map(|lag| lagged(w, long, lag)).collect();
        let fit = ols(&w[long..], &cols)?;
        innovations[long..].copy_from_slice(&fit.residuals);
    }
    let mut cols: Vec<Vec<f64>> = (1..=p).map(|i| lagged(w, first, i * step)).collect();
    cols.extend((1..=q).map(|i| lagged(&innovations, first, i * step)));
    let fit = ols(&w[first..], &cols)?;
    let coef: Vec<f64> = fit.coef.iter().map(|c| if c.is_finite() { *c } else { 0.0 }).collect();
    Some((coef[..p].to_vec(), coef[p..].to_vec()))
}

/// MA coefficients (R's sign: 1 + theta B + ...) to the search's coordinates: the MA
/// polynomial read as an AR one (`-theta`) through atanh of its partial autocorrelations.
/// `None` when not strictly invertible.
fn ma_to_free(theta: &[f64]) -> Option<Vec<f64>> {
    let negated: Vec<f64> = theta.iter().map(|t| -t).collect();
    inv_partrans(&negated)
}

/// The search's coordinates to lagrs' (MA blocks natural, the rest unchanged).
fn ma_free_to_raw(layout: &Layout, u: &[f64]) -> Vec<f64> {
    let mut raw = u.to_vec();
    for block in [layout.ma(), layout.sma()] {
        partrans(&u[block.clone()], &mut raw[block.clone()]);
        for v in &mut raw[block] {
            *v = -*v;
        }
    }
    raw
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ma_coordinates_round_trip_and_stay_invertible() {
        let layout = Layout { p: 1, q: 2, sp: 0, sq: 1 };
        let theta = [-1.2, 0.5];
        let free = ma_to_free(&theta).expect("invertible");
        let mut u = vec![0.3, 0.0, 0.0, 0.0, 7.0];
        u[1..3].copy_from_slice(&free);
        u[3..4].copy_from_slice(&ma_to_free(&[0.4]).expect("invertible"));
        let raw = ma_free_to_raw(&layout, &u);
        assert!((raw[1] - theta[0]).abs() < 1e-12 && (raw[2] - theta[1]).abs() < 1e-12, "{raw:?}");
        assert!((raw[3] - 0.4).abs() < 1e-12 && raw[0] == 0.3 && raw[4] == 7.0, "{raw:?}");
        // Far out, the MA part nears the unit circle from inside: 1 - B at the limit.
        let edge = ma_free_to_raw(&Layout { p: 0, q: 1, sp: 0, sq: 0 }, &[8.0]);
        assert!(edge[0] > -1.0 && edge[0] < -0.999_999, "{edge:?}");
        assert!(ma_to_free(&[-1.0]).is_none() && ma_to_free(&[2.0]).is_none());
    }

    #[test]
    fn the_two_regressions_recover_an_arma_1_1() {
        // w_t = 0.6 w_{t-1} + e_t + 0.3 e_{t-1} with a deterministic pseudo-random e.
        let mut state = 7u64;
        let mut e = || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 3.46
        };
        let (mut w, mut prev_w, mut prev_e) = (Vec::new(), 0.0, 0.0);
        for _ in 0..2000 {
            let et = e();
            let wt = 0.6 * prev_w + et + 0.3 * prev_e;
            w.push(wt);
            (prev_w, prev_e) = (wt, et);
        }
        let (phi, theta) = two_regressions(&w, 1, 1, 1).expect("long enough");
        assert!((phi[0] - 0.6).abs() < 0.08 && (theta[0] - 0.3).abs() < 0.08, "{phi:?} {theta:?}");
        assert!(two_regressions(&w[..5], 1, 1, 1).is_none());
        // A seasonal MA block of period 365: no 730-lag regression.
        assert!(two_regressions(&w, 0, 1, 365).is_none());
    }
}
