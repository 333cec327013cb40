//! Exact Gaussian likelihood of ARIMA models by the Kalman filter, in the
//! state-space form of R's `makeARIMA` (Harvey 1989, §3.3): state dimension
//! `r = max(p, q + 1)` for the ARMA part, companion-form transition
//! `T = [phi | I; 0]`, disturbance loading `R = (1, theta_1, .., theta_{r-1})`,
//! plus `d = deg(Delta)` states carrying past observations for the
//! differencing (observation vector `Z = (1, 0, .., 0, Delta)`).
//!
//! Filters:
//!
//! * [`FullFilter`] is R's `ARIMA_Like` (arima.c) on the full state:
//!   stationary initial covariance `Q0` for the ARMA block, missing
//!   observations (NaN) skip the update, an innovation only enters the
//!   likelihood when its variance is < 1e4. The diffuse prior of the
//!   differencing block is handled exactly (Koopman 1997) rather than with
//!   R's `kappa = 1e6`; R's value differs from the exact one by
//!   O(level^2 / (kappa sigma^2)) (e.g. 1e-3 in the log-likelihood of
//!   USAccDeaths), statsmodels' exact-diffuse value is matched to ~1e-9. The
//!   covariance prediction uses the sparsity of `T` (O(rd^2) per step).
//! * [`ArmaWorkspace::loglik`] handles the common case of a complete series
//!   inside the optimizer: the ARMA part is filtered on the differenced
//!   series with the Chandrasekhar recursions (Morf, Sidhu & Kailath 1974;
//!   Harvey 1989, §3.3.4; the same idea as Mélard 1984, AS 154), O(r) per
//!   step instead of O(r^2): with a stationary start `P_1 = Q0` the
//!   covariance increments `P_{t+1} - P_t` have rank one. Once they vanish
//!   (below rounding of F) the gain is constant and the rest of the series
//!   runs through the steady-state innovations recursion (no log or division
//!   per step). For complete data this is the same likelihood as the exact
//!   diffuse full filter.
//! * [`ArmaWorkspace::standardized_innovations`] (`innovations`): the fast filter's
//!   standardized innovations of several series under one model, gains computed once.
//! * [`arma_filter_states`] is the O(r^2) ARMA filter on the differenced
//!   series that also keeps residuals and the final state (one call per fit).
//!
//!
//! Files: `stationary` (Q0, R's `getQ0`, from autocovariances computed in
//! O(p^2 + rq): `ar_acvf` the AR part's through the partial autocorrelations,
//! remembered per phi, `ma_acvf` the MA filter), `arma_filter` (the fast ARMA
//! filters on the differenced series and their steady-state tails),
//! `diffuse` (the full-state filter with the exact diffuse start),
//! `transition` (products with the transition matrix, shared with forecasting).

mod ar_acvf;
mod arma_filter;
mod diffuse;
mod innovations;
mod ma_acvf;
#[cfg(test)]
mod prepare_tests;
mod stationary;
mod transition;
#[cfg(test)]
mod tests;

pub(crate) use arma_filter::arma_filter_states;
pub(crate) use diffuse::FullFilter;
pub(crate) use stationary::ArmaWorkspace;
pub(crate) use transition::{apply_t, predict_cov};

/// Sums that make up the concentrated likelihood (R's `ARIMA_Like` result).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct LikSums {
    /// Sum of squared innovations divided by their variances.
    pub ssq: f64,
    /// Sum of the log innovation variances.
    pub sumlog: f64,
    /// Number of innovations counted.
    pub nu: usize,
    /// The same three over the innovations R's rule leaves out (variance at or above
    /// [`DIFFUSE_GAIN`]), for the likelihood that counts every innovation.
    pub left_ssq: f64,
    pub left_sumlog: f64,
    pub left_out: usize,
}

impl LikSums {
    /// R's `armafn` objective: `0.5 * (log(ssq / nu) + sumlog / nu)`.
    pub(crate) fn objective(&self) -> f64 {
        if self.nu == 0 {
            return f64::INFINITY;
        }
        let nu = self.nu as f64;
        let v = 0.5 * ((self.ssq / nu).ln() + self.sumlog / nu);
        if v.is_nan() {
            f64::INFINITY
        } else {
            v
        }
    }

    /// The same objective over every innovation, those R's rule leaves out included.
    pub(crate) fn objective_all(&self) -> f64 {
        let all = LikSums {
            ssq: self.ssq + self.left_ssq,
            sumlog: self.sumlog + self.left_sumlog,
            nu: self.nu + self.left_out,
            ..LikSums::default()
        };
        all.objective()
    }

    /// Adds the innovation `v` of variance `f`: counted when `f` is below [`DIFFUSE_GAIN`]
    /// (R's rule), else kept apart.
    #[inline(always)]
    pub(crate) fn add(&mut self, v: f64, f: f64) {
        if f < DIFFUSE_GAIN {
            self.ssq += v * v / f;
            self.sumlog += f.ln();
            self.nu += 1;
        } else {
            self.left_ssq += v * v / f;
            self.left_sumlog += f.ln();
            self.left_out += 1;
        }
    }
}

/// Innovation variances at or above this are treated as diffuse and not
/// counted (R's `ARIMA_Like` uses the same constant).
pub(crate) const DIFFUSE_GAIN: f64 = 1e4;

/// State dimension of the ARMA block.
pub(crate) fn state_dim(p: usize, q: usize) -> usize {
    p.max(q + 1)
}
