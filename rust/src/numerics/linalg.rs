//! Dense linear algebra for the small systems of the models and tests: matrices are
//! row-major `n x n` slices. General systems (autocovariance equations, normal
//! equations, Hessian inversion) by Gaussian elimination with partial pivoting;
//! symmetric positive definite ones (long-run covariances) by Cholesky; triangular
//! ones (the R of a QR factorisation) by substitution.

/// Solves `A x = b` in place (A row-major n x n, b overwritten by x) by
/// Gaussian elimination with partial pivoting. False when singular.
pub(crate) fn solve_in_place(a: &mut [f64], b: &mut [f64], n: usize) -> bool {
    for col in 0..n {
        let mut piv = col;
        let mut best = a[col * n + col].abs();
        for row in col + 1..n {
            let v = a[row * n + col].abs();
            if v > best {
                best = v;
                piv = row;
            }
        }
        if !best.is_finite() || best <= 0.0 {
            return false;
        }
        if piv != col {
            for j in 0..n {
                a.swap(col * n + j, piv * n + j);
            }
            b.swap(col, piv);
        }
        let d = a[col * n + col];
        for row in col + 1..n {
            let f = a[row * n + col] / d;
            if f != 0.0 {
                for j in col..n {
                    a[row * n + j] -= f * a[col * n + j];
                }
                b[row] -= f * b[col];
            }
        }
    }
    for col in (0..n).rev() {
        let mut s = b[col];
        for j in col + 1..n {
            s -= a[col * n + j] * b[j];
        }
        b[col] = s / a[col * n + col];
    }
    b.iter().all(|v| v.is_finite())
}

/// Inverse of the row-major n x n matrix `a`, column by column with
/// [`solve_in_place`]. `None` when singular or not finite.
pub(crate) fn invert(a: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut inv = vec![0.0; n * n];
    let mut m = vec![0.0; n * n];
    let mut e = vec![0.0; n];
    for col in 0..n {
        m.copy_from_slice(a);
        e.fill(0.0);
        e[col] = 1.0;
        if !solve_in_place(&mut m, &mut e, n) {
            return None;
        }
        for row in 0..n {
            inv[row * n + col] = e[row];
        }
    }
    Some(inv)
}

/// Lower Cholesky factor `L` (row-major, `L L' = a`) of the symmetric `a`. `Err(k)` when the
/// leading minor of order `k` (1-based) is not positive definite, as R's `chol` reports it.
pub(crate) fn cholesky(a: &[f64], n: usize) -> Result<Vec<f64>, usize> {
    let mut l = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = a[i * n + j] - (0..j).map(|p| l[i * n + p] * l[j * n + p]).sum::<f64>();
            if i == j {
                if s.is_nan() || s <= 0.0 {
                    return Err(i + 1);
                }
                l[i * n + i] = s.sqrt();
            } else {
                l[i * n + j] = s / l[j * n + j];
            }
        }
    }
    Ok(l)
}

/// Solves `L L' x = b` with the factor `l` of [`cholesky`]: forward, then back substitution.
pub(crate) fn cholesky_solve(l: &[f64], b: &[f64], n: usize) -> Vec<f64> {
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = (b[i] - (0..i).map(|p| l[i * n + p] * y[p]).sum::<f64>()) / l[i * n + i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        x[i] = (y[i] - (i + 1..n).map(|p| l[p * n + i] * x[p]).sum::<f64>()) / l[i * n + i];
    }
    x
}

/// Solves `R x = b` in place (`b` overwritten by `x`) for the upper-triangular `r` by back
/// substitution; entries of `r` below the diagonal are not read.
pub(crate) fn solve_upper_in_place(r: &[f64], b: &mut [f64], n: usize) {
    for i in (0..n).rev() {
        let mut s = b[i];
        for (j, xj) in b.iter().enumerate().take(n).skip(i + 1) {
            s -= r[i * n + j] * xj;
        }
        b[i] = s / r[i * n + i];
    }
}

/// Inverse of the upper-triangular `r` (row-major, upper-triangular too), column by column:
/// column `c` solves `R x = e_c` over its leading `c + 1` rows, the rest being zero.
pub(crate) fn invert_upper(r: &[f64], n: usize) -> Vec<f64> {
    let mut inv = vec![0.0; n * n];
    let mut x = vec![0.0; n];
    for c in 0..n {
        x.fill(0.0);
        for i in (0..=c).rev() {
            let mut s = if i == c { 1.0 } else { 0.0 };
            for (j, xj) in x.iter().enumerate().take(c + 1).skip(i + 1) {
                s -= r[i * n + j] * xj;
            }
            x[i] = s / r[i * n + i];
        }
        for (i, v) in x.iter().enumerate().take(c + 1) {
            inv[i * n + c] = *v;
        }
    }
    inv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_times_matrix_is_identity() {
        let a = [4.0, 1.0, 0.5, 1.0, 3.0, -1.0, 0.5, -1.0, 2.0];
        let inv = invert(&a, 3).expect("regular");
        for i in 0..3 {
            for j in 0..3 {
                let v: f64 = (0..3).map(|k| a[i * 3 + k] * inv[k * 3 + j]).sum();
                assert!((v - if i == j { 1.0 } else { 0.0 }).abs() < 1e-14, "{i} {j} {v}");
            }
        }
        assert!(invert(&[1.0, 2.0, 2.0, 4.0], 2).is_none());
    }

    #[test]
    fn cholesky_factor_and_solve() {
        let a = [4.0, 2.0, 0.4, 2.0, 5.0, -1.0, 0.4, -1.0, 3.0];
        let l = cholesky(&a, 3).expect("positive definite");
        for i in 0..3 {
            for j in 0..3 {
                let v: f64 = (0..3).map(|k| l[i * 3 + k] * l[j * 3 + k]).sum();
                assert!((v - a[i * 3 + j]).abs() < 1e-14, "{i} {j} {v}");
            }
        }
        let b = [1.0, -2.0, 0.5];
        let x = cholesky_solve(&l, &b, 3);
        for i in 0..3 {
            let v: f64 = (0..3).map(|k| a[i * 3 + k] * x[k]).sum();
            assert!((v - b[i]).abs() < 1e-14, "{i} {v}");
        }
        // The second leading minor is 1 * 1 - 2 * 2 < 0.
        assert_eq!(cholesky(&[1.0, 2.0, 2.0, 1.0], 2), Err(2));
    }

    #[test]
    fn triangular_solve_and_inverse() {
        // Entries below the diagonal must not be read.
        let r = [2.0, -1.0, 0.5, f64::NAN, 3.0, 1.0, f64::NAN, f64::NAN, -4.0];
        let mut x = [1.0, 2.0, 3.0];
        solve_upper_in_place(&r, &mut x, 3);
        let upper = |i: usize, k: usize| if k >= i { r[i * 3 + k] } else { 0.0 };
        for i in 0..3 {
            let v: f64 = (0..3).map(|k| upper(i, k) * x[k]).sum();
            assert!((v - [1.0, 2.0, 3.0][i]).abs() < 1e-14, "{i} {v}");
        }
        let inv = invert_upper(&r, 3);
        for i in 0..3 {
            for j in 0..3 {
                let v: f64 = (0..3).map(|k| upper(i, k) * inv[k * 3 + j]).sum();
                assert!((v - if i == j { 1.0 } else { 0.0 }).abs() < 1e-14, "{i} {j} {v}");
            }
        }
    }
}
