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
//! Values whose squares overflow (above ~1.34e154) would make `M2` infinite, and NaN
//! (`inf - inf`) once they leave. As the rolling sum does when its total overflows, the
//! state is then kept scaled down by a power of two (exact): an entering value too far from
//! the shift rescales the state in O(1), and once the window fits unscaled again a
//! recompute returns to the unscaled path. So every window gets its own variance, which
//! overflows to inf only where the exact one does; the standard deviation is taken in the
//! scaled units and is finite whenever it is representable.
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
/// A deviation from the shift (in scaled units) above this rescales the state: below it,
/// `M2` of any window of fewer than 2^200 values cannot overflow.
const HUGE: f64 = pow2(400);
/// After a rescale the largest deviation is below `2^FIT`, far enough under `HUGE` that
/// one rescale lasts while values of a similar size come and go.
const FIT: i32 = 300;

/// `2^e` for the exponents of normal numbers (exact).
const fn pow2(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// The binary exponent of a positive finite `v` (that of its leading bit, for normal numbers).
fn exponent(v: f64) -> i32 {
    ((v.to_bits() >> 52) & 0x7ff) as i32 - 1023
}

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
    /// 1, or the power of two every value is multiplied by before it enters the updates,
    /// while the window holds values too far apart to square (`k`, `mu`, `m2` are scaled).
    scale: f64,
    /// `1 / scale` (exact).
    unscale: f64,
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
            scale: 1.0,
            unscale: 1.0,
        }
    }

    #[inline(always)]
    fn note_added(&mut self, v: f64) {
        self.run = if v == self.prev { self.run + 1 } else { 1 };
        self.prev = v;
    }

    /// `v - k` in scaled units; rescales the state first when that is too large to square.
    #[inline(always)]
    fn deviation(&mut self, v: f64) -> f64 {
        let d = v * self.scale - self.k;
        if d.abs() <= HUGE {
            d
        } else {
            self.rescale(v);
            v * self.scale - self.k
        }
    }

    /// Scales the state down (by a power of two, exactly but for underflow of values far too
    /// small to matter beside `v`) so that `v`'s deviation from the shift fits below `2^FIT`.
    #[cold]
    fn rescale(&mut self, v: f64) {
        // Halves, so that neither can overflow; the deviation is at most 4 * reach < 2^(e+3).
        let reach = (v * self.scale * 0.5).abs().max((self.k * 0.5).abs());
        let f = pow2(FIT - 3 - exponent(reach));
        self.k *= f;
        self.mu *= f;
        self.m2 = self.m2 * f * f;
        self.peak = self.peak * f * f;
        self.scale *= f;
        self.unscale = 1.0 / self.scale;
    }

    #[inline(always)]
    fn add(&mut self, v: f64) {
        if self.nobs == 0 {
            self.scale = 1.0;
            self.unscale = 1.0;
            self.k = v;
            self.mu = 0.0;
            self.m2 = 0.0;
            self.peak = 0.0;
        }
        let d = self.deviation(v);
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
        // Every value in the window had its deviation made to fit when it entered.
        let d = v * self.scale - self.k;
        let delta = d - self.mu;
        self.mu -= delta / self.nobs as f64;
        self.m2 -= delta * (d - self.mu);
    }

    /// Steady state: `in_v` replaces `out_v`, the count is unchanged.
    #[inline(always)]
    fn replace(&mut self, in_v: f64, out_v: f64, inv_n: f64) {
        let din = self.deviation(in_v);
        let dout = out_v * self.scale - self.k;
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
        // A NaN `m2` (the scaling should leave none) would otherwise last until the refresh.
        if self.m2.is_nan() || self.m2 < self.peak * COLLAPSE || self.mu * self.mu * n > DRIFT * self.m2 || self.age > self.refresh {
            self.unstable = true;
        }
        if self.scale != 1.0 && (self.mu.abs() + self.m2.sqrt()) * self.unscale < pow2(FIT) {
            // Every deviation (at most |mu| + sqrt(m2)) fits unscaled: the huge values have
            // left, and the small ones are best kept unscaled (no subnormals).
            self.unstable = true;
        }
    }

    /// Rebuilds the state from the window `win` (the values currently in the window)
    /// with a shift taken from the window, by a compensated two-pass computation, scaled
    /// (see `rescale`) only when the window's deviations are too large to square.
    fn recompute(&mut self, win: &[f64]) {
        let k = match win.iter().rev().find(|v| usable(**v)) {
            Some(&v) => v,
            None => return,
        };
        // Half the largest deviation (halves cannot overflow), below 2^(e+1).
        let reach = win.iter().filter(|v| usable(**v)).fold(0.0f64, |m, &v| m.max((v * 0.5 - k * 0.5).abs()));
        let scale = if reach <= HUGE * 0.5 { 1.0 } else { pow2(FIT - 2 - exponent(reach)) };
        let k = k * scale;
        let mut n = 0usize;
        let mut s = 0.0;
        for &v in win {
            if usable(v) {
                n += 1;
                s += v * scale - k;
            }
        }
        let mu = s / n as f64;
        let (mut ss, mut sd) = (0.0, 0.0);
        for &v in win {
            if usable(v) {
                let e = (v * scale - k) - mu;
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
        self.scale = scale;
        self.unscale = 1.0 / scale;
    }

    /// The statistic of the window; scaled back by exact multiplications (whose product
    /// overflows only where the exact result does), the standard deviation after its root.
    #[inline(always)]
    fn value(&self, min_obs: usize, target: Target) -> f64 {
        // ddof = 1: pandas needs nobs > ddof.
        if self.nobs < min_obs || self.nobs < 2 {
            return f64::NAN;
        }
        let var = if self.run >= self.nobs || self.m2 <= 0.0 { 0.0 } else { self.m2 / (self.nobs - 1) as f64 };
        match target {
            Target::Var => var * self.unscale * self.unscale,
            Target::Std => var.sqrt() * self.unscale,
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
    let emit = |st: &State| st.value(min_obs, target);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rolling(x: &[f64], size: usize, target: Target) -> Vec<f64> {
        let mut out = vec![0.0; x.len()];
        run(x, 0, Window::new(size, 1).expect("valid window"), target, &mut out);
        out
    }

    /// Two-pass sample variance and standard deviation of the finite values of `w`, in units
    /// scaled by a power of two to the window's largest magnitude, so neither the squares of
    /// huge values nor the sums overflow (and scaling back is exact).
    fn two_pass(w: &[f64]) -> (f64, f64) {
        let v: Vec<f64> = w.iter().copied().filter(|v| v.is_finite()).collect();
        if v.len() < 2 {
            return (f64::NAN, f64::NAN);
        }
        let big = v.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let e = if big == 0.0 { 0 } else { exponent(big).clamp(-1022, 1022) };
        let s = pow2(-e);
        let mean = v.iter().map(|v| v * s).sum::<f64>() / v.len() as f64;
        let var = v.iter().map(|v| (v * s - mean).powi(2)).sum::<f64>() / (v.len() - 1) as f64;
        (var / s / s, var.sqrt() / s)
    }

    fn assert_close(got: f64, want: f64, what: &str) {
        let ok = if want.is_infinite() { got == want } else { (got - want).abs() <= 1e-9 * want.abs() };
        assert!(ok, "{what}: got {got}, want {want}");
    }

    /// The case as reported: one value above ~1.34e154 among ordinary ones, window 5.
    #[test]
    fn windows_after_a_value_whose_square_overflows_are_not_nan() {
        let x: Vec<f64> = (0..400).map(|i| if i == 10 { 1.5e154 } else { (i % 7) as f64 }).collect();
        let var = rolling(&x, 5, Target::Var);
        for i in 15..x.len() {
            assert_close(var[i], two_pass(&x[i - 4..=i]).0, &format!("var at {i}"));
        }
    }

    /// A value whose square overflows (above ~1.34e154) made `M2` infinite and, once the value
    /// had left, NaN until the periodic refresh, about 32 windows later. Every window must
    /// match a two-pass reference: the windows after it, and those holding it too (their
    /// variance overflows only where the exact one does; their standard deviation is finite).
    #[test]
    fn values_whose_squares_overflow_leave_later_windows_exact() {
        let mut s = 11u64;
        let mut u = move || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        let x: Vec<f64> = (0..6_000)
            .map(|i| match i {
                500 => 1.5e154,
                1_200 => -3e200,
                1_900 => 1.7e308,
                2_000..=2_399 => 1e300 * (u() - 0.5),
                2_600 | 2_603 => -1.7e308,
                3_000..=3_049 => f64::NAN,
                3_100 => 1e160,
                3_101..=3_104 => 1e-3 * u(),
                4_500 => 1e250,
                4_000..=4_999 => 1e-100 * (u() + 1.0),
                _ => 10.0 + u(),
            })
            .collect();
        for w in [2, 5, 40, 300] {
            let var = rolling(&x, w, Target::Var);
            let std = rolling(&x, w, Target::Std);
            for i in 0..x.len() {
                let (want_var, want_std) = two_pass(&x[(i + 1).saturating_sub(w)..=i]);
                if want_var.is_nan() {
                    assert!(var[i].is_nan() && std[i].is_nan(), "w={w} at {i}: {} from too few values", var[i]);
                    continue;
                }
                assert_close(var[i], want_var, &format!("var w={w} at {i}"));
                assert_close(std[i], want_std, &format!("std w={w} at {i}"));
                assert!(std[i].is_finite(), "w={w} at {i}");
            }
        }
    }
}
