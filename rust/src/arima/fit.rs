//! The fitting procedure of R's `stats::arima` (arima.R), read as its steps:
//!
//! 1. set-up (`objective::setup`): the regression start (intercept and/or
//!    drift) by least squares on the differenced series, `parscale = 10 *
//!    s.e.` for it; with two regressors (intercept and drift, d + D == 0)
//!    the optimizer works on coefficients of the regressors rotated by the
//!    right singular vectors of the regression matrix, as R does for a
//!    multi-column `xreg`;
//! 2. [`css_start`]: conditional-sum-of-squares fit (BFGS) for ARMA starting
//!    values ("CSS-ML"; "ML" starts from zero ARMA coefficients);
//! 3. [`ml_start`]: AR blocks mapped to unconstrained values (inverse PACF
//!    transform), MA blocks made invertible;
//! 4. [`ml_optimise`]: exact maximum likelihood (BFGS on the concentrated
//!    likelihood), then the restarts of `restart` (off a stationary start,
//!    off an AR unit root, off the MA unit circle) and, outside auto-ARIMA's
//!    candidates ("CSS-ML" strict), the second starts of `second_start`;
//! 5. [`ml_result`]: MA blocks made invertible again, numerical Hessian in
//!    the transformed parameters and delta-method standard errors, and a
//!    final Kalman pass for residuals, sigma^2 and the forecast state.
//!
//! "CSS" alone ([`css_result`]) is step 2 followed by R's CSS summary:
//! `sigma2` is the conditional sum of squares over the residuals counted,
//! the log-likelihood `-0.5 n.used (log(2 pi sigma2) + 1)`, standard errors
//! from the Hessian of the CSS objective, residuals the conditional ones
//! (zero for the first `d + D s + p + P s`), and the forecast state from a
//! Kalman pass at the CSS estimates (R's `arimaSS`).
//!
//! The likelihood is R's with the diffuse start treated exactly (see
//! `kalman`): for complete data, the likelihood of the differenced series.
//!
//! Deviation from R: when the CSS estimates are non-stationary (R stops with
//! "non-stationary AR part from CSS") the ML fit starts from zero ARMA
//! coefficients instead. The ML optimizer also runs to a tighter tolerance
//! than R's default `reltol` so that the reported optimum is at least as
//! good as R's, and when it ends with an MA root on the unit circle (a
//! stationary point of the likelihood, which is symmetric under MA root
//! inversion) it is restarted from other points and the best optimum kept.

use std::sync::atomic::AtomicBool;

use super::hessian::checked_standard_errors;
use super::linear::{Css, Ml};
use super::model::{ArimaFit, Selection};
use super::final_pass::final_pass;
use super::objective::{setup_xreg, to_raw, Problem, Setup};
use super::units::degenerate;
use super::restart::{leave_stationary_start, restart_off_boundary, restart_off_unit_root};
use super::second_start::{second_start, Kept};
use super::spec::ArimaSpec;
use super::stages::{check_cancel, CSS_OPTIONS, ML_OPTIONS};
use super::transform::{ar_is_stationary, grad_trans, ma_invert, undo_pars};
use super::xreg::Regressors;
use crate::error::{invalid, CoreError, CoreResult};
use crate::numerics::optim::bfgs::minimize;

/// The estimation method, as R's `stats::arima(method = ...)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FitMethod {
    /// Conditional sum of squares for starting values, then exact maximum
    /// likelihood (R's default "CSS-ML").
    #[default]
    CssMl,
    /// Exact maximum likelihood from zero ARMA coefficients ("ML").
    Ml,
    /// Conditional sum of squares only ("CSS"): cheaper, used by auto-ARIMA's
    /// approximation; `sigma2` and the log-likelihood follow R's CSS definitions.
    Css,
    /// "CSS-ML" exactly as R: fails when the converged CSS estimates have a
    /// non-stationary AR part (R stops with "non-stationary AR part from
    /// CSS") instead of starting ML from zero. Auto-ARIMA uses it so that it
    /// rejects the same candidates as `forecast::auto.arima`.
    CssMlStrict,
}

/// Options of [`fit_with`]. `FitOptions::default()` is what [`fit`] uses.
#[derive(Debug, Clone, Copy, Default)]
pub struct FitOptions<'a> {
    pub method: FitMethod,
    /// When set (by any thread) the fit stops at its next objective
    /// evaluation (long filter passes poll it too) and returns
    /// [`CoreError::Cancelled`].
    pub cancel: Option<&'a AtomicBool>,
}

/// Fits the model to `y` (NaN = missing) by R's default "CSS-ML".
pub fn fit(spec: &ArimaSpec, y: &[f64]) -> CoreResult<ArimaFit> {
    fit_with(spec, y, &FitOptions::default())
}

/// Fits the model to `y` (NaN = missing) with the given method, stopping
/// with [`CoreError::Cancelled`] when `options.cancel` is set.
pub fn fit_with(spec: &ArimaSpec, y: &[f64], options: &FitOptions<'_>) -> CoreResult<ArimaFit> {
    fit_xreg(spec, y, &Regressors::none(), options)
}

/// Regression with ARIMA errors (R's `forecast::Arima(y, xreg = )`): `y` on the
/// intercept and drift `spec` asks for and the columns of `xreg` (one row per value of
/// y), the errors following `spec`'s ARIMA model. Coefficients in R's order, the
/// regressors' after intercept and drift; forecasts need the regressors' future values
/// ([`ArimaFit::forecast_xreg`]).
pub fn fit_xreg(spec: &ArimaSpec, y: &[f64], xreg: &Regressors, options: &FitOptions<'_>) -> CoreResult<ArimaFit> {
    let Setup { mut prob, init, parscale, n_used, scale } = setup_xreg(spec, y, xreg, options.cancel)?;
    let mut fit = match options.method {
        FitMethod::Css => {
            let coef = css_estimate(&mut prob, &init, &parscale)?;
            css_result(spec, prob, &coef, &parscale, n_used, scale.factor)?
        }
        FitMethod::CssMl | FitMethod::Ml | FitMethod::CssMlStrict => {
            let init = match options.method {
                FitMethod::Ml => init,
                method => css_start(&mut prob, init, &parscale, method == FitMethod::CssMlStrict)?,
            };
            let (start, zero_start) = ml_start(&mut prob, &init)?;
            let (raw, f) = ml_optimise(&mut prob, &start, &parscale)?;
            let (raw, f) = leave_stationary_start(&mut prob, &start, raw, f, &parscale)?;
            let (raw, f) = restart_off_unit_root(&mut prob, raw, f, &start, &zero_start, &parscale)?;
            let raw = restart_off_boundary(&mut prob, raw, f, &zero_start, &parscale)?;
            let kept = if options.method == FitMethod::CssMlStrict {
                Kept { raw, hessian: None }
            } else {
                second_start(&mut prob, raw, &start, &zero_start, &parscale, n_used)?
            };
            ml_result(spec, prob, kept, &parscale, n_used, scale.factor)?
        }
    };
    to_units_of_y(&mut fit, scale.factor, y)?;
    fit.xreg_names = xreg.names().to_vec();
    fit.xreg = xreg.columns().to_vec();
    Ok(fit)
}

/// Maps a fit of `y / factor` back to the units of `y`: mean, drift and
/// their standard errors, the log-likelihood (the density of y is that of
/// y / factor times factor^-n), residuals and the filtered state (its
/// covariance is in units of sigma2 and does not change). sigma2 stays in
/// the fit's units beside `factor` (`ArimaFit::scale`): in the units of y it
/// may overflow (data at 1e160) or underflow (at 1e-160) while the standard
/// deviation, forecasts and intervals are representable.
pub(super) fn to_units_of_y(fit: &mut ArimaFit, factor: f64, y: &[f64]) -> CoreResult<()> {
    let narma = fit.spec.n_arma();
    for i in narma..fit.coef.len() {
        fit.coef[i] *= factor;
        fit.std_errors[i] *= factor;
    }
    fit.scale = factor;
    fit.loglik -= fit.n_used as f64 * factor.ln();
    for r in fit.residuals.iter_mut().chain(fit.state_a.iter_mut()) {
        *r *= factor;
    }
    let finite = fit.coef.iter().chain(&fit.state_a).all(|v| v.is_finite())
        && fit.residuals.iter().all(|v| !v.is_infinite())
        && fit.loglik.is_finite()
        && fit.sigma().is_finite();
    if !finite {
        return invalid(format!(
            "y is too large for double precision: its fitted values or innovations ({:e}) overflow; divide y by a \
             constant (the fit scales back exactly)",
            fit.sigma()
        ));
    }
    fit.y = y.to_vec();
    Ok(())
}

/// The CSS optimum (R's `optim(init, armaCSS)`), in the optimizer's
/// coordinates (natural ARMA, rotated regression). Not checked for stationarity.
fn css_estimate(prob: &mut Problem<'_>, init: &[f64], parscale: &[f64]) -> CoreResult<Vec<f64>> {
    let css = minimize(Css(&mut *prob), init, parscale, &CSS_OPTIONS);
    check_cancel(prob)?;
    if !css.f.is_finite() || css.x.iter().any(|v| !v.is_finite()) {
        return Err(CoreError::Numerical("the conditional sum of squares is not finite at the starting values".into()));
    }
    Ok(css.x)
}

/// 2. CSS starting values for ML: the CSS optimum when it converged to a
///    stationary point, else `init` unchanged.
fn css_start(prob: &mut Problem<'_>, mut init: Vec<f64>, parscale: &[f64], strict: bool) -> CoreResult<Vec<f64>> {
    let layout = prob.layout;
    if prob.narma > 0 {
        let css = minimize(Css(&mut *prob), &init, parscale, &CSS_OPTIONS);
        check_cancel(prob)?;
        if css.converged && css.f.is_finite() && css.x.iter().all(|v| v.is_finite()) {
            let ok = ar_is_stationary(&css.x[layout.ar()]) && ar_is_stationary(&css.x[layout.sar()]);
            if ok {
                init.copy_from_slice(&css.x);
            } else if strict {
                return Err(CoreError::Numerical("non-stationary AR part from CSS".into()));
            }
        }
    }
    Ok(init)
}

/// 3. Transform the start: AR -> atanh(PACF), MA -> invertible. Returns the
///    start and the zero-ARMA start (regression part kept) used as fallback.
fn ml_start(prob: &mut Problem<'_>, init: &[f64]) -> CoreResult<(Vec<f64>, Vec<f64>)> {
    let layout = prob.layout;
    let narma = prob.narma;
    let mut zero_start = vec![0.0; init.len()];
    zero_start[narma..].copy_from_slice(&init[narma..]);
    let mut start = to_raw(&layout, init).unwrap_or_else(|| zero_start.clone());
    if !prob.ml(&start).is_finite() {
        start = zero_start.clone();
        if !prob.ml(&start).is_finite() {
            check_cancel(prob)?;
            return Err(CoreError::Numerical(
                "the likelihood is not finite at the starting values; cannot fit this series".into(),
            ));
        }
    }
    Ok((start, zero_start))
}

/// 4. Exact ML from `start`: the optimum (transformed parameters) and its objective.
fn ml_optimise(prob: &mut Problem<'_>, start: &[f64], parscale: &[f64]) -> CoreResult<(Vec<f64>, f64)> {
    let ml = minimize(Ml(&mut *prob), start, parscale, &ML_OPTIONS);
    check_cancel(prob)?;
    if !ml.f.is_finite() || ml.x.iter().any(|v| !v.is_finite()) {
        return Err(CoreError::Numerical("maximum likelihood optimization failed to find a finite optimum".into()));
    }
    Ok((ml.x, ml.f))
}

/// 5. MA invertibility (R's `maInvert`), Hessian and standard errors, then
///    the final pass (R: `ARIMA_Like` with residuals) for residuals, sigma2
///    and the forecasting state. `kept.hessian`, when given, is the Hessian at
///    `kept.raw` with its MA blocks made invertible (`second_start` computed it there).
fn ml_result(spec: &ArimaSpec, mut prob: Problem<'_>, kept: Kept, parscale: &[f64], n_used: usize, factor: f64) -> CoreResult<ArimaFit> {
    let Kept { mut raw, hessian } = kept;
    let layout = prob.layout;
    let narma = prob.narma;
    let k = raw.len();
    for block in [layout.ma(), layout.sma()] {
        if !block.is_empty() {
            let inv = ma_invert(&raw[block.clone()]);
            raw[block].copy_from_slice(&inv);
        }
    }
    let f_final = prob.ml(&raw);
    check_cancel(&prob)?;
    if !f_final.is_finite() {
        return Err(CoreError::Numerical("the likelihood is not finite at the optimum".into()));
    }
    let mut a = grad_trans(&layout, &raw);
    regression_jacobian(&prob, &mut a);
    let std_errors = checked_standard_errors(hessian, Ml(&mut prob), &raw, parscale, narma, factor, &a, n_used as f64);
    check_cancel(&prob)?;
    let mut coef = vec![0.0; k];
    undo_pars(&layout, &raw, &mut coef);
    let nreg = prob.reg.k();
    let beta = prob.beta(&raw);
    coef[narma..].copy_from_slice(&beta[..nreg]);
    if coef.iter().any(|v| !v.is_finite()) {
        return Err(CoreError::Numerical("non-finite coefficients at the optimum".into()));
    }
    let complete = prob.complete;
    let fin = final_pass(&mut prob, &coef, complete)?;
    let sigma2 = fin.sums.ssq / n_used as f64;
    let nu = n_used as f64;
    let value = 2.0 * nu * f_final + nu + nu * (2.0 * std::f64::consts::PI).ln();
    let loglik = -0.5 * value;
    check_not_degenerate(spec, &prob, sigma2)?;
    if !loglik.is_finite() {
        return Err(CoreError::Numerical("the log-likelihood is not finite at the optimum".into()));
    }
    Ok(ArimaFit {
        spec: spec.clone(),
        coef,
        std_errors,
        sigma2,
        scale: 1.0,
        loglik,
        n_used,
        y: prob.y.clone(),
        residuals: fin.residuals,
        state_a: fin.a,
        state_p: fin.p,
        selection: Selection::default(),
        xreg_names: Vec::new(),
        xreg: Vec::new(),
        fourier: Vec::new(),
        fourier_end: 0,
    })
}

/// R's "CSS" summary at the CSS estimate `est` (optimizer coordinates).
fn css_result(spec: &ArimaSpec, mut prob: Problem<'_>, est: &[f64], parscale: &[f64], n_used: usize, factor: f64) -> CoreResult<ArimaFit> {
    let layout = prob.layout;
    let narma = prob.narma;
    let k = est.len();
    if !(ar_is_stationary(&est[layout.ar()]) && ar_is_stationary(&est[layout.sar()])) {
        return Err(CoreError::Numerical(
            "non-stationary AR part from CSS: no forecasting state for this model; use the ML method".into(),
        ));
    }
    // R: var <- solve(res$hessian * n.used), the Hessian of armaCSS in the
    // optimizer's coordinates (no AR transform with CSS).
    let mut a = vec![0.0; k * k];
    for i in 0..narma {
        a[i * k + i] = 1.0;
    }
    regression_jacobian(&prob, &mut a);
    let std_errors = checked_standard_errors(None, Css(&mut prob), est, parscale, narma, factor, &a, n_used as f64);
    check_cancel(&prob)?;
    let mut coef = est.to_vec();
    let nreg = prob.reg.k();
    let beta = prob.beta(est);
    coef[narma..].copy_from_slice(&beta[..nreg]);
    // R: ARIMA_CSS(x, ..., giveResid = TRUE): sigma2 = ssq / nu, residuals
    // zero for the first d + D s observations and the AR conditioning ones.
    let (ssq, nu, css_resid) = prob.css_residuals(est);
    let sigma2 = ssq / nu as f64;
    let nd = prob.delta.len();
    let mut residuals = vec![0.0; nd];
    residuals.extend_from_slice(&css_resid);
    let loglik = -0.5 * n_used as f64 * ((2.0 * std::f64::consts::PI * sigma2).ln() + 1.0);
    check_not_degenerate(spec, &prob, sigma2)?;
    // R's arimaSS: a Kalman pass at the CSS estimates for the forecasting state.
    let complete = prob.complete;
    let fin = final_pass(&mut prob, &coef, complete)?;
    check_cancel(&prob)?;
    Ok(ArimaFit {
        spec: spec.clone(),
        coef,
        std_errors,
        sigma2,
        scale: 1.0,
        loglik,
        n_used,
        y: prob.y.clone(),
        residuals,
        state_a: fin.a,
        state_p: fin.p,
        selection: Selection::default(),
        xreg_names: Vec::new(),
        xreg: Vec::new(),
        fourier: Vec::new(),
        fourier_end: 0,
    })
}

/// A fitted innovation variance that is zero relative to the scale of y
/// (the model reproduces y exactly) is an error naming that cause; the same
/// rule as for degenerate data in the set-up.
fn check_not_degenerate(spec: &ArimaSpec, prob: &Problem<'_>, sigma2: f64) -> CoreResult<()> {
    if !sigma2.is_finite() {
        return Err(CoreError::Numerical("the innovation variance is not finite at the optimum".into()));
    }
    if degenerate(sigma2.sqrt(), prob.y_max) {
        return invalid(format!(
            "degenerate fit: {} reproduces y exactly (innovation variance zero relative to the scale of y)",
            spec.label()
        ));
    }
    Ok(())
}

/// Regression block of the Jacobian from optimizer to reported
/// coefficients: d beta_j / d gamma_i = V_{ji} (R's `A[ind, ind] <- S$v`).
fn regression_jacobian(prob: &Problem<'_>, a: &mut [f64]) {
    let (narma, nreg) = (prob.narma, prob.reg.k());
    let k = narma + nreg;
    for i in 0..nreg {
        for j in 0..nreg {
            a[(narma + i) * k + narma + j] = prob.reg.v[j][i];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arima::objective::loglik_at;
    use crate::arima::objective::tests::{airline, US_ACC_DEATHS};

    #[test]
    fn our_optimum_beats_r_printed_values() {
        let f = fit(&airline(), &US_ACC_DEATHS).expect("fit");
        let at_r = loglik_at(&airline(), &US_ACC_DEATHS, &[-0.4303, -0.5528]).expect("loglik");
        assert!(f.log_likelihood() >= at_r - 1e-9, "ours {} at R's coefficients {}", f.log_likelihood(), at_r);
    }
}
