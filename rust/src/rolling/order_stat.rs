//! Rolling median and quantile in O(n log w) with two heaps and lazy deletion.
//!
//! The window's usable values are split into `low` (a max-heap holding the
//! `k + 1` smallest) and `high` (a min-heap holding the rest), where `k` is the
//! 0-based rank pandas interpolates from. The answer then sits on the heap tops.
//! This is the double-heap design of bottleneck's `move_median` (Keith Goodman,
//! after the two-heap running median of Hardle & Steiger 1995), with lazy deletion:
//! values are keyed by `(value, position)`, a total order, so a value that leaves
//! the window is recognised by its position alone and is only physically popped
//! when it reaches a heap top. Which heap a leaving value belongs to follows from
//! comparing its key with the top of `low`. When dead entries make up more than
//! half of a heap it is compacted, which keeps memory O(w) and the amortized cost
//! O(log w) per step.
//!
//! Interpolation matches pandas `roll_quantile` (linear) and `roll_median_c`:
//! `idx = q * (nobs - 1)`, `lo = floor(idx)`; result `v[lo]` if `idx` is integral,
//! else `v[lo] + (v[lo+1] - v[lo]) * (idx - lo)`; the median of an even count is
//! `(v[lo] + v[lo+1]) / 2`.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::window::{usable, Window};

/// A window value with its position; ordered by value, then position (a total order).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    v: f64,
    i: usize,
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        // Only finite values enter the heaps, where total_cmp is the usual order
        // (apart from -0.0 < +0.0, which is harmless: equal values, either order).
        self.v.total_cmp(&other.v).then(self.i.cmp(&other.i))
    }
}

/// Reusable heap storage (kept across the series of a batch).
#[derive(Default)]
pub(crate) struct Heaps {
    low: BinaryHeap<Key>,
    high: BinaryHeap<Reverse<Key>>,
    /// The window's values as they were read, in a ring of `w` slots.
    seen: Vec<f64>,
}

/// What to read off the heaps.
#[derive(Clone, Copy)]
pub(crate) enum Target {
    Median,
    Quantile(f64),
}

struct Sides<'a> {
    low: &'a mut BinaryHeap<Key>,
    high: &'a mut BinaryHeap<Reverse<Key>>,
    /// Live (in-window) entries in each heap.
    low_live: usize,
    high_live: usize,
}

impl Sides<'_> {
    /// Pops dead entries (position < `start`) off the top of `low`, returns the live top.
    #[inline]
    fn low_top(&mut self, start: usize) -> Option<Key> {
        while let Some(&top) = self.low.peek() {
            if top.i >= start {
                return Some(top);
            }
            self.low.pop();
        }
        None
    }

    #[inline]
    fn high_top(&mut self, start: usize) -> Option<Key> {
        while let Some(&Reverse(top)) = self.high.peek() {
            if top.i >= start {
                return Some(top);
            }
            self.high.pop();
        }
        None
    }

    /// Removes dead entries once they outnumber the live ones, keeping memory O(w).
    #[inline]
    fn compact(&mut self, start: usize) {
        if self.low.len() > 2 * self.low_live + 32 {
            self.low.retain(|k| k.i >= start);
        }
        if self.high.len() > 2 * self.high_live + 32 {
            self.high.retain(|Reverse(k)| k.i >= start);
        }
    }
}

/// Rolling median / quantile of `x`; output for positions `skip..` goes to `out`.
pub(crate) fn run(x: &[f64], skip: usize, window: Window, target: Target, out: &mut [f64], heaps: &mut Heaps) {
    debug_assert_eq!(out.len() + skip, x.len());
    run_reading(|i| x[i], x.len(), skip, window, target, out, heaps);
}

/// [`run`] over `n` values read through `read`, each index exactly once. The
/// value that leaves the window is the one read when it entered (kept in
/// `heaps.seen`), never a second read of the input: the input of a JNI call
/// may be written by another Java thread during the call, and a second read
/// that disagreed with the first would break the heaps' counts (a panic
/// before this was made so). Such a race gives unspecified numbers, never a
/// panic.
pub(crate) fn run_reading(
    mut read: impl FnMut(usize) -> f64,
    n: usize,
    skip: usize,
    window: Window,
    target: Target,
    out: &mut [f64],
    heaps: &mut Heaps,
) {
    let w = window.size;
    let min_obs = window.min_obs();
    heaps.low.clear();
    heaps.high.clear();
    let cap = w.min(n) / 2 + 1;
    heaps.low.reserve(cap);
    heaps.high.reserve(cap);
    heaps.seen.clear();
    heaps.seen.resize(w.min(n), f64::NAN);
    let seen = &mut heaps.seen;
    let mut s = Sides { low: &mut heaps.low, high: &mut heaps.high, low_live: 0, high_live: 0 };

    for i in 0..n {
        let v = read(i);
        if i >= w {
            let j = i - w;
            let old = seen[j % w];
            if usable(old) {
                // Entries older than j are already dead; after popping them the top
                // of `low` is live or is j itself, and j is in `low` iff key <= top.
                let key = Key { v: old, i: j };
                match s.low_top(j) {
                    Some(top) if s.low_live > 0 && key <= top => s.low_live -= 1,
                    _ => s.high_live -= 1,
                }
            }
        }
        if let Some(slot) = seen.get_mut(i % w) {
            *slot = v;
        }
        let start = (i + 1).saturating_sub(w);
        if usable(v) {
            let key = Key { v, i };
            match s.low_top(start) {
                Some(top) if key <= top => {
                    s.low.push(key);
                    s.low_live += 1;
                }
                _ => {
                    s.high.push(Reverse(key));
                    s.high_live += 1;
                }
            }
        }
        let nobs = s.low_live + s.high_live;
        let value = if nobs == 0 || nobs < min_obs {
            f64::NAN
        } else {
            // Rank of the lower interpolation point, exactly as pandas computes it.
            let (lo_rank, frac) = match target {
                Target::Median => ((nobs - 1) / 2, if nobs.is_multiple_of(2) { 0.5 } else { 0.0 }),
                Target::Quantile(q) => {
                    let idx = q * (nobs - 1) as f64;
                    let lo = idx as usize; // floor: idx >= 0
                    (lo.min(nobs - 1), idx - lo as f64)
                }
            };
            // Rebalance so that `low` holds exactly lo_rank + 1 live entries.
            while s.low_live > lo_rank + 1 {
                let top = s.low_top(start).expect("low_live > 0 implies a live top");
                s.low.pop();
                s.high.push(Reverse(top));
                s.low_live -= 1;
                s.high_live += 1;
            }
            while s.low_live < lo_rank + 1 {
                let top = s.high_top(start).expect("nobs > lo_rank implies a live entry in high");
                s.high.pop();
                s.low.push(top);
                s.high_live -= 1;
                s.low_live += 1;
            }
            let vlow = s.low_top(start).expect("low holds lo_rank + 1 >= 1 live entries").v;
            if frac == 0.0 {
                vlow
            } else {
                let vhigh = s.high_top(start).expect("a fractional rank is below nobs - 1").v;
                match target {
                    Target::Median => (vlow + vhigh) / 2.0,
                    Target::Quantile(_) => vlow + (vhigh - vlow) * frac,
                }
            }
        };
        s.compact(start);
        if i >= skip {
            out[i - skip] = value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An input written by another thread during the call: here every value
    /// reads as NaN the first time and as a number afterwards. Reading the
    /// leaving value again (as the kernel once did) took a value out of a heap
    /// it was never in and panicked; each index is now read exactly once and
    /// the result is that of the values as read.
    #[test]
    fn input_changing_under_the_kernel_does_not_panic() {
        let n = 200;
        let window = Window::new(5, 1).expect("window");
        for target in [Target::Median, Target::Quantile(0.3)] {
            let mut reads = vec![0usize; n];
            let mut out = vec![0.0; n];
            let read = |i: usize| {
                reads[i] += 1;
                if reads[i] == 1 && i % 3 == 0 {
                    f64::NAN
                } else {
                    (i % 7) as f64
                }
            };
            run_reading(read, n, 0, window, target, &mut out, &mut Heaps::default());
            assert!(reads.iter().all(|&r| r == 1), "every value read once");
            let as_read: Vec<f64> = (0..n).map(|i| if i % 3 == 0 { f64::NAN } else { (i % 7) as f64 }).collect();
            let mut want = vec![0.0; n];
            run(&as_read, 0, window, target, &mut want, &mut Heaps::default());
            for (a, b) in out.iter().zip(&want) {
                assert!(a == b || (a.is_nan() && b.is_nan()), "{a} vs {b}");
            }
        }
    }
}
