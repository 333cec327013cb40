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
//! O(p^2 + r q): partial autocorrelations of phi (Durbin–Levinson step-down),
//! the AR autocovariances order by order, then the MA filter. McLeod's (1975)
//! dense (p+1) x (p+1) system, O(p^3), is solved only for a phi that is not
//! stationary, so that such points keep the outcome they always had.

use super::state_dim;
use crate::numerics::linalg::solve_in_place;

/// Reusable buffers for autocovariances and the fast filter.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArmaWorkspace {
    pub(super) phi: Vec<f64>,
    pub(super) rvec: Vec<f64>,
    pub(super) gamma: Vec<f64>,
    pub(super) psi: Vec<f64>,
    pub(super) levels: Vec<f64>,
    pub(super) acvf_x: Vec<f64>,
    pub(super) ma_acvf: Vec<(usize, f64)>,
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
}

impl ArmaWorkspace {
    /// Loads `phi` padded to length r and `rvec = (1, theta_1, .., theta_{r-1})`,
    /// then computes autocovariances gamma(0..=r), psi-weights psi(0..=r) and the
    /// first row of Q0. Returns false when phi is not stationary and the dense
    /// autocovariance system is singular or gives gamma(0) <= 0, or when the
    /// result is not finite (e.g. a unit root).
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
            let (done, _) = self.psi.split_at(j);
            for (ph, ps) in phi[..p.min(j)].iter().zip(done.iter().rev()) {
                v += ph * ps;
            }
            self.psi[j] = v;
        }
        self.gamma.clear();
        self.gamma.resize(r + 1, 0.0);
        if !(self.levinson_acvf(phi, theta) || self.dense_acvf(phi, theta)) {
            return false;
        }
        // First row of Q0: P[0][m] = sum_{j=0}^{r-1-m} phi_{m+j+1} gamma(j+1) + theta_{m+j} psi_j.
        self.first.clear();
        self.first.resize(r + 1, 0.0);
        for mm in 0..r {
            let mut v = 0.0;
            for (((ph, g), rv), ps) in self.phi[mm..].iter().zip(&self.gamma[1..]).zip(&self.rvec[mm..]).zip(&self.psi) {
                v += ph * g + rv * ps;
            }
            self.first[mm] = v;
        }
        self.first[0] = self.gamma[0];
        self.gamma[0].is_finite() && self.gamma[0] > 0.0 && self.first.iter().all(|v| v.is_finite())
    }

    /// gamma(0..=r) of the ARMA process in O(p^2 + r q) (Brockwell & Davis
    /// 1991, §3.3 and §5.2): the AR part `x = e / phi(B)` gets its
    /// autocovariances from the partial autocorrelations (Durbin–Levinson
    /// step-down of phi, then the Yule–Walker equations order by order), the
    /// AR recursion extends them to lag r + q, and the MA filter maps them to
    /// `gamma(k) = sum_h c(h) gamma_x(k - h)` with `c` the autocovariances of
    /// theta's coefficients. False (gamma untouched) when some partial
    /// autocorrelation is not inside (-1, 1): phi is not stationary.
    pub(super) fn levinson_acvf(&mut self, phi: &[f64], theta: &[f64]) -> bool {
        let p = phi.len();
        let q = theta.len();
        let r = self.gamma.len() - 1;
        // levels[k * p .. k * p + k]: the order-k coefficients a_{k,1..k},
        // k = 1..=p (row 0 unused); kappa_k = a_{k,k}.
        self.levels.clear();
        self.levels.resize((p + 1) * p, 0.0);
        let lev = &mut self.levels;
        lev[p * p..p * p + p].copy_from_slice(phi);
        let mut inv_var = 1.0;
        for k in (1..=p).rev() {
            let kappa = lev[k * p + k - 1];
            if !kappa.is_finite() || kappa.abs() >= 1.0 {
                return false;
            }
            let den = 1.0 - kappa * kappa;
            inv_var *= den;
            // a_{k-1,j} = (a_{k,j} + kappa a_{k,k-j}) / (1 - kappa^2).
            let (lower, upper) = lev.split_at_mut(k * p);
            let cur = &upper[..k - 1];
            let prev = &mut lower[(k - 1) * p..(k - 1) * p + k - 1];
            for ((out, &x), &y) in prev.iter_mut().zip(cur).zip(cur.iter().rev()) {
                *out = (x + kappa * y) / den;
            }
        }
        // gamma_x(0) = sigma^2 / prod (1 - kappa_k^2), then Yule–Walker at
        // each order: gamma_x(k) = sum_{j=1}^{k} a_{k,j} gamma_x(k - j).
        let len = r + q + 1;
        self.acvf_x.clear();
        self.acvf_x.resize(len, 0.0);
        let gx = &mut self.acvf_x;
        gx[0] = 1.0 / inv_var;
        for k in 1..len {
            let coef = if k <= p { &lev[k * p..k * p + k] } else { phi };
            let (done, _) = gx.split_at(k);
            gx[k] = coef.iter().zip(done.iter().rev()).map(|(a, g)| a * g).sum::<f64>();
        }
        // c(h) = sum_j theta_j theta_{j+h}, theta_0 = 1; only non-zero terms
        // (the expanded seasonal polynomials are mostly zeros).
        let th = |j: usize| if j == 0 { 1.0 } else { theta[j - 1] };
        self.ma_acvf.clear();
        for h in 0..=q {
            let c: f64 = (0..=q - h).map(|j| th(j) * th(j + h)).sum();
            if c != 0.0 {
                self.ma_acvf.push((h, c));
            }
        }
        for k in 0..=r {
            let mut v = 0.0;
            for &(h, c) in &self.ma_acvf {
                v += c * gx[k + h];
                if h > 0 {
                    v += c * gx[k.abs_diff(h)];
                }
            }
            self.gamma[k] = v;
        }
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
