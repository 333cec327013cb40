//! The units a fit runs in ([`Scale`]) and the one rule for degenerate data
//! and degenerate fits ([`degenerate`]), both relative to the data's scale.

use super::polynomial::difference;

/// Innovations at or below this fraction of the largest |y| are rounding
/// noise of the data (64 ulps).
const ROUNDING_REL: f64 = 64.0 * f64::EPSILON;

/// Innovations at or below this fraction of the spread of the differenced
/// series are, in effect, zero: the model reproduces y (a constant, a line, a
/// sinusoid) up to noise far below anything a fitted variance can rest on; its
/// likelihood is typically unbounded (e.g. an AR coefficient running to the
/// unit root on a constant) and would win any information criterion.
const SPREAD_REL: f64 = 1e-7;

/// True when innovations of size `sd` are zero relative to the data: below
/// `SPREAD_REL` times the spread of the differenced series (1 in the
/// standardized units of the fit, see [`Scale`]) or at the rounding level of
/// the largest |y| (`y_max`). The one rule for degenerate data and degenerate
/// fits, with or without mean and drift.
pub(crate) fn degenerate(sd: f64, y_max: f64) -> bool {
    !(sd > SPREAD_REL && sd > ROUNDING_REL * y_max)
}

/// Largest ratio kept between the largest |difference| and the scale
/// (so that squares of both stay inside the double range).
const MAX_SPREAD: f64 = 1e100;

/// The unit the fit runs in. Everything the optimizer, its finite
/// differences and the Hessian see is in `y / factor`, a robust measure of the
/// spread of the differenced series, so that their steps and tolerances do
/// not depend on the units of y: scaling y by c scales the factor by c and
/// leaves the standardized series unchanged up to rounding (R gets part of
/// this from `parscale`; standardizing covers the likelihood, the CSS start
/// and the Hessian too). Mean, drift, sigma, residuals and the state are
/// mapped back with [`Scale::factor`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scale {
    /// y is divided by `big` then by `small` (two steps keep 1e300-sized
    /// data from overflowing in its differences); `factor = big * small`.
    big: f64,
    small: f64,
    pub(crate) factor: f64,
}

impl Scale {
    pub(crate) fn of(y: &[f64], delta: &[f64]) -> Scale {
        let big = y.iter().filter(|v| !v.is_nan()).fold(0.0f64, |m, v| m.max(v.abs()));
        let big = if big > 0.0 { big } else { 1.0 };
        let y1: Vec<f64> = y.iter().map(|v| v / big).collect();
        let mut d: Vec<f64> = difference(&y1, delta).into_iter().filter(|v| !v.is_nan()).collect();
        let small = spread(&mut d);
        Scale { big, small, factor: big * small }
    }

    pub(crate) fn apply(&self, y: &[f64]) -> Vec<f64> {
        y.iter().map(|v| v / self.big / self.small).collect()
    }
}

/// Median absolute deviation from the median of `d` (reordered), falling
/// back to the mean absolute deviation and then the largest |value| when
/// most values are equal, and raised so that the largest deviation is at
/// most `MAX_SPREAD` times it. 1 for an empty or all-zero `d`.
fn spread(d: &mut [f64]) -> f64 {
    if d.is_empty() {
        return 1.0;
    }
    let median = |v: &mut [f64]| {
        let mid = v.len() / 2;
        *v.select_nth_unstable_by(mid, f64::total_cmp).1
    };
    let c = median(d);
    let mut dev: Vec<f64> = d.iter().map(|v| (v - c).abs()).collect();
    let dmax = dev.iter().fold(0.0f64, |m, &v| m.max(v));
    let mad = median(&mut dev);
    let mean_dev = dev.iter().sum::<f64>() / dev.len() as f64;
    let largest = d.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let s = if mad > 0.0 {
        mad
    } else if mean_dev > 0.0 {
        mean_dev
    } else if largest > 0.0 {
        largest
    } else {
        1.0
    };
    s.max(dmax / MAX_SPREAD)
}
