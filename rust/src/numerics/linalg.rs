//! Dense linear algebra for the small systems of the ARIMA code (autocovariance
//! equations, regression normal equations, Hessian inversion): one solver and
//! one inverse, both by Gaussian elimination with partial pivoting.

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
}
