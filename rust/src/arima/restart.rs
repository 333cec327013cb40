//! Restarts of the ML optimizer from points that are not stationary points
//! of the likelihood: off a start where the gradient vanishes by symmetry,
//! and off an MA root on the unit circle (steps 4a and 4b of `fit`).

use super::linear::Ml;
use super::objective::Problem;
use super::roots::lag_polynomial_roots;
use super::stages::{check_cancel, ML_OPTIONS};
use super::transform::{ma_invert, Layout};
use crate::error::CoreResult;
use crate::numerics::optim::bfgs::minimize;

/// ARMA coordinates of the perturbed restarts in [`leave_stationary_start`]
/// (transformed parameters: atanh of PACF for AR, plain MA).
const PERTURBATION: f64 = 0.1;

/// 4a. When the ML optimizer never moved the ARMA coefficients from their
///     start, the start was a stationary point of the likelihood in them:
///     with every other value missing, for example, the likelihood of an
///     ARMA(1, q) is symmetric under (ar, ma) -> (-ar, -ma) and its gradient
///     at ar = ma = 0 vanishes exactly, a saddle when the data are
///     autocorrelated. Restart from small perturbations of the ARMA part
///     (same and opposite signs for MA) and keep the best optimum.
pub(crate) fn leave_stationary_start(
    prob: &mut Problem<'_>,
    start: &[f64],
    raw: Vec<f64>,
    f: f64,
    parscale: &[f64],
) -> CoreResult<(Vec<f64>, f64)> {
    let layout = prob.layout;
    let narma = prob.narma;
    if narma == 0 || raw[..narma] != start[..narma] {
        return Ok((raw, f));
    }
    let (mut best, mut best_f) = (raw, f);
    for ma_sign in [1.0, -1.0] {
        let mut st = best.clone();
        for i in layout.ar().chain(layout.sar()) {
            st[i] = start[i] + PERTURBATION;
        }
        for i in layout.ma().chain(layout.sma()) {
            st[i] = start[i] + ma_sign * PERTURBATION;
        }
        keep_if_better(prob, &st, parscale, &mut best, &mut best_f)?;
        if layout.ma().is_empty() && layout.sma().is_empty() {
            break;
        }
    }
    Ok((best, best_f))
}

/// 4b. Safeguard against a boundary local optimum: an MA block with a root
///     on (or within MA_BOUNDARY of) the unit circle is where BFGS from the
///     CSS start can get stuck (e.g. an almost cancelling seasonal AR/MA pair
///     with the seasonal MA at -1). Restart ML from zero ARMA coefficients,
///     from the optimum with its MA blocks shrunk, and from that with the
///     seasonal AR/MA signs flipped; keep the best. Only fits ending on the
///     MA boundary pay for the restarts.
pub(crate) fn restart_off_boundary(
    prob: &mut Problem<'_>,
    mut raw: Vec<f64>,
    f: f64,
    zero_start: &[f64],
    parscale: &[f64],
) -> CoreResult<Vec<f64>> {
    let layout = prob.layout;
    if !ma_on_boundary(&layout, &raw) {
        return Ok(raw);
    }
    let mut best_f = f;
    // MA blocks are pulled halfway to zero in the restarts: the likelihood is
    // symmetric under MA root inversion, so a start at the boundary stays there.
    let shrink = |x: &mut Vec<f64>| {
        for i in layout.ma().chain(layout.sma()) {
            x[i] *= 0.5;
        }
    };
    let mut starts = vec![zero_start.to_vec()];
    let mut shrunk = raw.clone();
    shrink(&mut shrunk);
    starts.push(shrunk);
    if !layout.sar().is_empty() && !layout.sma().is_empty() {
        let mut flipped = raw.clone();
        for i in layout.sar().chain(layout.sma()) {
            flipped[i] = -flipped[i];
        }
        shrink(&mut flipped);
        starts.push(flipped);
    }
    for st in starts {
        keep_if_better(prob, &st, parscale, &mut raw, &mut best_f)?;
    }
    Ok(raw)
}

/// A partial autocorrelation of the AR or seasonal AR block beyond this in modulus (in the
/// optimizer's coordinates, atanh of it) flags an end point next to a unit root.
const NEAR_UNIT_PACF: f64 = 0.99;

/// 4c. Safeguard against an end point next to an AR unit root. There the mean (or drift)
///     is hardly determined and the likelihood flat along a ridge, and BFGS from the CSS
///     start can follow the ridge to a point far below the optimum (the AR part at 0.9986
///     and the mean 13 standard deviations off). Restart from zero ARMA coefficients with
///     the least-squares regression start, from the start with its ARMA part halved, and
///     from the end point (MA made invertible) with its AR blocks pulled back from the unit
///     circle and the regression start restored. Only flagged fits pay for the restarts.
///     End points are compared with their MA blocks made invertible, as the fit reports
///     them: beyond the MA unit circle, with MA coefficients in the tens, the filter's
///     value is not accurate enough to rank optima. A restart replaces the end point only
///     when strictly better there, and also in the likelihood over every innovation (R's
///     rule leaves out those with a variance of `DIFFUSE_GAIN` or more, next to a unit root
///     the first ones, which inflates the value; see `second_start`).
pub(crate) fn restart_off_unit_root(
    prob: &mut Problem<'_>,
    raw: Vec<f64>,
    f: f64,
    start: &[f64],
    zero_start: &[f64],
    parscale: &[f64],
) -> CoreResult<(Vec<f64>, f64)> {
    let layout = prob.layout;
    let limit = NEAR_UNIT_PACF.atanh();
    let flagged = layout.ar().chain(layout.sar()).any(|i| !(raw[i].abs() <= limit));
    if !flagged {
        return Ok((raw, f));
    }
    let narma = prob.narma;
    let (end, end_f) = invertible(prob, &raw);
    let mut bar_all = if end_f.is_finite() { prob.last_all } else { f64::INFINITY };
    let mut halved = start.to_vec();
    for v in &mut halved[..narma] {
        *v *= 0.5;
    }
    let mut pulled = end.clone();
    for i in layout.ar().chain(layout.sar()) {
        pulled[i] = pulled[i].clamp(-1.0, 1.0);
    }
    pulled[narma..].copy_from_slice(&zero_start[narma..]);
    let mut best: Option<(Vec<f64>, f64)> = None;
    let mut bar = end_f;
    let mut starts = vec![end, zero_start.to_vec(), halved, pulled];
    // A restart that improved is continued from its end point with a fresh Hessian while it
    // still improves: along the ridge next to a unit root BFGS stops on small steps.
    let mut rounds = 0;
    while let Some(st) = starts.pop() {
        let Some((alt_x, alt_f)) = ml_from(prob, &st, parscale)? else { continue };
        if alt_f < bar && prob.last_all < bar_all {
            bar = alt_f;
            bar_all = prob.last_all;
            best = Some((alt_x.clone(), alt_f));
            if rounds < MAX_CONTINUATIONS {
                rounds += 1;
                starts.push(alt_x);
            }
        }
    }
    Ok(best.unwrap_or((raw, f)))
}

/// How often an improving restart of [`restart_off_unit_root`] is continued.
const MAX_CONTINUATIONS: usize = 4;

/// The ML optimum from `start`, with its MA blocks made invertible, and the objective there;
/// `None` where the likelihood is not finite at the start or the optimum is not finite.
pub(crate) fn ml_from(prob: &mut Problem<'_>, start: &[f64], parscale: &[f64]) -> CoreResult<Option<(Vec<f64>, f64)>> {
    if !prob.ml(start).is_finite() {
        return Ok(None);
    }
    let alt = minimize(Ml(&mut *prob), start, parscale, &ML_OPTIONS);
    check_cancel(prob)?;
    if !alt.f.is_finite() || alt.x.iter().any(|v| !v.is_finite()) {
        return Ok(None);
    }
    Ok(Some(invertible(prob, &alt.x)))
}

/// `raw` with its MA blocks made invertible (as `fit` reports the optimum), and the
/// objective there.
pub(crate) fn invertible(prob: &mut Problem<'_>, raw: &[f64]) -> (Vec<f64>, f64) {
    let layout = prob.layout;
    let mut x = raw.to_vec();
    for block in [layout.ma(), layout.sma()] {
        if !block.is_empty() {
            let inv = ma_invert(&x[block.clone()]);
            x[block].copy_from_slice(&inv);
        }
    }
    let f = prob.ml(&x);
    (x, if f.is_finite() { f } else { f64::INFINITY })
}

/// Runs the ML optimizer from `start` (skipped where the likelihood is not finite there) and
/// replaces `best` and `best_f` with its optimum if that is finite and lower, both compared
/// with their MA blocks made invertible (as `fit` reports them; see [`invertible`]).
fn keep_if_better(
    prob: &mut Problem<'_>,
    start: &[f64],
    parscale: &[f64],
    best: &mut Vec<f64>,
    best_f: &mut f64,
) -> CoreResult<()> {
    if !prob.ml(start).is_finite() {
        return Ok(());
    }
    let alt = minimize(Ml(&mut *prob), start, parscale, &ML_OPTIONS);
    check_cancel(prob)?;
    if alt.f.is_finite() && alt.x.iter().all(|v| v.is_finite()) && invertible(prob, &alt.x).1 < invertible(prob, best).1 {
        *best_f = alt.f;
        *best = alt.x;
    }
    Ok(())
}

/// An MA root modulus below `1 + MA_BOUNDARY` counts as on the unit circle
/// for the restart safeguard of [`fit`].
const MA_BOUNDARY: f64 = 1e-3;

/// True when the MA or seasonal MA polynomial at the (raw = natural for MA)
/// parameters has a root of modulus below `1 + MA_BOUNDARY`.
fn ma_on_boundary(layout: &Layout, raw: &[f64]) -> bool {
    [layout.ma(), layout.sma()].into_iter().any(|block| {
        lag_polynomial_roots(&raw[block], 1.0).iter().any(|r| r.abs().is_nan() || r.abs() < 1.0 + MA_BOUNDARY)
    })
}
