//! One candidate model of the search, fitted and scored as
//! `forecast:::myarima`: the information criterion from R's formulas
//! (`npar` = coefficients + 1, `nstar` = observations after differencing),
//! and rejection (IC = Inf) of fits that failed, whose AR or MA polynomial
//! has a root inside radius 1.01, or whose coefficient variances are not
//! all defined (`forecast:::checkarima`).

use std::sync::atomic::{AtomicBool, Ordering};

use super::InformationCriterion;
use crate::arima::{self, ArimaFit, ArimaSpec, FitMethod, FitOptions, Regressors};

/// Orders and constant of one candidate; d, D and the period are fixed for
/// the whole search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Model {
    pub p: usize,
    pub q: usize,
    pub seasonal_p: usize,
    pub seasonal_q: usize,
    /// A mean when d + D == 0, a drift when d + D == 1 (R's `constant`).
    pub constant: bool,
}

/// What every candidate of one search shares.
pub(crate) struct Context<'a> {
    /// The series searched (leading missing values removed, Box-Cox transformed).
    pub x: &'a [f64],
    /// The regressors every candidate carries (none: an empty set).
    pub xreg: &'a Regressors,
    pub d: usize,
    pub seasonal_d: usize,
    pub period: usize,
    /// Non-missing observations (R's `serieslength`).
    pub n_obs: usize,
    pub ic: InformationCriterion,
    /// `-2 loglik - n log(sigma2)` of the ARIMA(0,d,0)(0,D,0) fit, added to
    /// the CSS criterion when approximating (R's `offset`).
    pub offset: f64,
    /// Set by another thread to stop the search (each fit polls it).
    pub cancel: Option<&'a AtomicBool>,
}

/// A scored candidate: its fit (None when fitting failed) and criterion.
pub(crate) struct Scored {
    pub fit: Option<ArimaFit>,
    pub ic: f64,
}

impl Context<'_> {
    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }

    pub(crate) fn spec(&self, model: &Model) -> ArimaSpec {
        let diffs = self.d + self.seasonal_d;
        ArimaSpec {
            p: model.p,
            d: self.d,
            q: model.q,
            seasonal_p: model.seasonal_p,
            seasonal_d: self.seasonal_d,
            seasonal_q: model.seasonal_q,
            period: self.period,
            include_mean: model.constant && diffs == 0,
            include_drift: model.constant && diffs == 1,
        }
    }

    /// Fits and scores `model` (R's `myarima`); with `approximate`, by
    /// conditional sum of squares.
    pub(crate) fn score(&self, model: &Model, approximate: bool) -> Scored {
        let spec = self.spec(model);
        if self.cancelled() {
            return Scored { fit: None, ic: f64::INFINITY };
        }
        let method = if approximate { FitMethod::Css } else { FitMethod::CssMlStrict };
        let fitted = arima::fit_xreg(&spec, self.x, self.xreg, &FitOptions { method, cancel: self.cancel });
        let Ok(mut fit) = fitted else { return Scored { fit: None, ic: f64::INFINITY } };
        let nd = self.d + self.seasonal_d * self.period;
        let nstar = self.n_obs as f64 - nd as f64;
        let npar = (spec.n_coef() + self.xreg.len() + 1) as f64;
        let aic = if approximate {
            self.offset + nstar * fit.ln_sigma2() + 2.0 * npar
        } else {
            fit.aic()
        };
        let mut ic = criterion(self.ic, aic, npar, nstar);
        // R replaces sigma2 by the residual mean square with its degrees of freedom.
        fit.set_sigma2_residual_mean_square(nstar - npar + 1.0);
        let (phi, theta) = fit.expanded();
        if model.p + model.seasonal_p > 0 && root_inside(&phi, 1.01) {
            ic = f64::INFINITY;
        }
        if model.q + model.seasonal_q > 0 && ic < f64::INFINITY {
            let neg: Vec<f64> = theta.iter().map(|t| -t).collect();
            if root_inside(&neg, 1.01) {
                ic = f64::INFINITY;
            }
        }
        if fit.standard_errors().iter().any(|s| s.is_nan()) {
            ic = f64::INFINITY;
        }
        Scored { fit: Some(fit), ic }
    }
}

/// `aic`, `aicc` or `bic` from R's formulas in `myarima`; Inf when the AIC
/// is undefined. A NaN result (possible only for degenerate `nstar`)
/// counts as Inf, so it never wins.
pub(crate) fn criterion(which: InformationCriterion, aic: f64, npar: f64, nstar: f64) -> f64 {
    if aic.is_nan() {
        return f64::INFINITY;
    }
    let value = match which {
        InformationCriterion::Aic => aic,
        InformationCriterion::Aicc => aic + 2.0 * npar * (npar + 1.0) / (nstar - npar - 1.0),
        InformationCriterion::Bic => aic + npar * (nstar.ln() - 2.0),
    };
    if value.is_nan() {
        f64::INFINITY
    } else {
        value
    }
}

/// True when `1 - a_1 z - ... - a_k z^k` (coefficients below 1e-8 in
/// absolute value at the end ignored, as R) has a root of modulus below
/// `radius`. Tested by the Schur-Cohn step-down recursion on the
/// polynomial in `w = z / radius`: all its roots lie outside the unit
/// circle exactly when every reflection coefficient is below 1 in absolute
/// value.
pub(crate) fn root_inside(a: &[f64], radius: f64) -> bool {
    let Some(last) = a.iter().rposition(|c| c.abs() > 1e-8) else { return false };
    let mut c: Vec<f64> = a[..=last].iter().enumerate().map(|(k, v)| v * radius.powi(k as i32 + 1)).collect();
    while let Some(&r) = c.last() {
        if !r.is_finite() || r.abs() >= 1.0 {
            return true;
        }
        let k = c.len();
        let denom = 1.0 - r * r;
        let next: Vec<f64> = (0..k - 1).map(|j| (c[j] + r * c[k - 2 - j]) / denom).collect();
        c = next;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_radius_test() {
        // 1 - 0.5 z: root 2.
        assert!(!root_inside(&[0.5], 1.01));
        assert!(root_inside(&[0.5], 2.5));
        // 1 - z / 1.005: root 1.005 < 1.01.
        assert!(root_inside(&[1.0 / 1.005], 1.01));
        // (1 - 0.9 z)(1 + 0.8 z) = 1 - 0.1 z - 0.72 z^2: roots 1.111, -1.25.
        assert!(!root_inside(&[0.1, 0.72], 1.01));
        assert!(root_inside(&[0.1, 0.72], 1.2));
        // Complex pair of modulus 1/sqrt(0.99) ~ 1.005: 1 - 0 z + 0.99 z^2 -> a = [0, -0.99].
        assert!(root_inside(&[0.0, -0.99], 1.01));
        assert!(!root_inside(&[0.0, -0.9], 1.01));
        assert!(!root_inside(&[1e-9], 1.01));
    }
}
