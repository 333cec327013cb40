//! Cheap signs that an ML end point may be one of the likelihood's poorer local optima, so
//! that only such fits pay for `second_start`'s extra optimisations. The poorer optima found
//! on random series/order pairs lie where the likelihood is flat along a ridge: an AR or MA
//! root next to the unit circle (the likelihood's boundary), or an AR root next to an MA
//! root (the pair nearly cancels and only its difference is identified). Further optima
//! also lie off ridges whose end point looks interior by its roots; the Hessian there shows
//! them ([`on_ridge`]), and large models have them more often ([`MANY_TERMS`]).

use super::objective::Problem;
use super::roots::lag_polynomial_roots;
use super::transform::{undo_pars, Layout};
use crate::numerics::linalg::{cholesky, cholesky_solve};

/// A root of modulus below this counts as next to the unit circle: the partial
/// autocorrelation of an AR(1) with that root is 1/1.05 = 0.95.
const NEAR_UNIT: f64 = 1.05;

/// An AR and an MA root (of the same block) closer than this nearly cancel.
const NEAR_CANCEL: f64 = 0.1;

/// Two ARMA coefficients whose estimates (inverse Hessian of the ARMA block) correlate
/// beyond this in absolute value lie on a ridge of the likelihood: one combination of them
/// is barely identified, and better optima lie along it.
const RIDGE_CORRELATION: f64 = 0.9;

/// Fits with at least this many ARMA coefficients are flagged whatever their end point: on
/// the comparison set, their poorer optima were interior with well-conditioned Hessians
/// (ARIMA(2,0,2)(1,1,0)[7], 10.5 log-likelihood units below another optimum).
pub(crate) const MANY_TERMS: usize = 5;

/// What flags an end point (for the second starts and their diagnostics).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Flags {
    /// An AR, MA, seasonal AR or seasonal MA root of modulus below [`NEAR_UNIT`].
    pub(crate) near_unit: bool,
    /// An AR root within [`NEAR_CANCEL`] of an MA root (non-seasonal or seasonal blocks).
    pub(crate) near_cancel: bool,
    /// The objective or a coefficient is not finite there.
    pub(crate) not_finite: bool,
}

impl Flags {
    pub(crate) fn any(self) -> bool {
        self.near_unit || self.near_cancel || self.not_finite
    }
}

/// The flags of the (transformed) end point `raw` of `prob`, whose objective is `f`.
pub(crate) fn flags(prob: &Problem<'_>, raw: &[f64], f: f64) -> Flags {
    layout_flags(prob.layout, raw, f)
}

fn layout_flags(layout: Layout, raw: &[f64], f: f64) -> Flags {
    let mut coef = vec![0.0; raw.len()];
    undo_pars(&layout, raw, &mut coef);
    if !f.is_finite() || coef.iter().any(|v| !v.is_finite()) {
        return Flags { not_finite: true, ..Flags::default() };
    }
    let mut out = Flags::default();
    for (ar, ma) in [(layout.ar(), layout.ma()), (layout.sar(), layout.sma())] {
        let ar_roots = lag_polynomial_roots(&coef[ar], -1.0);
        let ma_roots = lag_polynomial_roots(&coef[ma], 1.0);
        if ar_roots.iter().chain(&ma_roots).any(|r| r.abs().is_nan() || r.abs() < NEAR_UNIT) {
            out.near_unit = true;
        }
        if ar_roots.iter().any(|a| ma_roots.iter().any(|m| a.sub(*m).abs() < NEAR_CANCEL)) {
            out.near_cancel = true;
        }
    }
    out
}

/// True when the ARMA block (the first `narma` rows and columns) of the Hessian `hessian`
/// (k x k, row-major) of the objective at an end point is not positive definite (a saddle
/// or a flat direction: not a proper optimum) or has two coefficients whose estimates
/// correlate beyond [`RIDGE_CORRELATION`].
pub(crate) fn on_ridge(hessian: &[f64], k: usize, narma: usize) -> bool {
    let block: Vec<f64> = (0..narma * narma).map(|ij| hessian[(ij / narma) * k + ij % narma]).collect();
    let Ok(l) = cholesky(&block, narma) else { return true };
    let inverse: Vec<Vec<f64>> = (0..narma)
        .map(|j| {
            let mut unit = vec![0.0; narma];
            unit[j] = 1.0;
            cholesky_solve(&l, &unit, narma)
        })
        .collect();
    (0..narma).any(|i| {
        (0..i).any(|j| {
            let corr = inverse[j][i] / (inverse[i][i] * inverse[j][j]).sqrt();
            !(corr.abs() <= RIDGE_CORRELATION)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARMA11: Layout = Layout { p: 1, q: 1, sp: 0, sq: 0 };

    /// Raw AR coordinate of an AR(1) coefficient (atanh of its partial autocorrelation).
    fn raw_ar(phi: f64) -> f64 {
        phi.atanh()
    }

    #[test]
    fn an_ordinary_end_point_is_not_flagged() {
        let f = layout_flags(ARMA11, &[raw_ar(0.5), 0.3, 10.0], 1.0);
        assert!(!f.any(), "{f:?}");
    }

    #[test]
    fn roots_next_to_the_unit_circle_are_flagged() {
        // AR root 1/0.96 = 1.042, MA root 1/0.97 = 1.031, seasonal MA root 1/0.96.
        assert!(layout_flags(ARMA11, &[raw_ar(0.96), 0.3, 0.0], 1.0).near_unit);
        assert!(layout_flags(ARMA11, &[raw_ar(0.2), -0.97, 0.0], 1.0).near_unit);
        let seasonal = Layout { p: 0, q: 1, sp: 0, sq: 1 };
        assert!(layout_flags(seasonal, &[0.3, -0.96], 1.0).near_unit);
        assert!(!layout_flags(seasonal, &[0.3, -0.9], 1.0).any());
    }

    #[test]
    fn nearly_cancelling_roots_are_flagged() {
        // AR root 1/0.6 = 1.667 against MA root 1/0.62 = 1.613 (1 - 0.62 B).
        let f = layout_flags(ARMA11, &[raw_ar(0.6), -0.62, 0.0], 1.0);
        assert!(f.near_cancel && !f.near_unit, "{f:?}");
        assert!(!layout_flags(ARMA11, &[raw_ar(0.6), -0.3, 0.0], 1.0).any());
    }

    #[test]
    fn a_non_finite_objective_is_flagged() {
        assert!(layout_flags(ARMA11, &[raw_ar(0.5), 0.3, 0.0], f64::INFINITY).not_finite);
    }

    #[test]
    fn a_hessian_with_correlated_or_flat_directions_is_on_a_ridge() {
        // ARMA block [[1, r], [r, 1]] (inverse correlation -r), a regression row and column
        // that do not count.
        let with = |r: f64| vec![1.0, r, 5.0, r, 1.0, 5.0, 5.0, 5.0, 1.0];
        assert!(!on_ridge(&with(0.5), 3, 2));
        assert!(!on_ridge(&with(-0.85), 3, 2));
        assert!(on_ridge(&with(0.95), 3, 2));
        assert!(on_ridge(&with(-0.95), 3, 2));
        // Indefinite (a saddle), singular, not finite.
        assert!(on_ridge(&with(1.5), 3, 2));
        assert!(on_ridge(&with(1.0), 3, 2));
        assert!(on_ridge(&with(f64::NAN), 3, 2));
        // One ARMA coefficient: no pair, only definiteness.
        assert!(!on_ridge(&[2.0], 1, 1));
        assert!(on_ridge(&[-2.0], 1, 1));
    }
}
