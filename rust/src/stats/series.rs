//! R's small helpers on a series: `forecast::is.constant`, `diff` and `var(na.rm = TRUE)`, and the
//! one rule on infinite values.

use crate::error::{invalid, CoreResult};

/// `forecast:::is.constant`: `all.equal(x, rep(x[1], n))`, i.e. the mean
/// absolute difference from the first value, relative to the mean absolute
/// value where that exceeds the tolerance, is at most 1.5e-8. NaN positions
/// must match (a NaN first value makes a series with any number non-constant).
pub fn is_constant(x: &[f64]) -> bool {
    let Some(&first) = x.first() else {
        return true;
    };
    const TOL: f64 = 1.5e-8;
    let mut diff_sum = 0.0;
    let mut abs_sum = 0.0;
    let mut count = 0usize;
    for &v in x {
        if v.is_nan() != first.is_nan() {
            return false;
        }
        if v.is_nan() || v == first {
            continue;
        }
        diff_sum += (v - first).abs();
        abs_sum += v.abs();
        count += 1;
    }
    if count == 0 {
        return true;
    }
    let mut xy = diff_sum / count as f64;
    let xn = abs_sum / count as f64;
    if xn.is_finite() && xn > TOL {
        xy /= xn;
    }
    xy <= TOL
}

/// R's `diff(x, lag, differences = 1)`: NaN propagates.
pub fn diff(x: &[f64], lag: usize) -> Vec<f64> {
    if x.len() <= lag {
        return Vec::new();
    }
    (lag..x.len()).map(|t| x[t] - x[t - lag]).collect()
}

/// Refuses a series holding +-Infinity (NaN is a missing value; infinity is never data), naming
/// the first such value: the rule every model family applies to `y`.
pub fn refuse_infinite(y: &[f64]) -> CoreResult<()> {
    match y.iter().position(|v| v.is_infinite()) {
        Some(i) => invalid(format!("y must not contain infinite values (y[{i}] = {})", y[i])),
        None => Ok(()),
    }
}

/// Sample variance (n - 1 denominator) over the non-missing values, as
/// R's `var(x, na.rm = TRUE)`; NaN with fewer than two values.
pub fn var_na_rm(x: impl Iterator<Item = f64>) -> f64 {
    let values: Vec<f64> = x.filter(|v| !v.is_nan()).collect();
    if values.len() < 2 {
        return f64::NAN;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small deterministic generator for test series.
    pub(crate) struct Lcg(pub u64);
    impl Lcg {
        pub(crate) fn uniform(&mut self) -> f64 {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        }
        pub(crate) fn normal(&mut self) -> f64 {
            let (u, v) = (self.uniform(), self.uniform());
            (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
        }
    }

    #[test]
    fn is_constant_uses_all_equal_tolerance() {
        assert!(is_constant(&[3.0, 3.0, 3.0]));
        assert!(is_constant(&[1e6, 1e6 + 1e-4, 1e6]));
        assert!(!is_constant(&[1.0, 1.0 + 1e-6, 1.0]));
        assert!(!is_constant(&[1.0, f64::NAN, 1.0]));
        assert!(is_constant(&[f64::NAN, f64::NAN]));
        assert!(is_constant(&[0.0, 1e-9]));
        assert!(!is_constant(&[0.0, 1e-7]));
    }

    #[test]
    fn constancy_as_r() {
        assert!(is_constant(&[5.0, 5.0, 5.0]));
        assert!(is_constant(&[5.0, 5.0 + 1e-9, 5.0]));
        assert!(!is_constant(&[5.0, 5.1, 5.0]));
        assert!(!is_constant(&[5.0, f64::NAN, 5.0]));
        assert!(is_constant(&[f64::NAN, f64::NAN]));
        assert!(is_constant(&[0.0, 0.0]));
        assert!(is_constant(&[7.0]));
    }
}
