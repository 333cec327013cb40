//! One golden-section search whose passes over the series evaluate a planned tree of its next
//! points, one lane each (see `golden`).
//!
//! Both branches of a step follow from the bracket alone, so a pass could evaluate the whole
//! tree of the next four steps (15 points for 4 steps). Most steps' branches can be foreseen,
//! though: far from the minimum the sums of squares differ by much more than their rounding,
//! and a minimum at a bound (common in [0.1, 0.3]) makes every step go the same way. So the
//! plan follows a quadratic through three values already known: where its two values differ
//! by more than half what it missed a fourth known value by, the plan takes only the foreseen
//! branch, elsewhere both, until the lanes are used. The walk then takes exactly the plain search's
//! branches with the exact values, as far as the plan reaches: a wrong guess costs time,
//! never a bit of the result.
//!
//! Most searches over [0.1, 0.3] go left at every step, and all of those share one path of
//! brackets. While a search is on it and the quadratic rises over its bracket, a pass is a
//! chain of that path's next points (no division to plan, no tree to walk); the first pass,
//! before any value is known, is that chain beside the one step to the right.
//!
//! Further along that path, a pass can leap (`leap`): a proof from two exact values shows
//! that the comparisons of the middle of the path go left, and the pass evaluates only the
//! path's last steps, where the values differ by little more than their rounding.

use super::golden::Bracket;
use super::guess::Quadratic;
use super::lanes::Lanes;

mod leap;

/// No node: a branch the plan did not take.
const NONE: u8 = u8::MAX;

/// A planned step: the bracket after it, the nodes of its two branches (left, right) and,
/// when the search ends there, the lane at the alpha it then gives.
#[derive(Debug, Clone, Copy)]
struct Node {
    b: Bracket,
    children: [u8; 2],
    end: u8,
}

/// A plan that is a chain along the left path: the steps of its first node from the bounds,
/// its length, whether a lane after it runs SES at the search's end, and its first lane.
#[derive(Debug, Clone, Copy)]
struct Chain {
    first: usize,
    length: usize,
    end: bool,
    offset: usize,
}

/// One search with `L` lanes per pass.
pub(super) struct Search<const L: usize> {
    s: Bracket,
    /// The planned steps, node i evaluated by lane i.
    nodes: [Node; L],
    /// The nodes of the first steps from `s`.
    root: [u8; 2],
    /// Before the first pass: c and d themselves are still to be evaluated (lanes 0 and 1).
    fresh: bool,
    done: bool,
    /// The exact values at the bracket's ends (NaN at a bound never evaluated) and the end
    /// the last step dropped, with its value: what the plan's quadratic is fitted to.
    fa: f64,
    fb: f64,
    spare: (f64, f64),
    /// When the search ended on a planned end: the level of SES at the alpha found after all
    /// values but the last (one step from its forecast, which then needs no pass of its own).
    level: Option<f64>,
    /// The brackets after 0, 1, 2, ... steps to the left from the bounds, when the bounds are
    /// those of the table (`left_path`), and the steps taken, all to the left (`None` once
    /// one went right): the plan then reads its brackets instead of dividing for them.
    path: Option<&'static [Bracket]>,
    straight: Option<usize>,
    /// The plan when it is a chain along the left path.
    chain: Option<Chain>,
    /// Whether the last pass was a chain whose every step the values took: the next pass
    /// chains on without fitting a new quadratic.
    chained: bool,
    /// The plan when it is a leap (`leap`), and how many leaps the search took: a leap whose
    /// proof holds ends the search, so these failed (a third is not tried).
    leap: Option<leap::Leap>,
    leapt: u8,
    /// The series' spread for the leap's proof, once read (`None` before).
    spread: Option<Option<super::proof::Spread>>,
}

/// The brackets of the search over the optimised SES's bounds that goes left at every step
/// (the minimum at the lower bound: most searches), to the end; each is
/// `Bracket::narrowed` of the one before, so the same to the bit.
fn left_path(lower: f64, upper: f64) -> Option<&'static [Bracket]> {
    static PATH: std::sync::OnceLock<Vec<Bracket>> = std::sync::OnceLock::new();
    let (from, to) = super::ses::OPTIMISED_BOUNDS;
    if lower.to_bits() != from.to_bits() || upper.to_bits() != to.to_bits() {
        return None;
    }
    Some(PATH.get_or_init(|| {
        let mut path = vec![Bracket::new(from, to)];
        while !path[path.len() - 1].narrow_enough() {
            path.push(path[path.len() - 1].narrowed(true));
        }
        path
    }))
}

impl<const L: usize> Search<L> {
    pub(super) fn new(lower: f64, upper: f64) -> Search<L> {
        let s = Bracket::new(lower, upper);
        let node = Node { b: s, children: [NONE; 2], end: NONE };
        let path = left_path(lower, upper);
        Search { s, nodes: [node; L], root: [NONE; 2], fresh: true, done: false, fa: f64::NAN, fb: f64::NAN, spare: (f64::NAN, f64::NAN), level: None, path, straight: Some(0), chain: None, chained: false, leap: None, leapt: 0, spread: None }
    }

    /// The same search, planning `M` points a pass from now on.
    pub(super) fn widen<const M: usize>(self) -> Search<M> {
        let node = Node { b: self.s, children: [NONE; 2], end: NONE };
        let (path, straight) = (self.path, self.straight);
        Search { s: self.s, nodes: [node; M], root: [NONE; 2], fresh: self.fresh, done: self.done, fa: self.fa, fb: self.fb, spare: self.spare, level: self.level, path, straight, chain: None, chained: false, leap: None, leapt: self.leapt, spread: self.spread }
    }

    pub(super) fn done(&self) -> bool {
        self.done
    }

    /// The alpha found: the middle of the last bracket.
    pub(super) fn result(&self) -> f64 {
        (self.s.b + self.s.a) / 2.0
    }

    /// See [`Search::level`]'s field.
    pub(super) fn level(&self) -> Option<f64> {
        self.level
    }

    /// Whether the search stops before its next step: bracket narrow enough, or a tie.
    fn stops(s: &Bracket) -> bool {
        s.narrow_enough() || s.choice().is_none()
    }

    /// The points of the next pass over `x`, unused lanes set to the bracket's start (evaluated and
    /// ignored). Marks the search done when it has no step left.
    pub(super) fn plan(&mut self, lanes: &mut [f64; L], x: &[f64]) {
        lanes.fill(self.s.a);
        self.root = [NONE; 2];
        self.chain = None;
        self.leap = None;
        if self.done {
            return;
        }
        let mut count = 0;
        if self.fresh {
            lanes[0] = self.s.c;
            lanes[1] = self.s.d;
            count = 2;
            // No value is known yet. Most minima over [0.1, 0.3] lie at the lower bound (on the
            // benchmark's series, 78% of the searches go left at every step, 4% right), so
            // the rest of the first pass follows the left branch: the step to the right in
            // lane 2, then the chain along the left path.
            if let Some(path) = self.path.filter(|path| path.len() > 2) {
                self.add(None, self.s, false, &mut count, lanes);
                self.plan_chain(1, path, lanes, count);
                return;
            }
            for left in [true, false] {
                self.add(None, self.s, left, &mut count, lanes);
            }
            self.extend_left(2, 1, &mut count, lanes);
            return;
        }
        if Self::stops(&self.s) {
            self.done = true;
            return;
        }
        let first = self.s.choice() == Some(true);
        if let (Some(steps), Some(path), true, true) = (self.straight, self.path, first, std::mem::take(&mut self.chained)) {
            self.plan_along(steps + 1, path, lanes, x);
            return;
        }
        let guess = Quadratic::fit(&self.s, [(self.s.a, self.fa), (self.s.b, self.fb), self.spare]);
        // Still on the path to the lower bound, and the quadratic rises over the whole
        // bracket (so it foresees the left branch at every step inside): the chain to the left,
        // its brackets read from the left path where the search has one.
        let here = self.s;
        let rises = |q: &Quadratic, next: &Bracket| q.rises_over(&here) && q.choice(next) == Some(true);
        if let (Some(steps), Some(path), true, Some(q)) = (self.straight, self.path, first, guess.as_ref()) {
            if rises(q, &path[steps + 1]) {
                self.plan_along(steps + 1, path, lanes, x);
                return;
            }
        }
        let b = self.add(None, self.s, first, &mut count, lanes);
        if let (Some(steps), true, Some(q)) = (self.straight, first, guess.as_ref()) {
            if rises(q, &b) {
                self.extend_left(0, steps + 1, &mut count, lanes);
                return;
            }
        }
        // Breadth first: each planned step gets the branch foreseen, or both when unsure. Along
        // a foreseen chain the node to expand is the one just added: its bracket is taken from
        // registers, not read back from the store just made (a stall the processor pays).
        let mut next = 0;
        let mut recent = (count - 1, self.nodes[count - 1].b);
        while next < count && count < L {
            let b = if recent.0 == next { recent.1 } else { self.nodes[next].b };
            if !b.narrow_enough() {
                match guess.as_ref().and_then(|q| q.choice(&b)) {
                    Some(left) => recent = (count, self.add(Some(next), b, left, &mut count, lanes)),
                    None => {
                        for left in [true, false] {
                            if count < L {
                                self.add(Some(next), b, left, &mut count, lanes);
                            }
                        }
                    }
                }
            }
            next += 1;
        }
    }

    /// Plans the chain of steps along `path` from `path[first]` on, one lane each from lane
    /// `offset`, and the lane at the search's end if the chain reaches it with a lane to spare.
    fn plan_chain(&mut self, first: usize, path: &[Bracket], lanes: &mut [f64; L], offset: usize) {
        let length = (path.len() - first).min(L - offset);
        for (lane, b) in lanes[offset..].iter_mut().zip(&path[first..first + length]) {
            *lane = b.c;
        }
        let end = offset + length < L && first + length == path.len();
        if end {
            let last = path[path.len() - 1];
            lanes[offset + length] = (last.b + last.a) / 2.0;
        }
        self.chain = Some(Chain { first, length, end, offset });
    }

    /// [`Search::absorb`] of a chain: each step to the left as `take` makes it, while the
    /// values choose the left branch.
    fn absorb_chain(&mut self, Chain { first, length, end, offset }: Chain, values: &Lanes<L>) {
        let path = self.path.expect("a chain is planned along the left path");
        // The first step is to the left (checked by the plan, or by `absorb` on the first pass).
        for (j, (next, &value)) in path[first..first + length].iter().zip(&values.sse[offset..]).enumerate() {
            self.spare = (self.s.b, self.fb);
            self.fb = self.s.fd;
            self.s = Bracket { fc: value, fd: self.s.fc, ..*next };
            self.straight = Some(first + j);
            if Self::stops(&self.s) {
                self.done = true;
                if self.s.narrow_enough() && end && j + 1 == length {
                    self.level = Some(values.level[offset + length]);
                }
                return;
            }
            if self.s.choice() != Some(true) {
                return;
            }
        }
        self.chained = true;
    }

    /// Plans steps to the left from node `parent`, `steps` steps from the bounds, until the
    /// lanes are used or the search ends; the brackets from the left path where it is known.
    fn extend_left(&mut self, mut parent: usize, mut steps: usize, count: &mut usize, lanes: &mut [f64; L]) {
        let mut b = self.nodes[parent].b;
        while *count < L && !b.narrow_enough() {
            let next = match self.path {
                Some(path) if steps + 1 < path.len() => {
                    debug_assert_eq!((path[steps].a.to_bits(), path[steps].b.to_bits()), (b.a.to_bits(), b.b.to_bits()));
                    path[steps + 1]
                }
                _ => b.narrowed(true),
            };
            let node = *count;
            self.attach(Some(parent), next, true, count, lanes);
            (parent, b, steps) = (node, next, steps + 1);
        }
    }

    /// Plans the step `left` from node `parent` (or from the bracket itself), whose bracket is
    /// `from`, in the next lane; returns the bracket after it.
    fn add(&mut self, parent: Option<usize>, from: Bracket, left: bool, count: &mut usize, lanes: &mut [f64; L]) -> Bracket {
        self.attach(parent, from.narrowed(left), left, count, lanes)
    }

    /// Plans the step `left` to bracket `b` from node `parent` (or from the bracket itself).
    fn attach(&mut self, parent: Option<usize>, b: Bracket, left: bool, count: &mut usize, lanes: &mut [f64; L]) -> Bracket {
        let node = *count;
        lanes[node] = b.new_point(left);
        self.nodes[node] = Node { b, children: [NONE; 2], end: NONE };
        let slot = match parent {
            Some(p) => &mut self.nodes[p].children[usize::from(!left)],
            None => &mut self.root[usize::from(!left)],
        };
        *slot = node as u8;
        *count += 1;
        // The search ends after this step: the next lane, if free, runs SES at its result.
        if b.narrow_enough() && *count < L {
            lanes[*count] = (b.b + b.a) / 2.0;
            self.nodes[*count] = Node { b, children: [NONE; 2], end: NONE };
            self.nodes[node].end = *count as u8;
            *count += 1;
        }
        b
    }

    /// One step of the plain search to the planned node `lane`, whose new point has the value
    /// `value`; the value carried over is the one `Bracket::narrowed` carries.
    fn take(&mut self, lane: usize, left: bool, value: f64) {
        let next = self.nodes[lane].b;
        let (fc, fd) = if left { (value, self.s.fc) } else { (self.s.fd, value) };
        // The end that moves takes the inner point's value; the end it leaves is kept.
        if left {
            self.spare = (self.s.b, self.fb);
            self.fb = self.s.fd;
        } else {
            self.spare = (self.s.a, self.fa);
            self.fa = self.s.fc;
        }
        debug_assert_eq!(self.s.narrowed(left).new_point(left).to_bits(), next.new_point(left).to_bits());
        self.straight = self.straight.filter(|_| left).map(|steps| steps + 1);
        self.s = Bracket { fc, fd, ..next };
    }

    /// Walks the plan of [`Search::plan`] with the values of its points, taking the plain
    /// search's steps until the plan ends or the search does. `x` is the series searched.
    pub(super) fn absorb(&mut self, values: &Lanes<L>, x: &[f64]) {
        if self.done {
            return;
        }
        if let Some(leap) = self.leap {
            return self.absorb_leap(leap, values, x);
        }
        if let Some(chain) = self.chain {
            if !self.fresh {
                return self.absorb_chain(chain, values);
            }
            // The first pass: the chain if the values go left, else the step to the right.
            (self.s.fc, self.s.fd, self.fresh) = (values.sse[0], values.sse[1], false);
            if !Self::stops(&self.s) && self.s.choice() == Some(true) {
                return self.absorb_chain(chain, values);
            }
        }
        let (values, levels) = (&values.sse, &values.level);
        if self.fresh {
            self.s.fc = values[0];
            self.s.fd = values[1];
            self.fresh = false;
        }
        let (mut children, mut end) = (self.root, NONE);
        loop {
            if Self::stops(&self.s) {
                self.done = true;
                if self.s.narrow_enough() && end != NONE {
                    self.level = Some(levels[usize::from(end)]);
                }
                return;
            }
            let left = self.s.choice() == Some(true);
            let lane = children[usize::from(!left)];
            if lane == NONE {
                return;
            }
            self.take(usize::from(lane), left, values[usize::from(lane)]);
            (children, end) = (self.nodes[usize::from(lane)].children, self.nodes[usize::from(lane)].end);
        }
    }
}
