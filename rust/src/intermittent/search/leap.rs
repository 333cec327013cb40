//! A leap along the left path: one pass that evaluates a few more points of the chain, the
//! last steps of the path and the alpha at its end, and a proof (`proof`) that every
//! comparison in between comes out to the left, so that those points are never evaluated.
//!
//! A search that ends at the lower bound makes 55 comparisons, 54 exact evaluations in 4
//! passes of 16 lanes. Far from the end of the path, the two values compared differ by much
//! more than their rounding (the points are 1e-5 to 1e-11 apart, the values' rounding about
//! 1e-13 of their size), and once the bracket is narrow the derivative of the sum of squares
//! hardly moves over it: two exact values and the series' range bound it from below. Where the
//! proof holds, the leap's pass ends the search (2 passes in all, with the first); where it
//! fails, its first points continue the chain and the search goes on as before (one more
//! leap at most, where later values prove it). The last steps are evaluated, not proven:
//! there the values differ by little more than their rounding. The walk of the evaluated
//! steps is the plain search's, so the alpha is the same to the bit either way.

use super::super::golden::Bracket;
use super::super::lanes::Lanes;
use super::super::proof::{least_gap, Known, Spread};
use super::{Chain, Search};

/// The last exact point before the proof is at least this far along the path: the proof's
/// interval [lower, p1] is then at most 1e-5 wide (8.2e-6 over [0.1, 0.3]), where the
/// derivative's crude bound holds it (on the benchmark's series; measured in its test).
const FIRST_EXACT: usize = 20;

/// The last steps are evaluated, at least this many: their comparisons differ by less than
/// 1e-11 of the point, too close to the rounding for the proof.
const LATE: usize = 7;

/// A planned leap: `chain` continues the chain first (possibly no lane), then the points of
/// the path from `late` on (but the last), then the alpha at the path's end; `proven` when
/// the plan already proved the steps between (from values it knew).
#[derive(Debug, Clone, Copy)]
pub(super) struct Leap {
    chain: Chain,
    late: usize,
    proven: bool,
}

impl<const L: usize> Search<L> {
    /// The next pass along the left path from step `first`, over `x`: a leap where it saves a
    /// pass (until two leaps failed), else the chain. A leap whose proof holds on the values already
    /// known evaluates no more of the chain; otherwise, where the lanes allow, it evaluates
    /// the chain to step `FIRST_EXACT` and tries the proof from there.
    pub(super) fn plan_along(&mut self, first: usize, path: &'static [Bracket], lanes: &mut [f64; L], x: &[f64]) {
        if self.leapt >= 2 {
            return self.plan_chain(first, path, lanes, 0);
        }
        let now = leap_shape(first, path.len(), L, first - 1).filter(|&(_, late)| self.proven(first - 1, late, path, x));
        let shape = now.or_else(|| leap_shape(first, path.len(), L, FIRST_EXACT).filter(|&(length, _)| length > 0));
        match shape {
            Some((length, late)) => {
                for (lane, b) in lanes.iter_mut().zip(&path[first..first + length]) {
                    *lane = b.c;
                }
                let last = path.len() - 1;
                for (lane, b) in lanes[length..].iter_mut().zip(&path[late..last]) {
                    *lane = b.c;
                }
                lanes[length + last - late] = (path[last].b + path[last].a) / 2.0;
                self.leap = Some(Leap { chain: Chain { first, length, end: false, offset: 0 }, late, proven: now.is_some() });
            }
            None => self.plan_chain(first, path, lanes, 0),
        }
    }

    /// Walks a leap's pass: its chain, then, where the proof holds, the path's last steps.
    pub(super) fn absorb_leap(&mut self, Leap { chain, late, proven }: Leap, values: &Lanes<L>, x: &[f64]) {
        self.leapt += 1;
        let path = self.path.expect("a leap is planned along the left path");
        if chain.length > 0 {
            self.absorb_chain(chain, values);
            if !std::mem::take(&mut self.chained) {
                return;
            }
        }
        // On the path at step `from`, its comparison to the left (by the walk or the plan).
        let from = self.straight.expect("a leap is planned along the left path");
        if !proven && !self.proven(from, late, path, x) {
            self.chained = true;
            return;
        }
        let (last, offset) = (path.len() - 1, chain.length);
        let mut s = Bracket { fc: values.sse[offset], fd: f64::NAN, ..path[late] };
        (self.fb, self.spare) = (f64::NAN, (f64::NAN, f64::NAN));
        for (j, next) in path.iter().enumerate().take(last + 1).skip(late + 1) {
            // The step to the left that `absorb_chain` takes; the last point is not evaluated
            // (its value is never compared).
            self.spare = (s.b, self.fb);
            self.fb = s.fd;
            let fc = if j < last { values.sse[offset + j - late] } else { f64::NAN };
            s = Bracket { fc, fd: s.fc, ..*next };
            self.straight = Some(j);
            if j == last {
                debug_assert!(s.narrow_enough());
                (self.s, self.done, self.level) = (s, true, Some(values.level[offset + last - late]));
                return;
            }
            if Self::stops(&s) {
                (self.s, self.done) = (s, true);
                return;
            }
            if s.choice() != Some(true) {
                self.s = s;
                return;
            }
        }
        unreachable!("the path ends narrow enough");
    }

    /// Whether every comparison of the path's states after `from` up to `late` is proven to
    /// go left, from the exact values at the state `from` (its c and d), where the search is.
    fn proven(&mut self, from: usize, late: usize, path: &[Bracket], x: &[f64]) -> bool {
        let s = self.s;
        debug_assert_eq!((s.c.to_bits(), s.d.to_bits()), (path[from].c.to_bits(), path[from].d.to_bits()));
        let known = Known { lower: path[0].a, p1: s.d, f1: s.fd, p2: s.c, f2: s.fc };
        let Some(gap) = least_gap(|| *self.spread.get_or_insert_with(|| Spread::of(x)), &known) else { return false };
        // Along the path a is the lower bound and d the previous state's c, so every point is
        // in [lower, p2]; the last state proven is not the path's end.
        late + 1 < path.len() && least_width(path, from + 1, late) >= gap
    }
}

/// The least d - c of the brackets `path[first..=last]` (NaN if one is): the last one's, where
/// the widths only shrink along the path (checked once), else found by a scan.
fn least_width(path: &[Bracket], first: usize, last: usize) -> f64 {
    static SHRINKING: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let width = |b: &Bracket| b.d - b.c;
    // Every path here is the one static left path, so one check holds for all.
    debug_assert!(super::left_path(path[0].a, path[0].b).is_some_and(|left| std::ptr::eq(left, path)));
    if *SHRINKING.get_or_init(|| path.windows(2).all(|w| width(&w[1]) <= width(&w[0]))) {
        return width(&path[last]);
    }
    path[first..=last].iter().map(width).fold(f64::INFINITY, |least, w| if w < least || w.is_nan() { w } else { least })
}

/// The shape of a leap from step `first` on a path of `steps` brackets with `lanes` lanes, its
/// chain evaluated up to step `exact` at least: how many chain points first and the first of
/// the late steps; `None` where a leap saves no pass or leaves too few lanes for the late steps.
fn leap_shape(first: usize, steps: usize, lanes: usize, exact: usize) -> Option<(usize, usize)> {
    let last = steps - 1;
    // The chain alone ends the search in this pass (its points to the end, and the end's alpha).
    if first == 0 || first + lanes > steps {
        return None;
    }
    let exact = exact.max(first - 1);
    let length = exact + 1 - first;
    let late_lanes = lanes.checked_sub(length + 1)?;
    if late_lanes < LATE || last - late_lanes <= exact + 1 {
        return None;
    }
    Some((length, last - late_lanes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn leaps_take_the_late_steps_and_leave_some_to_prove() {
        // The path over [0.1, 0.3] has 56 brackets; single searches leap on their second pass
        // (chain from step 14), paired ones on their third (chain from 14) or fourth (from 22).
        use super::{leap_shape, FIRST_EXACT};
        assert_eq!(leap_shape(14, 56, 16, FIRST_EXACT), Some((7, 47)));
        assert_eq!(leap_shape(14, 56, 16, 13), Some((0, 40)));
        assert_eq!(leap_shape(22, 56, 8, FIRST_EXACT), Some((0, 48)));
        assert_eq!(leap_shape(14, 56, 8, 13), Some((0, 48)));
        assert_eq!(leap_shape(6, 56, 8, FIRST_EXACT), None);
        assert_eq!(leap_shape(14, 56, 8, FIRST_EXACT), None);
        assert_eq!(leap_shape(41, 56, 16, 40), None);
    }
}
