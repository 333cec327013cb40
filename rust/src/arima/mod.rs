//! ARIMA / seasonal ARIMA by exact Gaussian maximum likelihood, following R's
//! `stats::arima(method = "CSS-ML", transform.pars = TRUE)`; drift as
//! `forecast::Arima(include.drift = TRUE)` (d + D <= 1; with d + D == 0 and
//! an intercept, a linear trend with ARMA errors).
//!
//! Modules, one job each:
//! * `spec` — [`ArimaSpec`] and its validation;
//! * `polynomial` — seasonal polynomial expansion and differencing;
//! * `transform` — PACF transform of AR blocks, MA root reflection;
//! * `roots` — complex polynomial roots;
//! * `css` — conditional sum of squares (starting values, "CSS");
//! * `kalman/` — state-space likelihood (R's `makeARIMA` / `ARIMA_Like`):
//!   `stationary` (Q0), `arma_filter` (fast filters), `diffuse` (full state);
//! * `regression` — intercept, drift and the caller's regressors, their rotation;
//!   `xreg` — the caller's named regressors, their checks, coefficient names;
//! * `objective` — set-up of a fit and its CSS / ML objectives; `final_pass` — residuals and
//!   the forecasting state at the chosen coefficients;
//! * `units` — the standardized units of a fit, the degenerate-fit rule;
//! * `restart` — ML restarts off stationary points and the MA boundary;
//!   `end_point` — the signs that gate the second starts; `second_start` — ML from further
//!   starts; `ls_start` — the one from least-squares estimates, MA kept invertible;
//!   `circle_scan` — those along the MA unit circle, from end points with an MA root on it;
//! * `stages` — the optimiser settings and cancellation check the fit's stages share;
//! * `hessian` — numerical Hessian and standard errors; `linear` — the objectives at the
//!   Hessian's points through their linearity in the regression coefficients;
//! * `fit` — the fitting procedure, step by step; `model` — [`ArimaFit`];
//! * `forecast` — R's `KalmanForecast` and [`Forecast`];
//! * `serialize` — versioned binary encoding; `batch` — [`fit_many`], [`fit_batch`];
//! * `fitted_model` — ARIMA as the engine's `FittedModel`; `text` — its spec text.

mod adjust;
mod batch;
mod circle_scan;
mod css;
mod css_lanes;
mod css_models;
mod end_point;
mod final_pass;
mod fit;
mod fitted_model;
mod forward;
mod forecast;
mod hessian;
mod kalman;
mod lane_rows;
mod ls_start;
mod linear;
mod linear_direct;
mod model;
mod objective;
mod polynomial;
mod regression;
mod restart;
mod roots;
mod second_start;
mod serialize;
mod spec;
mod stages;
mod starts;
pub mod text;
mod transform;
mod units;
mod xreg;

pub use batch::{fit_batch, fit_many};
pub use fit::{fit, fit_with, fit_xreg, FitMethod, FitOptions};
pub use xreg::{fit_fourier, Regressors};
pub use fitted_model::CODE;
pub use forecast::{Forecast, MAX_HORIZON};
pub use model::{ArimaFit, Selection};
pub use spec::{ArimaSpec, MAX_D, MAX_EXPANDED_DEGREE, MAX_ORDER, MAX_PERIOD, MAX_SEASONAL_D, MAX_SEASONAL_ORDER};

use crate::error::CoreResult;

impl ArimaFit {
    /// Versioned binary encoding; [`ArimaFit::from_bytes`] restores it exactly.
    pub fn to_bytes(&self) -> Vec<u8> {
        serialize::to_bytes(self)
    }

    /// Decodes [`ArimaFit::to_bytes`] output; corrupt or truncated input is
    /// an `InvalidArgument` error.
    pub fn from_bytes(bytes: &[u8]) -> CoreResult<ArimaFit> {
        serialize::from_bytes(bytes)
    }
}

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    #[test]
    fn fit_is_send_sync() {
        assert_send_sync::<super::ArimaFit>();
    }
}
