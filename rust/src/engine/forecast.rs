//! Forecasts with intervals at several levels from one call.

use crate::error::{invalid, CoreResult};

/// Largest forecast horizon any model accepts: a bound on the memory one call may take.
pub const MAX_HORIZON: usize = 1_000_000;

/// Most interval levels one forecast may ask for.
pub const MAX_LEVELS: usize = 100;

/// Point forecasts for steps 1..=h and, for each level, the lower and upper bounds of the
/// central prediction interval (NaN where the family has no interval).
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub mean: Vec<f64>,
    /// Interval coverages in (0, 1), in the order asked for.
    pub levels: Vec<f64>,
    /// `lower[k][i]`: the bound at `levels[k]`, i + 1 steps ahead.
    pub lower: Vec<Vec<f64>>,
    pub upper: Vec<Vec<f64>>,
    /// The forecast variance of each step on the scale the model was fitted on, where the
    /// family has one (R's `se^2`): what a Box-Cox bias adjustment uses. Without it the
    /// adjustment reads the variance off the widest interval, as R's `InvBoxCox` does.
    pub variance: Option<Vec<f64>>,
}

/// The rules on a forecast request that every family shares.
pub fn check_request(h: usize, levels: &[f64]) -> CoreResult<()> {
    if h == 0 || h > MAX_HORIZON {
        return invalid(format!("h must be between 1 and {MAX_HORIZON}, got {h}"));
    }
    if levels.len() > MAX_LEVELS {
        return invalid(format!("at most {MAX_LEVELS} levels may be asked for, got {}", levels.len()));
    }
    if let Some(bad) = levels.iter().find(|l| !(**l > 0.0 && **l < 1.0)) {
        return invalid(format!("level must be in (0, 1), got {bad}"));
    }
    Ok(())
}

impl Forecast {
    /// Intervals `mean +- z * se` with the normal quantile z of each level (R's
    /// `forecast.Arima`, `rwf`, `naive`): `se[i]` is the standard error i + 1 steps ahead.
    pub fn normal(mean: Vec<f64>, se: &[f64], levels: &[f64]) -> Forecast {
        let mut f = Forecast::symmetric(mean, levels, |level| {
            // Upper-tail quantile computed directly for accuracy: z = -qnorm((1 - level)/2).
            let z = -crate::numerics::distributions::qnorm(0.5 * (1.0 - level));
            se.iter().map(|s| z * s).collect()
        });
        f.variance = Some(se.iter().map(|s| s * s).collect());
        f
    }

    /// Intervals `mean +- width_k` where `half_width(level)` gives the half widths of one level.
    pub fn symmetric(mean: Vec<f64>, levels: &[f64], mut half_width: impl FnMut(f64) -> Vec<f64>) -> Forecast {
        let mut lower = Vec::with_capacity(levels.len());
        let mut upper = Vec::with_capacity(levels.len());
        for &level in levels {
            let w = half_width(level);
            lower.push(mean.iter().zip(&w).map(|(m, w)| m - w).collect());
            upper.push(mean.iter().zip(&w).map(|(m, w)| m + w).collect());
        }
        Forecast { mean, levels: levels.to_vec(), lower, upper, variance: None }
    }

    /// Point forecasts only: every bound NaN (families without an interval).
    pub fn points(mean: Vec<f64>, levels: &[f64]) -> Forecast {
        let nan = || vec![f64::NAN; mean.len()];
        let (lower, upper) = (levels.iter().map(|_| nan()).collect(), levels.iter().map(|_| nan()).collect());
        Forecast { levels: levels.to_vec(), lower, upper, mean, variance: None }
    }

    /// The horizon h.
    pub fn horizon(&self) -> usize {
        self.mean.len()
    }

    /// The layout Java reads: the mean, then for each level its lower and its upper bounds,
    /// h values each.
    pub fn packed(&self) -> Vec<f64> {
        let mut out = Vec::with_capacity(self.mean.len() * (1 + 2 * self.levels.len()));
        out.extend_from_slice(&self.mean);
        for (lower, upper) in self.lower.iter().zip(&self.upper) {
            out.extend_from_slice(lower);
            out.extend_from_slice(upper);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_outside_the_rules_are_refused_with_the_argument_named() {
        assert!(check_request(12, &[0.8, 0.95]).is_ok());
        assert!(check_request(3, &[]).is_ok());
        let message = |r: CoreResult<()>| r.expect_err("refused").to_string();
        assert!(message(check_request(0, &[0.9])).contains("h must be"));
        assert!(message(check_request(MAX_HORIZON + 1, &[0.9])).contains("h must be"));
        assert!(message(check_request(1, &[0.8, 1.0])).contains("level must be in (0, 1), got 1"));
        assert!(message(check_request(1, &[f64::NAN])).contains("level"));
    }

    #[test]
    fn packed_layout_is_mean_then_lower_and_upper_per_level() {
        let f = Forecast::symmetric(vec![1.0, 2.0], &[0.5, 0.75], |level| vec![level, 2.0 * level]);
        assert_eq!(f.packed(), vec![1.0, 2.0, 0.5, 1.0, 1.5, 3.0, 0.25, 0.5, 1.75, 3.5]);
        let p = Forecast::points(vec![1.0], &[0.8]);
        assert!(p.lower[0][0].is_nan() && p.upper[0][0].is_nan());
    }
}
