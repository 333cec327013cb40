//! Automatic ARIMA order selection: the Hyndman-Khandakar algorithm of R's
//! `forecast::auto.arima` (forecast 8.20), with its arguments and defaults.
//!
//! The procedure reads as `auto.arima`'s steps:
//! 1. drop leading missing values; a constant series gives ARIMA(0,0,0)
//!    with that mean (`special`);
//! 2. cap the orders by the series length;
//! 3. choose D by seasonal strength (`stats::seasonal`, over STL, with missing
//!    values filled by `na.interp`; or the OCSB or Canova-Hansen test) and d by
//!    KPSS tests (or ADF, PP; all in `stats::unit_root`), unless fixed;
//! 4. a series constant after differencing gets a fixed-coefficient model
//!    (`special`);
//! 5. search the orders stepwise or fully (`search`), each candidate fitted
//!    and scored as R's `myarima` (`candidate`).
//!
//! Modules: `options` (the settings), `candidate`, `search`, `special`. The tests, the
//! decomposition, Box-Cox and R's small helpers it uses are shared with every model family
//! (`crate::stats`).

mod candidate;
mod options;
mod search;
mod special;
pub mod text;
mod units;
mod xreg;

pub use options::{AutoArimaOptions, BoxCoxLambda, InformationCriterion, SeasonalTestKind, UnitRootTestKind};

use std::sync::atomic::AtomicBool;

use crate::arima::{self, ArimaFit, ArimaSpec, FitOptions, Regressors, Selection};
use crate::batch::{self, BatchControl};
use crate::error::{invalid, CoreError, CoreResult};
use crate::stats::boxcox;
use crate::stats::seasonal::nsdiffs_seas;
use crate::stats::series;
use crate::stats::unit_root::kpss::ndiffs_kpss;
use crate::stats::unit_root::{adf, ch, ocsb, pp};
use candidate::{Context, Model};
use search::Limits;
use units::{constant_in_any_units, ordinary_units};

/// One candidate of the search, as R prints it with `trace = TRUE`.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceEntry {
    /// Orders, period, and the mean/drift the constant stands for.
    pub spec: ArimaSpec,
    /// R's `constant`: a mean (d + D = 0) or drift (d + D = 1) was included.
    pub constant: bool,
    /// The candidate's criterion; infinite when the fit failed or was
    /// rejected (a root near the unit circle, undefined variances).
    pub ic: f64,
    /// Whether the criterion is the CSS approximation.
    pub approximate: bool,
}

/// The chosen model and how it was chosen.
#[derive(Debug, Clone)]
pub struct AutoArimaFit {
    pub fit: ArimaFit,
    pub criterion: InformationCriterion,
    /// The chosen model's criterion value (NaN for the special cases that
    /// fit no search).
    pub ic: f64,
    /// Every candidate fitted, in order.
    pub trace: Vec<TraceEntry>,
}

/// `forecast::auto.arima(y, ...)` with R's rules; `y` may hold NaN (missing).
pub fn auto_arima(y: &[f64], options: &AutoArimaOptions) -> CoreResult<AutoArimaFit> {
    auto_arima_with(y, options, None)
}

/// [`auto_arima`] that stops with [`CoreError::Cancelled`] soon after `cancel` is set (each
/// candidate fit polls it).
pub fn auto_arima_with(y: &[f64], options: &AutoArimaOptions, cancel: Option<&AtomicBool>) -> CoreResult<AutoArimaFit> {
    auto_arima_xreg(y, &Regressors::none(), options, cancel)
}

/// `forecast::auto.arima(y, xreg = )`: the order search for a regression with ARIMA
/// errors. As R, the differencing tests run on the residuals of `lm(y ~ xreg)` (constant
/// columns left out), no differencing may make a regressor constant, a rank-deficient
/// `xreg` is an error, and every candidate carries all the regressors (a constant column
/// then rules out the candidates with a mean or differencing: see `arima::fit_xreg`).
/// A constant y gets R's constant model without regressors. The Fourier terms of
/// `options.fourier` join `xreg` (last), and the fit builds their future values.
pub fn auto_arima_xreg(
    y: &[f64],
    xreg: &Regressors,
    options: &AutoArimaOptions,
    cancel: Option<&AtomicBool>,
) -> CoreResult<AutoArimaFit> {
    options.validate()?;
    // The seasonal-strength test's decomposition polls the flag through the scope.
    let fitted = crate::cancel_scope::run_with(cancel, || fourier_and_search(y, xreg, options, cancel));
    crate::cancel_scope::unless_cancelled(cancel, fitted)
}

fn fourier_and_search(
    y: &[f64],
    xreg: &Regressors,
    options: &AutoArimaOptions,
    cancel: Option<&AtomicBool>,
) -> CoreResult<AutoArimaFit> {
    if options.fourier.is_empty() {
        return search_xreg(y, xreg, options, cancel);
    }
    let mut out = search_xreg(y, &xreg.with_fourier(&options.fourier, y.len())?, options, cancel)?;
    if !out.fit.xreg_names.is_empty() {
        out.fit.fourier = options.fourier.clone();
        out.fit.fourier_end = y.len();
    }
    Ok(out)
}

fn search_xreg(y: &[f64], xreg: &Regressors, options: &AutoArimaOptions, cancel: Option<&AtomicBool>) -> CoreResult<AutoArimaFit> {
    series::refuse_infinite(y)?;
    xreg.check_rows(y.len(), "y")?;
    let Some(first) = y.iter().position(|v| !v.is_nan()) else {
        return invalid(if y.is_empty() { "y is empty".to_string() } else { "y: all values are missing".to_string() });
    };
    let x = &y[first..];
    let xreg = &xreg.from_row(first);
    let n_obs = x.iter().filter(|v| !v.is_nan()).count();
    let o = options;
    let no_search = |fit: ArimaFit| AutoArimaFit { fit, criterion: o.ic, ic: f64::NAN, trace: Vec::new() };

    if constant_in_any_units(x) {
        return Ok(no_search(special::constant(x, o.allow_mean)));
    }
    // Box-Cox after the constant check, as R; the engine's rule for lambda (range, log).
    let lambda = match o.lambda {
        None => None,
        Some(BoxCoxLambda::Fixed(l)) => Some(boxcox::model_lambda(l)?),
        Some(BoxCoxLambda::Auto) => Some(boxcox::model_lambda(boxcox::box_cox_lambda_guerrero(
            x,
            o.period,
            boxcox::AUTO_LAMBDA_LOWER,
            boxcox::GUERRERO_UPPER,
        )?)?),
    };
    let transformed;
    let x = match lambda {
        None => x,
        Some(l) => {
            // x starts at y's first observation: positions in messages are the user's
            transformed = boxcox::box_cox_for_fit_from(x, l, first)?;
            &transformed[..]
        }
    };
    let selection = |ic: Option<f64>| Selection { lambda, biasadj: o.biasadj && lambda.is_some(), ic };
    let ic = if n_obs <= 3 { InformationCriterion::Aic } else { o.ic };
    let m = if o.seasonal { o.period } else { 1 };
    let third = n_obs / 3;
    let mut max_p = o.max_p.min(third);
    let mut max_q = o.max_q.min(third);
    let mut max_sp = o.max_seasonal_p.min(n_obs / 3 / m);
    let mut max_sq = o.max_seasonal_q.min(n_obs / 3 / m);

    // With regressors the tests see the residuals of the regression on them.
    let xregg = xreg::varying(xreg);
    xreg::check_rank(&xregg, xreg.names())?;
    let xx = xreg::regression_residuals(x, &xregg);
    // Differencing orders, from tests on xx in ordinary units (see `ordinary_units`).
    let xt = ordinary_units(&xx);
    let (mut d, mut sd) = (o.d, o.seasonal_d);
    if o.stationary {
        d = Some(0);
        sd = Some(0);
    }
    let sd = if m == 1 {
        max_sp = 0;
        max_sq = 0;
        0
    } else {
        match sd {
            Some(v) => v,
            None if x.len() <= 2 * m => 0,
            None => {
                let mut v = nsdiffs(&xt, m, o);
                if v > 0 && !xreg::keeps_varying(&xregg, m, v).0 {
                    v -= 1;
                }
                if v > 0 && seasonal_diff(x, m, v).iter().all(|z| z.is_nan()) {
                    v -= 1;
                }
                v
            }
        }
    };
    refuse_cancelled(cancel)?;
    let dx = seasonal_diff(&xx, m, sd);
    let d = match d {
        Some(v) => v,
        None => {
            let mut v = ndiffs(&seasonal_diff(&xt, m, sd), o);
            if v > 0 && !xreg::keeps_varying(&xreg::keeps_varying(&xregg, m, sd).1, 1, v).0 {
                v -= 1;
            }
            if v > 0 && difference(&dx, v).iter().all(|z| z.is_nan()) {
                v -= 1;
            }
            v
        }
    };
    refuse_cancelled(cancel)?;
    let dx = difference(&dx, d);
    if dx.is_empty() {
        return Err(CoreError::InvalidArgument(format!(
            "y is too short: {} values leave none after {d} differences and {sd} seasonal differences",
            x.len()
        )));
    }
    if constant_in_any_units(&dx) && !xreg.is_empty() {
        // R: Arima(x, order = c(0, d, 0), seasonal = c(0, D, 0), xreg = xreg), a mean when
        // undifferenced, no search.
        let spec = ArimaSpec { p: 0, d, q: 0, seasonal_p: 0, seasonal_d: sd, seasonal_q: 0, period: m.max(1), include_mean: d + sd == 0, include_drift: false };
        let mut fit = arima::fit_xreg(&spec, x, xreg, &FitOptions { cancel, ..FitOptions::default() })?;
        fit.selection = selection(None);
        return Ok(no_search(fit));
    }
    if constant_in_any_units(&dx) {
        // R returns this fit without its lambda (forecasts on the transformed
        // scale); here it keeps it, so forecasts are back-transformed.
        let mut fit = special::constant_after_differencing(x, &dx, d, sd, m)?;
        fit.selection = selection(None);
        refuse_non_finite(&fit)?;
        return Ok(no_search(fit));
    }
    if m > 1 {
        if max_sp > 0 {
            max_p = max_p.min(m - 1);
        }
        if max_sq > 0 {
            max_q = max_q.min(m - 1);
        }
    }
    let approximate = o.approximation.unwrap_or(x.len() > 150 || m > 12);
    let period = m.max(1);
    let offset = if approximate {
        let spec = ArimaSpec {
            p: 0,
            d,
            q: 0,
            seasonal_p: 0,
            seasonal_d: sd,
            seasonal_q: 0,
            period,
            include_mean: d + sd == 0,
            include_drift: false,
        };
        match arima::fit_xreg(&spec, x, xreg, &FitOptions { cancel, ..FitOptions::default() }) {
            Ok(f) => -2.0 * f.log_likelihood() - n_obs as f64 * f.ln_sigma2(),
            Err(CoreError::Cancelled) => return Err(CoreError::Cancelled),
            Err(_) => 0.0,
        }
    } else {
        0.0
    };
    let allow_drift = o.allow_drift && d + sd == 1;
    let allow_mean = o.allow_mean && d + sd == 0;
    let constant = allow_drift || allow_mean;
    // myarima counts the observations of the (transformed) series it fits.
    let n_fit = x.iter().filter(|v| !v.is_nan()).count();
    let ctx = Context { x, xreg, d, seasonal_d: sd, period, n_obs: n_fit, ic, offset, cancel };
    let (mut sp0, mut sq0, mut p0, mut q0) = (o.start_seasonal_p, o.start_seasonal_q, o.start_p, o.start_q);
    if x.len() < 10 {
        p0 = p0.min(1);
        q0 = q0.min(1);
        sp0 = 0;
        sq0 = 0;
    }
    let limits = Limits {
        max_p,
        max_q,
        max_sp,
        max_sq,
        max_order: o.max_order,
        start: Model {
            p: p0.min(max_p),
            q: q0.min(max_q),
            seasonal_p: sp0.min(max_sp),
            seasonal_q: sq0.min(max_sq),
            constant,
        },
        nmodels: o.nmodels,
        toggle_constant: constant,
    };
    let outcome = if o.stepwise { search::stepwise(&ctx, &limits, approximate) } else { search::full(&ctx, &limits, approximate) };
    if ctx.cancelled() {
        return Err(CoreError::Cancelled);
    }
    match outcome.fit {
        Some(mut fit) if outcome.ic < f64::INFINITY => {
            fit.selection = selection(Some(outcome.ic));
            refuse_non_finite(&fit)?;
            Ok(AutoArimaFit { fit, criterion: ic, ic: outcome.ic, trace: outcome.trace })
        }
        _ => Err(CoreError::Numerical("no suitable ARIMA model found".into())),
    }
}

/// [`auto_arima`] for every series on all cores; a failure (or panic) in one series never
/// affects the others. Results are in input order.
pub fn auto_arima_many(series: &[&[f64]], options: &AutoArimaOptions) -> Vec<CoreResult<AutoArimaFit>> {
    match BatchControl::new(series.len(), 0) {
        Ok(control) => auto_arima_batch(series, options, &control),
        Err(e) => series.iter().map(|_| Err(e.clone())).collect(),
    }
}

/// [`auto_arima`] for every series under `control` (threads, progress, cancellation);
/// results are in input order. May be called once per chunk with the same control.
pub fn auto_arima_batch(series: &[&[f64]], options: &AutoArimaOptions, control: &BatchControl) -> Vec<CoreResult<AutoArimaFit>> {
    batch::run(series.len(), control, |i, cancel| auto_arima_with(series[i], options, Some(cancel)))
}

/// Refuses a model fitted on Box-Cox transformed data whose coefficients, sigma or likelihood
/// are not finite: the transform, not the data, made it unusable (R returns such a model).
fn refuse_non_finite(fit: &ArimaFit) -> CoreResult<()> {
    let Some(lambda) = fit.selection.lambda else {
        return Ok(());
    };
    let numbers = fit.coefficients().into_iter().chain([fit.sigma(), fit.log_likelihood()]);
    if numbers.into_iter().all(f64::is_finite) {
        return Ok(());
    }
    invalid(format!("lambda = {lambda} gives a model that is not finite (coefficients, sigma or log-likelihood)"))
}

/// `Err(Cancelled)` once `cancel` is set: checked between the phases of the procedure (each
/// bounded on its own: the tests are O(n) passes, the fits poll the flag).
fn refuse_cancelled(cancel: Option<&AtomicBool>) -> CoreResult<()> {
    if cancel.is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed)) {
        return Err(CoreError::Cancelled);
    }
    Ok(())
}

/// `forecast::nsdiffs(x, test = seasonal.test, max.D)` as auto.arima calls it.
fn nsdiffs(x: &[f64], m: usize, o: &AutoArimaOptions) -> usize {
    match o.seasonal_test {
        SeasonalTestKind::SeasonalStrength => nsdiffs_seas(x, m, o.max_seasonal_d),
        SeasonalTestKind::Ocsb => ocsb::nsdiffs_ocsb(x, m, o.max_seasonal_d),
        SeasonalTestKind::CanovaHansen => ch::nsdiffs_ch(x, m, o.seasonal_alpha, o.max_seasonal_d),
    }
}

/// `forecast::ndiffs(x, test, max.d, alpha)` as auto.arima calls it (`type = "level"`).
fn ndiffs(x: &[f64], o: &AutoArimaOptions) -> usize {
    match o.unit_root_test {
        UnitRootTestKind::Kpss => ndiffs_kpss(x, o.alpha, o.max_d),
        UnitRootTestKind::Adf => adf::ndiffs_adf(x, o.alpha, adf::Deterministic::Level, o.max_d),
        UnitRootTestKind::Pp => pp::ndiffs_pp(x, o.alpha, adf::Deterministic::Level, o.max_d),
    }
}

/// R's `diff(x, lag = m, differences = times)`.
fn seasonal_diff(x: &[f64], m: usize, times: usize) -> Vec<f64> {
    (0..times).fold(x.to_vec(), |acc, _| series::diff(&acc, m))
}

/// R's `diff(x, differences = times)`.
fn difference(x: &[f64], times: usize) -> Vec<f64> {
    seasonal_diff(x, 1, times)
}

#[cfg(test)]
mod lambda_tests {
    use super::*;

    #[test]
    fn a_value_the_box_cox_cannot_take_is_named_not_reported_as_infinite() {
        let y = [3.0, 5.0, 4.0, 6.0, 0.0, 5.0, 7.0, 6.0, 8.0, 7.0, f64::NAN, 9.0];
        let options = AutoArimaOptions { lambda: Some(BoxCoxLambda::Fixed(0.0)), ..AutoArimaOptions::default() };
        let message = auto_arima(&y, &options).unwrap_err().to_string();
        assert!(message.contains("lambda = 0 cannot transform y[4] = 0"), "{message}");
        let negative = [f64::NAN, 3.0, 5.0, -1.0, 6.0, 4.0, 5.0, 7.0, 6.0];
        let options = AutoArimaOptions { lambda: Some(BoxCoxLambda::Fixed(-0.5)), ..AutoArimaOptions::default() };
        let message = auto_arima(&negative, &options).unwrap_err().to_string();
        assert!(message.contains("cannot transform y[3] = -1"), "{message}");
    }
}
