//! Numerical Hessian of the objective and the resulting standard errors,
//! reproducing what `stats::arima` gets from `optim(..., hessian = TRUE)`
//! (R's `optimhess`: central differences of the central-difference gradient,
//! `ndeps = 1e-3`, gradient steps `ndeps * parscale`, outer steps `ndeps`,
//! then symmetrized) and its delta-method covariance
//! `A' (n.used H)^{-1} A` through the Jacobian of the AR transformation.

use crate::numerics::linalg::invert;

/// Hessian (row-major, n x n) of `f` at `x`. `f` values that are not finite
/// make the corresponding entries NaN.
pub(crate) fn numerical_hessian<F: FnMut(&[f64]) -> f64>(mut f: F, x: &[f64], parscale: &[f64]) -> Vec<f64> {
    const NDEPS: f64 = 1e-3;
    let n = x.len();
    let mut h = vec![f64::NAN; n * n];
    let mut xb = x.to_vec();
    let mut eval = |xb: &mut Vec<f64>, i: usize, di: f64, j: usize, dj: f64| -> f64 {
        xb[i] += di;
        xb[j] += dj;
        let v = f(xb);
        xb[i] -= di;
        xb[j] -= dj;
        // Restore exactly (guards against rounding drift).
        xb[i] = x[i];
        xb[j] = x[j];
        v
    };
    // Entry (i, j): derivative along i (step a = NDEPS) of the gradient
    // component j (step b = NDEPS * parscale_j).
    let mut entry = |i: usize, j: usize, xb: &mut Vec<f64>| -> f64 {
        let a = NDEPS;
        let b = NDEPS * parscale[j];
        if i == j {
            let fpp = eval(xb, i, a + b, i, 0.0);
            let fpm = eval(xb, i, a - b, i, 0.0);
            let fmp = eval(xb, i, -a + b, i, 0.0);
            let fmm = eval(xb, i, -a - b, i, 0.0);
            (fpp - fpm - fmp + fmm) / (4.0 * a * b)
        } else {
            let fpp = eval(xb, i, a, j, b);
            let fpm = eval(xb, i, a, j, -b);
            let fmp = eval(xb, i, -a, j, b);
            let fmm = eval(xb, i, -a, j, -b);
            (fpp - fpm - fmp + fmm) / (4.0 * a * b)
        }
    };
    for i in 0..n {
        for j in 0..n {
            if j < i && parscale[i] == 1.0 && parscale[j] == 1.0 {
                // Symmetric steps: identical to the (j, i) entry.
                h[i * n + j] = h[j * n + i];
                continue;
            }
            h[i * n + j] = entry(i, j, &mut xb);
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
}
