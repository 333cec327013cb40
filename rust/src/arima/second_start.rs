//! Second starts of fixed-order fits (R's "CSS-ML" and "ML" methods, not auto-ARIMA's
//! candidates, whose criteria must stay R's): the likelihood of an ARMA model has several
//! local optima, and the CSS start leads to one of them. On random series/order pairs,
//! statsmodels (other starting values) ended up to 200 log-likelihood units higher than R and
//! lagrs, often at a supremum next to the unit circle: an AR root near +1 or -1 cancelling
//! an MA root there (which leaves a free level), or an AR/MA pair mirrored through zero.

use super::circle_scan::{ar_off_circle, circle_starts};
use super::end_point;
use super::final_pass::final_pass;
use super::hessian::numerical_hessian;
use super::ls_start::{ml_from_invertible, ml_from_least_squares};
use super::linear::Ml;
use super::objective::Problem;
use super::restart::{invertible, ml_from};
use super::stages::check_cancel;
use super::transform::undo_pars;
use crate::error::CoreResult;

/// The first AR partial autocorrelation of the boundary starts: an AR root next to +-1.
const START_PACF: f64 = 0.99;

/// A second start replaces the end point only when its log-likelihood is higher by more
/// than this: the same optimum reached along another path differs by far less, and a fit
/// that reaches R's optimum keeps R's estimates.
const MIN_GAIN: f64 = 1e-3;

/// The end point `second_start` keeps and, when that is the first end point and its ridge
/// test computed it, the Hessian of the objective there (the fit's standard errors reuse it).
pub(crate) struct Kept {
    pub(crate) raw: Vec<f64>,
    pub(crate) hessian: Option<Vec<f64>>,
}

/// 4d. Only where the end point (MA part made invertible) is flagged: by
///     [`end_point::flags`] (a root next to the unit circle, a nearly cancelling pair), else
///     by [`end_point::on_ridge`] at the Hessian there (not positive definite, two estimates
///     correlated beyond 0.9), else, with only the second of the starts below, by having at
///     least [`end_point::MANY_TERMS`] ARMA coefficients. Then ML from two further starts,
///     each compared with its MA part made invertible (as the fit reports it). With a
///     non-seasonal AR part: the end point with its first AR partial autocorrelation at
///     -0.99, and zero ARMA coefficients (with the regression start) but that at +0.99.
///     Otherwise: the end point with every ARMA coordinate negated (seasonal
///     AR partial autocorrelations, MA coefficients), and zero ARMA coefficients (R's "ML"
///     start) when the fit started elsewhere. And in every case ML from least-squares
///     estimates with the MA part kept invertible (`ls_start`, statsmodels' kind of start).
///     Where the end point has an MA root on the unit circle in a block of two or more
///     coefficients, ML (MA kept invertible) from that block's two roots nearest the circle
///     replaced by a pair at each angle of `circle_scan`'s grid; an end point of these with
///     an AR root on the circle does not count (`circle_scan::ar_off_circle`).
///     The best replaces `raw` when it gains more than [`MIN_GAIN`], its likelihood over
///     every innovation is higher too (R's rule, which the reported value follows, leaves out
///     those with a variance of `DIFFUSE_GAIN` innovation variances or more, which inflates
///     the value next to an AR unit root) and the final filter pass succeeds there. Three
///     more ML optimisations per flagged fit (two where only the size flags it), six more per
///     MA block on the circle.
pub(crate) fn second_start(
    prob: &mut Problem<'_>,
    raw: Vec<f64>,
    start: &[f64],
    zero_start: &[f64],
    parscale: &[f64],
    n_used: usize,
) -> CoreResult<Kept> {
    let narma = prob.narma;
    if narma == 0 {
        return Ok(Kept { raw, hessian: None });
    }
    let layout = prob.layout;
    let (end, end_f) = invertible(prob, &raw);
    let end_all = if end_f.is_finite() { prob.last_all } else { f64::INFINITY };
    // Ordinary fits end away from the likelihood's flat ridges and skip the extra starts,
    // which cost 2 to 5 times the first optimisation. The Hessian is the one the standard
    // errors need at this point anyway, so the ridge test adds no objective evaluations.
    let mut hessian = None;
    let mut one_start = false;
    if !end_point::flags(prob, &end, end_f).any() {
        let h = numerical_hessian(Ml(&mut *prob), &end, parscale);
        check_cancel(prob)?;
        let ridge = end_point::on_ridge(&h, end.len(), narma);
        hessian = Some(h);
        if !ridge {
            if narma < end_point::MANY_TERMS {
                return Ok(Kept { raw, hessian });
            }
            one_start = true;
        }
    }
    // The scan asks where along the circle this end point's supremum should lie, so it
    // starts from this end point (AR and regression parts kept), not from the other starts'.
    let scan = circle_starts(&layout, &end);
    let mut starts = Vec::with_capacity(2);
    if layout.p > 0 {
        let near_unit = START_PACF.atanh();
        let mut at_minus_one = end;
        at_minus_one[0] = -near_unit;
        starts.push(at_minus_one);
        let mut at_one = zero_start.to_vec();
        at_one[0] = near_unit;
        starts.push(at_one);
    } else {
        let mut flipped = end;
        for v in &mut flipped[..narma] {
            *v = -*v;
        }
        starts.push(flipped);
        if start[..narma] != zero_start[..narma] {
            starts.push(zero_start.to_vec());
        }
    }
    if one_start && starts.len() == 2 {
        // Large models flagged by their size alone: only the start from zero ARMA
        // coefficients, which found their poorer optima's better neighbours on the set.
        starts.remove(0);
    }
    // The objective is the log-likelihood divided by -n_used (plus a constant).
    let bar = end_f - MIN_GAIN / n_used as f64;
    let mut best: Option<(Vec<f64>, f64)> = None;
    // `all`: the candidate's objective over every innovation (`ml_from` evaluates it last).
    // R's rule leaves out those with a variance of `DIFFUSE_GAIN` innovation variances or
    // more and scales the rest to all observations, so next to an AR unit root a value over
    // fewer innovations is inflated (by up to 2000 units on the comparison set): values over
    // different innovations are not comparable, those over all of them are. A candidate must
    // be better on both.
    let mut keep = |found: Option<(Vec<f64>, f64)>, all: f64| {
        if let Some((x, f)) = found {
            if f < bar && all < end_all && best.as_ref().is_none_or(|b| f < b.1) {
                best = Some((x, f));
            }
        }
    };
    for st in starts {
        let found = ml_from(prob, &st, parscale)?;
        keep(found, prob.last_all);
    }
    let found = ml_from_least_squares(prob, zero_start, parscale)?;
    keep(found, prob.last_all);
    for st in scan {
        let found = ml_from_invertible(prob, &st, parscale)?.filter(|(x, _)| ar_off_circle(&layout, x));
        keep(found, prob.last_all);
    }
    match best {
        Some((x, _)) if final_pass_succeeds(prob, &x) => Ok(Kept { raw: x, hessian: None }),
        _ => Ok(Kept { raw, hessian }),
    }
}

/// True when the fit's final filter pass (residuals and forecasting state) succeeds at `raw`:
/// an AR partial autocorrelation within rounding of 1 leaves a finite likelihood but no
/// stationary state covariance.
fn final_pass_succeeds(prob: &mut Problem<'_>, raw: &[f64]) -> bool {
    let mut coef = vec![0.0; raw.len()];
    undo_pars(&prob.layout, raw, &mut coef);
    let beta = prob.beta(raw);
    let narma = prob.narma;
    coef[narma..].copy_from_slice(&beta[..prob.reg.k()]);
    let complete = prob.complete;
    coef.iter().all(|v| v.is_finite()) && final_pass(prob, &coef, complete).is_ok()
}
