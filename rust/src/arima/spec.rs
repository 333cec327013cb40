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

/// A seasonal ARIMA(p, d, q)(P, D, Q)_period model with optional regression
/// terms: an intercept (only when d + D == 0) and a drift, the slope on time
/// t = 1..n (only when d + D <= 1, as `forecast::Arima`). With d + D == 0 and
/// both, the model is a linear trend with ARMA errors,
/// `y_t = intercept + drift * t + u_t`.
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
    /// period >= 2 when any seasonal order is > 0 and period <= 366*24; the
    /// expanded AR degree p + P*period, MA degree q + Q*period and
    /// differencing degree d + D*period <= 400; mean only when d + D == 0;
    /// drift only when d + D <= 1.
    ///
    /// Messages name the arguments of the Java API (`p`, `d`, `q`, `P`, `D`,
    /// `Q`, `period`, `includeMean`, `includeDrift`), which users see verbatim.
    pub fn validate(&self) -> CoreResult<()> {
        for (name, value, max) in [
            ("p", self.p, MAX_ORDER),
            ("d", self.d, MAX_D),
            ("q", self.q, MAX_ORDER),
            ("P", self.seasonal_p, MAX_SEASONAL_ORDER),
            ("D", self.seasonal_d, MAX_SEASONAL_D),
            ("Q", self.seasonal_q, MAX_SEASONAL_ORDER),
            ("period", self.period, MAX_PERIOD),
        ] {
            if value > max {
                return invalid(format!("{name} must be <= {max}, got {value}"));
            }
        }
        if self.is_seasonal() && self.period < 2 {
            return invalid(format!("period must be >= 2 when P, D or Q is > 0, got {}", self.period));
        }
        let s = self.season();
        for (what, degree) in [
            ("p + P * period", self.p + self.seasonal_p * s),
            ("q + Q * period", self.q + self.seasonal_q * s),
            ("d + D * period", self.d + self.seasonal_d * s),
        ] {
            if degree > MAX_EXPANDED_DEGREE {
                return invalid(format!("{what} must be <= {MAX_EXPANDED_DEGREE}, got {degree}"));
            }
        }
        let total_d = self.d + self.seasonal_d;
        if self.include_mean && total_d != 0 {
            return invalid(format!("includeMean needs d + D == 0, got d + D = {total_d}"));
        }
        if self.include_drift && total_d > 1 {
            return invalid(format!("includeDrift needs d + D <= 1, got d + D = {total_d}"));
        }
        Ok(())
    }

    /// R-style label, e.g. `ARIMA(2,1,2)` or `ARIMA(0,1,1)(0,1,1)[12]`.
    pub(crate) fn label(&self) -> String {
        let mut s = format!("ARIMA({},{},{})", self.p, self.d, self.q);
        if self.is_seasonal() {
            s.push_str(&format!("({},{},{})[{}]", self.seasonal_p, self.seasonal_d, self.seasonal_q, self.period));
        }
        s
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

    /// Number of regression coefficients (intercept, drift): 0, 1 or 2.
    pub(crate) fn n_reg(&self) -> usize {
        usize::from(self.include_mean) + usize::from(self.include_drift)
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
