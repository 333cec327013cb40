//! The units auto-ARIMA's decisions on the data are taken in. R's constancy check
//! (`is.constant`, `all.equal`) turns absolute where the mean |value| is below 1.5e-8, so
//! in R the same series times 1e-10 is "constant" (a mean-only model, no search) and its
//! differences may be too; and the tests' sums of squares overflow near 1e160. Both
//! decisions are taken on the data divided by an even power of two ([`ordinary_units`]),
//! which every step of the checks and tests (sums, products, ratios, square roots) carries
//! exactly, so they decide alike in any units.

use std::borrow::Cow;

use crate::stats::series::is_constant;

/// Largest |value| left as it is (2^300, about 1e90): larger, sums of squares may overflow.
fn largest_kept() -> f64 {
    2f64.powi(300)
}

/// Data whose largest |value| is below 1 or above 2^300, multiplied by the even power of
/// two that brings it into [1, 4); other data unchanged (ordinary data is tested exactly
/// as R does). Values tiny beside the largest may round as they would in R at that scale.
pub(crate) fn ordinary_units(x: &[f64]) -> Cow<'_, [f64]> {
    let largest = x.iter().filter(|v| !v.is_nan()).fold(0.0f64, |m, v| m.max(v.abs()));
    if largest == 0.0 || (1.0..=largest_kept()).contains(&largest) {
        return Cow::Borrowed(x);
    }
    let e = largest.log2().floor() as i32;
    let half = -(e - e.rem_euclid(2)) / 2;
    // Two equal steps: 2^half stays representable (|half| <= 537) where 2^(2 half) may not.
    let step = 2f64.powi(half);
    Cow::Owned(x.iter().map(|v| v * step * step).collect())
}

/// `forecast:::is.constant` of `x` in [`ordinary_units`]: the same answer in any units.
pub(crate) fn constant_in_any_units(x: &[f64]) -> bool {
    is_constant(&ordinary_units(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_series_are_equally_constant() {
        let y = [120.0, 121.5, 119.25, 120.75, 122.0];
        for k in [-320, -100, -10, -8, 0, 8, 100, 300] {
            let c = 10f64.powi(k);
            let scaled: Vec<f64> = y.iter().map(|v| v * c).collect();
            assert!(!constant_in_any_units(&scaled), "1e{k}");
            let flat: Vec<f64> = [1.0, 1.0, 1.0].iter().map(|v| v * c).collect();
            assert!(constant_in_any_units(&flat), "1e{k} constant");
        }
        // R's rule, unchanged for ordinary data: relative 1.5e-8.
        assert!(constant_in_any_units(&[1e6, 1e6 + 1e-4, 1e6]));
        assert!(!constant_in_any_units(&[1.0, 1.0 + 1e-6, 1.0]));
    }

    #[test]
    fn scaling_is_by_an_even_power_of_two() {
        for v in [3e-300, 1e-12, 0.3, 0.6, 5e200] {
            let x = [v, -v / 2.0];
            let s = ordinary_units(&x);
            let r = s[0] / v;
            assert!((1.0..4.0).contains(&s[0]), "{v}: {}", s[0]);
            assert_eq!(r.log2().fract(), 0.0, "{v}");
            assert_eq!(r.log2() as i32 % 2, 0, "{v}");
            assert_eq!(s[1], -s[0] / 2.0);
        }
        let subnormal = ordinary_units(&[f64::MIN_POSITIVE / 8.0]);
        assert_eq!(subnormal[0], 2.0);
        let ordinary = [2.0, -3.0, 100.0];
        assert!(matches!(ordinary_units(&ordinary), Cow::Borrowed(_)));
    }
}
