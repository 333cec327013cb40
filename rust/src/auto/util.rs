//! Small helpers shared by the auto-ARIMA modules.

/// `forecast::is.constant`, as R 4.x's `all.equal` decides it (one implementation, kept
/// with the unit-root tests that share it).
pub use super::unit_root::is_constant;

/// R's `diff(x, lag, differences = 1)`: NaN propagates.
pub fn diff(x: &[f64], lag: usize) -> Vec<f64> {
    if x.len() <= lag {
        return Vec::new();
    }
    (lag..x.len()).map(|t| x[t] - x[t - lag]).collect()
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
