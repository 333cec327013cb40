//! Exact Gaussian likelihood of ARIMA models by the Kalman filter, in the
//! state-space form of R's `makeARIMA` (Harvey 1989, §3.3): state dimension
//! `r = max(p, q + 1)` for the ARMA part, companion-form transition
//! `T = [phi | I; 0]`, disturbance loading `R = (1, theta_1, .., theta_{r-1})`,
//! plus `d = deg(Delta)` states carrying past observations for the
//! differencing (observation vector `Z = (1, 0, .., 0, Delta)`).
//!
//! Filters:
//!
//! * [`FullFilter`] is R's `ARIMA_Like` (arima.c) on the full state:
//!   stationary initial covariance `Q0` for the ARMA block, missing
//!   observations (NaN) skip the update, an innovation only enters the
//!   likelihood when its variance is < 1e4. The diffuse prior of the
//!   differencing block is handled exactly (Koopman 1997) rather than with
//!   R's `kappa = 1e6`; R's value differs from the exact one by
//!   O(level^2 / (kappa sigma^2)) (e.g. 1e-3 in the log-likelihood of
//!   USAccDeaths), statsmodels' exact-diffuse value is matched to ~1e-9. The
//!   covariance prediction uses the sparsity of `T` (O(rd^2) per step).
//! * [`ArmaWorkspace::loglik`] handles the common case of a complete series
//!   inside the optimizer: the ARMA part is filtered on the differenced
//!   series with the Chandrasekhar recursions (Morf, Sidhu & Kailath 1974;
//!   Harvey 1989, §3.3.4; the same idea as Mélard 1984, AS 154), O(r) per
//!   step instead of O(r^2): with a stationary start `P_1 = Q0` the
//!   covariance increments `P_{t+1} - P_t` have rank one. Once they vanish
//!   (below rounding of F) the gain is constant and the rest of the series
//!   runs through the steady-state innovations recursion (no log or division
//!   per step). For complete data this is the same likelihood as the exact
//!   diffuse full filter.
//! * [`arma_filter_states`] is the O(r^2) ARMA filter on the differenced
//!   series that also keeps residuals and the final state (one call per fit).
//!
//! `Q0`, the stationary covariance of the ARMA state (R's `getQ0`, which uses
//! Gardner, Harvey & Phillips 1980), is computed here from the
//! autocovariances and psi-weights of the ARMA process (Brockwell & Davis
//! 1991, §3.3, McLeod 1975): its first row in closed form, the rest by the
//! recursion implied by `Q0 = T Q0 T' + R R'`. All quantities are in units of
//! the innovation variance sigma^2.

/// Sums that make up the concentrated likelihood (R's `ARIMA_Like` result).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct LikSums {
    /// Sum of squared innovations divided by their variances.
    pub ssq: f64,
    /// Sum of the log innovation variances.
    pub sumlog: f64,
    /// Number of innovations counted.
    pub nu: usize,
}

impl LikSums {
    /// R's `armafn` objective: `0.5 * (log(ssq / nu) + sumlog / nu)`.
    pub(crate) fn objective(&self) -> f64 {
        if self.nu == 0 {
            return f64::INFINITY;
        }
        let nu = self.nu as f64;
        let v = 0.5 * ((self.ssq / nu).ln() + self.sumlog / nu);
        if v.is_nan() {
            f64::INFINITY
        } else {
            v
        }
    }
}

/// Innovation variances at or above this are treated as diffuse and not
/// counted (R's `ARIMA_Like` uses the same constant).
const DIFFUSE_GAIN: f64 = 1e4;

/// Reusable buffers for autocovariances and the fast filter.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArmaWorkspace {
    phi: Vec<f64>,
    rvec: Vec<f64>,
    gamma: Vec<f64>,
    psi: Vec<f64>,
    sys: Vec<f64>,
    rhs: Vec<f64>,
    first: Vec<f64>,
    a: Vec<f64>,
    k: Vec<f64>,
    w: Vec<f64>,
}

/// State dimension of the ARMA block.
pub(crate) fn state_dim(p: usize, q: usize) -> usize {
    p.max(q + 1)
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

    /// Exact likelihood sums of the stationary ARMA(phi, theta) for the complete
    /// (no NaN) series `w`, by the Chandrasekhar recursions. `None` when the
    /// model has no stationary covariance or the filter breaks down.
    pub(crate) fn loglik(&mut self, phi: &[f64], theta: &[f64], w: &[f64]) -> Option<LikSums> {
        if !self.prepare(phi, theta) {
            return None;
        }
        let r = self.r();
        self.a.clear();
        self.a.resize(r, 0.0);
        // K_1 = T Q0 e_1, F_1 = gamma(0); W_1 = K_1, M_1 = -1/F_1.
        self.k.clear();
        self.k.resize(r, 0.0);
        let c0 = self.first[0];
        for i in 0..r {
            self.k[i] = self.phi[i] * c0 + self.first[i + 1];
        }
        self.w.clear();
        self.w.extend_from_slice(&self.k);
        let mut f = c0;
        let mut m = -1.0 / f;
        let mut sums = LikSums::default();
        let phi = &self.phi[..];
        let a = &mut self.a[..];
        let k = &mut self.k[..];
        let wv = &mut self.w[..];
        // Once the rank-one increments vanish the gain is constant: the rest
        // of the series runs through the steady-state recursion below.
        let mut rest = w.len();
        for (t, &y) in w.iter().enumerate() {
            let v = y - a[0];
            if f < DIFFUSE_GAIN {
                sums.ssq += v * v / f;
                sums.sumlog += f.ln();
                sums.nu += 1;
            }
            let g = v / f;
            let a0 = a[0];
            for i in 0..r - 1 {
                a[i] = phi[i] * a0 + a[i + 1] + k[i] * g;
            }
            a[r - 1] = phi[r - 1] * a0 + k[r - 1] * g;
            let zw = wv[0];
            let mzw = m * zw;
            let f_new = f + mzw * zw;
            let w0 = wv[0];
            let scale = zw / f;
            for i in 0..r {
                let next = if i + 1 < r { wv[i + 1] } else { 0.0 };
                let tw = phi[i] * w0 + next;
                wv[i] = tw - k[i] * scale;
                k[i] += tw * mzw;
            }
            m -= mzw * mzw / f_new;
            if !f_new.is_finite() || f_new <= 0.0 {
                return None;
            }
            f = f_new;
            // Converged: the remaining correction is below rounding of F.
            if (mzw * zw).abs() <= 1e-16 * f && (m * wv[0] * wv[0]).abs() <= 1e-16 * f {
                let maxw = wv.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
                if (m.abs() * maxw * maxw) <= 1e-16 * f {
                    rest = t + 1;
                    break;
                }
            }
        }
        if rest < w.len() {
            // Steady state: K and F are constant, so the per-step work is the
            // O(r) state update; log F and 1 / F are taken once.
            let tail = &w[rest..];
            if f < DIFFUSE_GAIN {
                sums.sumlog += f.ln() * tail.len() as f64;
                sums.nu += tail.len();
            }
            let inv_f = 1.0 / f;
            let counted = f < DIFFUSE_GAIN;
            let mut ss = 0.0;
            steady_tail(phi, k, a, tail, inv_f, &mut ss);
            if counted {
                sums.ssq += ss * inv_f;
            }
        }
        if sums.ssq.is_finite() && sums.sumlog.is_finite() {
            Some(sums)
        } else {
            None
        }
    }
}

/// Steady-state innovations recursion over `w` with constant gain `k` and
/// `1 / F = inv_f`: advances the state `a` and adds the raw squared
/// innovations to `ss`. Small state dimensions get unrolled loops.
/// `k` is overwritten by `k / F`.
fn steady_tail(phi: &[f64], k: &mut [f64], a: &mut [f64], w: &[f64], inv_f: f64, ss: &mut f64) {
    // Pre-scale the gain by 1 / F: a_i <- phi_i a_0 + a_{i+1} + (k_i / F) v.
    for x in k.iter_mut() {
        *x *= inv_f;
    }
    fn run<const R: usize>(phi: &[f64], k: &[f64], a: &mut [f64], w: &[f64], ss: &mut f64) {
        let ph: [f64; R] = phi[..R].try_into().expect("length R");
        let kf: [f64; R] = k[..R].try_into().expect("length R");
        let mut st: [f64; R] = a[..R].try_into().expect("length R");
        let mut acc = 0.0;
        for &y in w {
            let v = y - st[0];
            acc += v * v;
            let a0 = st[0];
            for i in 0..R - 1 {
                st[i] = ph[i] * a0 + st[i + 1] + kf[i] * v;
            }
            st[R - 1] = ph[R - 1] * a0 + kf[R - 1] * v;
        }
        a[..R].copy_from_slice(&st);
        *ss += acc;
    }
    macro_rules! dispatch {
        ($($n:literal)*) => {
            match a.len() {
                $($n => run::<$n>(phi, k, a, w, ss),)*
                r => steady_tail_dyn(phi, k, a, w, ss, r),
            }
        };
    }
    // State dimensions of the usual models (seasonal ones with s = 4, 7, 12).
    dispatch!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 25 26 27);
}

fn steady_tail_dyn(phi: &[f64], kf: &[f64], a: &mut [f64], w: &[f64], ss: &mut f64, r: usize) {
    let mut acc = 0.0;
    for &y in w {
        let v = y - a[0];
        acc += v * v;
        let a0 = a[0];
        for i in 0..r - 1 {
            a[i] = phi[i] * a0 + a[i + 1] + kf[i] * v;
        }
        a[r - 1] = phi[r - 1] * a0 + kf[r - 1] * v;
    }
    *ss += acc;
}

/// Output of [`arma_filter_states`].
#[derive(Debug, Clone)]
pub(crate) struct ArmaFilterOutput {
    pub sums: LikSums,
    /// Standardized innovations `v_t / sqrt(F_t)`.
    pub residuals: Vec<f64>,
    /// Filtered state `a_{n|n}` (length r) and covariance `P_{n|n}` (r x r).
    pub a: Vec<f64>,
    pub p: Vec<f64>,
}

/// The standard Kalman filter for the stationary ARMA on a complete series,
/// O(r^2) per step using the companion structure of T (R's `ARIMA_Like`
/// branch for d = 0), keeping residuals and the final filtered state. Used
/// once per fit; the optimizer uses the cheaper [`ArmaWorkspace::loglik`].
pub(crate) fn arma_filter_states(ws: &mut ArmaWorkspace, phi: &[f64], theta: &[f64], w: &[f64]) -> Option<ArmaFilterOutput> {
    if !ws.prepare(phi, theta) {
        return None;
    }
    let r = ws.r();
    let ph = &ws.phi;
    let rv = &ws.rvec;
    let mut p = ws.q0();
    let mut pnew = vec![0.0; r * r];
    let mut a = vec![0.0; r];
    let mut m = vec![0.0; r];
    let mut sums = LikSums::default();
    let mut residuals = Vec::with_capacity(w.len());
    for (l, &y) in w.iter().enumerate() {
        if l > 0 {
            // a <- T a
            let a0 = a[0];
            for i in 0..r {
                let next = if i + 1 < r { a[i + 1] } else { 0.0 };
                a[i] = ph[i] * a0 + next;
            }
            // pnew = T P T' + V
            let p00 = p[0];
            for i in 0..r {
                for j in i..r {
                    let mut v = rv[i] * rv[j] + ph[i] * ph[j] * p00;
                    if i + 1 < r && j + 1 < r {
                        v += p[(i + 1) * r + j + 1];
                    }
                    if j + 1 < r {
                        v += ph[i] * p[j + 1];
                    }
                    if i + 1 < r {
                        v += ph[j] * p[i + 1];
                    }
                    pnew[i * r + j] = v;
                    pnew[j * r + i] = v;
                }
            }
        } else {
            pnew.copy_from_slice(&p);
        }
        for i in 0..r {
            m[i] = pnew[i * r];
        }
        let gain = m[0];
        let v = y - a[0];
        if gain < DIFFUSE_GAIN {
            sums.nu += 1;
            sums.ssq += v * v / gain;
            sums.sumlog += gain.ln();
        }
        residuals.push(v / gain.sqrt());
        let g = v / gain;
        for i in 0..r {
            a[i] += m[i] * g;
        }
        for i in 0..r {
            let mi = m[i] / gain;
            for j in 0..r {
                p[i * r + j] = pnew[i * r + j] - mi * m[j];
            }
        }
    }
    if sums.ssq.is_finite() && sums.sumlog.is_finite() {
        Some(ArmaFilterOutput { sums, residuals, a, p })
    } else {
        None
    }
}

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

/// R's `ARIMA_Like` with the full state (ARMA block plus differencing states),
/// with the diffuse prior of the differencing states treated exactly
/// (Koopman 1997; Durbin & Koopman 2012, §5.2: the covariance is split as
/// `P = P_* + kappa P_inf` and the limit kappa -> infinity is taken
/// analytically) instead of R's `kappa = 1e6`. Observations whose prediction
/// still depends on the diffuse part are left out of the likelihood (as R
/// leaves out gains >= 1e4); for complete data this equals the likelihood of
/// the differenced series. Residuals in the diffuse period are reported as
/// R would with `kappa = 1e6`: `v / sqrt(F_* + 1e6 F_inf)`.
#[derive(Debug, Clone)]
pub(crate) struct FullFilter {
    /// phi padded to r.
    phi: Vec<f64>,
    /// (1, theta_1, .., theta_{r-1}).
    rvec: Vec<f64>,
    delta: Vec<f64>,
    r: usize,
    /// Stationary initial covariance (rd x rd; Q0 block, zeros elsewhere).
    p0: Vec<f64>,
    a: Vec<f64>,
    p: Vec<f64>,
    pinf: Vec<f64>,
    anew: Vec<f64>,
    pnew: Vec<f64>,
    mm: Vec<f64>,
    m: Vec<f64>,
    minf: Vec<f64>,
}

/// R's default diffuse prior variance for the differencing states; used
/// here only to scale the residuals of the diffuse start as R reports them.
pub(crate) const KAPPA: f64 = 1e6;

/// Below this (relative) the diffuse part of an innovation variance is zero.
const DIFFUSE_TOL: f64 = 1e-8;

/// Output of a full filter pass.
#[derive(Debug, Clone)]
pub(crate) struct FullFilterResult {
    pub sums: LikSums,
    /// Standardized innovations `v_t / sqrt(F_t)` (NaN where y is NaN), when asked for.
    pub residuals: Vec<f64>,
}

/// `out = T x` for a state vector.
fn apply_t(phi: &[f64], delta: &[f64], r: usize, x: &[f64], out: &mut [f64]) {
    let d = delta.len();
    let x0 = x[0];
    for i in 0..r {
        let next = if i + 1 < r { x[i + 1] } else { 0.0 };
        out[i] = phi[i] * x0 + next;
    }
    if d > 0 {
        let mut v = x0;
        for (j, &dj) in delta.iter().enumerate() {
            v += dj * x[r + j];
        }
        out[r] = v;
        for j in 1..d {
            out[r + j] = x[r + j - 1];
        }
    }
}

/// `out = T P T' (+ V when rvec is given)` using the sparsity of T
/// (R's `ARIMA_Like` prediction step, O(rd^2) per call).
fn predict_cov(phi: &[f64], delta: &[f64], r: usize, p: &[f64], mm: &mut [f64], out: &mut [f64], rvec: Option<&[f64]>) {
    let d = delta.len();
    let rd = r + d;
    // mm = T P (row combinations).
    for i in 0..r {
        let dst = &mut mm[i * rd..(i + 1) * rd];
        let ph = phi[i];
        let row0 = &p[..rd];
        if i + 1 < r {
            let nxt = &p[(i + 1) * rd..(i + 2) * rd];
            for j in 0..rd {
                dst[j] = ph * row0[j] + nxt[j];
            }
        } else {
            for j in 0..rd {
                dst[j] = ph * row0[j];
            }
        }
    }
    if d > 0 {
        for j in 0..rd {
            let mut v = p[j];
            for (k, &dk) in delta.iter().enumerate() {
                v += dk * p[(r + k) * rd + j];
            }
            mm[r * rd + j] = v;
        }
        for k in 1..d {
            let (src, dst) = ((r + k - 1) * rd, (r + k) * rd);
            mm[dst..dst + rd].copy_from_slice(&p[src..src + rd]);
        }
    }
    // out = mm T' (the same combinations on columns).
    for i in 0..rd {
        let row = &mm[i * rd..(i + 1) * rd];
        apply_t(phi, delta, r, row, &mut out[i * rd..(i + 1) * rd]);
    }
    if let Some(rv) = rvec {
        for i in 0..r {
            for k in 0..r {
                out[i * rd + k] += rv[i] * rv[k];
            }
        }
    }
}

impl FullFilter {
    /// Builds the model (R's `makeARIMA`). `None` when the ARMA part has no
    /// stationary covariance.
    pub(crate) fn new(ws: &mut ArmaWorkspace, phi: &[f64], theta: &[f64], delta: &[f64]) -> Option<Self> {
        if !ws.prepare(phi, theta) {
            return None;
        }
        let r = ws.r();
        let d = delta.len();
        let rd = r + d;
        let q0 = ws.q0();
        let mut p0 = vec![0.0; rd * rd];
        for i in 0..r {
            p0[i * rd..i * rd + r].copy_from_slice(&q0[i * r..(i + 1) * r]);
        }
        Some(FullFilter {
            phi: ws.phi.clone(),
            rvec: ws.rvec.clone(),
            delta: delta.to_vec(),
            r,
            p0,
            a: vec![0.0; rd],
            p: vec![0.0; rd * rd],
            pinf: vec![0.0; rd * rd],
            anew: vec![0.0; rd],
            pnew: vec![0.0; rd * rd],
            mm: vec![0.0; rd * rd],
            m: vec![0.0; rd],
            minf: vec![0.0; rd],
        })
    }

    fn rd(&self) -> usize {
        self.r + self.delta.len()
    }

    /// `out = P Z'` for the observation vector Z = (1, 0.., 0, Delta).
    fn times_z(&self, p: &[f64], out: &mut [f64]) {
        let rd = self.rd();
        let r = self.r;
        for i in 0..rd {
            let row = &p[i * rd..(i + 1) * rd];
            let mut v = row[0];
            for (j, &dj) in self.delta.iter().enumerate() {
                v += dj * row[r + j];
            }
            out[i] = v;
        }
    }

    fn z_dot(&self, x: &[f64]) -> f64 {
        let mut v = x[0];
        for (j, &dj) in self.delta.iter().enumerate() {
            v += dj * x[self.r + j];
        }
        v
    }

    /// Runs the filter over `y` (NaN = missing) from the initial state,
    /// leaving the filtered state `a_{n|n}`, `P_{n|n}` for forecasting.
    pub(crate) fn run(&mut self, y: &[f64], want_residuals: bool) -> FullFilterResult {
        let rd = self.rd();
        let r = self.r;
        let d = self.delta.len();
        self.a.fill(0.0);
        self.p.copy_from_slice(&self.p0);
        self.pinf.fill(0.0);
        for i in r..rd {
            self.pinf[i * rd + i] = 1.0;
        }
        let mut diffuse = d > 0;
        let mut sums = LikSums::default();
        let mut residuals = if want_residuals { Vec::with_capacity(y.len()) } else { Vec::new() };
        for (l, &yl) in y.iter().enumerate() {
            // Prediction (the prior at l = 0 is the initial state itself).
            if l > 0 {
                apply_t(&self.phi, &self.delta, r, &self.a, &mut self.anew);
                std::mem::swap(&mut self.a, &mut self.anew);
                predict_cov(&self.phi, &self.delta, r, &self.p, &mut self.mm, &mut self.pnew, Some(&self.rvec));
                std::mem::swap(&mut self.p, &mut self.pnew);
                if diffuse {
                    predict_cov(&self.phi, &self.delta, r, &self.pinf, &mut self.mm, &mut self.pnew, None);
                    std::mem::swap(&mut self.pinf, &mut self.pnew);
                }
            }
            if yl.is_nan() {
                if want_residuals {
                    residuals.push(f64::NAN);
                }
                continue;
            }
            let v = yl - self.z_dot(&self.a);
            let mut m = std::mem::take(&mut self.m);
            self.times_z(&self.p, &mut m);
            let f_star = self.z_dot(&m);
            let mut f_inf = 0.0;
            if diffuse {
                let mut minf = std::mem::take(&mut self.minf);
                self.times_z(&self.pinf, &mut minf);
                f_inf = self.z_dot(&minf);
                self.minf = minf;
            }
            if diffuse && f_inf > DIFFUSE_TOL {
                // Diffuse update: not part of the likelihood.
                if want_residuals {
                    residuals.push(v / (f_star + KAPPA * f_inf).sqrt());
                }
                let minf = &self.minf;
                let g = v / f_inf;
                let c = f_star / (f_inf * f_inf);
                for (a, mi) in self.a.iter_mut().zip(minf) {
                    *a += mi * g;
                }
                for i in 0..rd {
                    for j in 0..rd {
                        self.p[i * rd + j] += c * minf[i] * minf[j] - (m[i] * minf[j] + minf[i] * m[j]) / f_inf;
                        self.pinf[i * rd + j] -= minf[i] * minf[j] / f_inf;
                    }
                }
                let max_inf = self.pinf.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
                if max_inf <= DIFFUSE_TOL {
                    diffuse = false;
                    self.pinf.fill(0.0);
                }
            } else {
                let gain = f_star;
                if gain < DIFFUSE_GAIN {
                    sums.nu += 1;
                    sums.ssq += v * v / gain;
                    sums.sumlog += gain.ln();
                }
                if want_residuals {
                    residuals.push(v / gain.sqrt());
                }
                let g = v / gain;
                for (a, mi) in self.a.iter_mut().zip(&m) {
                    *a += mi * g;
                }
                for (row, &m_i) in self.p.chunks_exact_mut(rd).zip(&m) {
                    let mi = m_i / gain;
                    for (pij, mj) in row.iter_mut().zip(&m) {
                        *pij -= mi * mj;
                    }
                }
            }
            self.m = m;
        }
        FullFilterResult { sums, residuals }
    }

    /// The filtered state after [`run`](Self::run).
    pub(crate) fn state(&self) -> (&[f64], &[f64]) {
        (&self.a, &self.p)
    }

    /// R's `KalmanForecast`: means and variances (in sigma^2 units) of the
    /// next `h` observations from state `a`, covariance `p`.
    pub(crate) fn forecast_from(&mut self, a: &[f64], p: &[f64], h: usize) -> (Vec<f64>, Vec<f64>) {
        let r = self.r;
        self.a.copy_from_slice(a);
        self.p.copy_from_slice(p);
        let mut mean = Vec::with_capacity(h);
        let mut var = Vec::with_capacity(h);
        let mut m = vec![0.0; self.rd()];
        for _ in 0..h {
            apply_t(&self.phi, &self.delta, r, &self.a, &mut self.anew);
            std::mem::swap(&mut self.a, &mut self.anew);
            predict_cov(&self.phi, &self.delta, r, &self.p, &mut self.mm, &mut self.pnew, Some(&self.rvec));
            std::mem::swap(&mut self.p, &mut self.pnew);
            self.times_z(&self.p, &mut m);
            mean.push(self.z_dot(&self.a));
            var.push(self.z_dot(&m));
        }
        (mean, var)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Q0 from iterating P <- T P T' + V to convergence (dense reference).
    fn q0_reference(phi: &[f64], theta: &[f64]) -> Vec<f64> {
        let r = state_dim(phi.len(), theta.len());
        let mut t = vec![0.0; r * r];
        for i in 0..r {
            if i < phi.len() {
                t[i * r] = phi[i];
            }
            if i + 1 < r {
                t[i * r + i + 1] = 1.0;
            }
        }
        let mut rv = vec![0.0; r];
        rv[0] = 1.0;
        rv[1..=theta.len()].copy_from_slice(theta);
        let mut p = vec![0.0; r * r];
        for _ in 0..5000 {
            let mut tp = vec![0.0; r * r];
            for i in 0..r {
                for j in 0..r {
                    tp[i * r + j] = (0..r).map(|k| t[i * r + k] * p[k * r + j]).sum();
                }
            }
            let mut np = vec![0.0; r * r];
            for i in 0..r {
                for j in 0..r {
                    np[i * r + j] = (0..r).map(|k| tp[i * r + k] * t[j * r + k]).sum::<f64>() + rv[i] * rv[j];
                }
            }
            p = np;
        }
        p
    }

    #[test]
    fn q0_matches_lyapunov_iteration() {
        for (phi, theta) in [
            (vec![0.5], vec![]),
            (vec![0.5, -0.3], vec![0.4]),
            (vec![0.2], vec![0.4, 0.3, -0.2]),
            (vec![], vec![0.7, 0.1]),
            (vec![1.1, -0.3, 0.05], vec![-0.5, 0.2]),
        ] {
            let mut ws = ArmaWorkspace::default();
            assert!(ws.prepare(&phi, &theta));
            let q0 = ws.q0();
            let reference = q0_reference(&phi, &theta);
            for (a, b) in q0.iter().zip(&reference) {
                assert!((a - b).abs() < 1e-10 * (1.0 + b.abs()), "{phi:?} {theta:?}: {a} vs {b}");
            }
        }
    }

    #[test]
    fn steady_state_switch_matches_full_filter_on_long_series() {
        // Long series so the gain converges and the steady-state recursion
        // covers most of it; state dimensions on the unrolled paths (1, 3,
        // 14) and on the generic one (20). The objective must agree with the
        // O(r^2) filter (no steady-state shortcut) to 1e-9.
        let y: Vec<f64> =
            (0..3000).map(|t| ((t as f64) * 0.37).sin() + 0.3 * (t as f64 * 1.3).cos() + 0.01 * ((t * 7919 % 113) as f64)).collect();
        let mut seasonal_phi = vec![0.0; 14];
        seasonal_phi[0] = 0.5;
        seasonal_phi[1] = -0.2;
        seasonal_phi[11] = 0.3;
        seasonal_phi[12] = -0.15;
        seasonal_phi[13] = 0.06;
        let mut seasonal_theta = vec![0.0; 13];
        seasonal_theta[0] = 0.4;
        seasonal_theta[11] = -0.6;
        seasonal_theta[12] = -0.24;
        let mut long_phi = vec![0.0; 20];
        long_phi[0] = 0.4;
        long_phi[19] = 0.3;
        let cases: Vec<(Vec<f64>, Vec<f64>)> = vec![
            (vec![0.7], vec![]),
            (vec![1.3, -0.6], vec![0.5, 0.3]),
            (seasonal_phi, seasonal_theta),
            (long_phi, vec![0.5]),
        ];
        for (phi, theta) in cases {
            let mut ws = ArmaWorkspace::default();
            let fast = ws.loglik(&phi, &theta, &y).expect("stationary");
            let slow = arma_filter_states(&mut ws, &phi, &theta, &y).expect("stationary").sums;
            assert_eq!(fast.nu, slow.nu);
            let (fo, so) = (fast.objective(), slow.objective());
            assert!((fo - so).abs() < 1e-9 / y.len() as f64, "r = {}: {fo} vs {so}", ws.r());
            assert!((fast.ssq - slow.ssq).abs() < 1e-10 * slow.ssq, "{fast:?} {slow:?}");
            assert!((fast.sumlog - slow.sumlog).abs() < 1e-9, "{fast:?} {slow:?}");
        }
    }

    #[test]
    fn chandrasekhar_matches_full_filter() {
        let phi = [0.6, -0.2, 0.1];
        let theta = [0.3, 0.25];
        let y: Vec<f64> = (0..200).map(|t| ((t as f64) * 0.37).sin() + 0.1 * (t as f64 * 1.3).cos()).collect();
        let mut ws = ArmaWorkspace::default();
        let fast = ws.loglik(&phi, &theta, &y).expect("stationary");
        let mut full = FullFilter::new(&mut ws, &phi, &theta, &[]).expect("stationary");
        let slow = full.run(&y, false).sums;
        assert_eq!(fast.nu, slow.nu);
        assert!((fast.ssq - slow.ssq).abs() < 1e-9 * slow.ssq);
        assert!((fast.sumlog - slow.sumlog).abs() < 1e-9);
    }
}

#[cfg(test)]
mod dense_tests {
    use super::*;

    /// Autocovariances from truncated psi-weight sums (independent of `prepare`).
    fn acov_by_psi(phi: &[f64], theta: &[f64], max_lag: usize) -> Vec<f64> {
        let m = 4000;
        let mut psi = vec![0.0; m];
        for j in 0..m {
            let mut v = if j == 0 { 1.0 } else if j <= theta.len() { theta[j - 1] } else { 0.0 };
            for i in 1..=phi.len().min(j) {
                v += phi[i - 1] * psi[j - i];
            }
            psi[j] = v;
        }
        (0..=max_lag).map(|h| (0..m - h).map(|j| psi[j] * psi[j + h]).sum()).collect()
    }

    /// Exact (ssq, log det) of a zero-mean Gaussian series by dense Cholesky.
    fn dense(y: &[f64], acov: &[f64]) -> (f64, f64) {
        let n = y.len();
        let mut l = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..=i {
                let mut s = acov[i - j];
                for k in 0..j {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = if i == j { s.sqrt() } else { s / l[j * n + j] };
            }
        }
        let mut z = vec![0.0; n];
        for i in 0..n {
            let mut s = y[i];
            for k in 0..i {
                s -= l[i * n + k] * z[k];
            }
            z[i] = s / l[i * n + i];
        }
        let ssq = z.iter().map(|v| v * v).sum();
        let logdet = (0..n).map(|i| 2.0 * l[i * n + i].ln()).sum();
        (ssq, logdet)
    }

    #[test]
    fn kalman_equals_dense_gaussian_likelihood() {
        let y: Vec<f64> = (0..60).map(|t| ((t * 7 % 13) as f64 - 6.0) * 0.3 + (t as f64 * 0.2).sin()).collect();
        for (phi, theta) in [
            (vec![0.7], vec![]),
            (vec![], vec![0.6, -0.3]),
            (vec![0.5, -0.3], vec![0.4]),
            (vec![0.3, 0.0, 0.0, 0.5, -0.15], vec![-0.4]),
            (vec![0.9], vec![-0.8]),
        ] {
            let acov = acov_by_psi(&phi, &theta, y.len());
            let (ssq, logdet) = dense(&y, &acov);
            let mut ws = ArmaWorkspace::default();
            let s = ws.loglik(&phi, &theta, &y).expect("stationary");
            assert!((s.ssq - ssq).abs() < 1e-9 * ssq, "{phi:?} {theta:?}: ssq {} vs {ssq}", s.ssq);
            assert!((s.sumlog - logdet).abs() < 1e-9, "{phi:?} {theta:?}: logdet {} vs {logdet}", s.sumlog);
            let mut full = FullFilter::new(&mut ws, &phi, &theta, &[]).expect("stationary");
            let f = full.run(&y, false).sums;
            assert!((f.ssq - ssq).abs() < 1e-9 * ssq && (f.sumlog - logdet).abs() < 1e-9);
        }
    }

    #[test]
    fn missing_values_equal_dense_likelihood_of_observed_subset() {
        let phi = [0.6, -0.2];
        let theta = [0.3];
        let mut y: Vec<f64> = (0..50).map(|t| ((t * 5 % 11) as f64 - 5.0) * 0.4).collect();
        for i in [0, 7, 8, 30, 49] {
            y[i] = f64::NAN;
        }
        let acov = acov_by_psi(&phi, &theta, y.len());
        let idx: Vec<usize> = (0..y.len()).filter(|&i| !y[i].is_nan()).collect();
        // Dense covariance of the observed subset.
        let n = idx.len();
        let mut l = vec![0.0; n * n];
        for a in 0..n {
            for b in 0..=a {
                let mut s = acov[idx[a] - idx[b]];
                for k in 0..b {
                    s -= l[a * n + k] * l[b * n + k];
                }
                l[a * n + b] = if a == b { s.sqrt() } else { s / l[b * n + b] };
            }
        }
        let mut z = vec![0.0; n];
        for a in 0..n {
            let mut s = y[idx[a]];
            for k in 0..a {
                s -= l[a * n + k] * z[k];
            }
            z[a] = s / l[a * n + a];
        }
        let ssq: f64 = z.iter().map(|v| v * v).sum();
        let logdet: f64 = (0..n).map(|i| 2.0 * l[i * n + i].ln()).sum();
        let mut ws = ArmaWorkspace::default();
        let mut full = FullFilter::new(&mut ws, &phi, &theta, &[]).expect("stationary");
        let out = full.run(&y, true);
        assert_eq!(out.sums.nu, n);
        assert!((out.sums.ssq - ssq).abs() < 1e-9 * ssq);
        assert!((out.sums.sumlog - logdet).abs() < 1e-9);
        assert!(out.residuals[7].is_nan() && out.residuals[1].is_finite());
    }
}
