//! `Q0`, the stationary covariance of the ARMA state (R's `getQ0`, which uses
//! Gardner, Harvey & Phillips 1980), is computed here from the
//! autocovariances and psi-weights of the ARMA process (Brockwell & Davis
//! 1991, §3.3, McLeod 1975): its first row in closed form, the rest by the
//! recursion implied by `Q0 = T Q0 T' + R R'`. All quantities are in units of
//! the innovation variance sigma^2.

use super::state_dim;
use crate::arima::linalg::solve_in_place;

/// Reusable buffers for autocovariances and the fast filter.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArmaWorkspace {
    pub(super) phi: Vec<f64>,
    pub(super) rvec: Vec<f64>,
    pub(super) gamma: Vec<f64>,
    pub(super) psi: Vec<f64>,
    pub(super) sys: Vec<f64>,
    pub(super) rhs: Vec<f64>,
    pub(super) first: Vec<f64>,
    pub(super) a: Vec<f64>,
    pub(super) k: Vec<f64>,
    pub(super) w: Vec<f64>,
}

impl ArmaWorkspace {
    /// Loads `phi` padded to length r and `rvec = (1, theta_1, .., theta_{r-1})`,
    /// then computes autocovariances gamma(0..=r), psi-weights psi(0..=r) and the
    /// first row of Q0. Returns false when the autocovariance system is singular
    /// or the result is not finite (e.g. a unit root).
    pub(crate) fn prepare(&mut self, phi: &[f64], theta: &[f64]) -> bool {
        let p = phi.len();
        let q = theta.len();
        let r = state_dim(p, q);
        self.phi.clear();
        self.phi.extend_from_slice(phi);
        self.phi.resize(r, 0.0);
        self.rvec.clear();
        self.rvec.push(1.0);
        self.rvec.extend_from_slice(theta);
        self.rvec.resize(r, 0.0);
        // psi weights: psi_0 = 1, psi_j = theta_j + sum_i phi_i psi_{j-i}.
        self.psi.clear();
        self.psi.resize(r + 1, 0.0);
        for j in 0..=r {
            let mut v = if j == 0 {
                1.0
            } else if j <= q {
                theta[j - 1]
            } else {
                0.0
            };
            for i in 1..=p.min(j) {
                v += phi[i - 1] * self.psi[j - i];
            }
            self.psi[j] = v;
        }
        // c_k = sum_{j=k}^{q} theta_j psi_{j-k}, theta_0 = 1.
        let c = |k: usize, psi: &[f64]| -> f64 {
            let mut s = 0.0;
            for j in k..=q {
                let th = if j == 0 { 1.0 } else { theta[j - 1] };
                s += th * psi[j - k];
            }
            s
        };
        // Solve gamma(k) - sum_i phi_i gamma(|k-i|) = c_k, k = 0..=p.
        let m = p + 1;
        self.sys.clear();
        self.sys.resize(m * m, 0.0);
        self.rhs.clear();
        self.rhs.resize(m, 0.0);
        for k in 0..m {
            self.sys[k * m + k] += 1.0;
            for i in 1..=p {
                let lag = k.abs_diff(i);
                self.sys[k * m + lag] -= phi[i - 1];
            }
            self.rhs[k] = if k <= q { c(k, &self.psi) } else { 0.0 };
        }
        if !solve_in_place(&mut self.sys, &mut self.rhs, m) {
            return false;
        }
        self.gamma.clear();
        self.gamma.resize(r + 1, 0.0);
        self.gamma[..m.min(r + 1)].copy_from_slice(&self.rhs[..m.min(r + 1)]);
        for k in m..=r {
            let mut v = if k <= q { c(k, &self.psi) } else { 0.0 };
            for i in 1..=p {
                v += phi[i - 1] * self.gamma[k - i];
            }
            self.gamma[k] = v;
        }
        // First row of Q0: P[0][m] = sum_{j=0}^{r-1-m} phi_{m+j+1} gamma(j+1) + theta_{m+j} psi_j.
        self.first.clear();
        self.first.resize(r + 1, 0.0);
        for mm in 0..r {
            let mut v = 0.0;
            for j in 0..(r - mm) {
                v += self.phi[mm + j] * self.gamma[j + 1] + self.rvec[mm + j] * self.psi[j];
            }
            self.first[mm] = v;
        }
        self.first[0] = self.gamma[0];
        self.gamma[0].is_finite() && self.gamma[0] > 0.0 && self.first.iter().all(|v| v.is_finite())
    }

    /// The state dimension loaded by the last [`prepare`](Self::prepare).
    pub(crate) fn r(&self) -> usize {
        self.phi.len()
    }

    /// The full stationary covariance Q0 (row-major r x r) after [`prepare`](Self::prepare).
    pub(crate) fn q0(&self) -> Vec<f64> {
        let r = self.r();
        let mut out = vec![0.0; r * r];
        out[..r].copy_from_slice(&self.first[..r]);
        let phi = &self.phi;
        let rv = &self.rvec;
        let p00 = self.first[0];
        let first = |m: usize| if m < r { self.first[m] } else { 0.0 };
        for i in (1..r).rev() {
            for m in (i..r).rev() {
                let next = if m + 1 < r { out[(i + 1) * r + m + 1] } else { 0.0 };
                out[i * r + m] = phi[i] * phi[m] * p00
                    + phi[i] * first(m + 1)
                    + phi[m] * first(i + 1)
                    + next
                    + rv[i] * rv[m];
            }
        }
        for i in 0..r {
            for m in 0..i {
                out[i * r + m] = out[m * r + i];
            }
        }
        out
    }
}
