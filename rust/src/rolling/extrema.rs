//! Rolling min / max with a monotonic deque: O(n) total, O(window) memory.
//!
//! This is the ascending-minima algorithm (R. Harter, "The minimum on a sliding
//! window", 2001; also used by pandas `_roll_min_max` and bottleneck
//! `move_min`/`move_max`): the deque holds the indices of the values that can
//! still become the extremum, in window order, with values strictly improving
//! from back to front. Each index is pushed and popped at most once.

use std::collections::VecDeque;

use super::window::{usable, Window};

/// Which extremum is tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Min,
    Max,
}

/// Rolling min or max of `x`; output for positions `skip..` goes to `out`.
/// `deque` is caller-provided scratch (cleared here) so batches can reuse its allocation.
pub(crate) fn run(
    x: &[f64],
    skip: usize,
    window: Window,
    target: Target,
    out: &mut [f64],
    deque: &mut VecDeque<usize>,
) {
    debug_assert_eq!(out.len() + skip, x.len());
    match target {
        Target::Max => scan(x, skip, window, out, deque, |a, b| a >= b),
        Target::Min => scan(x, skip, window, out, deque, |a, b| a <= b),
    }
}

/// `dominates(new, old)`: `old` can never be the answer again once `new` is in the window.
#[inline(always)]
fn scan(
    x: &[f64],
    skip: usize,
    window: Window,
    out: &mut [f64],
    deque: &mut VecDeque<usize>,
    dominates: impl Fn(f64, f64) -> bool,
) {
    let w = window.size;
    let min_obs = window.min_obs();
    deque.clear();
    deque.reserve(w.min(x.len()));
    let mut nobs = 0usize;
    for (i, &v) in x.iter().enumerate() {
        if i >= w {
            let leaving = i - w;
            if usable(x[leaving]) {
                nobs -= 1;
            }
            if deque.front() == Some(&leaving) {
                deque.pop_front();
            }
        }
        if usable(v) {
            nobs += 1;
            while let Some(&back) = deque.back() {
                if dominates(v, x[back]) {
                    deque.pop_back();
                } else {
                    break;
                }
            }
            deque.push_back(i);
        }
        if i >= skip {
            // The newest usable value is always in the deque, so nobs >= 1 implies a front.
            out[i - skip] = match deque.front() {
                Some(&f) if nobs >= min_obs => x[f],
                _ => f64::NAN,
            };
        }
    }
}
