//! Ordinary least squares. [`ols`] is R's `lm()` as the regression-based unit-root tests
//! and `na.interp` use it: Householder QR, a column that is (numerically) a linear
//! combination of earlier ones is dropped (R reports its coefficient as `NA`; the rank
//! tolerance is `lm`'s 1e-7), and the usual t statistics. [`ols_normal_equations`] is the
//! small fit of ARIMA's regression start, by the normal equations over complete rows. It
//! stays a method of its own: through the QR, ARIMA's starting values, and so its fitted
//! models, would change in their last bits.

use crate::numerics::linalg::{invert, invert_upper, solve_upper_in_place};

/// The parts of `summary(lm(...))` the tests read.
#[derive(Debug, Clone)]
pub struct OlsFit {
    /// One per column; NaN for a dropped (aliased) column.
    pub coef: Vec<f64>,
    /// Standard errors, NaN for a dropped column or when no residual degrees of freedom remain.
    pub se: Vec<f64>,
    /// Residuals, one per observation.
    pub residuals: Vec<f64>,
    /// Residual sum of squares.
    pub rss: f64,
    /// Number of columns kept.
    pub rank: usize,
}

impl OlsFit {
    /// The t statistic of column `j` (`coef / se`); NaN when the column was dropped.
    pub fn t_value(&self, j: usize) -> f64 {
        self.coef[j] / self.se[j]
    }

    /// Observations.
    pub fn n(&self) -> usize {
        self.residuals.len()
    }

    /// R's `AIC()` of an `lm` fit with unit weights: `-2 logLik + 2 (rank + 1)`.
    pub fn aic(&self) -> f64 {
        let n = self.n() as f64;
        let loglik = 0.5 * (-n * ((2.0 * std::f64::consts::PI).ln() + 1.0 - n.ln() + self.rss.ln()));
        -2.0 * loglik + 2.0 * (self.rank as f64 + 1.0)
    }
}

/// Relative tolerance below which a column counts as aliased (`lm`'s `tol = 1e-07`).
const RANK_TOL: f64 = 1e-7;

/// Least squares of `y` on the columns `x` (each of `y.len()` values; no
/// intercept is added). Returns `None` when there are no observations or the
/// shapes disagree.
pub fn ols(y: &[f64], x: &[Vec<f64>]) -> Option<OlsFit> {
    let n = y.len();
    if n == 0 || x.iter().any(|c| c.len() != n) {
        return None;
    }
    let k = x.len();
    // Householder vectors of the kept columns, applied in order.
    let mut reflectors: Vec<(Vec<f64>, f64)> = Vec::new(); // (v, beta) with H = I - beta v v'
    let mut kept: Vec<usize> = Vec::new();
    let mut r_cols: Vec<Vec<f64>> = Vec::new(); // upper-triangular R, by kept column
    let apply = |refl: &[(Vec<f64>, f64)], col: &mut [f64]| {
        for (i, (v, beta)) in refl.iter().enumerate() {
            let dot: f64 = v.iter().zip(&col[i..]).map(|(a, b)| a * b).sum();
            let s = beta * dot;
            for (c, vi) in col[i..].iter_mut().zip(v) {
                *c -= s * vi;
            }
        }
    };
    for (j, column) in x.iter().enumerate() {
        let original_norm = column.iter().map(|v| v * v).sum::<f64>().sqrt();
        let mut col = column.clone();
        apply(&reflectors, &mut col);
        let r = kept.len();
        if r >= n {
            continue;
        }
        let tail_norm = col[r..].iter().map(|v| v * v).sum::<f64>().sqrt();
        if original_norm == 0.0 || tail_norm < RANK_TOL * original_norm || !tail_norm.is_finite() {
            continue;
        }
        let alpha = if col[r] > 0.0 { -tail_norm } else { tail_norm };
        let mut v: Vec<f64> = col[r..].to_vec();
        v[0] -= alpha;
        let vnorm2: f64 = v.iter().map(|a| a * a).sum();
        let beta = if vnorm2 > 0.0 { 2.0 / vnorm2 } else { 0.0 };
        let mut rcol = col[..r].to_vec();
        rcol.push(alpha);
        reflectors.push((v, beta));
        kept.push(j);
        r_cols.push(rcol);
    }
    let rank = kept.len();
    let mut qty = y.to_vec();
    apply(&reflectors, &mut qty);
    // R, row-major for the shared linear algebra.
    let mut r = vec![0.0; rank * rank];
    for (j, col) in r_cols.iter().enumerate() {
        for (i, v) in col.iter().enumerate() {
            r[i * rank + j] = *v;
        }
    }
    let mut b = qty[..rank].to_vec();
    solve_upper_in_place(&r, &mut b, rank);
    let mut coef = vec![f64::NAN; k];
    for (i, &j) in kept.iter().enumerate() {
        coef[j] = b[i];
    }
    let residuals: Vec<f64> = (0..n)
        .map(|t| y[t] - kept.iter().zip(&b).map(|(&j, bj)| x[j][t] * bj).sum::<f64>())
        .collect();
    let rss: f64 = qty[rank..].iter().map(|v| v * v).sum();
    let df = n - rank;
    let mut se = vec![f64::NAN; k];
    if df > 0 {
        let sigma2 = rss / df as f64;
        // Diagonal of (R'R)^-1 = row norms of R^-1.
        let rinv = invert_upper(&r, rank);
        for (i, &j) in kept.iter().enumerate() {
            let d: f64 = (i..rank).map(|c| rinv[i * rank + c] * rinv[i * rank + c]).sum();
            se[j] = (sigma2 * d).sqrt();
        }
    }
    Some(OlsFit { coef, se, residuals, rss, rank })
}

/// Least squares of `dx` on the columns `cols` over the rows where all are present (R's
/// `lm(dx ~ xreg - 1, na.action = na.omit)`) by the normal equations: coefficients and their
/// standard errors (NaN when undefined). For a few well-conditioned columns only (ARIMA's
/// intercept and drift, rotated): no column is dropped as aliased, as [`ols`] would.
pub(crate) fn ols_normal_equations(dx: &[f64], cols: &[Vec<f64>]) -> (Vec<f64>, Vec<f64>) {
    let k = cols.len();
    let mut xtx = vec![0.0; k * k];
    let mut xty = vec![0.0; k];
    let mut m = 0usize;
    let row_ok = |t: usize| !dx[t].is_nan() && cols.iter().all(|c| !c[t].is_nan());
    for t in (0..dx.len()).filter(|&t| row_ok(t)) {
        m += 1;
        for i in 0..k {
            xty[i] += cols[i][t] * dx[t];
            for j in 0..k {
                xtx[i * k + j] += cols[i][t] * cols[j][t];
            }
        }
    }
    let nan = vec![f64::NAN; k];
    if m < k {
        return (vec![0.0; k], nan);
    }
    // Conditioning is no issue for the few, rotated regressors this is for.
    let Some(inv) = invert(&xtx, k) else {
        return (vec![0.0; k], nan);
    };
    let beta: Vec<f64> = (0..k).map(|i| (0..k).map(|j| inv[i * k + j] * xty[j]).sum()).collect();
    let rss: f64 = (0..dx.len())
        .filter(|&t| row_ok(t))
        .map(|t| {
            let e = dx[t] - (0..k).map(|i| beta[i] * cols[i][t]).sum::<f64>();
            e * e
        })
        .sum();
    let se = if m > k { (0..k).map(|i| (rss / (m - k) as f64 * inv[i * k + i]).sqrt()).collect() } else { nan };
    (beta, se)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_line_and_t_values() {
        // Hand-computed: mean t 3, mean y 7.1, Sxy 20, Sxx 10.
        let t: Vec<f64> = (1..=5).map(f64::from).collect();
        let y = vec![3.0, 5.0, 7.5, 9.0, 11.0];
        let ones = vec![1.0; 5];
        let fit = ols(&y, &[ones, t]).expect("shapes agree");
        assert!((fit.coef[0] - 1.1).abs() < 1e-12, "{:?}", fit.coef);
        assert!((fit.coef[1] - 2.0).abs() < 1e-12, "{:?}", fit.coef);
        assert_eq!(fit.rank, 2);
        let rss: f64 = fit.residuals.iter().map(|r| r * r).sum();
        assert!((rss - fit.rss).abs() < 1e-12);
        // se of the slope: sqrt(rss / 3 / sum((t - 3)^2)).
        assert!((fit.se[1] - (fit.rss / 3.0 / 10.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn normal_equations_agree_with_the_qr_on_the_complete_rows() {
        // As R's na.omit: a row missing in the response or in any column is left out.
        let t: Vec<f64> = (1..=8).map(f64::from).collect();
        let mut y: Vec<f64> = t.iter().map(|v| 2.0 + 0.5 * v + (1.3 * v).sin()).collect();
        y[2] = f64::NAN;
        let mut drift = t.clone();
        drift[5] = f64::NAN;
        let ones = vec![1.0; 8];
        let (beta, se) = ols_normal_equations(&y, &[ones.clone(), drift.clone()]);
        let complete = |v: &[f64]| -> Vec<f64> { (0..8).filter(|&i| i != 2 && i != 5).map(|i| v[i]).collect() };
        let qr = ols(&complete(&y), &[complete(&ones), complete(&drift)]).expect("shapes agree");
        for j in 0..2 {
            assert!((beta[j] - qr.coef[j]).abs() <= 1e-12 * qr.coef[j].abs().max(1.0), "{beta:?} {:?}", qr.coef);
            assert!((se[j] - qr.se[j]).abs() <= 1e-10 * qr.se[j], "{se:?} {:?}", qr.se);
        }
        // Fewer complete rows than columns: zero coefficients, undefined standard errors.
        let (beta, se) = ols_normal_equations(&[1.0, f64::NAN], &[vec![1.0, 1.0], vec![1.0, 2.0]]);
        assert_eq!(beta, vec![0.0, 0.0]);
        assert!(se.iter().all(|v| v.is_nan()));
    }

    #[test]
    fn aliased_column_is_dropped_as_r_does() {
        let a = vec![1.0, 2.0, 3.0, 4.0];
        let b: Vec<f64> = a.iter().map(|v| 2.0 * v).collect();
        let zeros = vec![0.0; 4];
        let y = vec![1.0, 3.0, 2.0, 5.0];
        let fit = ols(&y, &[zeros, a, b]).expect("shapes agree");
        assert_eq!(fit.rank, 1);
        assert!(fit.coef[0].is_nan() && fit.coef[2].is_nan());
        assert!(fit.coef[1].is_finite());
    }
}
