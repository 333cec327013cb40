//! Exponential smoothing with initial states taken from the first values (not estimated) and
//! smoothing parameters that minimise the sum of squared one-step errors: forecast's
//! `HoltWintersZZ` (8.20), which R's `ets` fits to series too short for its own model and
//! `thetaf`/`ses` meet through it. Shared by the ETS and Theta families.
//!
//! * `recursion` — one pass of `zzhw` (level, trend, season; fitted values, residuals, SSE);
//! * `fit` — `HoltWintersZZ` itself: initial states, R's starting values and `optim`'s
//!   L-BFGS-B in [0, 1] for the parameters not fixed, then the final pass and sigma2.

mod fit;
mod recursion;

pub use fit::{holt_winters_zz, ses_alpha, Fixed, HwFit};
pub use recursion::{Season, Trend};
