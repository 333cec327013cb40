//! The simple exponential smoothing R's `thetaf` gets for a series of at most 6 values: `ses`
//! calls `ets(x, "ANN")`, which has too few values for its own fit (n <= 2 parameters + 4) and
//! hands the series to forecast's `HoltWintersZZ` ([`crate::smoothing`]): the level starts at the first value
//! (not estimated), alpha minimises the sum of squared one-step errors by `optim`'s L-BFGS-B
//! in [0, 1] from `initparam`'s 0.2 / m (m the series' frequency), and sigma2 is the mean
//! squared residual (the first residual, 0, counted).

use super::ses_mse::Ses;
use crate::smoothing::ses_alpha;

/// The longest series fitted this way (ets' `n <= npars + 4` with ANN's two parameters).
pub(super) const LONGEST: usize = 6;

/// Fits SES to `x` (1 to [`LONGEST`] values) as `HoltWintersZZ(x, beta = FALSE, gamma = FALSE)`
/// does for a series of frequency `m`.
pub(super) fn fit(x: &[f64], m: usize) -> Ses {
    run(x, ses_alpha(x, m), x[0])
}

/// SES over `x` with alpha and the initial level given, sigma2 the mean squared residual.
pub(super) fn run(x: &[f64], alpha: f64, mut level: f64) -> Ses {
    let mut fitted = Vec::with_capacity(x.len());
    let mut total = 0.0;
    for &v in x {
        fitted.push(level);
        let e = v - level;
        total += e * e;
        level = alpha * v + (1.0 - alpha) * level;
    }
    Ses { alpha, last: level, fitted, sigma2: total / x.len() as f64 }
}
