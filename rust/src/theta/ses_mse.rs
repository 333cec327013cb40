//! The simple exponential smoothing R's `thetaf` fits: `ses(x)`, which is
//! `ets(x, "ANN", opt.crit = "mse")` of forecast 8.20: alpha and the initial level chosen by
//! R's `optim` Nelder-Mead (`etsNelderMead`: maxit 2000, reltol sqrt(eps)) minimising the mean
//! squared one-step error, alpha within ets' usual bounds [1e-4, 0.9999].

use crate::numerics::optim::nelder_mead::{self, NelderMeadOptions};

/// ets' default bounds on alpha.
const LOWER: f64 = 1e-4;
const UPPER: f64 = 0.9999;

/// The fitted smoothing: alpha, the final level, the one-step forecasts and
/// ets' sigma2 (the residual sum of squares over n minus its two parameters, alpha and the level).
pub(super) struct Ses {
    pub alpha: f64,
    pub last: f64,
    pub fitted: Vec<f64>,
    pub sigma2: f64,
}

/// ets' `etscalc` for ANN: the running mean of squared one-step errors (its `amse[0]`).
fn mse(x: &[f64], alpha: f64, l0: f64) -> f64 {
    let mut level = l0;
    let mut amse = 0.0;
    for (i, &y) in x.iter().enumerate() {
        let e = y - level;
        let count = (i + 1) as f64;
        amse = (amse * (count - 1.0) + e * e) / count;
        level += alpha * e;
    }
    amse
}

/// Fits ANN by MSE to `x` (more than 6 values: ets fits shorter series another way,
/// [`super::ses_small`]).
pub(super) fn fit(x: &[f64]) -> Ses {
    // initparam: lower + 0.2 (upper - lower) / m with m = 1; initstate: the mean of the
    // first min(10, n) values.
    let alpha0 = LOWER + 0.2 * (UPPER - LOWER);
    let first = &x[..x.len().min(10)];
    let l0 = first.iter().sum::<f64>() / first.len() as f64;
    let objective = |p: &[f64]| {
        // etsTargetFunction: parameters outside the bounds are refused (R_PosInf).
        if p[0] < LOWER || p[0] > UPPER {
            return f64::INFINITY;
        }
        mse(x, p[0], p[1])
    };
    let options = NelderMeadOptions { maxit: 2000, ..NelderMeadOptions::default() };
    let best = nelder_mead::minimize(objective, &[alpha0, l0], &options);
    run(x, best.x[0], best.x[1])
}

/// SES over `x` with alpha and the initial level given.
pub(super) fn run(x: &[f64], alpha: f64, mut level: f64) -> Ses {
    let mut fitted = Vec::with_capacity(x.len());
    let mut sse = 0.0;
    for &y in x {
        fitted.push(level);
        let e = y - level;
        sse += e * e;
        level += alpha * e;
    }
    Ses { alpha, last: level, fitted, sigma2: sse / (x.len() as f64 - 2.0) }
}
