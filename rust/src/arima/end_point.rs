//! Signs that the ML optimizer stopped at a poor end point rather than at the optimum
//! (the trigger of `restart::restart_off_suspect_end`): an AR block at the edge of the
//! stationary region, an AR and an MA factor that almost cancel, or a mean far outside
//! the data. Each is where BFGS in the transformed parameters stalls: near a unit root
//! the PACF transform is flat (tanh saturates), a cancelling pair leaves the likelihood
//! flat along a ridge, and with both the mean is barely identified.

use super::objective::Problem;
use super::roots::{polyroot, Complex};
use super::transform::undo_pars;

/// A partial autocorrelation within this of +-1 puts an AR block at the unit circle.
const PACF_EDGE: f64 = 1e-3;
/// An AR and an MA root (of the same block pair) closer than this almost cancel.
const CANCEL_DISTANCE: f64 = 0.05;
/// A mean further than this many data ranges from the data's mean is far outside it.
const MEAN_RANGES: f64 = 1.0;

/// True when the end point `raw` (the optimizer's coordinates) shows one of the signs.
pub(crate) fn suspect(prob: &Problem<'_>, raw: &[f64]) -> bool {
    let l = prob.layout;
    let at_edge = l.ar().chain(l.sar()).any(|i| raw[i].tanh().abs() > 1.0 - PACF_EDGE);
    at_edge || cancelling(prob, raw) || mean_far_outside(prob, raw)
}

/// An AR root within [`CANCEL_DISTANCE`] of an MA root, in the non-seasonal or the
/// seasonal pair of blocks.
fn cancelling(prob: &Problem<'_>, raw: &[f64]) -> bool {
    let l = prob.layout;
    let mut nat = vec![0.0; raw.len()];
    undo_pars(&l, raw, &mut nat);
    [(l.ar(), l.ma()), (l.sar(), l.sma())].into_iter().any(|(ar, ma)| {
        if ar.is_empty() || ma.is_empty() {
            return false;
        }
        let ar_roots = roots(&nat[ar], -1.0);
        let ma_roots = roots(&nat[ma], 1.0);
        ar_roots.iter().any(|a| ma_roots.iter().any(|m| a.sub(*m).abs() < CANCEL_DISTANCE))
    })
}

/// Roots of `1 + sign * sum c_i z^i` (trailing zeros dropped).
fn roots(c: &[f64], sign: f64) -> Vec<Complex> {
    let Some(last) = c.iter().rposition(|&v| v != 0.0) else { return Vec::new() };
    let mut coef = Vec::with_capacity(last + 2);
    coef.push(1.0);
    coef.extend(c[..=last].iter().map(|v| sign * v));
    polyroot(&coef)
}

/// A lone intercept (no drift, no differencing) more than [`MEAN_RANGES`] ranges of the
/// data from their mean.
fn mean_far_outside(prob: &Problem<'_>, raw: &[f64]) -> bool {
    if prob.reg.k() != 1 || prob.reg.cols[0].iter().any(|&v| v != 1.0) || !prob.delta.is_empty() {
        return false;
    }
    let obs = || prob.y.iter().copied().filter(|v| !v.is_nan());
    let (lo, hi) = obs().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let count = obs().count() as f64;
    let mean = obs().sum::<f64>() / count;
    (prob.beta(raw)[0] - mean).abs() > MEAN_RANGES * (hi - lo)
}
