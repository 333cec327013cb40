//! Rolling-origin cross-validation of any set of model specifications over many series, as
//! statsforecast's `cross_validation(h, step_size, n_windows, refit, input_size)` lays out its
//! windows: the last window's test period ends with the series, and each earlier one starts
//! `step` observations before the next.
//!
//! * [`windows`]: where a series' windows are (offsets into the series: nothing is copied);
//! * [`run`]: the forecasts of every spec in every window of one series, and of many series
//!   on a batch's pool, refitting every window, every k windows or never (then the model of
//!   the last fit is carried over each window's data by [`FittedModel::forward`]);
//! * [`accuracy`]: the errors of those forecasts per model and series.
//!
//! One series whose windows do not fit, or one window or model that fails, fails alone.
//!
//! [`FittedModel::forward`]: crate::engine::FittedModel::forward

pub mod accuracy;
pub mod run;

use crate::engine::check_request;
use crate::error::{invalid, CoreResult};

/// When the models are fitted again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refit {
    /// At the first window and then at every k-th one (k >= 1; 1: every window); the windows
    /// between carry the last fitted model forward.
    Every(usize),
    /// Only at the first window; every later window carries that model forward.
    Never,
}

/// The settings of a cross-validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Steps forecast from each origin.
    pub h: usize,
    /// Observations between consecutive origins.
    pub step: usize,
    /// Number of windows (origins) per series.
    pub windows: usize,
    /// `Some(k)`: each window trains on (at most) the last k observations before its origin;
    /// `None`: on everything before it (an expanding window).
    pub input_size: Option<usize>,
    pub refit: Refit,
    /// Interval levels, fractions in (0, 1).
    pub levels: Vec<f64>,
    /// The seasonal lag of the naive scale of MASE, RMSSE and MSIS (0 or 1: the first
    /// differences).
    pub period: usize,
}

impl Settings {
    /// The rules on the settings themselves (every series shares them).
    pub fn check(&self) -> CoreResult<()> {
        if self.h == 0 {
            return invalid("h must be >= 1, got 0");
        }
        if self.step == 0 {
            return invalid("step size must be >= 1, got 0");
        }
        if self.windows == 0 {
            return invalid("windows must be >= 1, got 0");
        }
        if self.input_size == Some(0) {
            return invalid("input size must be >= 1, got 0");
        }
        if self.refit == Refit::Every(0) {
            return invalid("refit every k windows needs k >= 1, got 0");
        }
        check_request(self.h, &self.levels)
    }

    /// Whether window `w` fits its models anew.
    pub fn refits(&self, w: usize) -> bool {
        match self.refit {
            Refit::Every(k) => w.is_multiple_of(k),
            Refit::Never => w == 0,
        }
    }
}

/// One window of a series: it trains on `y[start..end]` and forecasts `y[end..end + h]`; its
/// cutoff (statsforecast's) is observation `end - 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
}

/// The windows of a series of `n` observations, oldest first. A series too short for them
/// (each window needs at least one training observation) is an `InvalidArgument` naming the
/// sizes.
pub fn windows(n: usize, s: &Settings) -> CoreResult<Vec<Window>> {
    let span = s.step.checked_mul(s.windows - 1).and_then(|v| v.checked_add(s.h));
    match span {
        Some(span) if span < n => Ok((0..s.windows)
            .map(|w| {
                let end = n - s.h - s.step * (s.windows - 1 - w);
                Window { start: s.input_size.map_or(0, |k| end.saturating_sub(k)), end }
            })
            .collect()),
        _ => invalid(format!(
            "the series has {n} observations: {} windows of h = {} every {} steps need more than h + step * (windows - 1) = {}",
            s.windows,
            s.h,
            s.step,
            span.map_or_else(|| "an overflowing number".to_string(), |v| v.to_string())
        )),
    }
}

#[cfg(test)]
mod tests;
