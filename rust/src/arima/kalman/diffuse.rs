//! The full-state filter (R's `ARIMA_Like`) with the exact diffuse start for
//! the differencing states; handles missing values.

use super::transition::{apply_t, predict_cov};
use super::{ArmaWorkspace, LikSums};

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
const KAPPA: f64 = 1e6;

/// Below this (relative) the diffuse part of an innovation variance is zero.
const DIFFUSE_TOL: f64 = 1e-8;

/// Most observations between two polls of the stop flag in [`FullFilter::run_until`].
const STOP_POLL: usize = 4096;

/// About this many multiply-adds between two polls of the stop flag: a few milliseconds, so
/// that a cancelled fit returns at once also where one step costs O((r + d)^3) (a period of
/// 365 makes that 5e7 per observation).
const STOP_WORK: usize = 1 << 22;

/// Steps between two polls of a filter whose step costs about `step_work` multiply-adds.
pub(crate) fn poll_interval(step_work: usize) -> usize {
    (STOP_WORK / step_work.max(1)).clamp(1, STOP_POLL)
}

/// Output of a full filter pass.
#[derive(Debug, Clone)]
pub(crate) struct FullFilterResult {
    pub sums: LikSums,
    /// Standardized innovations `v_t / sqrt(F_t)` (NaN where y is NaN), when asked for.
    pub residuals: Vec<f64>,
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
    #[cfg(test)]
    pub(crate) fn run(&mut self, y: &[f64], want_residuals: bool) -> FullFilterResult {
        self.run_until(y, want_residuals, &|| false).expect("never stopped")
    }

    /// [`run`](Self::run) that polls `stop` every [`poll_interval`] observations
    /// and returns `None` as soon as it says so (a cancelled fit on a long
    /// series, or with a long period, must not wait for a whole pass).
    pub(crate) fn run_until(&mut self, y: &[f64], want_residuals: bool, stop: &dyn Fn() -> bool) -> Option<FullFilterResult> {
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
        let every = poll_interval(rd * rd * (d + 1));
        for (l, &yl) in y.iter().enumerate() {
            if l % every == every - 1 && stop() {
                return None;
            }
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
                sums.add(v, gain);
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
        Some(FullFilterResult { sums, residuals })
    }

    /// The filtered state after [`run`](Self::run).
    pub(crate) fn state(&self) -> (&[f64], &[f64]) {
        (&self.a, &self.p)
    }
}
