//! Polynomial bookkeeping: expanding the multiplicative seasonal AR / MA
//! polynomials into single lag polynomials (as R's `ARIMA_transPars` does with
//! `transform = FALSE`), building the differencing polynomial `Delta` (as
//! `stats::arima` builds it) and applying it to a series.
//!
//! Sign conventions are R's: `phi(B) = 1 - sum phi_i B^i`,
//! `theta(B) = 1 + sum theta_i B^i`, `(1-B)^d (1-B^s)^D = 1 - sum Delta_i B^i`.

/// Expands `(1 - sum ar_i B^i)(1 - sum sar_j B^{s j})` and writes the
/// coefficients `phi_1..phi_{p+sP}` (R's sign: `x_t = sum phi_i x_{t-i} + ...`)
/// into `phi`, whose length must be `ar.len() + s * sar.len()`.
pub(crate) fn expand_ar(ar: &[f64], sar: &[f64], s: usize, phi: &mut [f64]) {
    debug_assert_eq!(phi.len(), ar.len() + s * sar.len());
    phi.fill(0.0);
    phi[..ar.len()].copy_from_slice(ar);
    for (j, &sj) in sar.iter().enumerate() {
        let base = (j + 1) * s;
        phi[base - 1] += sj;
        for (i, &ai) in ar.iter().enumerate() {
            phi[base + i] -= ai * sj;
        }
    }
}

/// Expands `(1 + sum ma_i B^i)(1 + sum sma_j B^{s j})` into `theta_1..theta_{q+sQ}`.
pub(crate) fn expand_ma(ma: &[f64], sma: &[f64], s: usize, theta: &mut [f64]) {
    debug_assert_eq!(theta.len(), ma.len() + s * sma.len());
    theta.fill(0.0);
    theta[..ma.len()].copy_from_slice(ma);
    for (j, &sj) in sma.iter().enumerate() {
        let base = (j + 1) * s;
        theta[base - 1] += sj;
        for (i, &mi) in ma.iter().enumerate() {
            theta[base + i] += mi * sj;
        }
    }
}

/// The differencing polynomial as R's `Delta`: coefficients `Delta_1..Delta_{d+sD}`
/// with `(1-B)^d (1-B^s)^D = 1 - sum Delta_i B^i`.
pub(crate) fn delta(d: usize, seasonal_d: usize, s: usize) -> Vec<f64> {
    // Full polynomial with the leading 1, multiplied factor by factor.
    let mut poly = vec![1.0];
    let mut mul = |factor: &[f64]| {
        let mut out = vec![0.0; poly.len() + factor.len() - 1];
        for (i, &a) in poly.iter().enumerate() {
            for (j, &b) in factor.iter().enumerate() {
                out[i + j] += a * b;
            }
        }
        poly = out;
    };
    for _ in 0..d {
        mul(&[1.0, -1.0]);
    }
    if seasonal_d > 0 {
        let mut f = vec![0.0; s + 1];
        f[0] = 1.0;
        f[s] = -1.0;
        for _ in 0..seasonal_d {
            mul(&f);
        }
    }
    poly[1..].iter().map(|c| -c).collect()
}

/// Applies the differencing polynomial: `out[t - nd] = y[t] - sum Delta_i y[t-i]`
/// for `t = nd..n` (NaN propagates). Returns an empty vector when `n <= nd`.
pub(crate) fn difference(y: &[f64], delta: &[f64]) -> Vec<f64> {
    let nd = delta.len();
    if y.len() <= nd {
        return Vec::new();
    }
    (nd..y.len())
        .map(|t| {
            let mut v = y[t];
            for (i, &c) in delta.iter().enumerate() {
                if c != 0.0 {
                    v -= c * y[t - 1 - i];
                }
            }
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_matches_r() {
        assert_eq!(delta(1, 0, 0), vec![1.0]);
        assert_eq!(delta(2, 0, 0), vec![2.0, -1.0]);
        let d = delta(1, 1, 4);
        // (1-B)(1-B^4) = 1 - B - B^4 + B^5
        assert_eq!(d, vec![1.0, 0.0, 0.0, 1.0, -1.0]);
    }

    #[test]
    fn expansion() {
        let mut phi = vec![0.0; 1 + 4];
        expand_ar(&[0.5], &[0.3], 4, &mut phi);
        assert_eq!(phi, vec![0.5, 0.0, 0.0, 0.3, -0.15]);
        let mut th = vec![0.0; 1 + 4];
        expand_ma(&[0.5], &[0.3], 4, &mut th);
        assert_eq!(th, vec![0.5, 0.0, 0.0, 0.3, 0.15]);
    }
}
