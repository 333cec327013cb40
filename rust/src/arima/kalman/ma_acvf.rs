//! The MA half of the ARMA autocovariances: with `c(h) = sum_j theta_j theta_{j+h}`
//! (theta_0 = 1) the autocovariances of theta's coefficients, the ARMA process `theta(B) x`
//! has `gamma(k) = sum_h c(h) (gamma_x(k + h) + gamma_x(|k - h|))` (the h = 0 term once),
//! where gamma_x are the AR part's ([`super::ar_acvf`]).
//!
//! The non-zero c(h) depend on theta alone and are remembered for the last theta (the
//! gradient's AR points share it). Expanded seasonal polynomials are mostly zeros, so c(h)
//! skips theta's zero coefficients while theta is finite (`numerics::sparse_sum`): it can
//! then differ from the plain loop's only in the sign of a zero, and a zero c(h) is dropped
//! whatever its sign.

use crate::numerics::bits::same_bits;
use crate::numerics::sparse_sum::sum_skipping_zeros;

/// The non-zero `(h, c(h))` for the last theta, h ascending.
#[derive(Debug, Clone, Default)]
pub(super) struct MaAutocovariances {
    theta: Option<Vec<f64>>,
    nz: Vec<usize>,
    terms: Vec<(usize, f64)>,
}

impl MaAutocovariances {
    /// The non-zero `(h, c(h))` of `theta`, h ascending (h = 0 always among them).
    pub(super) fn terms(&mut self, theta: &[f64]) -> &[(usize, f64)] {
        if self.theta.as_deref().is_some_and(|t| same_bits(t, theta)) {
            return &self.terms;
        }
        let q = theta.len();
        let th = |j: usize| if j == 0 { 1.0 } else { theta[j - 1] };
        self.terms.clear();
        let finite = theta.iter().all(|t| t.is_finite());
        self.nz.clear();
        self.nz.extend((0..=q).filter(|&j| th(j) != 0.0));
        for h in 0..=q {
            let nonzero = self.nz.iter().copied().take_while(|&j| j + h <= q);
            let c = sum_skipping_zeros(-0.0, nonzero, 0..q + 1 - h, finite, |j| th(j) * th(j + h));
            if c != 0.0 {
                self.terms.push((h, c));
            }
        }
        let key = self.theta.get_or_insert_with(Vec::new);
        key.clear();
        key.extend_from_slice(theta);
        &self.terms
    }
}

/// `gamma(k) = sum_h c(h) (gx(k + h) + gx(|k - h|))` for every k of `gamma`, the terms added
/// in the order of `terms`, each sum from +0. Four k at a time: their sums are independent,
/// so the additions of one do not wait for another's.
pub(super) fn apply(terms: &[(usize, f64)], gx: &[f64], gamma: &mut [f64]) {
    let mut chunks = gamma.chunks_exact_mut(4);
    let mut k = 0;
    for out in &mut chunks {
        let mut v = [0.0f64; 4];
        for &(h, c) in terms {
            for (l, vl) in v.iter_mut().enumerate() {
                *vl += c * gx[k + l + h];
                if h > 0 {
                    *vl += c * gx[(k + l).abs_diff(h)];
                }
            }
        }
        out.copy_from_slice(&v);
        k += 4;
    }
    for (l, out) in chunks.into_remainder().iter_mut().enumerate() {
        let mut v = 0.0;
        for &(h, c) in terms {
            v += c * gx[k + l + h];
            if h > 0 {
                v += c * gx[(k + l).abs_diff(h)];
            }
        }
        *out = v;
    }
}
