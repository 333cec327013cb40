//! The closed list of model families: the one module that knows them all. It reads a spec
//! text into a [`ModelSpec`] (each family reads its own arguments), fits it, and decodes any
//! saved model by its family code. Adding a family adds one variant to [`Family`] and one line
//! to each match below; nothing else in the engine, the bridge's batch code or the
//! serialisation changes.

mod combinators;
mod decode;
pub mod route;
mod xreg;
mod xreg_batch;

pub use xreg::check_rows as check_regressor_rows;
pub use xreg_batch::{fit_all_xreg, forecast_all_xreg, XregSeries};

use std::fmt;
use std::sync::atomic::AtomicBool;

use crate::arima::{self, ArimaSpec, FitOptions, Regressors};
use crate::auto::{self, AutoArimaOptions};
use crate::baseline::Baseline;
use crate::ets::{self, EtsSpec};
use crate::combine::best::BestOf;
use crate::combine::conformal::Conformal;
use crate::combine::mean::Combine;
use crate::cancel_scope;
use crate::engine::text::{self, Call};
use crate::engine::transform::BoxCox;
use crate::engine::{check_request, FittedModel, Forecast, Spec};
use crate::error::{invalid, CoreError, CoreResult};
use crate::intermittent::Intermittent;
use crate::stats::fourier::FourierTerm;
use crate::theta::{self, ThetaSpec};

pub use decode::decode;

/// Every accepted form, for the message of a text that is not one.
const FORMS: &str = "arima(p,d,q), arima(p,d,q)(P,D,Q)[m], auto_arima, auto_arima[m], naive, snaive[m], mean, drift, \
    window_average(k), seasonal_window_average(k)[m], auto_ets[m], ets(M,Ad,M)[m], croston, croston(alpha=a), croston_optimized, croston_sba, \
    tsb(a_d,a_p), adida, imapa, auto, auto[m], theta[m], theta_standard[m], theta_optimized[m], theta_dynamic[m], \
    theta_dynamic_optimized[m], auto_theta[m]; options in the first parentheses (lambda=0.5 or lambda=auto, \
    biasadj=true; arima: mean=, drift=, fourier=[period:K,...]); '|' joins a fallback, as auto_arima[12]|snaive[12]; \
    best_of(spec, spec; by=mase, h=12, windows=3, step=12), mean_of(spec, spec), median_of(spec, spec), \
    conformal(spec; h=12, windows=3)";

/// One family and its settings.
#[derive(Debug, Clone, PartialEq)]
pub enum Family {
    /// A fixed-order ARIMA and the Fourier terms it takes as regressors (often none).
    Arima(ArimaSpec, Vec<FourierTerm>),
    AutoArima(AutoArimaOptions),
    Baseline(Baseline),
    Ets(EtsSpec),
    Intermittent(Intermittent),
    Theta(ThetaSpec),
    /// R's `thetaf` with its seasonal period.
    Thetaf(usize),
    /// `auto[m]`: a family chosen per series by [`route::choose`], with this period.
    Auto { period: usize },
    /// Specs made of other specs (`crate::combine`).
    BestOf(BestOf<ModelSpec>),
    Combine(Combine<ModelSpec>),
    Conformal(Conformal<ModelSpec>),
}

/// A model specification of any family: the family, a Box-Cox transform around it, and the
/// specification to fit instead when this one fails on a series.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelSpec {
    pub family: Family,
    pub box_cox: Option<BoxCox>,
    pub fallback: Option<Box<ModelSpec>>,
}

impl ModelSpec {
    /// Reads a spec text (`arima(0,1,1)(0,1,1)[12]`, `auto_arima[12]|snaive[12]`); an
    /// ill-formed text is an `InvalidArgument` naming the position and the accepted forms.
    pub fn parse(spec_text: &str) -> CoreResult<ModelSpec> {
        let explain = |e: CoreError| match e {
            CoreError::InvalidArgument(m) => {
                CoreError::InvalidArgument(format!("model spec \"{spec_text}\": {m}; accepted forms: {FORMS}"))
            }
            other => other,
        };
        let calls = text::parse_nested(spec_text, &combinators::is_name).map_err(explain)?;
        ModelSpec::from_calls(calls).map_err(explain)
    }

    /// The spec of a fallback chain of calls, first choice first.
    fn from_calls(calls: Vec<Call>) -> CoreResult<ModelSpec> {
        let mut spec: Option<ModelSpec> = None;
        for call in calls.into_iter().rev() {
            let (family, box_cox) = single(call)?;
            spec = Some(ModelSpec { family, box_cox, fallback: spec.map(Box::new) });
        }
        Ok(spec.expect("the grammar gives at least one call"))
    }

    /// The seasonal period the family works with (1 when it has none).
    pub fn period(&self) -> usize {
        match &self.family {
            Family::Arima(s, _) => s.period.max(1),
            Family::AutoArima(o) => o.period,
            Family::Baseline(b) => b.period(),
            Family::Ets(s) => s.period,
            Family::Intermittent(_) => 1,
            Family::Auto { period } => *period,
            Family::Theta(t) => t.period,
            Family::Thetaf(period) => *period,
            Family::BestOf(b) => b.period,
            Family::Combine(c) => c.members.iter().map(ModelSpec::period).max().unwrap_or(1),
            Family::Conformal(c) => c.member.period(),
        }
    }

    fn fit_family(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        Ok(match &self.family {
            Family::Arima(spec, fourier) => {
                Box::new(arima::fit_fourier(spec, fourier, y, &Regressors::none(), &FitOptions { cancel, ..FitOptions::default() })?)
            }
            Family::AutoArima(options) => Box::new(auto::auto_arima_with(y, options, cancel)?.fit),
            Family::Baseline(method) => Box::new(method.fit(y)?),
            // R's ets considers additive models only on a Box-Cox scale.
            Family::Ets(spec) if self.box_cox.is_some() => {
                let mut spec = spec.clone();
                spec.options.additive_only = true;
                Box::new(spec.fit(y)?)
            }
            Family::Ets(spec) => Box::new(spec.fit(y)?),
            Family::Intermittent(method) => Box::new(method.fit(y)?),
            Family::Auto { period } => route::choose(y, *period).fit(y, cancel)?,
            Family::Theta(spec) => Box::new(spec.fit(y)?),
            Family::Thetaf(period) => Box::new(theta::ThetafFit::fit(y, *period)?),
            Family::BestOf(best) => best.fit(y, cancel)?,
            Family::Combine(combine) => combine.fit(y, cancel)?,
            Family::Conformal(conformal) => conformal.fit(y, cancel)?,
        })
    }
}

impl Spec for ModelSpec {
    fn fit(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        let fitted = cancel_scope::run_with(cancel, || match &self.box_cox {
            Some(transform) => transform.fit(y, self.period(), |z| self.fit_family(z, cancel)),
            None => self.fit_family(y, cancel),
        });
        let fitted = cancel_scope::unless_cancelled(cancel, fitted);
        match (fitted, &self.fallback) {
            (Err(e), Some(fallback)) if e != CoreError::Cancelled => fallback.fit(y, cancel),
            (fitted, _) => fitted,
        }
    }

    fn fit_forecast(&self, y: &[f64], h: usize, levels: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<(String, Forecast)> {
        // An intermittent method's forecast is one number: no model (and its copy of y) is built.
        if let (Family::Intermittent(method), None) = (&self.family, &self.box_cox) {
            return match cancel_scope::unless_cancelled(cancel, method.forecast_mean(y)) {
                Ok(mean) => {
                    check_request(h, levels)?;
                    Ok((method.label(), Forecast::points(vec![mean; h], levels)))
                }
                Err(e) => match &self.fallback {
                    Some(fallback) if e != CoreError::Cancelled => fallback.fit_forecast(y, h, levels, cancel),
                    _ => Err(e),
                },
            };
        }
        let model = self.fit(y, cancel)?;
        Ok((model.label(), model.forecast(h, levels)?))
    }
}

/// One call of the text: its family and, for the families the engine transforms, Box-Cox.
fn single(mut call: Call) -> CoreResult<(Family, Option<BoxCox>)> {
    if combinators::is_name(&call.name) {
        // The members take their own transforms.
        return Ok((combinators::from_call(call)?, None));
    }
    if call.name == "auto_arima" {
        // auto.arima takes lambda itself: the search runs on the transformed series.
        return Ok((Family::AutoArima(auto::text::from_call(call)?), None));
    }
    if call.name == "auto" {
        // Each route takes its own transform, or none.
        return Ok((Family::Auto { period: route::from_call(call)? }, None));
    }
    if call.name == "theta" {
        // R's thetaf takes no lambda.
        return Ok((Family::Thetaf(theta::thetaf_from_call(call)?), None));
    }
    if ThetaSpec::is_name(&call.name) {
        // statsforecast's Theta takes no Box-Cox transform.
        return Ok((Family::Theta(ThetaSpec::from_call(call)?), None));
    }
    if Intermittent::is_name(&call.name) {
        // Demand counts with zeros: the references take no Box-Cox transform.
        return Ok((Family::Intermittent(Intermittent::from_call(call)?), None));
    }
    let box_cox = BoxCox::take_from(&mut call)?;
    let family = match call.name.as_str() {
        "arima" => {
            let (spec, fourier) = arima::text::from_call(call)?;
            Family::Arima(spec, fourier)
        }
        name if Baseline::is_name(name) => Family::Baseline(Baseline::from_call(call)?),
        "auto_ets" | "ets" => Family::Ets(ets::text::from_call(call)?),
        name => return invalid(format!("at position {}: unknown model '{name}'", call.at)),
    };
    Ok((family, box_cox))
}

/// The canonical text, which [`ModelSpec::parse`] reads back to an equal spec.
impl fmt::Display for ModelSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let extra: Vec<String> = self.box_cox.iter().map(BoxCox::text_args).collect();
        match &self.family {
            Family::Arima(spec, fourier) => f.write_str(&arima::text::to_text(spec, fourier, &extra))?,
            Family::AutoArima(options) => f.write_str(&auto::text::to_text(options))?,
            Family::Baseline(method) => f.write_str(&method.to_text(&extra))?,
            Family::Ets(spec) => f.write_str(&ets::text::to_text(spec, &extra))?,
            Family::Intermittent(method) => f.write_str(&method.to_text())?,
            Family::Auto { period } => f.write_str(&route::to_text(*period))?,
            Family::Theta(spec) => f.write_str(&spec.to_text())?,
            Family::Thetaf(period) => f.write_str(&theta::thetaf_text(*period))?,
            other => f.write_str(&combinators::to_text(other).expect("a combinator"))?,
        }
        match &self.fallback {
            Some(fallback) => write!(f, "|{fallback}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
