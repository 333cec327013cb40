//! R's arguments of `ets` other than the model: fixed parameters, bounds, the optimisation
//! criterion, the information criterion and the model-space switches, with R's defaults.

use crate::error::{invalid, CoreResult};

/// R's `bounds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bounds {
    Both,
    Usual,
    Admissible,
}

/// R's `opt.crit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptCrit {
    Lik,
    Amse,
    Mse,
    Sigma,
    Mae,
}

/// R's `ic`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ic {
    Aicc,
    Aic,
    Bic,
}

/// Everything `ets(y, ...)` takes besides `y`, `model` and `damped`.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub alpha: Option<f64>,
    pub beta: Option<f64>,
    pub gamma: Option<f64>,
    pub phi: Option<f64>,
    /// Lower bounds of alpha, beta, gamma, phi.
    pub lower: [f64; 4],
    /// Upper bounds of alpha, beta, gamma, phi.
    pub upper: [f64; 4],
    pub opt_crit: OptCrit,
    /// Horizons averaged by `amse` (1 to 30).
    pub nmse: usize,
    pub bounds: Bounds,
    pub ic: Ic,
    pub restrict: bool,
    pub allow_multiplicative_trend: bool,
    pub additive_only: bool,
    /// Nelder–Mead's evaluation budget (`etsmodel`'s `maxit`).
    pub maxit: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            alpha: None,
            beta: None,
            gamma: None,
            phi: None,
            lower: [0.0001, 0.0001, 0.0001, 0.8],
            upper: [0.9999, 0.9999, 0.9999, 0.98],
            opt_crit: OptCrit::Lik,
            nmse: 3,
            bounds: Bounds::Both,
            ic: Ic::Aicc,
            restrict: true,
            allow_multiplicative_trend: false,
            additive_only: false,
            maxit: 2000,
        }
    }
}

impl Options {
    /// R's own argument checks, each naming its argument.
    pub fn validate(&self) -> CoreResult<()> {
        if !(1..=30).contains(&self.nmse) {
            return invalid(format!("nmse: must lie in 1..=30, got {}", self.nmse));
        }
        let names = ["alpha", "beta", "gamma", "phi"];
        for k in 0..4 {
            if !self.lower[k].is_finite() || !self.upper[k].is_finite() || self.upper[k] < self.lower[k] {
                return invalid(format!(
                    "lower/upper: the bounds of {} must be finite with lower <= upper, got [{}, {}]",
                    names[k], self.lower[k], self.upper[k]
                ));
            }
        }
        for (k, v) in [self.alpha, self.beta, self.gamma, self.phi].iter().enumerate() {
            if let Some(v) = v {
                if !v.is_finite() {
                    return invalid(format!("{}: must be finite, got {v}", names[k]));
                }
                if self.bounds != Bounds::Admissible && (*v < self.lower[k] || *v > self.upper[k]) {
                    return invalid(format!(
                        "{}: {v} lies outside its bounds [{}, {}]",
                        names[k], self.lower[k], self.upper[k]
                    ));
                }
            }
        }
        if self.maxit == 0 {
            return invalid("maxit: must be positive");
        }
        Ok(())
    }
}
