//! Numerical Hessian of the objective and the resulting standard errors,
//! reproducing what `stats::arima` gets from `optim(..., hessian = TRUE)`
//! (R's `optimhess`: central differences of the central-difference gradient,
//! `ndeps = 1e-3`, gradient steps `ndeps * parscale`, outer steps `ndeps`,
//! then symmetrized) and its delta-method covariance
//! `A' (n.used H)^{-1} A` through the Jacobian of the AR transformation.
//!
//! The fit runs on `y / factor` (see `units::Scale`), so the outer step `ndeps` is
//! taken in units free of y's: scaling y leaves every standard error of an ARMA
//! coefficient unchanged and scales those of the regression coefficients with y.
//! R takes it in y's units instead. Where the two differ in kind (near-collinear
//! regressors, a Hessian close to singular) the unit-free one may give an undefined
//! variance where R's is defined, and auto-ARIMA, which rejects a candidate without
//! standard errors as R does, would then reject a model R keeps: only then
//! [`checked_standard_errors`] retries with R's step for the regression coordinates.

use crate::numerics::linalg::invert;
use crate::numerics::objective::Objective;

const NDEPS: f64 = 1e-3;

/// Hessian (row-major, n x n) of `f` at `x` with the unit-free outer step `NDEPS`.
/// `f` values that are not finite make the corresponding entries NaN.
pub(crate) fn numerical_hessian<O: Objective>(mut f: O, x: &[f64], parscale: &[f64]) -> Vec<f64> {
    hessian_with_steps(&mut f, x, parscale, &vec![NDEPS; x.len()])
}

/// Standard errors (see [`standard_errors`]) from the Hessian of `f` at `x`, whose first
/// `narma` coordinates are the unitless ARMA ones and the rest regression coefficients in
/// the units of y / `factor`; `a` and `scale` as for [`standard_errors`]. `known` is the
/// unit-free Hessian (of [`numerical_hessian`] at `x`) where the caller already has it. The
/// unit-free Hessian's when every variance is defined (the usual case, exactly scale-free);
/// else, when R's outer step in y's units (`NDEPS / factor` here) gives every variance
/// defined, that one's, as R's rule would keep the model; else the unit-free one's.
#[allow(clippy::too_many_arguments)]
pub(crate) fn checked_standard_errors<O: Objective>(
    known: Option<Vec<f64>>,
    mut f: O,
    x: &[f64],
    parscale: &[f64],
    narma: usize,
    factor: f64,
    a: &[f64],
    scale: f64,
) -> Vec<f64> {
    let first = known.unwrap_or_else(|| hessian_with_steps(&mut f, x, parscale, &vec![NDEPS; x.len()]));
    let k = x.len();
    let se = standard_errors(&first, a, scale, k);
    if se.iter().all(|s| !s.is_nan()) {
        return se;
    }
    let outer = r_outer_steps(narma, parscale, factor);
    if outer.iter().all(|&s| s == NDEPS) {
        return se;
    }
    let retry = standard_errors(&hessian_with_steps(&mut f, x, parscale, &outer), a, scale, k);
    if retry.iter().all(|s| !s.is_nan()) {
        retry
    } else {
        se
    }
}

/// R's outer steps in the fit's coordinates: `NDEPS` for the `narma` ARMA ones,
/// `NDEPS / factor` (`NDEPS` in y's units) for the regression ones. Data spread over less
/// than one unit keeps `NDEPS`: R's step there is a large share of the coefficients' spread
/// (on data at 1e-200, 1e197 of it). Never below a millionth of the coordinate's
/// `parscale`: on data at 1e160 R's step would vanish in rounding.
fn r_outer_steps(narma: usize, parscale: &[f64], factor: f64) -> Vec<f64> {
    (0..parscale.len())
        .map(|i| if i < narma { NDEPS } else { (NDEPS / factor.max(1.0)).max(1e-3 * NDEPS * parscale[i]) })
        .collect()
}

/// Hessian as [`numerical_hessian`] with outer steps `outer` (one per coordinate). Entry
/// (i, j) is the derivative along i (step a = outer_i) of the gradient component j (step
/// b = NDEPS * parscale_j), from the four points `x + (+-a) e_i + (+-b) e_j`; all points
/// go to `f` together, around `x`.
fn hessian_with_steps<O: Objective>(f: &mut O, x: &[f64], parscale: &[f64], outer: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut h = vec![f64::NAN; n * n];
    let symmetric = |i: usize| parscale[i] == 1.0 && outer[i] == NDEPS;
    let mut entries = Vec::with_capacity(n * n);
    let mut points = Vec::with_capacity(4 * n * n);
    for i in 0..n {
        for j in 0..n {
            if j < i && symmetric(i) && symmetric(j) {
                // Symmetric steps: identical to the (j, i) entry.
                continue;
            }
            let a = outer[i];
            let b = NDEPS * parscale[j];
            let steps = if i == j { [(a + b, 0.0), (a - b, 0.0), (-a + b, 0.0), (-a - b, 0.0)] } else { [(a, b), (a, -b), (-a, b), (-a, -b)] };
            for (di, dj) in steps {
                let mut p = x.to_vec();
                p[i] += di;
                p[j] += dj;
                points.push(p);
            }
            entries.push((i, j, a, b));
        }
    }
    let values = f.values_near(x, &points);
    for (&(i, j, a, b), v) in entries.iter().zip(values.chunks_exact(4)) {
        h[i * n + j] = (v[0] - v[1] - v[2] + v[3]) / (4.0 * a * b);
    }
    for i in 0..n {
        for j in 0..i {
            if symmetric(i) && symmetric(j) {
                h[i * n + j] = h[j * n + i];
            }
        }
    }
    for i in 0..n {
        for j in 0..i {
            let v = 0.5 * (h[i * n + j] + h[j * n + i]);
            h[i * n + j] = v;
            h[j * n + i] = v;
        }
    }
    h
}

/// Standard errors `sqrt(diag(A' (scale * H)^{-1} A))` (A row-major n x n);
/// all NaN when the Hessian is singular or not finite, NaN for negative
/// variances.
pub(crate) fn standard_errors(hessian: &[f64], a: &[f64], scale: f64, n: usize) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    if hessian.iter().any(|v| !v.is_finite()) {
        return vec![f64::NAN; n];
    }
    // X = (scale H)^{-1} A.
    let scaled: Vec<f64> = hessian.iter().map(|v| v * scale).collect();
    let Some(inv) = invert(&scaled, n) else {
        return vec![f64::NAN; n];
    };
    let mut x = vec![0.0; n * n];
    for row in 0..n {
        for col in 0..n {
            x[row * n + col] = (0..n).map(|j| inv[row * n + j] * a[j * n + col]).sum();
        }
    }
    (0..n)
        .map(|k| {
            // var_kk = sum_i A[i][k] X[i][k]
            let v: f64 = (0..n).map(|i| a[i * n + k] * x[i * n + k]).sum();
            if v >= 0.0 {
                v.sqrt()
            } else {
                f64::NAN
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadratic_hessian() {
        let f = |x: &[f64]| 2.0 * x[0] * x[0] + 3.0 * x[0] * x[1] + 0.5 * x[1] * x[1];
        let h = numerical_hessian(f, &[0.3, -0.2], &[1.0, 7.0]);
        let want = [4.0, 3.0, 3.0, 1.0];
        for (a, b) in h.iter().zip(want) {
            assert!((a - b).abs() < 1e-6, "{h:?}");
        }
    }

    /// Curvature 2 at 0 in the regression coordinate, with a quartic term that an outer
    /// step of 1e-3 (the unit-free one) turns negative and one of 1e-5 (R's, factor 100)
    /// does not: `x0^2 + x1^2 - 1e6 x1^4`.
    fn steep_quartic(x: &[f64]) -> f64 {
        x[0] * x[0] + x[1] * x[1] - 1e6 * x[1].powi(4)
    }

    const IDENTITY: [f64; 4] = [1.0, 0.0, 0.0, 1.0];
    const PARSCALE: [f64; 2] = [1.0, 1e-2];

    #[test]
    fn undefined_variance_retried_with_rs_step() {
        let unit_free = standard_errors(&numerical_hessian(steep_quartic, &[0.0, 0.0], &PARSCALE), &IDENTITY, 1.0, 2);
        assert!(unit_free[1].is_nan(), "{unit_free:?}");
        let se = checked_standard_errors(None, steep_quartic, &[0.0, 0.0], &PARSCALE, 1, 100.0, &IDENTITY, 1.0);
        // The differences see diag(2, 2 - 4e6 (a^2 + b^2)): with a = b = 1e-5 curvature
        // 1.9992 (the unit-free a = 1e-3 gave -2).
        assert!((se[0] - 0.5f64.sqrt()).abs() < 1e-6, "{se:?}");
        assert!((se[1] - (1.0f64 / (2.0 - 4e6 * 2e-10)).sqrt()).abs() < 1e-6, "{se:?}");
    }

    #[test]
    fn no_retry_where_rs_step_is_not_finer_or_variances_are_defined() {
        // Data spread over less than one unit: R's step would be coarser; the NaN stays.
        let se = checked_standard_errors(None, steep_quartic, &[0.0, 0.0], &PARSCALE, 1, 0.5, &IDENTITY, 1.0);
        assert!(se[1].is_nan(), "{se:?}");
        // Defined variances are the unit-free Hessian's whatever the factor.
        let f = |x: &[f64]| 2.0 * x[0] * x[0] + 3.0 * x[0] * x[1] + 5.0 * x[1] * x[1] + x[1].powi(4) * 1e5;
        let want = standard_errors(&numerical_hessian(f, &[0.0, 0.0], &PARSCALE), &IDENTITY, 1.0, 2);
        assert!(want.iter().all(|v| v.is_finite()));
        assert_eq!(checked_standard_errors(None, f, &[0.0, 0.0], &PARSCALE, 1, 100.0, &IDENTITY, 1.0), want);
    }
}
