//! How many demands a series has and where the last one is, with the series check, in one
//! pass: all that ADIDA and IMAPA need before their searches (the block length).

#[cfg(target_arch = "x86_64")]
use super::demand_lanes;
use super::is_demand_value;

/// The number of values > 0 and the period (from 1) of the last of them, 0 without demand;
/// `None` when some value is not finite and >= 0 (the caller then checks the series for its
/// message).
pub(super) fn demands_and_last(y: &[f64]) -> Option<(usize, usize)> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 is available, checked above.
        return unsafe { demands_and_last_avx2(y) };
    }
    plain(y)
}

fn plain(y: &[f64]) -> Option<(usize, usize)> {
    let (mut count, mut last, mut ok) = (0, 0, true);
    for (i, &v) in y.iter().enumerate() {
        ok &= is_demand_value(v);
        if v > 0.0 {
            count += 1;
            last = i + 1;
        }
    }
    ok.then_some((count, last))
}

/// [`plain`] four values at a time: the demands of a quad are a bit pattern, whose count is
/// added and whose highest bit, where there is one, gives the last demand so far.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn demands_and_last_avx2(y: &[f64]) -> Option<(usize, usize)> {
    use std::arch::x86_64::*;
    let zero = _mm256_setzero_pd();
    let mut ok = _mm256_cmp_pd::<_CMP_EQ_OQ>(zero, zero);
    let (mut count, mut last) = (0usize, 0usize);
    let quads = y.chunks_exact(4);
    let rest = quads.remainder();
    for (q, quad) in quads.enumerate() {
        // SAFETY: the quad holds four values; an unaligned load.
        let v = unsafe { _mm256_loadu_pd(quad.as_ptr()) };
        ok = _mm256_and_pd(ok, demand_lanes(v));
        let pattern = _mm256_movemask_pd(_mm256_cmp_pd::<_CMP_GT_OQ>(v, zero)) as u32;
        count += pattern.count_ones() as usize;
        let highest = (u32::BITS - pattern.leading_zeros()) as usize;
        last = if pattern != 0 { 4 * q + highest } else { last };
    }
    let done = y.len() - rest.len();
    let (rest_count, rest_last) = plain(rest).filter(|_| _mm256_movemask_pd(ok) == 0b1111)?;
    Some((count + rest_count, if rest_last > 0 { done + rest_last } else { last }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counts_and_last_demands_are_the_plain_loop_s() {
        let mut s = 11u64;
        for n in [0usize, 1, 2, 3, 4, 5, 7, 8, 9, 64, 131, 500] {
            let y: Vec<f64> = (0..n)
                .map(|_| {
                    s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    if (s >> 60) < 11 { 0.0 } else { (s >> 44) as f64 / 7.0 }
                })
                .collect();
            let count = y.iter().filter(|&&v| v > 0.0).count();
            let last = y.iter().rposition(|&v| v > 0.0).map_or(0, |i| i + 1);
            assert_eq!(demands_and_last(&y), Some((count, last)), "{n}");
            assert_eq!(plain(&y), Some((count, last)), "{n}");
            // A demand at the very end, and none at all.
            let mut ended = y.clone();
            ended.push(3.0);
            assert_eq!(demands_and_last(&ended), Some((count + 1, n + 1)), "{n}");
            assert_eq!(demands_and_last(&vec![0.0; n]), Some((0, 0)), "{n}");
            for bad in [-1.0, -0.5e-300, f64::NAN, f64::INFINITY] {
                for at in [0, n / 2, n.saturating_sub(1)].into_iter().filter(|&at| at < n) {
                    let mut y = y.clone();
                    y[at] = bad;
                    assert_eq!(demands_and_last(&y), None, "{bad} at {at} of {n}");
                }
            }
        }
    }
}
