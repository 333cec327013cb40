//! R's benchmark methods, exactly as the forecast package computes them, and statsforecast's
//! window averages:
//!
//! | text | R / statsforecast | forecast |
//! |---|---|---|
//! | `naive` | `naive(y)` = `rwf(y)` | the last value |
//! | `snaive[m]` | `snaive(y)` | the last value of the same season |
//! | `drift` | `rwf(y, drift = TRUE)` | the last value plus the mean step |
//! | `mean` | `meanf(y)` | the mean, with Student t intervals |
//! | `window_average(k)` | `WindowAverage(window_size = k)` | mean of the last k values |
//! | `seasonal_window_average(k)[m]` | `SeasonalWindowAverage(m, k)` | mean of the last k values of the season |
//!
//! `lag_walk` holds the first three (R's `lagwalk`), `mean` R's `meanf`, `window` the
//! averages. Box-Cox comes from the engine's transform, as R's `lambda` does for these
//! functions.

mod fitted;
mod lag_walk;
mod mean;
mod window;

use crate::engine::text::Call;
use crate::error::{invalid, CoreResult};
use crate::stats::series;

pub use fitted::{BaselineFit, CODE};

/// The names the spec text knows, for the list of accepted forms.
pub const FORMS: &[&str] =
    &["naive", "snaive[m]", "mean", "drift", "window_average(k)", "seasonal_window_average(k)[m]"];

/// A benchmark method and its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Naive,
    SeasonalNaive { period: usize },
    Mean,
    Drift,
    WindowAverage { window: usize },
    SeasonalWindowAverage { window: usize, period: usize },
}

impl Baseline {
    /// Whether `name` is one of these methods' text names.
    pub fn is_name(name: &str) -> bool {
        matches!(name, "naive" | "snaive" | "mean" | "drift" | "window_average" | "seasonal_window_average")
    }

    /// Reads a method from its spec text call; anything else in the call is refused by name.
    pub fn from_call(mut call: Call) -> CoreResult<Baseline> {
        let spec = match call.name.as_str() {
            "naive" => Baseline::Naive,
            "snaive" => Baseline::SeasonalNaive { period: call.take_period()? },
            "mean" => Baseline::Mean,
            "drift" => Baseline::Drift,
            "window_average" => Baseline::WindowAverage { window: take_window(&mut call)? },
            "seasonal_window_average" => {
                let window = take_window(&mut call)?;
                Baseline::SeasonalWindowAverage { window, period: call.take_period()? }
            }
            other => return invalid(format!("at position {}: {other} is not a baseline method", call.at)),
        };
        call.finish()?;
        Ok(spec)
    }

    /// The canonical text; `extra` are the engine's options (Box-Cox) for the first group.
    pub fn to_text(&self, extra: &[String]) -> String {
        let group = |mut args: Vec<String>| {
            args.extend(extra.iter().cloned());
            if args.is_empty() {
                String::new()
            } else {
                format!("({})", args.join(","))
            }
        };
        match *self {
            Baseline::Naive => format!("naive{}", group(vec![])),
            Baseline::SeasonalNaive { period } => format!("snaive{}[{period}]", group(vec![])),
            Baseline::Mean => format!("mean{}", group(vec![])),
            Baseline::Drift => format!("drift{}", group(vec![])),
            Baseline::WindowAverage { window } => format!("window_average{}", group(vec![window.to_string()])),
            Baseline::SeasonalWindowAverage { window, period } => {
                format!("seasonal_window_average{}[{period}]", group(vec![window.to_string()]))
            }
        }
    }

    /// The seasonal period (1 for the non-seasonal methods), for Guerrero's lambda.
    pub fn period(&self) -> usize {
        match *self {
            Baseline::SeasonalNaive { period } | Baseline::SeasonalWindowAverage { period, .. } => period,
            _ => 1,
        }
    }

    /// Fits the method to `y` (NaN = missing, handled as the R function handles it).
    pub fn fit(&self, y: &[f64]) -> CoreResult<BaselineFit> {
        series::refuse_infinite(y)?;
        if y.is_empty() {
            return invalid("y is empty");
        }
        // R forecasts NA from an all-missing series (meanf, naive) or stops (rwf with drift).
        if y.iter().all(|v| v.is_nan()) {
            return invalid("y: all values are missing");
        }
        match *self {
            Baseline::Naive => lag_walk::fit(*self, y, 1, false),
            Baseline::SeasonalNaive { period } => lag_walk::fit(*self, y, period, false),
            Baseline::Drift => lag_walk::fit(*self, y, 1, true),
            Baseline::Mean => mean::fit(y),
            Baseline::WindowAverage { window } => window::fit(*self, y, window, 1),
            Baseline::SeasonalWindowAverage { window, period } => window::fit(*self, y, window, period),
        }
    }

    /// R's name of the method.
    pub fn label(&self) -> String {
        match *self {
            Baseline::Naive => "Naive method".into(),
            Baseline::SeasonalNaive { .. } => "Seasonal naive method".into(),
            Baseline::Mean => "Mean".into(),
            Baseline::Drift => "Random walk with drift".into(),
            Baseline::WindowAverage { window } => format!("Window average ({window})"),
            Baseline::SeasonalWindowAverage { window, period } => {
                format!("Seasonal window average ({window})[{period}]")
            }
        }
    }
}

fn take_window(call: &mut Call) -> CoreResult<usize> {
    let window = call.take_positional(0);
    match window.as_slice() {
        [k] => match k.count("the window k")? {
            0 => invalid(format!("at position {}: the window k must be >= 1, got 0", k.at)),
            k => Ok(k),
        },
        _ => invalid(format!("at position {}: {} needs one window size, as {}(3)", call.at, call.name, call.name)),
    }
}

#[cfg(test)]
mod tests;
