//! The statistics a rolling window can compute, and the check of their parameter.

use crate::error::{invalid, CoreResult};

/// The statistic computed over each window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Statistic {
    Mean,
    Sum,
    /// Sample variance (ddof = 1).
    Var,
    /// Sample standard deviation (ddof = 1).
    Std,
    Min,
    Max,
    Median,
    /// Quantile `q` in [0, 1] with linear interpolation.
    Quantile(f64),
}

impl Statistic {
    /// `Quantile(q)` needs `q` in [0, 1] (NaN is refused).
    pub(crate) fn validate(self) -> CoreResult<()> {
        if let Statistic::Quantile(q) = self {
            // Written so that NaN fails the check.
            if !(0.0..=1.0).contains(&q) {
                return invalid(format!("q must be in [0, 1], got {q}"));
            }
        }
        Ok(())
    }
}
