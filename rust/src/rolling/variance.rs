//! Rolling variance / standard deviation (ddof = 1) by Welford-style add/remove updates.
//!
//! pandas `roll_var` runs Welford's online update (Welford 1962; West 1979 for
//! removal) on the raw values. On data with a large offset, e.g. `1e9 + 1e-3 * noise`,
//! that loses most significant digits: the deviations `x - mean` are ~1e-3 but
//! carry the rounding error of a mean near 1e9 (ulp ~1.2e-7), so pandas' window-3
//! variance there is off by more than 100%. We follow the standard remedy of
//! running the updates on shifted data `d = x - K` ("shifted data" algorithm,
//! Chan, Golub & LeVeque 1983, "Algorithms for computing the sample variance"):
//! with `K` a value from the window, `x - K` is exact (Sterbenz) or nearly so and
//! the update works on small numbers.
//!
//! Sliding add/remove updates can still cancel: when a window of large spread
//! is followed by one of tiny spread, `M2` is the difference of two large numbers.
//! Like pandas 3 (`numerically_unstable` in `roll_var`), we detect that case
//! (`M2` fell below 1e-3 of its recent peak, or the shifted mean drifted far from
//! `K` relative to the spread) and then recompute the window from scratch with a
//! fresh shift. A recompute costs O(window); a credit scheme (2 credits per step,
//! a recompute spends `window`) bounds all recomputing to O(n) in total, so the
//! kernel stays O(n) even on adversarial input.
//!
//! As in pandas (GH#42064) a window whose values are all equal has variance exactly 0,
//! and a negative `M2` (rounding) is reported as 0.

use super::window::{usable, Window};

/// Recompute when `M2` drops below this fraction of its peak since the last recompute.
const COLLAPSE: f64 = 1e-3;
/// Recompute when `mean(d)^2 > DRIFT * var(d)`: the shift has drifted more than a
/// few standard deviations from the data, so `x - K` starts to lose digits.
const DRIFT: f64 = 16.0;
/// Also refresh every `REFRESH * window` steps, so rounding errors of the updates
/// cannot accumulate without bound on very long series (costs ~1/REFRESH extra).
const REFRESH: usize = 32;

struct State {
    /// The shift; NaN while no value has been added since the window was last empty.
    k: f64,
    /// Mean of `x - k` over the usable values in the window.
    mu: f64,
    /// Sum of squared deviations from the mean.
    m2: f64,
    nobs: usize,
    /// Largest `m2` since the last (re)start, to detect cancellation.
    peak: f64,
    run: usize,
    prev: f64,
    /// A recompute is wanted (set by the checks, honoured when credit allows).
    unstable: bool,
    credit: usize,
    /// Steps since the last recompute.
    age: usize,
    /// `age` that triggers a refresh.
    refresh: usize,
}

impl State {
    fn new(w: usize) -> State {
        State {
            k: f64::NAN,
            mu: 0.0,
            m2: 0.0,
            nobs: 0,
            peak: 0.0,
            run: 0,
            prev: f64::NAN,
            unstable: false,
            credit: w,
            age: 0,
            refresh: w.saturating_mul(REFRESH),
        }
    }

    #[inline(always)]
    fn note_added(&mut self, v: f64) {
        self.run = if v == self.prev { self.run + 1 } else { 1 };
        self.prev = v;
    }

    #[inline(always)]
    fn add(&mut self, v: f64) {
        if self.nobs == 0 {
            self.k = v;
            self.mu = 0.0;
            self.m2 = 0.0;
            self.peak = 0.0;
        }
        let d = v - self.k;
        self.nobs += 1;
        let delta = d - self.mu;
        self.mu += delta / self.nobs as f64;
        self.m2 += delta * (d - self.mu);
        self.note_added(v);
    }

    #[inline(always)]
    fn remove(&mut self, v: f64) {
        self.nobs -= 1;
        if self.nobs == 0 {
            self.mu = 0.0;
            self.m2 = 0.0;
            self.peak = 0.0;
            return;
        }
        let d = v - self.k;
        let delta = d - self.mu;
        self.mu -= delta / self.nobs as f64;
        self.m2 -= delta * (d - self.mu);
    }

    /// Steady state: `in_v` replaces `out_v`, the count is unchanged.
    #[inline(always)]
    fn replace(&mut self, in_v: f64, out_v: f64, inv_n: f64) {
        let din = in_v - self.k;
        let dout = out_v - self.k;
        let dd = din - dout;
        let mu_new = self.mu + dd * inv_n;
        self.m2 += dd * ((din - mu_new) + (dout - self.mu));
        self.mu = mu_new;
        self.note_added(in_v);
    }

    /// Flags a recompute when the update may have cancelled badly.
    #[inline(always)]
    fn check(&mut self) {
        if self.m2 > self.peak {
            self.peak = self.m2;
        }
        let n = self.nobs as f64;
        if self.m2 < self.peak * COLLAPSE || self.mu * self.mu * n > DRIFT * self.m2 || self.age > self.refresh {
            self.unstable = true;
        }
    }

    /// Rebuilds the state from the window `win` (the values currently in the window)
    /// with a shift taken from the window, by a compensated two-pass computation.
    fn recompute(&mut self, win: &[f64]) {
        let k = match win.iter().rev().find(|v| usable(**v)) {
            Some(&v) => v,
            None => return,
        };
        let mut n = 0usize;
        let mut s = 0.0;
        for &v in win {
            if usable(v) {
                n += 1;
                s += v - k;
            }
        }
        let mu = s / n as f64;
        let (mut ss, mut sd) = (0.0, 0.0);
        for &v in win {
            if usable(v) {
                let e = (v - k) - mu;
                ss += e * e;
                sd += e;
            }
        }
        // Corrected two-pass formula (Chan, Golub & LeVeque 1983, eq. 1.7).
        let m2 = ss - sd * sd / n as f64;
        self.k = k;
        self.nobs = n;
        self.mu = mu + sd / n as f64;
        self.m2 = m2;
        self.peak = m2;
        self.unstable = false;
        self.age = 0;
    }

    #[inline(always)]
    fn var_value(&self, min_obs: usize) -> f64 {
        // ddof = 1: pandas needs nobs > ddof.
        if self.nobs < min_obs || self.nobs < 2 {
            f64::NAN
        } else if self.run >= self.nobs || self.m2 <= 0.0 {
            0.0
        } else {
            self.m2 / (self.nobs - 1) as f64
        }
    }
}

/// Which of the two statistics is emitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// Sample variance (ddof = 1).
    Var,
    /// Sample standard deviation (ddof = 1).
    Std,
}

/// Rolling variance or standard deviation of `x`; output for positions
/// `skip..x.len()` goes to `out`.
pub(crate) fn run(x: &[f64], skip: usize, window: Window, target: Target, out: &mut [f64]) {
    debug_assert_eq!(out.len() + skip, x.len());
    let w = window.size;
    let min_obs = window.min_obs();
    let mut st = State::new(w.min(x.len()));
    let emit = |st: &State| {
        let v = st.var_value(min_obs);
        match target {
            Target::Var => v,
            Target::Std => v.sqrt(),
        }
    };
    let inv_w = 1.0 / w as f64;
    for i in 0..x.len() {
        let vin = x[i];
        let vout = if i >= w { x[i - w] } else { f64::NAN };
        match (usable(vin), usable(vout)) {
            (true, true) => {
                // nobs is unchanged; it equals w only when the window has no missing values.
                if st.nobs == w {
                    st.replace(vin, vout, inv_w);
                } else {
                    st.replace(vin, vout, 1.0 / st.nobs as f64);
                }
            }
            (a, b) => {
                if b {
                    st.remove(vout);
                }
                if a {
                    st.add(vin);
                }
            }
        }
        if st.nobs >= 2 {
            st.check();
            st.credit = st.credit.saturating_add(2);
            st.age += 1;
            let cost = (i + 1).min(w);
            if st.unstable && st.credit >= cost {
                st.credit -= cost;
                let lo = i + 1 - cost;
                st.recompute(&x[lo..=i]);
            }
        }
        if i >= skip {
            out[i - skip] = emit(&st);
        }
    }
}
