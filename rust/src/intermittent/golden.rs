//! statsforecast's `golden_section_ses` (the search of its optimised SES), step for step, with
//! the evaluations of several steps made in one pass over the series.
//!
//! Each step of a golden-section search evaluates one point, chosen by comparing the two
//! values before it; the evaluations are sequential passes over the series, each bound by the
//! latency of the smoothing recursion. The points of the next few steps are known before
//! their values are: after a step the search narrows either to the left or to the right, and
//! both candidates follow from the bracket alone. So one pass evaluates the whole tree of
//! candidates a few steps deep, one lane per point (independent recursions the processor runs
//! side by side, in vector registers where it can), and the search then walks the tree with
//! the values, taking exactly the branches, and keeping exactly the values, the plain search
//! would. Every value is computed by the same operations in the same order as the plain
//! search's, so the alpha found is the same to the bit.

use super::lanes;

/// The golden ratio as statsforecast computes it.
fn ratio() -> f64 {
    (5.0f64.sqrt() + 1.0) / 2.0
}

/// The bracket [a, b], its two inner points and their values.
#[derive(Debug, Clone, Copy)]
struct Bracket {
    a: f64,
    b: f64,
    c: f64,
    d: f64,
    fc: f64,
    fd: f64,
}

impl Bracket {
    fn new(lower: f64, upper: f64) -> Bracket {
        let (a, b) = (lower, upper);
        Bracket { a, b, c: b - (b - a) / ratio(), d: a + (b - a) / ratio(), fc: f64::NAN, fd: f64::NAN }
    }

    /// Whether the bracket is narrow enough to stop (the loop's condition, false on NaN too).
    fn narrow_enough(&self) -> bool {
        !((self.b - self.a).abs() >= 1e-12)
    }

    /// The branch the values choose: `Some(true)` to the left (fc < fd), `Some(false)` to the
    /// right (fd < fc), `None` on a tie, where the search stops.
    fn choice(&self) -> Option<bool> {
        if self.fc < self.fd {
            Some(true)
        } else if self.fd < self.fc {
            Some(false)
        } else {
            None
        }
    }

    /// The bracket after one narrowing to the left or right, with the new point (whose value
    /// is still to be set).
    fn narrowed(mut self, left: bool) -> Bracket {
        if left {
            self.b = self.d;
            self.d = self.c;
            self.fd = self.fc;
            self.c = self.b - (self.b - self.a) / ratio();
        } else {
            self.a = self.c;
            self.c = self.d;
            self.fc = self.fd;
            self.d = self.a + (self.b - self.a) / ratio();
        }
        self
    }

    /// The point a narrowing in direction `left` added.
    fn new_point(&self, left: bool) -> f64 {
        if left { self.c } else { self.d }
    }
}

/// One search with `L` lanes per pass: the tree of the next steps' candidates, breadth first.
pub(super) struct Search<const L: usize> {
    s: Bracket,
    /// The brackets of the planned tree, one per lane.
    tree: [Bracket; L],
    /// Before the first pass: c and d themselves are still to be evaluated.
    fresh: bool,
    done: bool,
}

impl<const L: usize> Search<L> {
    pub(super) fn new(lower: f64, upper: f64) -> Search<L> {
        let s = Bracket::new(lower, upper);
        Search { s, tree: [s; L], fresh: true, done: false }
    }

    pub(super) fn done(&self) -> bool {
        self.done
    }

    /// The alpha found: the middle of the last bracket.
    pub(super) fn result(&self) -> f64 {
        (self.s.b + self.s.a) / 2.0
    }

    /// Whether the search stops before its next step: bracket narrow enough, or a tie.
    fn stops(s: &Bracket) -> bool {
        s.narrow_enough() || s.choice().is_none()
    }

    /// The points of the next pass, unused lanes set to the bracket's start (evaluated and
    /// ignored). Marks the search done when it has no step left.
    pub(super) fn plan(&mut self, lanes: &mut [f64; L]) {
        lanes.fill(self.s.a);
        if self.done {
            return;
        }
        // `tree[lane]`: the bracket after the narrowing that adds `lanes[lane]`. The parents of
        // a tree level are the level before it (`base`), or the bracket itself on a fresh
        // search. A state narrow enough has children all the same: the walk never reaches them.
        let mut base = None;
        let mut n;
        if self.fresh {
            lanes[0] = self.s.c;
            lanes[1] = self.s.d;
            n = 2;
        } else {
            if Self::stops(&self.s) {
                self.done = true;
                return;
            }
            let left = self.s.choice() == Some(true);
            self.tree[0] = self.s.narrowed(left);
            lanes[0] = self.tree[0].new_point(left);
            base = Some(0);
            n = 1;
        }
        let mut width = 1;
        while n + 2 * width <= L {
            for k in 0..width {
                let state = base.map_or(self.s, |b| self.tree[b + k]);
                for (j, left) in [true, false].into_iter().enumerate() {
                    let child = state.narrowed(left);
                    lanes[n + 2 * k + j] = child.new_point(left);
                    self.tree[n + 2 * k + j] = child;
                }
            }
            base = Some(n);
            n += 2 * width;
            width *= 2;
        }
    }

    /// One step of the plain search to the planned bracket `tree[lane]`, whose new point has
    /// the value `value`; the value carried over is the one `Bracket::narrowed` carries.
    fn take(&mut self, lane: usize, left: bool, value: f64) {
        let next = self.tree[lane];
        let (fc, fd) = if left { (value, self.s.fc) } else { (self.s.fd, value) };
        debug_assert_eq!(self.s.narrowed(left).new_point(left).to_bits(), next.new_point(left).to_bits());
        self.s = Bracket { fc, fd, ..next };
    }

    /// Walks the tree [`Search::plan`] laid out with the values of its points, taking the plain
    /// search's steps until the tree ends or the search does.
    pub(super) fn absorb(&mut self, values: &[f64; L]) {
        if self.done {
            return;
        }
        let mut n;
        if self.fresh {
            self.s.fc = values[0];
            self.s.fd = values[1];
            self.fresh = false;
            n = 2;
        } else {
            let left = self.s.choice() == Some(true);
            self.take(0, left, values[0]);
            n = 1;
        }
        let (mut width, mut position) = (1, 0);
        while n + 2 * width <= L {
            if Self::stops(&self.s) {
                self.done = true;
                return;
            }
            let left = self.s.choice() == Some(true);
            let lane = n + 2 * position + usize::from(!left);
            self.take(lane, left, values[lane]);
            position = 2 * position + usize::from(!left);
            n += 2 * width;
            width *= 2;
        }
    }
}

/// The lanes of a search over one series: four steps a pass (1 + 2 + 4 + 8 points).
const SINGLE: usize = 16;

/// The lanes of each of two searches run together: three steps a pass (1 + 2 + 4 points).
const PAIRED: usize = 8;

/// statsforecast's `golden_section_ses` over `x` in [lower, upper]: the alpha of least
/// squared one-step error. `x` is not empty.
pub(super) fn golden_section(x: &[f64], lower: f64, upper: f64) -> f64 {
    finish(Search::<SINGLE>::new(lower, upper), x)
}

/// [`golden_section`] over `x` and over `z` (of one length), each search exactly as alone,
/// their passes shared while both run.
pub(super) fn golden_section_pair(x: &[f64], z: &[f64], lower: f64, upper: f64) -> (f64, f64) {
    debug_assert_eq!(x.len(), z.len());
    let (mut sx, mut sz) = (Search::<PAIRED>::new(lower, upper), Search::<PAIRED>::new(lower, upper));
    let (mut px, mut pz) = ([0.0; PAIRED], [0.0; PAIRED]);
    loop {
        sx.plan(&mut px);
        sz.plan(&mut pz);
        match (sx.done(), sz.done()) {
            (true, true) => return (sx.result(), sz.result()),
            (false, true) => return (finish(sx.widen::<SINGLE>(), x), sz.result()),
            (true, false) => return (sx.result(), finish(sz.widen::<SINGLE>(), z)),
            (false, false) => {
                let (fx, fz) = lanes::sse_pair(&px, x, &pz, z);
                sx.absorb(&fx);
                sz.absorb(&fz);
            }
        }
    }
}

/// Runs `search` to its end alone, `L` points a pass.
fn finish<const L: usize>(mut search: Search<L>, x: &[f64]) -> f64 {
    let mut points = [0.0; L];
    loop {
        search.plan(&mut points);
        if search.done() {
            return search.result();
        }
        let values = lanes::sse(&points, x);
        search.absorb(&values);
    }
}

impl<const L: usize> Search<L> {
    /// The same search, planning `M` points a pass from now on.
    fn widen<const M: usize>(self) -> Search<M> {
        Search { s: self.s, tree: [self.s; M], fresh: self.fresh, done: self.done }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain search, as statsforecast writes it.
    fn plain(x: &[f64], lower: f64, upper: f64) -> f64 {
        let sse = |alpha: f64| {
            let mut level = x[0];
            let mut total = 0.0;
            for i in 1..x.len() {
                level = alpha * x[i - 1] + (1.0 - alpha) * level;
                let e = x[i] - level;
                total += e * e;
            }
            total
        };
        let r = ratio();
        let (mut a, mut b) = (lower, upper);
        let mut c = b - (b - a) / r;
        let mut d = a + (b - a) / r;
        let (mut fc, mut fd) = (sse(c), sse(d));
        while (b - a).abs() >= 1e-12 {
            if fc < fd {
                b = d;
                d = c;
                fd = fc;
                c = b - (b - a) / r;
                fc = sse(c);
            } else if fd < fc {
                a = c;
                c = d;
                fc = fd;
                d = a + (b - a) / r;
                fd = sse(d);
            } else {
                break;
            }
        }
        (b + a) / 2.0
    }

    fn series(seed: u64, n: usize) -> Vec<f64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let u = (s >> 11) as f64 / (1u64 << 53) as f64;
                if u < 0.4 { 0.0 } else { (u * 37.0).floor() }
            })
            .collect()
    }

    #[test]
    fn the_searches_find_the_plain_search_alpha_to_the_bit() {
        let mut cases: Vec<Vec<f64>> = (0..300).map(|k| series(k, 1 + (k as usize * 7) % 120)).collect();
        // Ties from the first comparison on, and minima at either bound.
        cases.extend([vec![3.0; 9], vec![1.0], vec![0.0, 5.0], (0..40).map(f64::from).collect(), vec![1.0, 9.0, 1.0, 9.0, 1.0, 9.0]]);
        for (bounds, x) in [(0.1, 0.3), (0.0, 1.0)].into_iter().flat_map(|b| cases.iter().map(move |x| (b, x))) {
            let want = plain(x, bounds.0, bounds.1);
            assert_eq!(golden_section(x, bounds.0, bounds.1).to_bits(), want.to_bits(), "{x:?}");
            let z: Vec<f64> = x.iter().rev().map(|v| v * 0.5 + 1.0).collect();
            let (p, q) = golden_section_pair(x, &z, bounds.0, bounds.1);
            assert_eq!((p.to_bits(), q.to_bits()), (want.to_bits(), plain(&z, bounds.0, bounds.1).to_bits()), "{x:?}");
        }
    }
}
