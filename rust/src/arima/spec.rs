//! Model specification: the (p, d, q)(P, D, Q)_s orders plus mean / drift, and
//! their validation. Conventions follow R's `stats::arima` (`order`, `seasonal`,
//! `include.mean`) and `forecast::Arima` (`include.drift`).

use crate::error::{invalid, CoreResult};

/// Largest non-seasonal AR or MA order accepted.
pub const MAX_ORDER: usize = 20;
/// Largest seasonal AR or MA order accepted.
pub const MAX_SEASONAL_ORDER: usize = 5;
/// Largest non-seasonal differencing order accepted.
pub const MAX_D: usize = 2;
/// Largest seasonal differencing order accepted.
pub const MAX_SEASONAL_D: usize = 2;
/// Largest seasonal period accepted (hourly data over a leap year).
pub const MAX_PERIOD: usize = 366 * 24;
/// Largest degree of the expanded AR polynomial `phi(B) Phi(B^s)` and of the
/// expanded MA polynomial; bounds the state dimension (and so the cost of
/// each likelihood evaluation).
pub const MAX_EXPANDED_DEGREE: usize = 400;

/// A seasonal ARIMA(p, d, q)(P, D, Q)_period model with an optional mean
/// (only when d + D == 0) or drift (only when d + D == 1).
#[derive(Debug, Clone, PartialEq)]
pub struct ArimaSpec {
    pub p: usize,
    pub d: usize,
    pub q: usize,
    pub seasonal_p: usize,
    pub seasonal_d: usize,
    pub seasonal_q: usize,
    pub period: usize,
    pub include_mean: bool,
    pub include_drift: bool,
}

impl ArimaSpec {
    /// Validates: p, q <= 20; d <= 2; seasonal P, Q <= 5; seasonal D <= 2;
    /// period >= 2 when any seasonal order > 0 and period <= 366*24; the
    /// expanded AR degree p + P*period and MA degree q + Q*period <= 400;
    /// mean only when d + D == 0; drift only when d + D == 1.
    /// Error messages name the offending argument.
    pub fn validate(&self) -> CoreResult<()> {
        if self.p > MAX_ORDER {
            return invalid(format!("p must be <= {MAX_ORDER}, got {}", self.p));
        }
        if self.q > MAX_ORDER {
            return invalid(format!("q must be <= {MAX_ORDER}, got {}", self.q));
        }
        if self.d > MAX_D {
            return invalid(format!("d must be <= {MAX_D}, got {}", self.d));
        }
        if self.seasonal_p > MAX_SEASONAL_ORDER {
            return invalid(format!(
                "seasonal_p must be <= {MAX_SEASONAL_ORDER}, got {}",
                self.seasonal_p
            ));
        }
        if self.seasonal_q > MAX_SEASONAL_ORDER {
            return invalid(format!(
                "seasonal_q must be <= {MAX_SEASONAL_ORDER}, got {}",
                self.seasonal_q
            ));
        }
        if self.seasonal_d > MAX_SEASONAL_D {
            return invalid(format!(
                "seasonal_d must be <= {MAX_SEASONAL_D}, got {}",
                self.seasonal_d
            ));
        }
        if self.period > MAX_PERIOD {
            return invalid(format!("period must be <= {MAX_PERIOD}, got {}", self.period));
        }
        if self.is_seasonal() && self.period < 2 {
            return invalid(format!(
                "period must be >= 2 when a seasonal order is > 0, got {}",
                self.period
            ));
        }
        let s = self.season();
        if self.p + self.seasonal_p * s > MAX_EXPANDED_DEGREE {
            return invalid(format!(
                "period: p + seasonal_p * period must be <= {MAX_EXPANDED_DEGREE}, got {}",
                self.p + self.seasonal_p * s
            ));
        }
        if self.q + self.seasonal_q * s > MAX_EXPANDED_DEGREE {
            return invalid(format!(
                "period: q + seasonal_q * period must be <= {MAX_EXPANDED_DEGREE}, got {}",
                self.q + self.seasonal_q * s
            ));
        }
        if self.d + self.seasonal_d * s > MAX_EXPANDED_DEGREE {
            return invalid(format!(
                "period: d + seasonal_d * period must be <= {MAX_EXPANDED_DEGREE}, got {}",
                self.d + self.seasonal_d * s
            ));
        }
        let total_d = self.d + self.seasonal_d;
        if self.include_mean && total_d != 0 {
            return invalid(format!(
                "include_mean is only allowed when d + seasonal_d == 0 (got {total_d}); \
                 a differenced model has no mean"
            ));
        }
        if self.include_drift && total_d != 1 {
            return invalid(format!(
                "include_drift is only allowed when d + seasonal_d == 1 (got {total_d})"
            ));
        }
        if self.include_mean && self.include_drift {
            return invalid("include_mean and include_drift cannot both be set");
        }
        Ok(())
    }

    /// True when any seasonal order is positive.
    pub(crate) fn is_seasonal(&self) -> bool {
        self.seasonal_p + self.seasonal_d + self.seasonal_q > 0
    }

    /// The period used in polynomial expansion: 0 for non-seasonal models
    /// (then every seasonal order is zero and the period is irrelevant).
    pub(crate) fn season(&self) -> usize {
        if self.is_seasonal() {
            self.period
        } else {
            0
        }
    }

    /// Number of ARMA coefficients p + q + P + Q.
    pub(crate) fn n_arma(&self) -> usize {
        self.p + self.q + self.seasonal_p + self.seasonal_q
    }

    /// Number of regression coefficients (intercept or drift): 0 or 1.
    pub(crate) fn n_reg(&self) -> usize {
        usize::from(self.include_mean || self.include_drift)
    }

    /// Number of estimated coefficients (sigma2 excluded).
    pub(crate) fn n_coef(&self) -> usize {
        self.n_arma() + self.n_reg()
    }

    /// Degree of the expanded AR polynomial, p + P*s.
    pub(crate) fn ar_degree(&self) -> usize {
        self.p + self.seasonal_p * self.season()
    }

    /// Degree of the expanded MA polynomial, q + Q*s.
    pub(crate) fn ma_degree(&self) -> usize {
        self.q + self.seasonal_q * self.season()
    }

    /// Degree of the differencing polynomial, d + D*s.
    pub(crate) fn diff_degree(&self) -> usize {
        self.d + self.seasonal_d * self.season()
    }
}
