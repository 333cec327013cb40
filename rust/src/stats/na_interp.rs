//! Filling missing values as `forecast::na.interp` does before a seasonal
//! decomposition (`mstl`, and so the seasonal-strength test).
//!
//! Short or non-seasonal series: linear interpolation, the ends held constant
//! (R's `approx(rule = 2)`). A seasonal series with more than two periods
//! observed: a first guess from a regression on Fourier terms and a
//! polynomial trend, a robust STL of the filled series, and then the
//! seasonally adjusted series interpolated linearly with the STL's seasonal
//! added back. If that lands more than half the data's range outside it, R
//! falls back to the linear fill, and so does this.

use super::stl::{stl, StlParams, MSTL_S_WINDOW};
use crate::numerics::ols::ols;

/// `na.interp(ts(x, frequency = m))`: `x` with its NaNs filled. `None` when
/// every value is missing.
pub fn na_interp(x: &[f64], m: usize) -> Option<Vec<f64>> {
    let known: Vec<usize> = (0..x.len()).filter(|&i| !x[i].is_nan()).collect();
    if known.is_empty() {
        return None;
    }
    if known.len() == x.len() {
        return Some(x.to_vec());
    }
    // R's default `linear = frequency(x) <= 1 | sum(!is.na(x)) <= 2 * frequency(x)`.
    if m <= 1 || known.len() <= 2 * m {
        return Some(linear_fill(x, &known));
    }
    let (lo, hi) = known.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &i| (lo.min(x[i]), hi.max(x[i])));
    let seasonal = seasonal_fill(x, m, &known);
    let margin = 0.5 * (hi - lo);
    match seasonal {
        Some(filled) if filled.iter().all(|v| *v >= lo - margin && *v <= hi + margin) => Some(filled),
        _ => Some(linear_fill(x, &known)),
    }
}

/// Linear interpolation between the known values `known` (indices, ascending)
/// with constant ends.
fn linear_fill(x: &[f64], known: &[usize]) -> Vec<f64> {
    let (first, last) = (known[0], known[known.len() - 1]);
    let mut out = x.to_vec();
    out[..first].fill(x[first]);
    out[last + 1..].fill(x[last]);
    for pair in known.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        for (i, v) in out.iter_mut().enumerate().take(b).skip(a + 1) {
            *v = x[a] + (x[b] - x[a]) * (i - a) as f64 / (b - a) as f64;
        }
    }
    out
}

/// The seasonal branch of `na.interp`; `None` if the regression has no fit.
fn seasonal_fill(x: &[f64], m: usize, known: &[usize]) -> Option<Vec<f64>> {
    let n = x.len();
    let columns = regressors(n, m);
    let y: Vec<f64> = known.iter().map(|&i| x[i]).collect();
    let rows: Vec<Vec<f64>> = columns.iter().map(|c| known.iter().map(|&i| c[i]).collect()).collect();
    let fit = ols(&y, &rows)?;
    let mut filled = x.to_vec();
    for (i, v) in filled.iter_mut().enumerate() {
        if v.is_nan() {
            // lm drops aliased columns (NaN coefficient); predict() ignores them.
            *v = columns.iter().zip(&fit.coef).filter(|(_, b)| !b.is_nan()).map(|(c, b)| b * c[i]).sum();
        }
    }
    let (season, _) = stl(&filled, &StlParams::r_robust(m, MSTL_S_WINDOW));
    let adjusted: Vec<f64> = (0..n).map(|i| if x[i].is_nan() { f64::NAN } else { filled[i] - season[i] }).collect();
    let adjusted = linear_fill(&adjusted, known);
    for (i, v) in filled.iter_mut().enumerate() {
        if x[i].is_nan() {
            *v = adjusted[i] + season[i];
        }
    }
    Some(filled)
}

/// The design of `lm(x ~ cbind(fourier(x, K), poly(t, degree)))` at t = 1..n:
/// an intercept, `K = min(m / 2, 5)` sine/cosine pairs (no sine at the
/// Nyquist frequency, where it is zero) and orthogonal polynomials of degree
/// `min(max(n / 10, 1), 6)`. Only the span matters for the fitted values, so
/// the polynomials are orthogonalised here rather than built as R's `poly`.
fn regressors(n: usize, m: usize) -> Vec<Vec<f64>> {
    let mut columns = vec![vec![1.0; n]];
    let period = m as f64;
    for k in 1..=(m / 2).min(5) {
        let angle = |t: usize| 2.0 * std::f64::consts::PI * k as f64 * t as f64 / period;
        if 2 * k != m {
            columns.push((1..=n).map(|t| angle(t).sin()).collect());
        }
        columns.push((1..=n).map(|t| angle(t).cos()).collect());
    }
    let degree = (n / 10).clamp(1, 6);
    let mean = (n as f64 + 1.0) / 2.0;
    let mut basis: Vec<Vec<f64>> = vec![vec![1.0; n]];
    for d in 1..=degree {
        let mut column: Vec<f64> = (1..=n).map(|t| (t as f64 - mean).powi(d as i32)).collect();
        for previous in &basis {
            let scale = dot(&column, previous) / dot(previous, previous);
            column.iter_mut().zip(previous).for_each(|(c, p)| *c -= scale * p);
        }
        let norm = dot(&column, &column).sqrt();
        column.iter_mut().for_each(|c| *c /= norm);
        basis.push(column);
    }
    columns.extend(basis.into_iter().skip(1));
    columns
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    //! Against `testdata/auto_arima/missing_values.json` (R 4.2.2, forecast 8.20).
    use super::*;
    use crate::stats::test_fixtures::{assert_within, load, max_abs, nums};

    /// Odd lengths: R's robust STL is exact there (see `stl::robustness_weights`).
    #[test]
    fn fills_as_r_na_interp() {
        let doc = load("missing_values.json");
        let series: Vec<_> =
            doc["series"].as_array().expect("series").iter().filter(|c| nums(&c["x"]).len() % 2 == 1).collect();
        assert!(series.len() >= 40);
        for case in series {
            let x = nums(&case["x"]);
            let m = case["m"].as_u64().expect("m") as usize;
            let want = nums(&case["na_interp"]);
            let got = na_interp(&x, m).expect("some values are known");
            assert_within(&case["name"].to_string(), &got, &want, 1e-9 * max_abs(&want));
        }
    }

    #[test]
    fn the_seasonal_branch_is_not_linear_interpolation() {
        // Guards the test above: most fixture fills must differ from a linear fill.
        let doc = load("missing_values.json");
        let differs = doc["series"]
            .as_array()
            .expect("series")
            .iter()
            .filter(|case| {
                let x = nums(&case["x"]);
                let known: Vec<usize> = (0..x.len()).filter(|&i| !x[i].is_nan()).collect();
                let linear = linear_fill(&x, &known);
                nums(&case["na_interp"]).iter().zip(&linear).any(|(a, b)| (a - b).abs() > 1e-6 * a.abs().max(1.0))
            })
            .count();
        assert!(differs >= 30, "only {differs} fixture fills differ from linear interpolation");
    }

    #[test]
    fn short_or_nonseasonal_series_are_filled_linearly() {
        let x = [f64::NAN, 2.0, f64::NAN, 4.0, f64::NAN];
        assert_eq!(na_interp(&x, 1).expect("known values"), vec![2.0, 2.0, 3.0, 4.0, 4.0]);
        assert_eq!(na_interp(&x, 4).expect("known values"), vec![2.0, 2.0, 3.0, 4.0, 4.0]);
        assert!(na_interp(&[f64::NAN; 4], 2).is_none());
    }
}
