//! statsforecast's `golden_section_ses` (the search of its optimised SES), step for step, with
//! the evaluations of several steps made in one pass over the series.
//!
//! Each step of a golden-section search evaluates one point, chosen by comparing the two
//! values before it; the evaluations are sequential passes over the series, each bound by the
//! latency of the smoothing recursion. The points of the next steps are known before their
//! values are: after a step the search narrows either to the left or to the right, and both
//! candidates follow from the bracket alone. So one pass evaluates a planned tree of the next
//! steps' points, one lane per point (independent recursions the processor runs side by side,
//! in vector registers where it can): the branch a smooth model of the values foresees, both
//! where it is unsure (`search`). The search then walks the tree with the values, taking
//! exactly the branches, and keeping exactly the values, the plain search would. Every value is
//! computed by the same operations in the same order as the plain search's, so the alpha found
//! is the same to the bit.

use super::lanes;
use super::search::Search;

/// The golden ratio as statsforecast computes it.
fn ratio() -> f64 {
    (5.0f64.sqrt() + 1.0) / 2.0
}

/// The bracket [a, b], its two inner points and their values.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bracket {
    pub(super) a: f64,
    pub(super) b: f64,
    pub(super) c: f64,
    pub(super) d: f64,
    pub(super) fc: f64,
    pub(super) fd: f64,
}

impl Bracket {
    pub(super) fn new(lower: f64, upper: f64) -> Bracket {
        let (a, b) = (lower, upper);
        Bracket { a, b, c: b - (b - a) / ratio(), d: a + (b - a) / ratio(), fc: f64::NAN, fd: f64::NAN }
    }

    /// Whether the bracket is narrow enough to stop (the loop's condition, false on NaN too).
    pub(super) fn narrow_enough(&self) -> bool {
        !((self.b - self.a).abs() >= 1e-12)
    }

    /// The branch the values choose: `Some(true)` to the left (fc < fd), `Some(false)` to the
    /// right (fd < fc), `None` on a tie, where the search stops.
    pub(super) fn choice(&self) -> Option<bool> {
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
    pub(super) fn narrowed(mut self, left: bool) -> Bracket {
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
    pub(super) fn new_point(&self, left: bool) -> f64 {
        if left { self.c } else { self.d }
    }
}

/// The lanes of a search over one series (a full tree would cover four steps: 1 + 2 + 4 + 8).
const SINGLE: usize = 16;

/// The lanes of each of two searches run together (a full tree: three steps, 1 + 2 + 4).
const PAIRED: usize = 8;

/// statsforecast's `golden_section_ses` over `x` in [lower, upper]: the alpha of least
/// squared one-step error. `x` is not empty. (The methods take [`golden_section_forecast`].)
#[cfg(test)]
fn golden_section(x: &[f64], lower: f64, upper: f64) -> f64 {
    finish(Search::<SINGLE>::new(lower, upper), x).alpha
}

/// The alpha a search found and SES's one-step forecast at it (`ses::forecast`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Found {
    pub(super) alpha: f64,
    pub(super) forecast: f64,
}

impl Found {
    /// From a finished search over `x`: the forecast is one step from the level its last pass
    /// reached at the alpha, or a pass of its own when the search ended off its plan.
    fn of<const L: usize>(search: &Search<L>, x: &[f64]) -> Found {
        let alpha = search.result();
        let forecast = match search.level() {
            Some(level) if x.len() > 1 => alpha * x[x.len() - 1] + (1.0 - alpha) * level,
            _ => super::ses::forecast(x, alpha),
        };
        Found { alpha, forecast }
    }
}

/// [`golden_section`] and the forecast at its alpha.
pub(super) fn golden_section_forecast(x: &[f64], lower: f64, upper: f64) -> Found {
    finish(Search::<SINGLE>::new(lower, upper), x)
}

/// [`golden_section_forecast`] over `x` and over `z` (of one length), each search exactly as
/// alone, their passes shared while both run.
pub(super) fn golden_section_pair(x: &[f64], z: &[f64], lower: f64, upper: f64) -> (Found, Found) {
    debug_assert_eq!(x.len(), z.len());
    let (mut sx, mut sz) = (Search::<PAIRED>::new(lower, upper), Search::<PAIRED>::new(lower, upper));
    let (mut px, mut pz) = ([0.0; PAIRED], [0.0; PAIRED]);
    loop {
        sx.plan(&mut px, x);
        sz.plan(&mut pz, z);
        match (sx.done(), sz.done()) {
            (true, true) => return (Found::of(&sx, x), Found::of(&sz, z)),
            (false, true) => return (finish(sx.widen::<SINGLE>(), x), Found::of(&sz, z)),
            (true, false) => return (Found::of(&sx, x), finish(sz.widen::<SINGLE>(), z)),
            (false, false) => {
                let (fx, fz) = lanes::sse_pair(&px, x, &pz, z);
                sx.absorb(&fx, x);
                sz.absorb(&fz, z);
            }
        }
    }
}

/// Runs `search` to its end alone, `L` points a pass.
fn finish<const L: usize>(mut search: Search<L>, x: &[f64]) -> Found {
    let mut points = [0.0; L];
    loop {
        search.plan(&mut points, x);
        if search.done() {
            return Found::of(&search, x);
        }
        let values = lanes::sse(&points, x);
        search.absorb(&values, x);
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
        // Long series, where the plan follows its model over many steps: a drifting level
        // (minimum inside the bracket), noise around a constant (minimum at a bound) and both.
        for k in 0..12u64 {
            let noise = series(1000 + k, 200 + 30 * k as usize);
            cases.push(noise.iter().enumerate().map(|(i, v)| v * 0.2 + (i as f64 * 0.05 * k as f64).sin() * 10.0).collect());
            cases.push(noise.iter().map(|v| v + 50.0).collect());
            cases.push(noise);
        }
        let mut planned_ends = 0;
        for (bounds, x) in [(0.1, 0.3), (0.0, 1.0)].into_iter().flat_map(|b| cases.iter().map(move |x| (b, x))) {
            let want = plain(x, bounds.0, bounds.1);
            assert_eq!(golden_section(x, bounds.0, bounds.1).to_bits(), want.to_bits(), "{x:?}");
            let z: Vec<f64> = x.iter().rev().map(|v| v * 0.5 + 1.0).collect();
            let (p, q) = golden_section_pair(x, &z, bounds.0, bounds.1);
            assert_eq!((p.alpha.to_bits(), q.alpha.to_bits()), (want.to_bits(), plain(&z, bounds.0, bounds.1).to_bits()), "{x:?}");
            // The forecasts, from the last pass or a pass of their own, are SES's at the alpha.
            let found = golden_section_forecast(x, bounds.0, bounds.1);
            for (f, series) in [(found, x), (p, x), (q, &z)] {
                assert_eq!(f.forecast.to_bits(), crate::intermittent::ses::forecast(series, f.alpha).to_bits(), "{x:?}");
            }
            let mut search = Search::<SINGLE>::new(bounds.0, bounds.1);
            let mut points = [0.0; SINGLE];
            while !search.done() {
                search.plan(&mut points, x);
                if !search.done() {
                    search.absorb(&lanes::sse(&points, x), x);
                }
            }
            planned_ends += usize::from(search.level().is_some());
        }
        // Many searches end where their last pass planned it (the rest, and those ended by a
        // tie, make a pass of their own): 265 of the 682 here.
        assert!(planned_ends * 4 > 2 * cases.len(), "{planned_ends} of {}", 2 * cases.len());
    }

    /// The plain search over [0.1, 0.3] against the planned ones, single and paired, to the bit
    /// (alpha and forecast); returns the passes of the single search.
    fn agrees(x: &[f64], z: &[f64]) -> usize {
        let (lower, upper) = crate::intermittent::ses::OPTIMISED_BOUNDS;
        let want = plain(x, lower, upper);
        let found = golden_section_forecast(x, lower, upper);
        assert_eq!(found.alpha.to_bits(), want.to_bits(), "{x:?}");
        let (p, q) = golden_section_pair(x, z, lower, upper);
        assert_eq!((p.alpha.to_bits(), q.alpha.to_bits()), (want.to_bits(), plain(z, lower, upper).to_bits()), "{x:?} {z:?}");
        for (f, series) in [(found, x), (p, x), (q, z)] {
            assert_eq!(f.forecast.to_bits(), crate::intermittent::ses::forecast(series, f.alpha).to_bits(), "{series:?}");
        }
        let mut search = Search::<SINGLE>::new(lower, upper);
        let (mut points, mut passes) = ([0.0; SINGLE], 0);
        loop {
            search.plan(&mut points, x);
            if search.done() {
                return passes;
            }
            search.absorb(&lanes::sse(&points, x), x);
            passes += 1;
        }
    }

    /// Uniform numbers in [0, 1) from a seed.
    fn uniform(seed: u64) -> impl FnMut() -> f64 {
        let mut s = seed.wrapping_mul(0x9E3779B97F4A7C15) | 1;
        move || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    #[test]
    fn leaps_along_the_left_path_keep_the_plain_search_bits() {
        // Series of many lengths, densities and scales: noise (minimum at the lower bound),
        // noise on a large constant (the rounding large against the spread), a random walk
        // mixed in with weights that move the minimum across the lower bound (near-flat slopes
        // there), and values that differ by a few units in the last place.
        let mut leapt = [0usize; 2];
        for k in 0..1500u64 {
            let mut u = uniform(k);
            let n = 3 + (u() * u() * 600.0) as usize;
            let zeros = u() * 0.9;
            let scale = [1e-3, 1.0, 37.0, 1e6, 1e12][(u() * 5.0) as usize];
            let offset = [0.0, 0.0, 10.0, 1e4][(u() * 4.0) as usize];
            let walk = [0.0, 0.0, 0.01, 0.03, 0.05, 0.08, 0.1, 0.2][(u() * 8.0) as usize] * (0.5 + u());
            let mut level = 0.0f64;
            let x: Vec<f64> = (0..n)
                .map(|_| {
                    level = (level + walk * (u() - 0.5)).abs();
                    if u() < zeros { 0.0 } else { ((u() + level + offset) * scale).max(0.0) }
                })
                .collect();
            let z: Vec<f64> = x.iter().rev().map(|v| v * 0.5 + 1.0).collect();
            let passes = agrees(&x, &z);
            leapt[usize::from(passes <= 2)] += 1;
            // Near-flat: a constant plus changes of a unit in the last place or so.
            let flat: Vec<f64> = x.iter().map(|v| 1000.0 + if *v > 0.0 { 1e-13 * (v / scale).fract() } else { 0.0 }).collect();
            agrees(&flat, &x);
        }
        // The leap ends most searches at the lower bound in two passes: 1,024 of these 1,500.
        assert!(leapt[1] > 900, "{leapt:?}");
    }

    #[test]
    fn leaps_keep_the_bits_on_the_benchmark_series() {
        // Every search of `croston_optimized` (sizes and intervals) and `imapa` (block sums)
        // on the benchmark's simulated series; most end at the lower bound.
        let text = include_str!("../../../scripts/bench/intermittent_series.csv");
        let (mut searches, mut short) = (0, 0);
        for line in text.lines().skip(1) {
            let y: Vec<f64> = line.rsplit(',').next().unwrap().split_whitespace().map(|v| v.parse().unwrap()).collect();
            let (sizes, gaps) = crate::intermittent::ses::demands(&y);
            if sizes.is_empty() {
                continue;
            }
            let mut all = vec![(sizes.clone(), gaps.clone())];
            let largest = crate::intermittent::aggregate::block_length_of(sizes.len(), y.iter().rposition(|&v| v != 0.0).unwrap() + 1);
            for level in 1..=largest {
                let sums = crate::intermittent::ses::block_sums(&y, level).into_owned();
                if sums.len() > 1 {
                    all.push((sums.clone(), sums.iter().rev().copied().collect()));
                }
            }
            for (x, z) in all {
                let passes = agrees(&x, &z);
                searches += 1;
                short += usize::from(passes <= 2);
            }
        }
        // The leap fires: 1,104 of these 1,418 searches end in two passes (the first and a
        // leap), nearly all of the 78% that end at the lower bound.
        assert!(short * 10 > searches * 7, "{short} of {searches}");
    }
}
