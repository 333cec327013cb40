//! The ARMA filters on the (differenced) complete series: the
//! Chandrasekhar-recursion likelihood used inside the optimizer, with its
//! steady-state tail, and the O(r^2) filter of the final pass that keeps
//! residuals and the final state.

use super::{LikSums, ArmaWorkspace, DIFFUSE_GAIN};

impl ArmaWorkspace {
    /// Exact likelihood sums of the stationary ARMA(phi, theta) for the complete
    /// (no NaN) series `w`, by the Chandrasekhar recursions. `None` when the
    /// model has no stationary covariance or the filter breaks down.
    pub(crate) fn loglik(&mut self, phi: &[f64], theta: &[f64], w: &[f64]) -> Option<LikSums> {
        if !self.prepare(phi, theta) {
            return None;
        }
        let r = self.r();
        // State and W carry a zero at index r (the shifted-in element of the
        // companion form), and each has a second buffer for its next value,
        // so both updates are straight loops over equal-length slices.
        for buf in [&mut self.a, &mut self.a_next, &mut self.w_next] {
            buf.clear();
            buf.resize(r + 1, 0.0);
        }
        // K_1 = T Q0 e_1, F_1 = gamma(0); W_1 = K_1, M_1 = -1/F_1.
        self.k.clear();
        self.k.resize(r, 0.0);
        let c0 = self.first[0];
        for i in 0..r {
            self.k[i] = self.phi[i] * c0 + self.first[i + 1];
        }
        self.w.clear();
        self.w.extend_from_slice(&self.k);
        self.w.push(0.0);
        let mut f = c0;
        let mut m = -1.0 / f;
        let mut sums = LikSums::default();
        let phi = &self.phi[..];
        let mut a = &mut self.a[..];
        let mut a_next = &mut self.a_next[..];
        let k = &mut self.k[..];
        let mut wv = &mut self.w[..];
        let mut w_next = &mut self.w_next[..];
        // Once the rank-one increments vanish the gain is constant: the rest
        // of the series runs through the steady-state recursion below.
        let mut rest = w.len();
        for (t, &y) in w.iter().enumerate() {
            let v = y - a[0];
            sums.add(v, f);
            let g = v / f;
            let a0 = a[0];
            // a <- T a + K v / F.
            for ((out, (&ph, &next)), &ki) in a_next[..r].iter_mut().zip(phi.iter().zip(&a[1..])).zip(k.iter()) {
                *out = ph * a0 + next + ki * g;
            }
            std::mem::swap(&mut a, &mut a_next);
            match advance_gain(phi, k, wv, w_next, &mut f, &mut m)? {
                GainStep::Steady => {
                    rest = t + 1;
                    break;
                }
                GainStep::Moving => std::mem::swap(&mut wv, &mut w_next),
            }
        }
        if rest < w.len() {
            // Steady state: K and F are constant, so the per-step work is the
            // O(r) state update; log F and 1 / F are taken once.
            let tail = &w[rest..];
            let inv_f = 1.0 / f;
            let mut ss = 0.0;
            steady_tail(phi, k, &mut a[..r], tail, inv_f, &mut ss);
            let (ssq, sumlog, n) = if f < DIFFUSE_GAIN {
                (&mut sums.ssq, &mut sums.sumlog, &mut sums.nu)
            } else {
                (&mut sums.left_ssq, &mut sums.left_sumlog, &mut sums.left_out)
            };
            *sumlog += f.ln() * tail.len() as f64;
            *n += tail.len();
            *ssq += ss * inv_f;
        }
        if sums.ssq.is_finite() && sums.sumlog.is_finite() {
            Some(sums)
        } else {
            None
        }
    }
}

/// Whether the gain recursion is still moving after a step.
pub(super) enum GainStep {
    Moving,
    /// The rank-one increments fell below the rounding of F: K and F stay as they are.
    Steady,
}

/// One step of the Chandrasekhar gain recursion, shared by the likelihood and the
/// innovations of several series so that both see the same bits:
/// `W <- T W - K zw / F`, `K <- K + (T W) M zw` (the old K in W's update),
/// `F <- F + M zw^2`, `M <- M - (M zw)^2 / F_new`. The next W goes to `w_next` (the caller
/// swaps it in while the step is `Moving`). `None` where F breaks down.
#[inline(always)]
pub(super) fn advance_gain(phi: &[f64], k: &mut [f64], wv: &[f64], w_next: &mut [f64], f: &mut f64, m: &mut f64) -> Option<GainStep> {
    let r = k.len();
    let zw = wv[0];
    let mzw = *m * zw;
    let f_new = *f + mzw * zw;
    let scale = zw / *f;
    for ((out, (&ph, &next)), ki) in w_next[..r].iter_mut().zip(phi.iter().zip(&wv[1..])).zip(k.iter_mut()) {
        let tw = ph * zw + next;
        *out = tw - *ki * scale;
        *ki += tw * mzw;
    }
    *m -= mzw * mzw / f_new;
    if !f_new.is_finite() || f_new <= 0.0 {
        return None;
    }
    *f = f_new;
    // Steady: the remaining correction is below rounding of F.
    if (mzw * zw).abs() <= 1e-16 * *f && (*m * w_next[0] * w_next[0]).abs() <= 1e-16 * *f {
        let maxw = w_next[..r].iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
        if (m.abs() * maxw * maxw) <= 1e-16 * *f {
            return Some(GainStep::Steady);
        }
    }
    Some(GainStep::Moving)
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
/// once per fit; the optimizer uses the cheaper [`ArmaWorkspace::loglik`]. Polls `stop` as
/// the full filter does, and returns `None` once it says so.
pub(crate) fn arma_filter_states(
    ws: &mut ArmaWorkspace,
    phi: &[f64],
    theta: &[f64],
    w: &[f64],
    stop: &dyn Fn() -> bool,
) -> Option<ArmaFilterOutput> {
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
    let every = super::diffuse::poll_interval(r * r);
    for (l, &y) in w.iter().enumerate() {
        if l % every == every - 1 && stop() {
            return None;
        }
        if l > 0 {
            // a <- T a
            let a0 = a[0];
            for i in 0..r {
                let next = if i + 1 < r { a[i + 1] } else { 0.0 };
                a[i] = ph[i] * a0 + next;
            }
            // pnew = T P T' + V, i.e. for i <= j
            // rv_i rv_j + phi_i phi_j P00 + P[i+1][j+1] + phi_i P[0][j+1] + phi_j P[0][i+1],
            // terms past the last row/column of P left out.
            let p00 = p[0];
            for i in 0..r {
                let (phi_i, rv_i) = (ph[i], rv[i]);
                if i + 1 < r {
                    let p0i = p[i + 1];
                    let below = &p[(i + 1) * r + i + 1..(i + 2) * r];
                    let top = &p[i + 1..r];
                    for (off, (((&rv_j, &phi_j), &pb), &pt)) in rv[i..r - 1].iter().zip(&ph[i..r - 1]).zip(below).zip(top).enumerate() {
                        let mut v = rv_i * rv_j + phi_i * phi_j * p00;
                        v += pb;
                        v += phi_i * pt;
                        v += phi_j * p0i;
                        let j = i + off;
                        pnew[i * r + j] = v;
                        pnew[j * r + i] = v;
                    }
                }
                // j = r - 1: only the P[0][i+1] term can remain.
                let j = r - 1;
                let mut v = rv_i * rv[j] + phi_i * ph[j] * p00;
                if i + 1 < r {
                    v += ph[j] * p[i + 1];
                }
                pnew[i * r + j] = v;
                pnew[j * r + i] = v;
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
