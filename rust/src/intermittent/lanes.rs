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
    sse_lanes(alphas, x)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn sse_pair_avx<const L: usize>(ax: &[f64; L], x: &[f64], az: &[f64; L], z: &[f64]) -> (Lanes<L>, Lanes<L>) {
    sse_pair_lanes(ax, x, az, z)
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
    // Each value is read from memory twice, as the previous value and as the value: a
    // broadcast from memory costs a load, where the previous iteration's value held in a
    // register would cost two shuffles on the floating-point ports the lanes need.
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
