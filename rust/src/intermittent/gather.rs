//! The demands of a series (its values > 0, for a series without negative values) and their
//! intervals, gathered a block at a time on the stack without branching on the data: whether
//! a period has demand is as good as random, so a branch would be mispredicted half the time.
//! With AVX2 four values at a time: the demands among them are moved to the front of a
//! vector (a table gives the order for each pattern of four) and stored at the next free place.

use std::mem::MaybeUninit;

#[cfg(target_arch = "x86_64")]
use super::demand_lanes;
use super::is_demand_value;

/// The values gathered at a time.
const BLOCK: usize = 128;

/// Room after a block for the four values a vector store writes from the last free place.
const ROOM: usize = BLOCK + 4;

/// Calls `f(values, sizes, intervals)` for consecutive blocks of `y`, in order: the demands of
/// the block's values and the number of periods since the demand before each (the first
/// counted from the start of the series). Returns whether every value is finite and >= 0 (the
/// series check, done on the way; where it fails, what `f` was given means nothing).
pub(super) fn demand_blocks(y: &[f64], mut f: impl FnMut(&[f64], &[f64], &[f64])) -> bool {
    let (mut sizes, mut at, mut gaps) = ([0.0; ROOM], [0.0; ROOM], [0.0; BLOCK]);
    #[cfg(target_arch = "x86_64")]
    let avx2 = std::arch::is_x86_feature_detected!("avx2");
    // The period (from 1) of the last demand so far, 0 before the first. Periods are whole
    // numbers far below 2^53, so every sum and difference here is exact.
    let (mut last, mut ok) = (0.0, true);
    for (b, block) in y.chunks(BLOCK).enumerate() {
        let start = (b * BLOCK) as i64 as f64;
        #[cfg(target_arch = "x86_64")]
        // SAFETY: AVX2 is available, checked above; `sizes` and `at` have room for a block and
        // four values more.
        let (k, good) = if avx2 { unsafe { pack_avx2(block, start, sizes.as_mut_ptr(), at.as_mut_ptr()) } } else { pack(block, start, &mut sizes, &mut at) };
        #[cfg(not(target_arch = "x86_64"))]
        let (k, good) = pack(block, start, &mut sizes, &mut at);
        ok &= good;
        if k > 0 {
            gaps[0] = at[0] - last;
            for j in 1..k {
                gaps[j] = at[j] - at[j - 1];
            }
            last = at[k - 1];
        }
        f(block, &sizes[..k], &gaps[..k]);
    }
    ok
}

/// Packs the demands of `block` (whose first value is period `start + 1`) and their periods to
/// the front of `sizes` and `at`; returns how many there are and whether every value is finite
/// and >= 0.
fn pack(block: &[f64], start: f64, sizes: &mut [f64; ROOM], at: &mut [f64; ROOM]) -> (usize, bool) {
    let (mut k, mut ok) = (0, true);
    for (j, &v) in block.iter().enumerate() {
        // Written at the next free place always, kept only when v is a demand (k <= j < BLOCK).
        sizes[k % BLOCK] = v;
        at[k % BLOCK] = start + (j as i64 + 1) as f64;
        ok &= is_demand_value(v);
        k += usize::from(v > 0.0);
    }
    (k, ok)
}

/// For each pattern of demands among four values (bit l for value l), the 32-bit lanes that
/// move those values to the front of a vector, in order.
const ORDER: [[i32; 8]; 16] = order_table();

const fn order_table() -> [[i32; 8]; 16] {
    let mut table = [[0; 8]; 16];
    let mut pattern = 0;
    while pattern < 16 {
        let (mut to, mut from) = (0, 0);
        while from < 4 {
            if (pattern >> from) & 1 == 1 {
                table[pattern][2 * to] = 2 * from as i32;
                table[pattern][2 * to + 1] = 2 * from as i32 + 1;
                to += 1;
            }
            from += 1;
        }
        pattern += 1;
    }
    table
}

/// [`pack`] with AVX2, into `sizes` and `at`, which must have room for `block.len() + 4` values.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn pack_avx2(block: &[f64], start: f64, sizes: *mut f64, at: *mut f64) -> (usize, bool) {
    use std::arch::x86_64::*;
    let zero = _mm256_setzero_pd();
    let mut ok = _mm256_cmp_pd::<_CMP_EQ_OQ>(zero, zero);
    let four = _mm256_set1_pd(4.0);
    let mut period = _mm256_add_pd(_mm256_set1_pd(start), _mm256_setr_pd(1.0, 2.0, 3.0, 4.0));
    let move_to_front = |v: __m256d, order: __m256i| _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(v), order));
    let mut k = 0;
    let quads = block.chunks_exact(4);
    let rest = quads.remainder();
    for quad in quads {
        // SAFETY: the quad holds four values; the table rows hold eight lanes; k is at most
        // the values before the quad, so the four stored values fit in the room promised.
        unsafe {
            let v = _mm256_loadu_pd(quad.as_ptr());
            ok = _mm256_and_pd(ok, demand_lanes(v));
            let pattern = _mm256_movemask_pd(_mm256_cmp_pd::<_CMP_GT_OQ>(v, zero)) as usize;
            let order = _mm256_loadu_si256(ORDER[pattern].as_ptr().cast());
            _mm256_storeu_pd(sizes.add(k), move_to_front(v, order));
            _mm256_storeu_pd(at.add(k), move_to_front(period, order));
            k += pattern.count_ones() as usize;
        }
        period = _mm256_add_pd(period, four);
    }
    let base = start + (block.len() - rest.len()) as i64 as f64;
    let mut rest_ok = true;
    for (j, &v) in rest.iter().enumerate() {
        // SAFETY: k is at most the values before this one, within the room promised.
        unsafe {
            sizes.add(k).write(v);
            at.add(k).write(base + (j as i64 + 1) as f64);
        }
        rest_ok &= is_demand_value(v);
        k += usize::from(v > 0.0);
    }
    (k, _mm256_movemask_pd(ok) == 0b1111 && rest_ok)
}

/// The demands of `y` and their intervals (as [`demand_blocks`] gives them) into `sizes` and
/// `gaps`, whatever they held (their room is kept, so a caller that gathers series after
/// series allocates once); whether every value is finite and >= 0. With AVX2 packed straight
/// into the vectors over the whole series (its periods, whole numbers below 2^53, are exact
/// either way), then each period turned into the interval from the one before.
pub(super) fn demands_into(y: &[f64], sizes: &mut Vec<f64>, gaps: &mut Vec<f64>) -> bool {
    sizes.clear();
    gaps.clear();
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        sizes.reserve(y.len() + 4);
        gaps.reserve(y.len() + 4);
        // SAFETY: AVX2 is available, checked above; both vectors have the room it needs, and
        // the first k values of each are written.
        let (k, ok) = unsafe {
            let (k, ok) = pack_avx2(y, 0.0, sizes.as_mut_ptr(), gaps.as_mut_ptr());
            sizes.set_len(k);
            gaps.set_len(k);
            (k, ok)
        };
        let mut last = 0.0;
        for gap in &mut gaps[..k] {
            (*gap, last) = (*gap - last, *gap);
        }
        return ok;
    }
    demand_blocks(y, |_, s, g| {
        sizes.extend_from_slice(s);
        gaps.extend_from_slice(g);
    })
}

/// Packs the demands of `y` to the front of `sizes` (room for `y.len() + 4` values: a vector
/// store writes four from the last free place); returns how many there are and whether every
/// value is finite and >= 0 (the series check, which it does on the way).
pub(super) fn pack_checked(y: &[f64], sizes: &mut [MaybeUninit<f64>]) -> (usize, bool) {
    assert!(sizes.len() >= y.len() + 4);
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 is available, checked above; `sizes` has the room, checked above.
        return unsafe { pack_checked_avx2(y, sizes) };
    }
    let (mut k, mut ok) = (0, true);
    for &v in y {
        sizes[k].write(v);
        ok &= is_demand_value(v);
        k += usize::from(v > 0.0);
    }
    (k, ok)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn pack_checked_avx2(y: &[f64], sizes: &mut [MaybeUninit<f64>]) -> (usize, bool) {
    use std::arch::x86_64::*;
    let zero = _mm256_setzero_pd();
    let move_to_front = |v: __m256d, order: __m256i| _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(v), order));
    let mut ok = _mm256_cmp_pd::<_CMP_EQ_OQ>(zero, zero);
    let mut k = 0;
    let quads = y.chunks_exact(4);
    let rest = quads.remainder();
    let out = sizes.as_mut_ptr().cast::<f64>();
    for quad in quads {
        // SAFETY: the quad holds four values; k is at most the values seen, so the four stored
        // values end within y.len() + 4 places, which `sizes` has.
        unsafe {
            let v = _mm256_loadu_pd(quad.as_ptr());
            ok = _mm256_and_pd(ok, demand_lanes(v));
            let pattern = _mm256_movemask_pd(_mm256_cmp_pd::<_CMP_GT_OQ>(v, zero)) as usize;
            let order = _mm256_loadu_si256(ORDER[pattern].as_ptr().cast());
            _mm256_storeu_pd(out.add(k), move_to_front(v, order));
            k += pattern.count_ones() as usize;
        }
    }
    let mut rest_ok = true;
    for &v in rest {
        sizes[k].write(v);
        rest_ok &= is_demand_value(v);
        k += usize::from(v > 0.0);
    }
    (k, _mm256_movemask_pd(ok) == 0b1111 && rest_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blocks_hold_every_demand_and_interval_in_order() {
        let mut s = 7u64;
        for n in [0usize, 1, 3, 4, 5, 127, 128, 129, 300, 517] {
            let y: Vec<f64> = (0..n)
                .map(|_| {
                    s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    if (s >> 60) < 9 { 0.0 } else { (s >> 40) as f64 / 1e3 }
                })
                .collect();
            let (mut sizes, mut gaps, mut seen) = (vec![], vec![], 0);
            let ok = demand_blocks(&y, |values, s, g| {
                seen += values.len();
                sizes.extend_from_slice(s);
                gaps.extend_from_slice(g);
            });
            assert!(ok, "{n}");
            let at: Vec<usize> = (0..n).filter(|&i| y[i] > 0.0).collect();
            assert_eq!(seen, n);
            assert_eq!(sizes, at.iter().map(|&i| y[i]).collect::<Vec<_>>(), "{n}");
            assert_eq!(gaps, at.iter().enumerate().map(|(k, &i)| (i + 1 - if k == 0 { 0 } else { at[k - 1] + 1 }) as f64).collect::<Vec<_>>(), "{n}");
            let (mut fresh_sizes, mut fresh_gaps) = (Vec::new(), Vec::new());
            assert!(demands_into(&y, &mut fresh_sizes, &mut fresh_gaps), "{n}");
            assert_eq!((&fresh_sizes, &fresh_gaps), (&sizes, &gaps), "{n}");
            // Buffers that held another series' demands are refilled, not appended to.
            let (mut reused_sizes, mut reused_gaps) = (vec![7.0; 9], vec![1.0; 600]);
            assert!(demands_into(&y, &mut reused_sizes, &mut reused_gaps));
            assert_eq!((&reused_sizes, &reused_gaps), (&sizes, &gaps), "{n}");
            let mut none = vec![];
            let (mut s2, mut g2) = ([0.0; ROOM], [0.0; ROOM]);
            for (b, block) in y.chunks(BLOCK).enumerate() {
                let (k, _) = pack(block, (b * BLOCK) as f64, &mut s2, &mut g2);
                none.extend_from_slice(&s2[..k]);
            }
            assert_eq!(none, sizes, "{n}");
            let mut packed = vec![MaybeUninit::uninit(); n + 4];
            let (k, ok) = pack_checked(&y, &mut packed);
            assert!(ok);
            assert_eq!(packed[..k].iter().map(|v| unsafe { v.assume_init() }).collect::<Vec<_>>(), sizes, "{n}");
            for bad in [-1.0, f64::NAN, f64::INFINITY] {
                for at in [0, n / 2, n.saturating_sub(1)].into_iter().filter(|&at| at < n) {
                    let mut y = y.clone();
                    y[at] = bad;
                    assert!(!pack_checked(&y, &mut packed).1, "{bad} at {at} of {n}");
                    assert!(!demand_blocks(&y, |_, _, _| {}), "{bad} at {at} of {n}");
                    assert!(!demands_into(&y, &mut Vec::new(), &mut Vec::new()), "{bad} at {at} of {n}");
                }
            }
        }
    }
}
