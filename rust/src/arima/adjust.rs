//! `series - sum_j beta_j cols_j`, the regression-adjusted series of every objective
//! evaluation. With many regressors (Fourier terms, dummies) this product is most of an
//! evaluation's work, so it runs over blocks of rows held in registers, on AVX where the
//! processor has it. Every value subtracts the columns one after another in their order,
//! by separate multiplications and subtractions (never fused), so each path gives the
//! column-by-column loop's result to the last bit.

use super::regression::Regression;
use crate::numerics::bits::same_bits;

/// The regression-adjusted series of the last evaluation, kept while the coefficients stay
/// the same: the gradient's steps in the ARMA coordinates, and the Hessian's, all adjust
/// by the centre's coefficients. A kept series is the one a new adjustment would give.
#[derive(Debug, Clone, Default)]
pub(crate) struct Adjusted {
    values: Vec<f64>,
    /// The coefficients and the series (differenced or not) `values` was made from.
    beta: Vec<f64>,
    differenced: Option<bool>,
    /// The optimizer's regression coordinates `beta` was made from, when it was (see
    /// [`Adjusted::at_rotated`]).
    gamma: Option<Vec<f64>>,
}

impl Adjusted {
    /// `series - sum_j beta_j cols_j`, where `differenced` names the series (the
    /// differenced one or the original) for the memory of the last call.
    pub(crate) fn at(&mut self, series: &[f64], cols: &[Vec<f64>], beta: &[f64], differenced: bool) -> &[f64] {
        let same = self.differenced == Some(differenced)
            && same_bits(&self.beta, beta);
        if !same {
            adjusted(&mut self.values, series, cols, beta);
            self.beta.clear();
            self.beta.extend_from_slice(beta);
            self.differenced = Some(differenced);
            self.gamma = None;
        }
        &self.values
    }

    /// [`Adjusted::at`] at the optimizer's rotated coordinates `gamma` (`beta =
    /// reg.beta(gamma)`): while they stay the same, neither the coefficients (k^2
    /// products) nor the series are computed again.
    pub(crate) fn at_rotated(&mut self, series: &[f64], cols: &[Vec<f64>], reg: &Regression, gamma: &[f64], differenced: bool) -> &[f64] {
        let known = self.differenced == Some(differenced)
            && self.gamma.as_ref().is_some_and(|g| same_bits(g, gamma));
        if !known {
            let beta = reg.beta(gamma);
            self.at(series, cols, &beta, differenced);
            let mut kept = self.gamma.take().unwrap_or_default();
            kept.clear();
            kept.extend_from_slice(gamma);
            self.gamma = Some(kept);
        }
        &self.values
    }
}

/// Rows per block: eight doubles, two AVX registers or four SSE2 ones.
const B: usize = 8;

/// Fills `work` with `series - sum_j beta_j cols_j`; a column shorter than `series`
/// adjusts only the rows it has.
pub(crate) fn adjusted(work: &mut Vec<f64>, series: &[f64], cols: &[Vec<f64>], beta: &[f64]) {
    work.clear();
    work.extend_from_slice(series);
    let n = series.len();
    if cols.iter().any(|c| c.len() < n) {
        for (col, &b) in cols.iter().zip(beta) {
            for (w, x) in work.iter_mut().zip(col) {
                *w -= b * x;
            }
        }
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the processor has AVX (checked just above).
        unsafe { blocks_avx(work, cols, beta) };
        return;
    }
    blocks(work, cols, beta);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn blocks_avx(work: &mut [f64], cols: &[Vec<f64>], beta: &[f64]) {
    blocks(work, cols, beta);
}

/// `work[t] -= beta_j cols_j[t]` for j in order, every column at least as long as `work`.
#[inline(always)]
fn blocks(work: &mut [f64], cols: &[Vec<f64>], beta: &[f64]) {
    let n = work.len();
    let whole = n - n % B;
    for start in (0..whole).step_by(B) {
        let mut acc: [f64; B] = work[start..start + B].try_into().expect("a whole block");
        for (col, &b) in cols.iter().zip(beta) {
            let x: &[f64; B] = col[start..start + B].try_into().expect("a whole block");
            for r in 0..B {
                acc[r] -= b * x[r];
            }
        }
        work[start..start + B].copy_from_slice(&acc);
    }
    for t in whole..n {
        let mut acc = work[t];
        for (col, &b) in cols.iter().zip(beta) {
            acc -= b * col[t];
        }
        work[t] = acc;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_equal_the_column_by_column_loop_bit_for_bit() {
        for n in [0, 1, 7, 8, 9, 23, 730] {
            let series: Vec<f64> = (0..n).map(|t| (t as f64 * 0.37).sin() * 100.0 + 3.0).collect();
            let cols: Vec<Vec<f64>> =
                (0..17).map(|j| (0..n).map(|t| ((t * (j + 3)) as f64 * 0.11).cos() / (j + 1) as f64).collect()).collect();
            let beta: Vec<f64> = (0..17).map(|j| 1.0 / (j as f64 + 0.7) - 0.4).collect();
            let mut expected = series.clone();
            for (col, &b) in cols.iter().zip(&beta) {
                for (w, x) in expected.iter_mut().zip(col) {
                    *w -= b * x;
                }
            }
            let mut work = Vec::new();
            adjusted(&mut work, &series, &cols, &beta);
            assert_eq!(work.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), expected.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), "n = {n}");
            let mut plain = series.clone();
            blocks(&mut plain, &cols, &beta);
            assert_eq!(plain, expected, "n = {n}");
        }
    }
}
