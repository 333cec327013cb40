//! The `auto` spec (`auto`, `auto[m]`): each series goes to a family chosen from its demand
//! pattern (Syntetos, Boylan and Croston's classification, `intermittent::classify`):
//!
//! * present, non-negative values whose pattern is intermittent, lumpy or without demand
//!   (ADI >= 1.32, or all zeros) -> [`INTERMITTENT`], `croston_sba` (Syntetos and Boylan's
//!   bias-corrected Croston, their recommendation for ADI above the cut-off);
//! * every other series (smooth or erratic demand, negative or missing values) ->
//!   [`non_intermittent`].
//!
//! The fitted model is the chosen family's own: its label names it, and it saves and loads as
//! that family.

use super::ModelSpec;
use crate::engine::text::Call;
use crate::error::CoreResult;
use crate::intermittent::classify::classify;

/// The method for intermittent series.
pub const INTERMITTENT: &str = "croston_sba";

/// The spec for a series that is not intermittent: the one place the non-intermittent choice
/// is made: auto-ARIMA at the series' period; where it fails, R's automatic ETS; where both
/// fail, the (seasonal) naive method.
pub fn non_intermittent(period: usize) -> ModelSpec {
    let text = if period > 1 {
        format!("auto_arima[{period}]|auto_ets[{period}]|snaive[{period}]")
    } else {
        "auto_arima|auto_ets|naive".to_string()
    };
    ModelSpec::parse(&text).expect("the non-intermittent route is a valid spec")
}

/// The spec `auto[period]` fits to `y`.
pub fn choose(y: &[f64], period: usize) -> ModelSpec {
    match classify(y) {
        Ok(demand) if demand.class.is_intermittent() => {
            ModelSpec::parse(INTERMITTENT).expect("the intermittent route is a valid spec")
        }
        // Smooth or erratic demand, and series that are not demand (negative or missing values).
        _ => non_intermittent(period),
    }
}

/// Reads `auto` or `auto[m]`; the period is 1 without `[m]`.
pub fn from_call(mut call: Call) -> CoreResult<usize> {
    let period = call.take_period_or(1)?;
    call.finish()?;
    Ok(period)
}

/// The canonical text.
pub fn to_text(period: usize) -> String {
    if period > 1 {
        format!("auto[{period}]")
    } else {
        "auto".to_string()
    }
}
