//! The standardized innovations `v_t / sqrt(F_t)` of several complete series under one
//! ARMA model: the likelihood's Chandrasekhar recursion (`arma_filter`) run once for the
//! gains, then only the state update per series. For a fixed model the innovations are
//! linear in the series, which is what `arima::linear` uses for the regression part.

use super::arma_filter::{advance_gain, GainStep};
use super::{ArmaWorkspace, DIFFUSE_GAIN};
use crate::arima::lane_rows::{blocks, row, LaneIn, LaneOut};

/// The gains of [`ArmaWorkspace::loglik`]'s recursion for one model, as its state update
/// uses them: `F_t` and `K_t` (r values each) up to `rest`, then the steady `F` and `K`;
/// phi (padded to r) read in place from the workspace.
struct Gains<'w> {
    phi: &'w [f64],
    fs: Vec<f64>,
    ks: Vec<f64>,
    rest: usize,
    f: f64,
    k: Vec<f64>,
}

impl ArmaWorkspace {
    /// Fills `out` with the standardized innovations of `series` (all of one length), zero
    /// where an innovation is not counted (variance at or above `DIFFUSE_GAIN`), so that
    /// `sum out[i]_t^2` is [`ArmaWorkspace::loglik`]'s `ssq` for `series[i]`. False where
    /// `loglik` has no value for this model (no stationary covariance, breakdown).
    pub(crate) fn standardized_innovations(&mut self, phi: &[f64], theta: &[f64], series: &[&[f64]], out: &mut [Vec<f64>]) -> bool {
        let n = series.first().map_or(0, |s| s.len());
        let Some((gains, lanes)) = self.gains(phi, theta, n) else { return false };
        run(&gains, LaneIn::Series(series), n, &mut LaneOut::Residuals(out), lanes);
        true
    }

    /// The standardized innovations of `w` into `reference`, and for each of `cols` (of
    /// `w`'s length) the sums `linear` needs of a gradient's points: `b[i]` the cross sum
    /// of its innovations with `reference` and `diag[i]` their sum of squares, the bits of
    /// [`ArmaWorkspace::standardized_innovations`]'s vectors summed. False as there.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn innovation_dots(
        &mut self,
        phi: &[f64],
        theta: &[f64],
        w: &[f64],
        cols: LaneIn<'_>,
        reference: &mut Vec<f64>,
        b: &mut [f64],
        diag: &mut [f64],
    ) -> bool {
        let n = w.len();
        let Some((gains, lanes)) = self.gains(phi, theta, n) else { return false };
        run(&gains, LaneIn::Series(&[w]), n, &mut LaneOut::Residuals(std::slice::from_mut(reference)), lanes);
        run(&gains, cols, n, &mut LaneOut::Dots { reference: reference.as_slice(), b, diag }, lanes);
        true
    }

    /// The gains of `loglik`'s recursion over `n` steps, and the lane buffer beside them (the
    /// gains borrow the workspace's phi); `None` where the recursion has no value.
    fn gains(&mut self, phi: &[f64], theta: &[f64], n: usize) -> Option<(Gains<'_>, &mut Vec<f64>)> {
        if !self.prepare(phi, theta) {
            return None;
        }
        let r = self.r();
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
            match advance_gain(&self.phi, &mut k, &wv, &mut w_next, &mut f, &mut m)? {
                GainStep::Steady => {
                    rest = t + 1;
                    break;
                }
                GainStep::Moving => std::mem::swap(&mut wv, &mut w_next),
            }
        }
        Some((Gains { phi: &self.phi, fs, ks, rest, f, k }, &mut self.lanes))
    }
}

fn run(gains: &Gains<'_>, series: LaneIn<'_>, n: usize, out: &mut LaneOut<'_>, buf: &mut Vec<f64>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the processor has AVX (checked just above).
        unsafe { innovations_many_avx(gains, series, n, out, buf) };
        return;
    }
    innovations_many(gains, series, n, out, buf);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn innovations_many_avx(gains: &Gains<'_>, series: LaneIn<'_>, n: usize, out: &mut LaneOut<'_>, buf: &mut Vec<f64>) {
    innovations_many(gains, series, n, out, buf);
}

/// The series side by side (one state update waits on the last), up to sixteen at a
/// time. Each innovation is computed by the same operations in the same order, never
/// fused, whatever the number of series beside it: the same bits on every path.
#[inline(always)]
fn innovations_many(gains: &Gains<'_>, series: LaneIn<'_>, n: usize, out: &mut LaneOut<'_>, buf: &mut Vec<f64>) {
    for (index, (first, end, lanes)) in blocks(series.count()).enumerate() {
        match lanes {
            16 => {
                let (y, u) = series.block_rows::<16>(index, first, end, buf);
                innovation_block::<16>(gains, y, u, n, out, first, end)
            }
            8 => {
                let (y, u) = series.block_rows::<8>(index, first, end, buf);
                innovation_block::<8>(gains, y, u, n, out, first, end)
            }
            _ => {
                let (y, u) = series.block_rows::<4>(index, first, end, buf);
                innovation_block::<4>(gains, y, u, n, out, first, end)
            }
        }
    }
}

/// The series `first..end` of [`innovations_many`], their rows in `y`, the innovations'
/// into `u`: the state `a[i * L + c]` of the c-th series, with a zero row at i = r.
#[inline(always)]
fn innovation_block<const L: usize>(gains: &Gains<'_>, y: &[f64], u: &mut [f64], n: usize, out: &mut LaneOut<'_>, first: usize, end: usize) {
    let (phi, r) = (gains.phi, gains.phi.len());
    let inv_f = 1.0 / gains.f;
    let steady_scale = inv_f.sqrt();
    let kf: Vec<f64> = gains.k.iter().map(|x| x * inv_f).collect();
    let mut a = vec![0.0; (r + 1) * L];
    // The innovations are zero where not counted.
    u.fill(0.0);
    for t in 0..gains.rest {
        let (ft, kt) = (gains.fs[t], &gains.ks[t * r..(t + 1) * r]);
        let yt = row::<L>(y, t);
        let a0 = row::<L>(&a, 0);
        let v: [f64; L] = lanes(|c| yt[c] - a0[c]);
        if ft < DIFFUSE_GAIN {
            let sd = ft.sqrt();
            let scaled: [f64; L] = lanes(|c| v[c] / sd);
            u[t * L..(t + 1) * L].copy_from_slice(&scaled);
        }
        let g: [f64; L] = lanes(|c| v[c] / ft);
        // Whole rows: the lanes of a row in vector registers.
        for i in 0..r {
            let next = row::<L>(&a, i + 1);
            let new: [f64; L] = lanes(|c| phi[i] * a0[c] + next[c] + kt[i] * g[c]);
            a[i * L..(i + 1) * L].copy_from_slice(&new);
        }
    }
    if gains.f < DIFFUSE_GAIN {
        for t in gains.rest..n {
            let yt = row::<L>(y, t);
            let a0 = row::<L>(&a, 0);
            let v: [f64; L] = lanes(|c| yt[c] - a0[c]);
            let scaled: [f64; L] = lanes(|c| v[c] * steady_scale);
            u[t * L..(t + 1) * L].copy_from_slice(&scaled);
            for i in 0..r {
                let next = row::<L>(&a, i + 1);
                let new: [f64; L] = lanes(|c| phi[i] * a0[c] + next[c] + kf[i] * v[c]);
                a[i * L..(i + 1) * L].copy_from_slice(&new);
            }
        }
    }
    out.write::<L>(first, end, u, n);
}

/// `[f(0), .., f(L - 1)]`, inlined into the caller (`std::array::from_fn` is not always, and
/// then runs without the caller's AVX).
#[inline(always)]
fn lanes<const L: usize>(f: impl Fn(usize) -> f64) -> [f64; L] {
    let mut out = [0.0; L];
    for (c, o) in out.iter_mut().enumerate() {
        *o = f(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::ArmaWorkspace;
    use crate::arima::lane_rows::{LaneIn, PackedSeries};

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
            // The sums of the gradient's points: those of the vectors, bit for bit.
            use crate::arima::linear::dot;
            let mut reference = Vec::new();
            let (mut b, mut diag) = ([f64::NAN; 1], [f64::NAN; 1]);
            assert!(ws.innovation_dots(&phi, &theta, &y, LaneIn::Series(&[&z]), &mut reference, &mut b, &mut diag));
            assert_eq!(reference, out[0]);
            assert_eq!(b[0].to_bits(), dot(&out[0], &out[1]).to_bits());
            assert_eq!(diag[0].to_bits(), dot(&out[1], &out[1]).to_bits());
            let (mut pb, mut pdiag) = ([f64::NAN; 1], [f64::NAN; 1]);
            let packed = PackedSeries::new(&[&z]);
            assert!(ws.innovation_dots(&phi, &theta, &y, LaneIn::Packed(&packed), &mut reference, &mut pb, &mut pdiag));
            assert_eq!((pb[0].to_bits(), pdiag[0].to_bits()), (b[0].to_bits(), diag[0].to_bits()), "packed");
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
