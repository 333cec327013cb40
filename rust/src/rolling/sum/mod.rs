//! Rolling sum and mean: compensated add-and-remove in O(n).
//!
//! pandas (`roll_sum` / `roll_mean` in `pandas/_libs/window/aggregations.pyx`)
//! keeps a Kahan-compensated running sum, adding the entering value and
//! subtracting the leaving one. We keep the same running-sum design but use
//! Neumaier's improvement of Kahan summation (Neumaier 1974, "Rundungsfehleranalyse
//! einiger Verfahren zur Summation endlicher Summen"), in its branch-free
//! TwoSum form (Knuth, TAOCP vol. 2, 4.2.2): every rounding error of the running
//! sum is captured exactly and accumulated in a separate compensation term, so
//! the result stays accurate even after a large value has left the window
//! (a plain running sum keeps the rounding debris of every value it ever saw).
//!
//! In the steady state (both the entering and the leaving value are finite) the
//! add and the remove are fused: `x_in - x_out` is formed exactly as a
//! TwoSum pair and added once. That halves the length of the loop-carried
//! dependency chain, which is what bounds the speed of this loop.
//!
//! Long inputs run 8 such chains side by side in AVX2 registers, each over its own
//! contiguous segment (see `lanes`; the intrinsics are in `rolling::arch`): the scalar loop is limited by the throughput of
//! its floating-point adds, not by the chain, so this is what makes it faster.
//!
//! Two pandas details are reproduced so results agree bit-for-bit in the
//! common degenerate cases:
//! * a window whose values are all equal returns exactly `v * n` (sum) or `v`
//!   (mean) - pandas GH#42064 tracks the run of consecutive equal values;
//! * a mean of only non-negative (only negative) values is never negative
//!   (positive): pandas counts values with the sign bit set.
//!
//! Non-finite values are missing, as in pandas (see `window::usable`).

mod lanes;

use super::running_sum::{State, LANES};
use super::window::{usable, Window};

/// Which of the two statistics a chain emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Sum,
    Mean,
}

impl State {
    /// The window's output as `target` asks for it (the state itself knows nothing of targets).
    #[inline(always)]
    fn emit(&self, window: Window, target: Target) -> f64 {
        match target {
            Target::Mean => self.mean_value(window.min_obs()),
            Target::Sum => self.sum_value(window.min_periods),
        }
    }
}

/// Computes the rolling sum or mean of `x`, writing the outputs
/// for positions `skip..x.len()` into `out` (`out.len() == x.len() - skip`).
/// The first `skip` positions only warm the window up (used by chunked execution).
pub(crate) fn run(x: &[f64], skip: usize, window: Window, target: Target, out: &mut [f64]) {
    debug_assert_eq!(out.len() + skip, x.len());
    if out.len() / LANES >= window.size.saturating_mul(MIN_LANE_PER_WINDOW).max(MIN_LANE) && lanes::run(x, skip, window, target, out) {
        return;
    }
    let mut st = State::new();
    let next = begin(&mut st, x, 0, skip, x.len(), skip, window, target, out);
    steps(&mut st, x, next, x.len(), skip, window, target, out);
}

/// Phase 1 of one chain: the window is still filling (nothing leaves). Adds
/// `x[a0 .. a0 + w]` (clipped at `end`), writes the outputs of positions `>= start`
/// to `out[i - skip]`, and returns the next position.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(crate) fn begin(
    st: &mut State,
    x: &[f64],
    a0: usize,
    start: usize,
    end: usize,
    skip: usize,
    window: Window,
    target: Target,
    out: &mut [f64],
) -> usize {
    let fill_end = a0.saturating_add(window.size).min(end);
    for (i, &v) in x.iter().enumerate().take(fill_end).skip(a0) {
        if usable(v) {
            st.add(v);
        }
        st.credit = st.credit.saturating_add(2);
        // Nothing leaves while the window fills: only an overflow calls for a recompute.
        let len = i + 1 - a0;
        if !(st.sum + st.comp).is_finite() && st.credit >= len {
            st.credit -= len;
            st.recompute(&x[a0..=i]);
        }
        if i >= start {
            out[i - skip] = st.emit(window, target);
        }
    }
    fill_end
}

/// Phase 2 of one chain, positions `from..to` (`from >= a0 + w` of its `begin`): one
/// value enters and one leaves per step; the output of position `i` goes to `out[i - skip]`.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(crate) fn steps(st: &mut State, x: &[f64], from: usize, to: usize, skip: usize, window: Window, target: Target, out: &mut [f64]) {
    let w = window.size;
    let mut i = from;
    while i < to {
        let end = (i + BLOCK).min(to);
        let entering = &x[i..end];
        let leaving = &x[i - w..end - w];
        if st.nobs == w && st.scale == 1.0 && all_usable(entering) && all_usable(leaving) {
            // Hot path: the window is full and nothing in this block is missing, so
            // the count cannot change and min_periods is met (min_periods <= w).
            let inv_w = 1.0 / w as f64;
            let mut k = i;
            while k < end {
                let (vin, vout) = (x[k], x[k - w]);
                st.replace(vin, vout);
                st.check(x, k, w, vin.abs().max(vout.abs()));
                k += 1;
                if st.scale != 1.0 {
                    // The window's sum overflowed: the rest goes the scaled, slow way.
                    out[k - 1 - skip] = st.emit(window, target);
                    break;
                }
                out[k - 1 - skip] = if target == Target::Mean { st.full_mean(inv_w) } else { st.full_sum() };
            }
            i = k;
            continue;
        } else {
            for k in i..end {
                let (vin, vout) = (x[k], x[k - w]);
                match (usable(vin), usable(vout)) {
                    (true, true) if st.scale == 1.0 => st.replace(vin, vout),
                    (a, b) => {
                        if b {
                            st.remove(vout);
                        }
                        if a {
                            st.add(vin);
                        }
                    }
                }
                let moved = |v: f64| if usable(v) { v.abs() } else { 0.0 };
                if st.fits_unscaled() {
                    st.pending = true;
                }
                st.check(x, k, w, moved(vin).max(moved(vout)) * st.scale);
                out[k - skip] = st.emit(window, target);
            }
        }
        i = end;
    }
}

/// Steps per block when looking for stretches without missing values.
const BLOCK: usize = 512;

/// Branch-free "every value is finite" test over a block (vectorizes).
#[inline]
fn all_usable(block: &[f64]) -> bool {
    block.iter().fold(true, |acc, v| acc & v.is_finite())
}

/// Steps per tile of the lane kernel (a multiple of 4).
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))] // only the AVX2 path tiles
pub(crate) const TILE: usize = 64;
/// The lane kernel is used when every lane gets at least this many outputs...
const MIN_LANE: usize = 1024;
/// ... and at least this many windows' worth, so the per-lane warm-up stays small.
const MIN_LANE_PER_WINDOW: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    fn rolling(x: &[f64], size: usize, target: Target) -> Vec<f64> {
        let mut out = vec![0.0; x.len()];
        run(x, 0, Window::new(size, 1).expect("valid window"), target, &mut out);
        out
    }

    /// pandas' running sum overflows to inf for `[1e308, 1.5e308]`; the mean of two values
    /// of at most 1.5e308 is representable, and is what we give. The sum is +inf.
    #[test]
    fn a_window_whose_sum_overflows_still_has_its_mean() {
        assert_eq!(rolling(&[1e308, 1.5e308], 2, Target::Mean), [1e308, 1.25e308]);
        assert_eq!(rolling(&[1e308, 1.5e308], 2, Target::Sum), [1e308, f64::INFINITY]);
        assert_eq!(rolling(&[-1e308, -1.5e308, 1.0], 2, Target::Mean), [-1e308, -1.25e308, -7.5e307 + 0.5]);
    }

    /// A long stretch of huge values (the sum overflows in every window, so the state
    /// stays scaled), then ordinary values again (back to the unscaled fast path), against
    /// a mean computed in scaled units, window by window.
    #[test]
    fn overflowing_stretches_give_the_mean_and_recover() {
        let mut s = 5u64;
        let mut u = move || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        let x: Vec<f64> = (0..20_000)
            .map(|i| match i {
                3_000..=6_999 => 1e308 * (1.0 + 0.7 * u()),
                8_000..=8_099 => f64::NAN,
                9_000..=9_999 => -1.7e308 * u(),
                _ => u() - 0.5,
            })
            .collect();
        for w in [2, 7, 50, 300] {
            let mean = rolling(&x, w, Target::Mean);
            let sum = rolling(&x, w, Target::Sum);
            for i in 0..x.len() {
                let window: Vec<f64> = x[(i + 1).saturating_sub(w)..=i].iter().copied().filter(|v| v.is_finite()).collect();
                if window.is_empty() {
                    assert!(mean[i].is_nan(), "w={w} at {i}");
                    continue;
                }
                let scaled: f64 = window.iter().map(|v| v / 1024.0).sum();
                let want = scaled / window.len() as f64 * 1024.0;
                let spread = window.iter().map(|v| v.abs() / 1024.0).sum::<f64>() / window.len() as f64 * 1024.0;
                assert!((mean[i] - want).abs() <= 1e-12 * spread, "w={w} at {i}: {} vs {want}", mean[i]);
                assert!(mean[i].is_finite(), "w={w} at {i}");
                if (scaled * 1024.0).is_infinite() {
                    assert_eq!(sum[i], scaled.signum() * f64::INFINITY, "w={w} at {i}");
                } else if i > 7_000 + w {
                    assert!((sum[i] - scaled * 1024.0).abs() <= 1e-12 * spread * window.len() as f64, "w={w} at {i}");
                }
            }
        }
    }
}
