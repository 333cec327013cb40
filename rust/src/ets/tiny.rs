//! R's `ets` on a series too short for its own fit (`n <= npars + 4`): forecast's
//! `HoltWintersZZ` ([`crate::smoothing`]), initial states from the first values and smoothing
//! parameters by least squares, in R's order of attempts:
//!
//! 1. a seasonal request (A or M): Holt-Winters with that season and always a trend (R passes
//!    the user's beta, so no trend is never asked for), exponential for a multiplicative trend;
//! 2. a trended request (A or M): Holt's linear (or exponential) trend without a season;
//! 3. neither (N, N): simple exponential smoothing;
//! 4. otherwise (a Z left): Holt's trend against simple smoothing, the smaller sigma2 kept.
//!
//! A step R cannot fit (a trend from one value, a trended season from less than two periods)
//! passes to the next with R's warning. A damped request gets no damping unless `phi` is
//! given (R: "Not enough data to use damping"). The model has no likelihood or criteria.

use super::fit::EtsFit;
use super::form::{Component, Form, Request};
use super::options::Options;
use super::params::Values;
use crate::error::{CoreError, CoreResult};
use crate::smoothing::{holt_winters_zz, Fixed, HwFit, Season, Trend};

/// Marks every model fitted this way.
pub const HOLT_WINTERS_NOTE: &str =
    "too few values for ETS's own fit (n <= parameters + 4): R's HoltWintersZZ fallback, no likelihood";
/// R's warning for a damped request on a short series.
pub const NO_DAMPING_NOTE: &str = "not enough data to use damping (R's warning)";
/// R's warning when the seasonal step fails.
pub const NO_SEASON_NOTE: &str = "seasonal component could not be estimated (R's warning)";
/// R's warning when the trended step fails.
pub const NO_TREND_NOTE: &str = "trend component could not be estimated (R's warning)";

/// The notes a short-series fit may carry, in the order of their bits in a saved model.
pub const TINY_NOTES: [&str; 4] = [HOLT_WINTERS_NOTE, NO_DAMPING_NOTE, NO_SEASON_NOTE, NO_TREND_NOTE];

/// The tiny-series model of `ets` for `req` (R's request after its adjustments to the data).
pub(super) fn fit_tiny(
    y: &[f64],
    freq: usize,
    req: &Request,
    opts: &Options,
    notes: &mut Vec<&'static str>,
) -> CoreResult<EtsFit> {
    use Component::*;
    notes.push(HOLT_WINTERS_NOTE);
    if req.damped == Some(true) {
        notes.push(NO_DAMPING_NOTE);
    }
    let given = Fixed { alpha: opts.alpha, beta: opts.beta, gamma: opts.gamma, phi: opts.phi };
    let exponential = req.trend == Some(Multiplicative);
    let trended = if exponential { Trend::Exponential } else { Trend::Additive };
    let hw = |trend, season, fixed: &Fixed| holt_winters_zz(y, freq, trend, season, fixed);
    if let Some(s @ (Additive | Multiplicative)) = req.season {
        let season = if s == Additive { Season::Additive } else { Season::Multiplicative };
        match hw(trended, season, &given) {
            Some(fit) => return Ok(ets_fit(fit)),
            Option::None => notes.push(NO_SEASON_NOTE),
        }
    }
    let no_season = Fixed { gamma: Option::None, ..given };
    if matches!(req.trend, Some(Additive | Multiplicative)) {
        match hw(trended, Season::None, &no_season) {
            Some(fit) => return Ok(ets_fit(fit)),
            Option::None => notes.push(NO_TREND_NOTE),
        }
    }
    let level_only = Fixed { alpha: given.alpha, ..Fixed::default() };
    if req.trend == Some(None) && req.season == Some(None) {
        if let Some(fit) = hw(Trend::None, Season::None, &level_only) {
            return Ok(ets_fit(fit));
        }
    }
    let flat = if exponential { Trend::ExponentialNone } else { Trend::None };
    let with_trend = hw(trended, Season::None, &no_season);
    let without = hw(flat, Season::None, &Fixed { beta: Option::None, ..no_season });
    // R compares sigma2 with `<`: a tie keeps the model without a trend.
    let chosen = match (with_trend, without) {
        (Some(a), Some(b)) => Some(if a.sigma2 < b.sigma2 { a } else { b }),
        (a, b) => b.or(a),
    };
    chosen
        .map(ets_fit)
        .ok_or_else(|| CoreError::Numerical("ets: unable to estimate a model from so few values (as R)".into()))
}

/// The ETS model R reports for a `HoltWintersZZ` fit: its components, parameters and states,
/// no likelihood.
fn ets_fit(fit: HwFit) -> EtsFit {
    let form = Form {
        error: if fit.multiplicative_error { Component::Multiplicative } else { Component::Additive },
        trend: match fit.trend {
            Trend::Additive => Component::Additive,
            Trend::Exponential => Component::Multiplicative,
            Trend::None | Trend::ExponentialNone => Component::None,
        },
        damped: fit.phi < 1.0,
        season: match fit.season {
            Season::None => Component::None,
            Season::Additive => Component::Additive,
            Season::Multiplicative => Component::Multiplicative,
        },
    };
    let p = form.n_states(fit.m);
    EtsFit {
        form,
        m: fit.m,
        par: Values { alpha: fit.alpha, beta: fit.beta, gamma: fit.gamma, phi: form.damped.then_some(fit.phi) },
        initial_states: fit.states[..p].to_vec(),
        states: fit.states,
        residuals: fit.residuals,
        fitted: fit.fitted,
        loglik: f64::NAN,
        aic: f64::NAN,
        bic: f64::NAN,
        aicc: f64::NAN,
        mse: f64::NAN,
        amse: f64::NAN,
        sigma2: fit.sigma2,
    }
}
