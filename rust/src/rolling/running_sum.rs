//! The compensated running sum of one chain of the rolling sum/mean (`State`): the scalar
//! kernel (`sum`) and the SIMD steps (`arch`) both advance it, with the same floating-point
//! operations in the same order, so both hold it here rather than one importing the other.

use super::window::usable;

/// Independent chains run side by side by the lane kernel (`sum::lanes`, `arch`).
pub(crate) const LANES: usize = 8;

/// Error-free transformation `a + b = s + e` (Knuth's TwoSum; no precondition on magnitudes).
#[inline(always)]
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    let e = (a - (s - bb)) + (b - bb);
    (s, e)
}

/// Compensated running sum over the current window plus the bookkeeping pandas needs.
#[derive(Clone, Copy)]
pub(crate) struct State {
    /// Leading part of the window sum.
    pub(crate) sum: f64,
    /// Accumulated (exact) rounding errors of `sum`; the window sum is `sum + comp`.
    pub(crate) comp: f64,
    /// Number of usable values in the window.
    pub(crate) nobs: usize,
    /// Number of usable values in the window with the sign bit set.
    pub(crate) neg: usize,
    /// Length of the current run of equal usable values (pandas GH#42064).
    pub(crate) run: usize,
    /// The last usable value added.
    pub(crate) prev: f64,
    /// Recompute budget: 2 per step, a recompute of the window spends `w`
    /// (so recomputing costs at most O(n) in total, as in `variance`).
    pub(crate) credit: usize,
    /// A recompute is due but was not yet affordable.
    pub(crate) pending: bool,
    /// 1, or (a power of two) the factor every value is multiplied by before it is added,
    /// while the window's sum overflows (see `recompute`). Only the slow paths run scaled.
    pub(crate) scale: f64,
}

/// A value entering or leaving the window that is this many times larger
/// than the window sum after the step means the sum cancelled: the rounding debris of the large
/// value in `comp` may have absorbed smaller values, so the window is summed
/// afresh (pandas' results are those of the window's own values).
pub(crate) const CANCELLATION: f64 = (1u64 << 20) as f64;

impl State {
    pub(crate) fn new() -> State {
        State { sum: 0.0, comp: 0.0, nobs: 0, neg: 0, run: 0, prev: f64::NAN, credit: 0, pending: false, scale: 1.0 }
    }

    /// True when the compensated state can no longer be trusted after a step
    /// moving a value of magnitude `moved`: the sum overflowed (or is NaN from
    /// an overflow), or it cancelled while holding rounding debris.
    #[inline(always)]
    pub(crate) fn suspect(&self, moved: f64) -> bool {
        let total = self.sum + self.comp;
        !total.is_finite() || (self.comp != 0.0 && moved > CANCELLATION * total.abs())
    }

    /// Sums the window's own values afresh (keeping the recompute budget).
    /// When the running sum overflows on the way, the values are summed scaled
    /// down by a power of two (exact) and scaled back, so a window whose total
    /// is representable (`[1e308, 1e308, -1e308]`) gets it. When even the total
    /// overflows, the state stays scaled (`scale`) until the huge values have left:
    /// the sum is then +-inf, but the mean, which lies between the window's smallest
    /// and largest value, is representable and is given (pandas' running sum gives inf).
    pub(super) fn recompute(&mut self, window: &[f64]) {
        let (credit, pending) = (self.credit, self.pending);
        *self = State::new();
        for &v in window.iter().filter(|v| usable(**v)) {
            self.add(v);
        }
        if !(self.sum + self.comp).is_finite() {
            // 2^bits > 2 * window.len(): the scaled sum of any window of this length fits.
            let bits = usize::BITS - window.len().leading_zeros() + 1;
            let down = 0.5f64.powi(bits as i32);
            let (mut sum, mut comp) = (0.0, 0.0);
            for &v in window.iter().filter(|v| usable(**v)) {
                let (s, e) = two_sum(sum, v * down);
                sum = s;
                comp += e;
            }
            let up = 2f64.powi(bits as i32);
            if (sum * up + comp * up).is_finite() {
                self.sum = sum * up;
                self.comp = comp * up;
            } else {
                (self.sum, self.comp, self.scale) = (sum, comp, down);
            }
        }
        self.credit = credit;
        self.pending = pending;
    }

    /// Book-keeping after the step that made `x[i]` the newest value of a
    /// window of `w`, `moved` the largest magnitude that entered or left (times
    /// `scale`): earns credit and recomputes the window when it is suspect and affordable.
    #[inline(always)]
    pub(super) fn check(&mut self, x: &[f64], i: usize, w: usize, moved: f64) {
        self.credit = self.credit.saturating_add(2);
        if self.pending || self.suspect(moved) {
            if self.credit >= w {
                self.credit -= w;
                self.pending = false;
                self.recompute(&x[i + 1 - w..=i]);
            } else {
                self.pending = true;
            }
        }
    }

    #[inline(always)]
    fn note_added(&mut self, v: f64) {
        // Counting the run of equal values lets a constant window return its exact value.
        self.run = if v == self.prev { self.run + 1 } else { 1 };
        self.prev = v;
    }

    #[inline(always)]
    pub(super) fn add(&mut self, v: f64) {
        let (s, e) = two_sum(self.sum, v * self.scale);
        self.sum = s;
        self.comp += e;
        self.nobs += 1;
        self.neg += v.is_sign_negative() as usize;
        self.note_added(v);
    }

    #[inline(always)]
    pub(super) fn remove(&mut self, v: f64) {
        self.nobs -= 1;
        self.neg -= v.is_sign_negative() as usize;
        if self.nobs == 0 {
            // An empty window has an exactly zero sum: drop all rounding debris.
            self.sum = 0.0;
            self.comp = 0.0;
        } else {
            let (s, e) = two_sum(self.sum, -v * self.scale);
            self.sum = s;
            self.comp += e;
        }
    }

    /// While scaled: true once the window's sum fits again without scaling (the huge
    /// values have left), so that a recompute can return to the fast paths.
    #[inline]
    pub(super) fn fits_unscaled(&self) -> bool {
        self.scale != 1.0 && ((self.sum + self.comp) / self.scale).abs() < f64::MAX / 4.0
    }

    /// Steady state: replace `out_v` by `in_v` (both usable) with one compensated add.
    /// Unscaled states only (`scale == 1`).
    #[inline(always)]
    pub(crate) fn replace(&mut self, in_v: f64, out_v: f64) {
        let (dh, dl) = two_sum(in_v, -out_v);
        let (s, e) = two_sum(self.sum, dh);
        self.sum = s;
        self.comp += e + dl;
        // Wrapping like the AVX2 lanes' integer adds (the count itself never goes below 0).
        self.neg = self.neg.wrapping_add(in_v.is_sign_negative() as usize).wrapping_sub(out_v.is_sign_negative() as usize);
        self.note_added(in_v);
    }

    #[inline(always)]
    pub(super) fn sum_value(&self, min_periods: usize) -> f64 {
        if self.nobs < min_periods {
            f64::NAN
        } else if self.nobs == 0 {
            // pandas: an empty window with min_periods == 0 sums to 0.
            0.0
        } else if self.run >= self.nobs {
            self.prev * self.nobs as f64
        } else {
            // Dividing by the power of two `scale` is exact (and the identity when unscaled).
            (self.sum + self.comp) / self.scale
        }
    }

    /// `sum_value` for a full window without missing values, unscaled.
    #[inline(always)]
    pub(crate) fn full_sum(&self) -> f64 {
        if self.run >= self.nobs {
            self.prev * self.nobs as f64
        } else {
            self.sum + self.comp
        }
    }

    /// `mean_value` for a full window without missing values, unscaled; `inv_n = 1 / nobs`.
    /// Multiplying by the reciprocal differs from pandas' division by at most an ulp.
    #[inline(always)]
    pub(crate) fn full_mean(&self, inv_n: f64) -> f64 {
        if self.run >= self.nobs {
            return self.prev;
        }
        let m = (self.sum + self.comp) * inv_n;
        if self.neg == 0 && m < 0.0 || self.neg == self.nobs && m > 0.0 {
            0.0
        } else {
            m
        }
    }

    #[inline(always)]
    pub(super) fn mean_value(&self, min_obs: usize) -> f64 {
        if self.nobs < min_obs {
            return f64::NAN;
        }
        if self.run >= self.nobs {
            return self.prev;
        }
        // Dividing by the power of two `scale` is exact (and the identity when unscaled).
        let m = (self.sum + self.comp) / self.nobs as f64 / self.scale;
        // Same sign guard as pandas `calc_mean`.
        if self.neg == 0 && m < 0.0 || self.neg == self.nobs && m > 0.0 {
            0.0
        } else {
            m
        }
    }
}
