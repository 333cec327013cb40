//! The sum of squared one-step errors of SES (statsforecast's `_ses_sse`) at several alphas
//! in one pass over the series, one independent recursion per lane. Each lane's value is the
//! plain loop's to the bit: the same operations in the same order (Rust neither fuses nor
//! reorders floating-point operations, in vector registers or not).

/// What a pass gives for each lane.
pub(super) struct Lanes<const L: usize> {
    pub(super) sse: [f64; L],
    pub(super) level: [f64; L],
}

/// `_ses_sse(alpha, x)` for every alpha of `alphas` (0 for fewer than two values), and each
/// lane's level at the end: SES of all values but the last, as `ses::forecast` reaches it.
pub(super) fn sse<const L: usize>(alphas: &[f64; L], x: &[f64]) -> Lanes<L> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: AVX is available, checked above.
        return unsafe { sse_avx(alphas, x) };
    }
    sse_lanes(alphas, x)
}

/// [`sse`] over `x` at `ax` and over `z` (of `x`'s length) at `az`, in one pass.
pub(super) fn sse_pair<const L: usize>(ax: &[f64; L], x: &[f64], az: &[f64; L], z: &[f64]) -> (Lanes<L>, Lanes<L>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: AVX is available, checked above.
        return unsafe { sse_pair_avx(ax, x, az, z) };
    }
    sse_pair_lanes(ax, x, az, z)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn sse_avx<const L: usize>(alphas: &[f64; L], x: &[f64]) -> Lanes<L> {
    if L % 4 != 0 || L > 4 * avx::MOST {
        return sse_lanes(alphas, x);
    }
    let mut lanes = avx::Vectors::new(alphas, x[0]);
    let mut previous = avx::splat(&x[0]);
    for v in &x[1..] {
        let value = avx::splat(v);
        lanes.step(previous, value);
        previous = value;
    }
    lanes.into_lanes()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn sse_pair_avx<const L: usize>(ax: &[f64; L], x: &[f64], az: &[f64; L], z: &[f64]) -> (Lanes<L>, Lanes<L>) {
    if L % 4 != 0 || L > 4 * avx::MOST {
        return sse_pair_lanes(ax, x, az, z);
    }
    let n = x.len().min(z.len());
    let (mut lx, mut lz) = (avx::Vectors::new(ax, x[0]), avx::Vectors::new(az, z[0]));
    let (mut px, mut pz) = (avx::splat(&x[0]), avx::splat(&z[0]));
    for (u, w) in x[1..n].iter().zip(&z[1..n]) {
        let (vx, vz) = (avx::splat(u), avx::splat(w));
        lx.step(px, vx);
        lz.step(pz, vz);
        (px, pz) = (vx, vz);
    }
    (lx.into_lanes(), lz.into_lanes())
}

/// The lanes four to a vector register. Each value is broadcast from memory once and kept in a
/// register for the next step, where it is the previous value: half the broadcasts of reading
/// it twice (without AVX2, a broadcast from a register would cost two shuffles).
#[cfg(target_arch = "x86_64")]
mod avx {
    use super::Lanes;
    use std::arch::x86_64::*;

    /// The most vectors a series' lanes take.
    pub(super) const MOST: usize = 4;

    #[inline(always)]
    pub(super) unsafe fn splat(v: &f64) -> __m256d {
        // SAFETY: AVX is enabled in every caller.
        unsafe { _mm256_broadcast_sd(v) }
    }

    /// Alphas, their complements, the levels and the sums of squares, four lanes a vector;
    /// `L / 4` of the `MOST` vectors in use.
    pub(super) struct Vectors<const L: usize> {
        alpha: [__m256d; MOST],
        complement: [__m256d; MOST],
        level: [__m256d; MOST],
        total: [__m256d; MOST],
    }

    impl<const L: usize> Vectors<L> {
        #[inline(always)]
        pub(super) unsafe fn new(alphas: &[f64; L], first: f64) -> Vectors<L> {
            // SAFETY: AVX is enabled in every caller; lane k * 4 + 3 < L for every k < L / 4.
            unsafe {
                let zero = _mm256_setzero_pd();
                let mut lanes = Vectors { alpha: [zero; MOST], complement: [zero; MOST], level: [_mm256_set1_pd(first); MOST], total: [zero; MOST] };
                for k in 0..L / 4 {
                    lanes.alpha[k] = _mm256_loadu_pd(alphas.as_ptr().add(4 * k));
                    lanes.complement[k] = _mm256_sub_pd(_mm256_set1_pd(1.0), lanes.alpha[k]);
                }
                lanes
            }
        }

        /// [`super::step`]'s operations in its order, on four lanes at a time.
        #[inline(always)]
        pub(super) unsafe fn step(&mut self, previous: __m256d, value: __m256d) {
            // SAFETY: AVX is enabled in every caller.
            unsafe {
                for k in 0..L / 4 {
                    self.level[k] = _mm256_add_pd(_mm256_mul_pd(self.alpha[k], previous), _mm256_mul_pd(self.complement[k], self.level[k]));
                    let error = _mm256_sub_pd(value, self.level[k]);
                    self.total[k] = _mm256_add_pd(self.total[k], _mm256_mul_pd(error, error));
                }
            }
        }

        #[inline(always)]
        pub(super) unsafe fn into_lanes(self) -> Lanes<L> {
            let mut out = Lanes { sse: [0.0; L], level: [0.0; L] };
            // SAFETY: AVX is enabled in every caller; lane k * 4 + 3 < L for every k < L / 4.
            unsafe {
                for k in 0..L / 4 {
                    _mm256_storeu_pd(out.sse.as_mut_ptr().add(4 * k), self.total[k]);
                    _mm256_storeu_pd(out.level.as_mut_ptr().add(4 * k), self.level[k]);
                }
            }
            out
        }
    }
}

/// One step of every lane: the level smooths in the previous value, the error is squared in.
#[inline(always)]
fn step<const L: usize>(alphas: &[f64; L], complements: &[f64; L], level: &mut [f64; L], total: &mut [f64; L], previous: f64, value: f64) {
    for k in 0..L {
        level[k] = alphas[k] * previous + complements[k] * level[k];
        let error = value - level[k];
        total[k] += error * error;
    }
}

#[inline(always)]
fn sse_lanes<const L: usize>(alphas: &[f64; L], x: &[f64]) -> Lanes<L> {
    let complements = alphas.map(|a| 1.0 - a);
    let mut level = [x[0]; L];
    let mut total = [0.0; L];
    for w in x.windows(2) {
        step(alphas, &complements, &mut level, &mut total, w[0], w[1]);
    }
    Lanes { sse: total, level }
}

#[inline(always)]
fn sse_pair_lanes<const L: usize>(ax: &[f64; L], x: &[f64], az: &[f64; L], z: &[f64]) -> (Lanes<L>, Lanes<L>) {
    let n = x.len().min(z.len());
    let (cx, cz) = (ax.map(|a| 1.0 - a), az.map(|a| 1.0 - a));
    let (mut lx, mut lz) = ([x[0]; L], [z[0]; L]);
    let (mut tx, mut tz) = ([0.0; L], [0.0; L]);
    for (u, w) in x[..n].windows(2).zip(z[..n].windows(2)) {
        step(ax, &cx, &mut lx, &mut tx, u[0], u[1]);
        step(az, &cz, &mut lz, &mut tz, w[0], w[1]);
    }
    (Lanes { sse: tx, level: lx }, Lanes { sse: tz, level: lz })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(alpha: f64, x: &[f64]) -> f64 {
        let mut level = x[0];
        let mut total = 0.0;
        for i in 1..x.len() {
            level = alpha * x[i - 1] + (1.0 - alpha) * level;
            let e = x[i] - level;
            total += e * e;
        }
        total
    }

    #[test]
    fn every_lane_is_the_plain_loop_to_the_bit() {
        let x: Vec<f64> = (0..97).map(|i| ((i * 7919) % 13) as f64 * 1.37).collect();
        let z: Vec<f64> = x.iter().map(|v| v.sqrt() + 0.1).collect();
        let alphas: [f64; 16] = std::array::from_fn(|k| 0.1 + 0.0123456789 * k as f64);
        let want: Vec<u64> = alphas.iter().map(|&a| plain(a, &x).to_bits()).collect();
        assert_eq!(sse(&alphas, &x).sse.map(f64::to_bits).to_vec(), want);
        assert_eq!(sse_lanes(&alphas, &x).sse.map(f64::to_bits).to_vec(), want);
        let (p, q) = sse_pair(&alphas, &x, &alphas, &z);
        let eight: [f64; 8] = std::array::from_fn(|k| alphas[2 * k]);
        let (p8, q8) = sse_pair(&eight, &x, &eight, &z);
        assert_eq!(p8.sse.map(f64::to_bits).to_vec(), want.iter().step_by(2).copied().collect::<Vec<_>>());
        assert_eq!(q8.level.map(f64::to_bits), sse_pair_lanes(&eight, &x, &eight, &z).1.level.map(f64::to_bits));
        assert_eq!(p.sse.map(f64::to_bits).to_vec(), want);
        assert_eq!(q.sse.map(f64::to_bits).to_vec(), alphas.iter().map(|&a| plain(a, &z).to_bits()).collect::<Vec<_>>());
        assert_eq!(sse(&[0.2; 4], &[5.0]).sse, [0.0; 4]);
        // One more step from the level at the end is SES's forecast, to the bit.
        let lanes = sse(&alphas, &x);
        for (k, &a) in alphas.iter().enumerate() {
            let forecast = x.iter().fold(x[0], |level, &v| a * v + (1.0 - a) * level);
            assert_eq!((a * x[x.len() - 1] + (1.0 - a) * lanes.level[k]).to_bits(), forecast.to_bits());
        }
    }
}
