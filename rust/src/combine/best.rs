//! `best_of(a, b, ...; by = mase, h = 12, windows = 3)`: per series, the member with the best
//! cross-validated score, fitted on the whole series. A member that fails any window is not a
//! candidate; ties go to the member listed first.

use std::sync::atomic::AtomicBool;

use crate::cv::accuracy::Measures;
use crate::cv::run::evaluate;
use crate::cv::{Refit, Settings};
use crate::engine::{FittedModel, Spec};
use crate::error::{invalid, CoreResult};

/// The measure `best_of` ranks members by (lower is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    Mae,
    Rmse,
    Mase,
    Rmsse,
    Smape,
}

impl Score {
    pub const NAMES: [&'static str; 5] = ["mae", "rmse", "mase", "rmsse", "smape"];

    pub fn from_name(name: &str) -> Option<Score> {
        let all = [Score::Mae, Score::Rmse, Score::Mase, Score::Rmsse, Score::Smape];
        Score::NAMES.iter().position(|n| n.eq_ignore_ascii_case(name)).map(|i| all[i])
    }

    pub fn name(self) -> &'static str {
        Score::NAMES[self as usize]
    }

    fn of(self, m: &Measures) -> f64 {
        match self {
            Score::Mae => m.mae,
            Score::Rmse => m.rmse,
            Score::Mase => m.mase,
            Score::Rmsse => m.rmsse,
            Score::Smape => m.smape,
        }
    }
}

/// The choice among `members` by cross-validation with horizon `h`, `windows` origins `step`
/// apart (expanding windows, refitted every window), scaled with seasonal lag `period`.
#[derive(Debug, Clone, PartialEq)]
pub struct BestOf<S> {
    pub members: Vec<S>,
    pub by: Score,
    pub h: usize,
    pub windows: usize,
    pub step: usize,
    pub period: usize,
}

impl<S: Spec> BestOf<S> {
    /// The settings of the cross-validation that chooses.
    pub fn settings(&self) -> Settings {
        Settings { h: self.h, step: self.step, windows: self.windows, input_size: None, refit: Refit::Every(1), levels: vec![], period: self.period }
    }

    /// The index of the member `y`'s cross-validation chooses.
    pub fn choose(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<usize> {
        let specs: Vec<&dyn Spec> = self.members.iter().map(|m| m as &dyn Spec).collect();
        let cv = evaluate(&specs, y, &self.settings(), cancel).map_err(|e| match e {
            crate::error::CoreError::InvalidArgument(m) => crate::error::CoreError::InvalidArgument(format!("best_of: {m}")),
            other => other,
        })?;
        let mut best: Option<(usize, f64)> = None;
        let mut why = Vec::new();
        for (i, model) in cv.models.iter().enumerate() {
            if let Some(e) = model.errors.iter().flatten().next() {
                why.push(format!("model {}: {e}", i + 1));
                continue;
            }
            let score = self.by.of(&model.accuracy);
            if score.is_nan() {
                why.push(format!("model {}: its {} is not defined", i + 1, self.by.name()));
            } else if best.is_none_or(|(_, b)| score < b) {
                best = Some((i, score));
            }
        }
        match best {
            Some((i, _)) => Ok(i),
            None => invalid(format!("best_of: no model has a score on this series ({})", why.join("; "))),
        }
    }

    /// The chosen member fitted on all of `y`: its own model, which forecasts and saves as
    /// that member would.
    pub fn fit(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        let chosen = self.choose(y, cancel)?;
        self.members[chosen].fit(y, cancel)
    }
}
