//! A proof, from two exact values and the series' range, that comparisons of the plain
//! golden-section search along its left path come out to the left, so that their points need
//! no evaluation (see `search::leap`).
//!
//! f is the sum of squared one-step errors of SES over x (n values, m = n - 1 terms) in exact
//! arithmetic, at an alpha in [0.1, 0.3]; f^ is the search's rounded value (the kernel of
//! `lanes`, the plain loop's operations). At a state of the left path the search compares
//! f^(c) < f^(d) with c < d, both at most the points already evaluated. It goes left when
//! f(d) - f(c) > E(c) + E(d), where E bounds |f^ - f|; then f^(c) < f^(d) strictly (no tie,
//! no NaN). f(d) - f(c) >= (d - c) min f' over [c, d], and f' is bounded below from the
//! secant of two exact values p2 < p1 (f' equals it somewhere in [p2, p1]) minus the most f'
//! can fall from there: (p1 - lower) max f''.
//!
//! Bounds (u = 2^-53, tau = 2^-1074 for underflow; x_i in [lo, hi], lo >= 0; every alpha
//! >= 0.1, so 1 - alpha <= 0.9 and sum_k (1 - alpha)^k <= 10):
//! * The levels L_i are convex combinations of values (L_0 = x_0): in [lo, hi]; so every
//!   error e_i = x_i - L_i is at most hi - lo, and f <= m (hi - lo)^2.
//! * Derivatives: D = dL/dalpha is the errors smoothed, D_i = sum_j (1 - alpha)^(i-1-j) e_j,
//!   and H = dD/dalpha = -2 (D smoothed the same way); a convolution with a kernel of sum at
//!   most 10 at most multiplies the sum of squares by 100 (Young), so sum D^2 <= 100 f and
//!   sum H^2 <= 400 sum D^2. With f' = -2 sum e D and f'' = 2 sum (D^2 - e H), Cauchy-Schwarz
//!   gives |f'| <= 20 f and f'' <= 600 f at every alpha: f can grow by at most a factor
//!   e^(20 r) <= 1 + 40 r over a distance r <= 1/16.
//! * The rounded level (`fl(fl(a x) + fl(fl(1 - a) L^))`, three roundings of relative size
//!   gamma3 = 3u / (1 - 3u), at most 4 tau absolute) is off by at most
//!   Lambda = (gamma3 hi + 4 tau) / (0.1 - 0.9 gamma3) (induction: lambda_i <= gamma3 hi + 4 tau
//!   + 0.9 (1 + gamma3) lambda_{i-1}, lambda_0 = 0); the rounded error by at most
//!   eta = Lambda + u (hi + Lambda) + tau.
//! * A rounded square is off from e^2 by at most u e^^2 + eta (2 |e| + eta) + tau, which sums to
//!   at most u f + (1 + u)(2 eta sqrt(m f) + m eta^2) + m tau (Cauchy-Schwarz for sum |e|).
//! * The running sum of m terms >= 0 rounds each addition by at most u times its result, and
//!   its results only grow: at most u m f^ in all, with f^ <= f + |f^ - f|.
//!   So |f^ - f| <= (u (m + 1) f + (1 + u)(2 eta sqrt(m f) + m eta^2) + m tau) / (1 - u m).
//!
//! The arithmetic of the bounds themselves rounds too: every bound carries a relative margin
//! of 1e-6, a million times the rounding of the few dozen operations that compute it.

/// What the proof needs to know of the series: its number of terms and its range.
#[derive(Debug, Clone, Copy)]
pub(super) struct Spread {
    terms: f64,
    lo: f64,
    hi: f64,
    /// The parts of [`Spread::rounding`] that depend on the series alone, computed once.
    eta: f64,
    eta_terms: f64,
    sum_rounding: f64,
}

const U: f64 = f64::EPSILON / 2.0;
const TAU: f64 = 4.9406564584124654e-324;
/// The relative margin on every rounded bound.
const SAFE: f64 = 1e-6;

impl Spread {
    /// The length and range of `x`; `None` unless its values are >= 0 and not all equal (then
    /// every sum of squares is 0, all ties). A NaN or infinite value makes every sum of
    /// squares NaN or infinite, which the proof refuses (its two exact values must be finite),
    /// so the minima and maxima need not look for them: four of each, selects the compiler
    /// vectorises, so that this costs little beside a pass of the search.
    pub(super) fn of(x: &[f64]) -> Option<Spread> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx") {
            // SAFETY: AVX is available, checked above.
            return unsafe { Self::of_avx(x) };
        }
        Self::of_lanes(x)
    }

    /// [`Spread::of`] with the minima and maxima four lanes wide.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    unsafe fn of_avx(x: &[f64]) -> Option<Spread> {
        Self::of_lanes(x)
    }

    #[inline(always)]
    fn of_lanes(x: &[f64]) -> Option<Spread> {
        let (mut lo, mut hi) = ([f64::INFINITY; 4], [0.0f64; 4]);
        let (blocks, rest) = x.as_chunks::<4>();
        for block in blocks {
            for k in 0..4 {
                lo[k] = if block[k] < lo[k] { block[k] } else { lo[k] };
                hi[k] = if block[k] > hi[k] { block[k] } else { hi[k] };
            }
        }
        for &v in rest {
            (lo[0], hi[0]) = (lo[0].min(v), hi[0].max(v));
        }
        let lo = lo[0].min(lo[1]).min(lo[2].min(lo[3]));
        let hi = hi[0].max(hi[1]).max(hi[2].max(hi[3]));
        let ok = x.len() >= 3 && lo >= 0.0 && hi.is_finite() && hi > lo;
        ok.then(|| Spread::new((x.len() - 1) as f64, lo, hi))
    }

    fn new(terms: f64, lo: f64, hi: f64) -> Spread {
        let gamma3 = 3.0 * U / (1.0 - 3.0 * U);
        let level = (gamma3 * hi + 4.0 * TAU) / (0.1 - 0.9 * gamma3);
        let eta = level + U * (hi + level) + TAU;
        Spread { terms, lo, hi, eta, eta_terms: terms * eta * eta, sum_rounding: 1.0 - U * terms }
    }

    /// The bound on |f^ - f| at any alpha in [0.1, 0.3] where f <= `f`.
    fn rounding(&self, f: f64) -> f64 {
        let (m, eta) = (self.terms, self.eta);
        let terms = U * f + (1.0 + U) * (2.0 * eta * (m * f).sqrt() + self.eta_terms) + m * TAU;
        (U * m * f + terms) / self.sum_rounding * (1.0 + SAFE)
    }

    /// The crude bound of f: every squared error is at most R^2.
    fn most(&self) -> f64 {
        let range = self.hi - self.lo;
        self.terms * range * range * (1.0 + SAFE)
    }
}

/// Two exact values of the search on its left path: f^(p1) and f^(p2), p2 < p1, and the
/// search's lower bound (every point of the proof in [lower, p2]).
pub(super) struct Known {
    pub(super) lower: f64,
    pub(super) p1: f64,
    pub(super) f1: f64,
    pub(super) p2: f64,
    pub(super) f2: f64,
}

/// The least gap d - c that the proof shows to come out left: every comparison f^(c) < f^(d)
/// with lower <= c < d <= p2 and d - c >= the result does. `None` when the values give no
/// such proof (the slope not shown positive).
pub(super) fn least_gap(spread: impl FnOnce() -> Option<Spread>, known: &Known) -> Option<f64> {
    let Known { lower, p1, f1, p2, f2 } = *known;
    let reach = p1 - lower;
    if !(0.1 <= lower && lower <= p2 && p2 < p1 && p1 <= 0.3 && reach <= 1.0 / 16.0 && f1.is_finite() && f2.is_finite()) {
        return None;
    }
    // Hopeless when the fall of f' below, from f(p1) alone, passes the secant (which the
    // rounding only lowers): no need to read the series.
    if !(reach * 600.0 * f1 < 0.999 * (f1 - f2) / (p1 - p2)) {
        return None;
    }
    let spread = spread()?;
    // f(p1) from its rounded value (the bound of the rounding needs one of f: the crude one,
    // whose excess is some 1e-12 of f here), then the most f can be over [lower, p1].
    let crude = spread.most();
    let at_p1 = ((f1 + spread.rounding(crude)) * (1.0 + SAFE)).min(crude);
    let highest = (at_p1 * (1.0 + 40.0 * reach) * (1.0 + SAFE)).min(crude);
    let error = spread.rounding(highest);
    // The secant's slope, at least, and how far f' can fall from it over [lower, p1].
    let rise = (f1 - f2) - 2.0 * error * (1.0 + SAFE);
    let secant = rise / (p1 - p2) * (1.0 - SAFE);
    let fall = reach * 600.0 * highest * (1.0 + SAFE);
    // Margins that keep the rounding of these differences far below SAFE.
    if !(rise > 1e-3 * (f1 - f2) && secant.is_finite() && fall <= 0.999 * secant) {
        return None;
    }
    let slope = (secant - fall) * (1.0 - SAFE);
    // gap * slope > 2 E, with margin.
    let gap = 2.0 * error / slope * (1.0 + SAFE);
    gap.is_finite().then_some(gap)
}
