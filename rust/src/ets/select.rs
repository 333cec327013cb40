//! `ets(y, model, damped, ...)`: R's checks of the request against the data, its handling
//! of missing values (the longest contiguous stretch, `na.contiguous`), frequencies (no
//! season for frequency 1, over 24, or a series not longer than one season) and
//! non-positive data (no multiplicative error), then the search over every allowed form in
//! R's order, keeping the first with the smallest information criterion.

use super::fit::EtsFit;
use super::search::fit_forms;
use super::form::{Component, Form, Request};
use super::options::{Ic, Options};
use crate::error::{invalid, CoreError, CoreResult};

/// R's warning when a frequency above 24 makes `ets` drop the season.
pub const HIGH_FREQUENCY_NOTE: &str =
    "frequency greater than 24: seasonality ignored (as R's ets, which suggests stlf)";
/// R's warning when missing values cut the series.
pub const MISSING_NOTE: &str = "missing values: the longest contiguous stretch was used (na.contiguous)";

/// A chosen, fitted model and R's warnings on the way to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected {
    pub fit: EtsFit,
    /// R's warnings, in words (see the `*_NOTE` constants).
    pub notes: Vec<&'static str>,
    /// Index of the first value of the stretch that was fitted.
    pub offset: usize,
    /// R's answer for a constant series: simple exponential smoothing with alpha 0.99999.
    pub constant: bool,
}

/// R's `ses(y, alpha = 0.99999, initial = "simple")` for a constant series asked for with
/// R's default model: every state, fitted value and forecast is the value, all errors 0.
fn constant_fit(y: &[f64], freq: usize) -> EtsFit {
    use super::params::Values;
    let n = y.len();
    EtsFit {
        form: Form {
            error: Component::Additive,
            trend: Component::None,
            damped: false,
            season: Component::None,
        },
        m: freq,
        par: Values {
            alpha: 0.99999,
            beta: Option::None,
            gamma: Option::None,
            phi: Option::None,
        },
        initial_states: vec![y[0]],
        states: vec![y[0]; n + 1],
        residuals: vec![0.0; n],
        fitted: y.to_vec(),
        loglik: f64::NAN,
        aic: f64::NAN,
        bic: f64::NAN,
        aicc: f64::NAN,
        mse: 0.0,
        amse: 0.0,
        sigma2: 0.0,
    }
}

/// `na.contiguous`: the longest stretch without missing values (the first of equals).
pub fn na_contiguous(y: &[f64]) -> CoreResult<(usize, &[f64])> {
    let (mut best, mut run_start, mut best_len) = (0, 0, 0);
    for i in 0..=y.len() {
        if i == y.len() || y[i].is_nan() {
            if i - run_start > best_len {
                best = run_start;
                best_len = i - run_start;
            }
            run_start = i + 1;
        }
    }
    if best_len == 0 {
        return invalid("y: all values are missing");
    }
    Ok((best, &y[best..best + best_len]))
}

fn forbidden(e: Component, t: Component, s: Component, opts: &Options) -> bool {
    use Component::*;
    opts.restrict
        && ((e == Additive && (t == Multiplicative || s == Multiplicative))
            || (e == Multiplicative && t == Multiplicative && s == Additive)
            || (opts.additive_only && (e == Multiplicative || t == Multiplicative || s == Multiplicative)))
}

/// R's `ets` without Box-Cox (the engine's transform applies it around the family).
pub fn ets(y_all: &[f64], freq: usize, req: &Request, opts: &Options) -> CoreResult<Selected> {
    use Component::*;
    opts.validate()?;
    if y_all.iter().any(|v| v.is_infinite()) {
        return invalid("y: contains infinite values");
    }
    if freq == 0 {
        return invalid("m: the seasonal period must be at least 1");
    }
    // R checks `missing(model)` only: a damped request on a constant series gets this too.
    let model_missing = Request { damped: Option::None, ..*req } == Request::auto();
    if model_missing && !y_all.is_empty() && crate::stats::series::is_constant(y_all) && !y_all[0].is_nan() {
        let fit = constant_fit(y_all, freq.max(1));
        return Ok(Selected {
            fit,
            notes: Vec::new(),
            offset: 0,
            constant: true,
        });
    }
    let mut notes = Vec::new();
    let (offset, y) = na_contiguous(y_all)?;
    if y.len() != y_all.len() {
        notes.push(MISSING_NOTE);
    }
    let mut req = *req;
    let n = y.len();
    if n <= freq {
        req.season = Some(None);
    }
    if freq == 1 {
        if matches!(req.season, Some(Additive | Multiplicative)) {
            return invalid("season: a seasonal model needs a period m > 1");
        }
        req.season = Some(None);
    }
    if freq > 24 {
        match req.season {
            Some(Additive | Multiplicative) => {
                return invalid(format!("season: frequency {freq} is over 24, the most ETS handles"))
            }
            Option::None => {
                notes.push(HIGH_FREQUENCY_NOTE);
                req.season = Some(None);
            }
            _ => {}
        }
    }
    let positive = y.iter().fold(f64::INFINITY, |a, b| a.min(*b)) > 0.0;
    if let (Some(e), Some(t), Some(s)) = (req.error, req.trend, req.season) {
        if forbidden(e, t, s, opts) {
            return invalid(format!(
                "model: forbidden model combination {}{}{} (restrict = TRUE)",
                e.letter(),
                t.letter(),
                s.letter()
            ));
        }
    }
    let mut npars = 2;
    if matches!(req.trend, Some(Additive | Multiplicative)) {
        npars += 2;
    }
    if matches!(req.season, Some(Additive | Multiplicative)) {
        npars += freq;
    }
    if req.damped == Some(true) {
        npars += 1;
    }
    // R checks only the error's sign before its short-series fallback, which fits an
    // exponential trend on any data and passes over a multiplicative season it cannot fit.
    let tiny = n <= npars + 4;
    if !positive {
        if req.error == Some(Multiplicative) {
            return invalid("error: a multiplicative error needs positive data (y has zeros or negatives)");
        }
        if req.trend == Some(Multiplicative) && !tiny {
            return invalid("trend: a multiplicative trend needs positive data (y has zeros or negatives)");
        }
        if req.season == Some(Multiplicative) && !tiny {
            return invalid("season: a multiplicative season needs positive data (y has zeros or negatives)");
        }
    }
    if req.damped == Some(true) && req.trend == Some(None) {
        return invalid("damped: a damped trend needs a trend");
    }
    if opts.phi.is_some() && (req.damped == Some(false) || req.trend == Some(None)) {
        return invalid("phi: a damping parameter needs a damped trend");
    }
    if opts.beta.is_some() && req.trend == Some(None) {
        return invalid("beta: a trend parameter needs a trend");
    }
    if opts.gamma.is_some() && req.season == Some(None) {
        return invalid("gamma: a seasonal parameter needs a seasonal model");
    }
    if tiny {
        let fit = super::tiny::fit_tiny(y, freq, &req, opts, &mut notes)?;
        return Ok(Selected {
            fit,
            notes,
            offset,
            constant: false,
        });
    }
    let errors = req.error.map_or(vec![Additive, Multiplicative], |e| vec![e]);
    let trends = req.trend.map_or_else(
        || {
            if opts.allow_multiplicative_trend {
                vec![None, Additive, Multiplicative]
            } else {
                vec![None, Additive]
            }
        },
        |t| vec![t],
    );
    let seasons = req.season.map_or(vec![None, Additive, Multiplicative], |s| vec![s]);
    let dampeds = req.damped.map_or(vec![true, false], |d| vec![d]);
    let mut forms = Vec::new();
    for &e in &errors {
        for &t in &trends {
            for &s in &seasons {
                for &d in &dampeds {
                    if (t == None && d)
                        || forbidden(e, t, s, opts)
                        || (!positive && (e == Multiplicative || t == Multiplicative || s == Multiplicative))
                    {
                        continue;
                    }
                    forms.push(Form {
                        error: e,
                        trend: t,
                        damped: d,
                        season: s,
                    });
                }
            }
        }
    }
    // Fitted together (see `search`), compared in R's order.
    let mut best: Option<(f64, EtsFit)> = Option::None;
    let mut last_err = Option::None;
    for fitted in fit_forms(y, &forms, freq, opts) {
        match fitted {
            Ok(fit) => {
                let ic = match opts.ic {
                    Ic::Aicc => fit.aicc,
                    Ic::Aic => fit.aic,
                    Ic::Bic => fit.bic,
                };
                if !ic.is_nan() && best.as_ref().map_or(ic < f64::INFINITY, |(b, _)| ic < *b) {
                    best = Some((ic, fit));
                }
            }
            Err(err) => last_err = Some(err),
        }
    }
    match best {
        Some((_, fit)) => Ok(Selected {
            fit,
            notes,
            offset,
            constant: false,
        }),
        Option::None => Err(match last_err {
            Some(CoreError::InvalidArgument(m)) if req.is_fixed() => CoreError::InvalidArgument(m),
            _ => CoreError::Numerical("ets: no model able to be fitted".into()),
        }),
    }
}
