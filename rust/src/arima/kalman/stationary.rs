//! `Q0`, the stationary covariance of the ARMA state (R's `getQ0`, which uses
//! Gardner, Harvey & Phillips 1980), is computed here from the
//! autocovariances and psi-weights of the ARMA process (Brockwell & Davis
//! 1991, §3.3): its first row in closed form, the rest by the recursion
//! implied by `Q0 = T Q0 T' + R R'`. All quantities are in units of the
//! innovation variance sigma^2.
//!
//! The autocovariances are computed once per likelihood evaluation, so their
//! cost matters: with seasonal AR terms the expanded phi has degree p = 26
//! (P = 2, s = 12). They come from the structure of the process in
//! O(p^2 + r q): the AR part's autocovariances from the partial
//! autocorrelations of phi (`ar_acvf`, remembered for the last few phi, which
//! the gradient's MA and regression points share), then the MA filter
//! (`ma_acvf`). McLeod's (1975) dense (p+1) x (p+1) system, O(p^3), is solved
//! only for a phi that is not stationary, so that such points keep the outcome
//! they always had. The sums over phi and theta skip their zero coefficients
//! (most of an expanded seasonal polynomial) while the values they multiply
//! are finite (`numerics::sparse_sum`), which leaves every result's bits as
//! the plain loops give them (`prepare_tests`).

use super::ar_acvf::ArAutocovariances;
use super::ma_acvf::{self, MaAutocovariances};
use super::state_dim;
use crate::numerics::bits::same_bits;
use crate::numerics::linalg::solve_in_place;
use crate::numerics::sparse_sum::sum_skipping_zeros;

/// Reusable buffers for autocovariances and the fast filter.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArmaWorkspace {
    pub(super) phi: Vec<f64>,
    pub(super) rvec: Vec<f64>,
    pub(super) gamma: Vec<f64>,
    pub(super) psi: Vec<f64>,
    /// The AR part's autocovariances, remembered for the last few phi.
    ar: ArAutocovariances,
    /// Positions of phi's non-zero coefficients, and of those where phi or theta is.
    phi_nz: Vec<usize>,
    row_nz: Vec<usize>,
    /// The MA part's coefficient autocovariances, remembered for the last theta.
    ma: MaAutocovariances,
    pub(super) sys: Vec<f64>,
    pub(super) rhs: Vec<f64>,
    pub(super) first: Vec<f64>,
    pub(super) a: Vec<f64>,
    pub(super) a_next: Vec<f64>,
    pub(super) w_next: Vec<f64>,
    pub(super) k: Vec<f64>,
    pub(super) w: Vec<f64>,
    /// The series and innovations of `standardized_innovations`, row by row.
    pub(super) lanes: Vec<f64>,
    /// The last `prepare`'s arguments and result, while the buffers still hold its results.
    last: Option<bool>,
    last_phi: Vec<f64>,
    last_theta: Vec<f64>,
}

impl ArmaWorkspace {
    /// Loads `phi` padded to length r and `rvec = (1, theta_1, .., theta_{r-1})`,
    /// then computes autocovariances gamma(0..=r), psi-weights psi(0..=r) and the
    /// first row of Q0. Returns false when phi is not stationary and the dense
    /// autocovariance system is singular or gives gamma(0) <= 0, or when the
    /// result is not finite (e.g. a unit root).
    pub(crate) fn prepare(&mut self, phi: &[f64], theta: &[f64]) -> bool {
        // The same model as the last call (e.g. a regression coordinate's gradient points
        // evaluated directly): the buffers already hold its results.
        if let Some(ok) = self.last {
            if same_bits(&self.last_phi, phi) && same_bits(&self.last_theta, theta) {
                return ok;
            }
        }
        let ok = self.load(phi, theta);
        self.last_phi.clear();
        self.last_phi.extend_from_slice(phi);
        self.last_theta.clear();
        self.last_theta.extend_from_slice(theta);
        self.last = Some(ok);
        ok
    }

    fn load(&mut self, phi: &[f64], theta: &[f64]) -> bool {
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
        self.load_phi_nz(phi);
        // psi weights: psi_0 = 1, psi_j = theta_j + sum_i phi_i psi_{j-i}, skipping phi's zero
        // coefficients while every psi so far is finite.
        self.psi.clear();
        self.psi.resize(r + 1, 0.0);
        let mut finite = true;
        for j in 0..=r {
            let start = if j == 0 {
                1.0
            } else if j <= q {
                theta[j - 1]
            } else {
                0.0
            };
            let done = &self.psi[..j];
            let nonzero = self.phi_nz.iter().copied().take_while(|&i| i < j);
            let v = sum_skipping_zeros(start, nonzero, 0..p.min(j), finite, |i| phi[i] * done[j - 1 - i]);
            finite &= v.is_finite();
            self.psi[j] = v;
        }
        self.gamma.clear();
        self.gamma.resize(r + 1, 0.0);
        if !(self.levinson_acvf(phi, theta) || self.dense_acvf(phi, theta)) {
            return false;
        }
        self.load_first_row();
        self.gamma[0].is_finite() && self.gamma[0] > 0.0 && self.first.iter().all(|v| v.is_finite())
    }

    /// `phi_nz`: the 0-based positions of phi's non-zero (or NaN) coefficients.
    fn load_phi_nz(&mut self, phi: &[f64]) {
        self.phi_nz.clear();
        self.phi_nz.extend((0..phi.len()).filter(|&i| phi[i] != 0.0));
    }

    /// First row of Q0: P[0][m] = sum_{j=0}^{r-1-m} phi_{m+j+1} gamma(j+1) + theta_{m+j} psi_j
    /// for m >= 1, P[0][0] = gamma(0), the sums from +0 skipping the lags where phi and theta
    /// are both zero while gamma and psi are finite.
    fn load_first_row(&mut self) {
        let r = self.r();
        self.first.clear();
        self.first.resize(r + 1, 0.0);
        let finite = self.gamma[1..].iter().chain(&self.psi[..r]).all(|v| v.is_finite());
        self.row_nz.clear();
        self.row_nz.extend((0..r).filter(|&i| self.phi[i] != 0.0 || self.rvec[i] != 0.0));
        let (phi, rvec, gamma, psi) = (&self.phi[..], &self.rvec[..], &self.gamma[..], &self.psi[..]);
        // row_nz[from..]: the lags from mm on (at most one drops out at each step).
        let mut from = 0;
        for mm in 1..r {
            if self.row_nz.get(from) == Some(&(mm - 1)) {
                from += 1;
            }
            let term = |i: usize| phi[i] * gamma[i - mm + 1] + rvec[i] * psi[i - mm];
            self.first[mm] = sum_skipping_zeros(0.0, self.row_nz[from..].iter().copied(), mm..r, finite, term);
        }
        self.first[0] = self.gamma[0];
    }

    /// gamma(0..=r) of the ARMA process in O(p^2 + r q) (Brockwell & Davis
    /// 1991, §3.3 and §5.2): the AR part `x = e / phi(B)` gets its
    /// autocovariances to lag r + q from [`ArAutocovariances`] (remembered for
    /// the last few phi), and the MA filter maps them to
    /// `gamma(k) = sum_h c(h) gamma_x(k - h)` with `c` the autocovariances of
    /// theta's coefficients. False (gamma untouched) when some partial
    /// autocorrelation is not inside (-1, 1): phi is not stationary.
    pub(super) fn levinson_acvf(&mut self, phi: &[f64], theta: &[f64]) -> bool {
        self.last = None;
        let q = theta.len();
        let r = self.gamma.len() - 1;
        self.load_phi_nz(phi);
        let Some(gx) = self.ar.get(phi, &self.phi_nz, r + q + 1) else {
            return false;
        };
        let terms = self.ma.terms(theta);
        ma_acvf::apply(terms, gx, &mut self.gamma);
        true
    }

    /// gamma(0..=r) by solving the (p+1) x (p+1) system
    /// `gamma(k) - sum_i phi_i gamma(|k-i|) = c_k`, `c_k = sum_{j=k}^{q}
    /// theta_j psi_{j-k}` (McLeod 1975), then the AR recursion. O(p^3); kept
    /// for phi that [`levinson_acvf`](Self::levinson_acvf) finds
    /// non-stationary, so such points get the same outcome as before the
    /// structured computation (false only when the system is singular, else
    /// whatever the solution is; `prepare` then checks gamma(0) > 0).
    /// Requires `psi` loaded.
    pub(super) fn dense_acvf(&mut self, phi: &[f64], theta: &[f64]) -> bool {
        self.last = None;
        let p = phi.len();
        let q = theta.len();
        let r = self.gamma.len() - 1;
        let c = |k: usize, psi: &[f64]| -> f64 {
            let mut s = 0.0;
            for j in k..=q {
                let th = if j == 0 { 1.0 } else { theta[j - 1] };
                s += th * psi[j - k];
            }
            s
        };
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
        self.gamma[..m.min(r + 1)].copy_from_slice(&self.rhs[..m.min(r + 1)]);
        for k in m..=r {
            let mut v = if k <= q { c(k, &self.psi) } else { 0.0 };
            for i in 1..=p {
                v += phi[i - 1] * self.gamma[k - i];
            }
            self.gamma[k] = v;
        }
        true
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
