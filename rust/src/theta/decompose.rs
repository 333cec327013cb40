//! statsforecast's seasonal adjustment for Theta (`auto_theta`): a 90% one-sided test of the
//! autocorrelation at the seasonal lag, then statsmodels' classical `seasonal_decompose`
//! (centred moving average, season means of the detrended series, normalised).

/// How the series was seasonally adjusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adjustment {
    None,
    Multiplicative,
    Additive,
}

/// statsmodels' `acf(y, nlags = m, fft = False)` at lags 1..=m (biased autocovariances).
pub(super) fn acf(y: &[f64], m: usize) -> Vec<f64> {
    let n = y.len();
    let mean = y.iter().sum::<f64>() / n as f64;
    let d: Vec<f64> = y.iter().map(|v| v - mean).collect();
    let cov = |k: usize| (0..n - k).map(|t| d[t] * d[t + k]).sum::<f64>() / n as f64;
    let c0 = cov(0);
    (1..=m).map(|k| cov(k) / c0).collect()
}

/// statsforecast's test: with m >= 4 and at least two seasons, |r_m| over its standard error
/// under Bartlett's formula above the normal's 95% quantile.
pub fn is_seasonal(y: &[f64], m: usize) -> bool {
    if m < 4 || y.len() < 2 * m {
        return false;
    }
    let r = acf(y, m);
    let se = ((1.0 + 2.0 * r[..m - 1].iter().map(|v| v * v).sum::<f64>()) / y.len() as f64).sqrt();
    // scipy's norm.ppf(0.95).
    (r[m - 1].abs() / se) > 1.6448536269514722
}

/// statsmodels' `seasonal_decompose(y, model, period = m).seasonal` (y has at least two
/// seasons): the season index of every observation.
pub fn seasonal(y: &[f64], m: usize, multiplicative: bool) -> Vec<f64> {
    let n = y.len();
    let filter: Vec<f64> = if m.is_multiple_of(2) {
        let mut f = vec![1.0 / m as f64; m + 1];
        f[0] = 0.5 / m as f64;
        f[m] = 0.5 / m as f64;
        f
    } else {
        vec![1.0 / m as f64; m]
    };
    let half = filter.len() / 2;
    let mut sums = vec![0.0; m];
    let mut counts = vec![0usize; m];
    for t in half..n - (filter.len() - 1 - half) {
        // scipy's convolution runs over the reversed filter, which is symmetric.
        let trend: f64 = filter.iter().enumerate().map(|(k, w)| w * y[t - half + k]).sum();
        let detrended = if multiplicative { y[t] / trend } else { y[t] - trend };
        if !detrended.is_nan() {
            sums[t % m] += detrended;
            counts[t % m] += 1;
        }
    }
    let mut means: Vec<f64> = sums.iter().zip(&counts).map(|(s, &c)| s / c as f64).collect();
    let overall = means.iter().sum::<f64>() / m as f64;
    for v in &mut means {
        if multiplicative {
            *v /= overall;
        } else {
            *v -= overall;
        }
    }
    (0..n).map(|t| means[t % m]).collect()
}
