//! The standardized innovations `v_t / sqrt(F_t)` of several complete series under one
//! ARMA model: the likelihood's Chandrasekhar recursion (`arma_filter`) run once for the
//! gains, then only the state update per series. For a fixed model the innovations are
//! linear in the series, which is what `arima::linear` uses for the regression part.

use super::arma_filter::{advance_gain, GainStep};
use super::{ArmaWorkspace, DIFFUSE_GAIN};

/// Series run side by side.
const LANES: usize = 4;

impl ArmaWorkspace {
    /// Fills `out[i]` with the standardized innovations of `series[i]` (all of one length),
    /// zero where an innovation is not counted (variance at or above `DIFFUSE_GAIN`), so
    /// that `sum out[i]_t^2` is [`ArmaWorkspace::loglik`]'s `ssq` for that series. False
    /// where `loglik` has no value for this model (no stationary covariance, breakdown).
    pub(crate) fn standardized_innovations(&mut self, phi: &[f64], theta: &[f64], series: &[&[f64]], out: &mut [Vec<f64>]) -> bool {
        if !self.prepare(phi, theta) {
            return false;
        }
        let r = self.r();
        let n = series.first().map_or(0, |s| s.len());
        // The gains of `loglik`'s recursion: F_t and K_t as its state update uses them,
        // then the steady values from `rest` on.
        let mut k: Vec<f64> = (0..r).map(|i| self.phi[i] * self.first[0] + self.first[i + 1]).collect();
        let mut wv = k.clone();
        wv.push(0.0);
        let mut w_next = vec![0.0; r + 1];
        let mut f = self.first[0];
        let mut m = -1.0 / f;
        let (mut fs, mut ks) = (Vec::new(), Vec::new());
        let mut rest = n;
        for t in 0..n {
            fs.push(f);
            ks.extend_from_slice(&k);
            match advance_gain(&self.phi, &mut k, &wv, &mut w_next, &mut f, &mut m) {
                None => return false,
                Some(GainStep::Steady) => {
                    rest = t + 1;
                    break;
                }
                Some(GainStep::Moving) => std::mem::swap(&mut wv, &mut w_next),
            }
        }
        let phi = &self.phi[..r];
        let inv_f = 1.0 / f;
        let steady_scale = inv_f.sqrt();
        let kf: Vec<f64> = k.iter().map(|x| x * inv_f).collect();
        // Four series side by side (one state update waits on the last): the state
        // a[i * LANES + c] of the c-th series of a block, with a zero row at i = r.
        let mut a = vec![0.0; (r + 1) * LANES];
        for (block, outs) in series.chunks(LANES).zip(out.chunks_mut(LANES)) {
            a.fill(0.0);
            let mut y = [&[][..]; LANES];
            for (c, s) in block.iter().enumerate() {
                y[c] = s;
            }
            let at = |y: &[&[f64]; LANES], t: usize| -> [f64; LANES] { std::array::from_fn(|c| y[c].get(t).copied().unwrap_or(0.0)) };
            let mut u = vec![[0.0; LANES]; n];
            for t in 0..rest {
                let (ft, kt) = (fs[t], &ks[t * r..(t + 1) * r]);
                let yt = at(&y, t);
                let v: [f64; LANES] = std::array::from_fn(|c| yt[c] - a[c]);
                if ft < DIFFUSE_GAIN {
                    let sd = ft.sqrt();
                    u[t] = std::array::from_fn(|c| v[c] / sd);
                }
                let g: [f64; LANES] = std::array::from_fn(|c| v[c] / ft);
                let a0: [f64; LANES] = a[..LANES].try_into().expect("one row");
                for i in 0..r {
                    for c in 0..LANES {
                        a[i * LANES + c] = phi[i] * a0[c] + a[(i + 1) * LANES + c] + kt[i] * g[c];
                    }
                }
            }
            if f < DIFFUSE_GAIN {
                for t in rest..n {
                    let yt = at(&y, t);
                    let v: [f64; LANES] = std::array::from_fn(|c| yt[c] - a[c]);
                    u[t] = std::array::from_fn(|c| v[c] * steady_scale);
                    let a0: [f64; LANES] = a[..LANES].try_into().expect("one row");
                    for i in 0..r {
                        for c in 0..LANES {
                            a[i * LANES + c] = phi[i] * a0[c] + a[(i + 1) * LANES + c] + kf[i] * v[c];
                        }
                    }
                }
            }
            for (c, o) in outs.iter_mut().enumerate() {
                o.clear();
                o.extend(u.iter().map(|row| row[c]));
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::ArmaWorkspace;

    #[test]
    fn squared_innovations_sum_to_the_likelihoods_ssq() {
        let y: Vec<f64> = (0..300).map(|t| ((t * 37 % 101) as f64 / 17.0).sin() + 0.02 * t as f64).collect();
        let z: Vec<f64> = (0..300).map(|t| ((t * 13 % 29) as f64 / 5.0).cos()).collect();
        for (phi, theta) in [(vec![0.5, -0.2], vec![0.3]), (vec![], vec![-0.95, 0.2]), (vec![0.9], vec![]), (vec![0.3], vec![0.999])] {
            let mut ws = ArmaWorkspace::default();
            let mut out = vec![Vec::new(), Vec::new()];
            assert!(ws.standardized_innovations(&phi, &theta, &[&y, &z], &mut out));
            for (series, u) in [&y, &z].into_iter().zip(&out) {
                let sums = ws.loglik(&phi, &theta, series).expect("loglik");
                let ssq: f64 = u.iter().map(|v| v * v).sum();
                assert!((ssq - sums.ssq).abs() <= 1e-12 * sums.ssq, "{phi:?} {theta:?}: {ssq} vs {}", sums.ssq);
            }
            // Linear in the series.
            let sum: Vec<f64> = y.iter().zip(&z).map(|(a, b)| a - 2.5 * b).collect();
            let mut one = vec![Vec::new()];
            assert!(ws.standardized_innovations(&phi, &theta, &[&sum], &mut one));
            for t in 0..y.len() {
                let want = out[0][t] - 2.5 * out[1][t];
                assert!((one[0][t] - want).abs() <= 1e-12 * (1.0 + want.abs()), "t = {t}");
            }
        }
    }
}
