//! The Theta method as statsforecast 2.1 fits it (Fiorucci et al. 2016, "Models for optimising
//! the theta method and their relationship to state space models", IJF 32(4)):
//!
//! | text | statsforecast | model |
//! |---|---|---|
//! | `theta_standard[m]` | `Theta(season_length = m)` | standard (STM): theta 2 |
//! | `theta_optimized[m]` | `OptimizedTheta` | optimised theta (OTM) |
//! | `theta_dynamic[m]` | `DynamicTheta` | dynamic trend line, theta 2 (DSTM) |
//! | `theta_dynamic_optimized[m]` | `DynamicOptimizedTheta` | dynamic, optimised theta (DOTM) |
//! | `auto_theta[m]` | `AutoTheta` | the four, least objective |
//!
//! `theta[m]` is R's `forecast::thetaf` ([`ThetafFit`]), a different computation.
//!
//! `[m]` may be left out (1). A seasonal series (statsforecast's autocorrelation test) is
//! adjusted by classical decomposition first and re-seasonalised after. statsforecast's
//! intervals are Monte Carlo quantiles of numpy draws, which lagrs does not reproduce: every
//! bound is NaN.

mod decompose;
mod fit;
mod fitted;
mod pegels;
mod powers;
mod ses_mse;
mod ses_small;
mod thetaf;

use crate::engine::text::Call;
use crate::error::{invalid, CoreResult};
use crate::stats::series;

pub use decompose::Adjustment;
pub use fitted::{ThetaFit, CODE};
pub use pegels::{Kind, Params};
pub use thetaf::{ThetafFit, THETAF_CODE};

/// Reads R's `thetaf` text, `theta` or `theta[m]`: its seasonal period (1 without `[m]`).
pub fn thetaf_from_call(mut call: Call) -> CoreResult<usize> {
    let period = call.take_period_or(1)?;
    call.finish()?;
    Ok(period)
}

/// The canonical text of R's `thetaf` with period `m`.
pub fn thetaf_text(m: usize) -> String {
    if m > 1 { format!("theta[{m}]") } else { "theta".to_string() }
}

/// The names the spec text knows, for the list of accepted forms.
pub const FORMS: &[&str] =
    &["theta_standard[m]", "theta_optimized[m]", "theta_dynamic[m]", "theta_dynamic_optimized[m]", "auto_theta[m]"];

/// A Theta model of statsforecast's family and its seasonal period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThetaSpec {
    /// One model type, or `None` for AutoTheta's choice.
    pub kind: Option<Kind>,
    pub period: usize,
}

impl ThetaSpec {
    /// Whether `name` is one of these models' text names.
    pub fn is_name(name: &str) -> bool {
        Self::kind_of(name).is_some()
    }

    fn kind_of(name: &str) -> Option<Option<Kind>> {
        Some(match name {
            "theta_standard" => Some(Kind::Stm),
            "theta_optimized" => Some(Kind::Otm),
            "theta_dynamic" => Some(Kind::Dstm),
            "theta_dynamic_optimized" => Some(Kind::Dotm),
            "auto_theta" => None,
            _ => return None,
        })
    }

    /// Reads a model from its spec text call; anything else in the call is refused by name.
    pub fn from_call(mut call: Call) -> CoreResult<ThetaSpec> {
        let Some(kind) = Self::kind_of(&call.name) else {
            return invalid(format!("at position {}: {} is not a Theta model", call.at, call.name));
        };
        let period = call.take_period_or(1)?;
        call.finish()?;
        Ok(ThetaSpec { kind, period })
    }

    /// The text name.
    pub fn name(&self) -> &'static str {
        match self.kind {
            Some(Kind::Stm) => "theta_standard",
            Some(Kind::Otm) => "theta_optimized",
            Some(Kind::Dstm) => "theta_dynamic",
            Some(Kind::Dotm) => "theta_dynamic_optimized",
            None => "auto_theta",
        }
    }

    /// The canonical text.
    pub fn to_text(&self) -> String {
        if self.period > 1 {
            format!("{}[{}]", self.name(), self.period)
        } else {
            self.name().to_string()
        }
    }

    /// Fits the model to `y`: at least 4 values, none missing (statsforecast has no rule for
    /// them and gives NaN forecasts).
    pub fn fit(&self, y: &[f64]) -> CoreResult<ThetaFit> {
        self.check(y)?;
        let (adjustment, seasonal, adjusted) = self.adjust(y);
        let kinds = match self.kind {
            Some(kind) => vec![kind],
            None => vec![Kind::Stm, Kind::Otm, Kind::Dstm, Kind::Dotm],
        };
        let Some(best) = fit::choose(&adjusted, &kinds) else {
            return Err(crate::error::CoreError::Numerical(format!("{}: no Theta model could be fitted", self.name())));
        };
        Ok(ThetaFit::new(*self, best, adjustment, &seasonal, y))
    }

    fn check(&self, y: &[f64]) -> CoreResult<()> {
        series::refuse_infinite(y)?;
        if let Some(i) = y.iter().position(|v| v.is_nan()) {
            return invalid(format!("{}: y[{i}] is missing; Theta needs every value", self.name()));
        }
        if y.len() <= 3 {
            return invalid(format!("{}: y has {} values; Theta needs at least 4", self.name(), y.len()));
        }
        Ok(())
    }

    /// The seasonal test and decomposition of `y`: the adjustment, the index of every
    /// observation and the adjusted series.
    fn adjust(&self, y: &[f64]) -> (Adjustment, Vec<f64>, Vec<f64>) {
        let (adjustment, seasonal) = fit::adjust(y, self.period);
        let adjusted: Vec<f64> = match adjustment {
            Adjustment::None => y.to_vec(),
            Adjustment::Multiplicative => y.iter().zip(&seasonal).map(|(v, s)| v / s).collect(),
            Adjustment::Additive => y.iter().zip(&seasonal).map(|(v, s)| v - s).collect(),
        };
        (adjustment, seasonal, adjusted)
    }
}

#[cfg(test)]
mod tests;
