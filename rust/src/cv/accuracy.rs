//! The errors of a series' cross-validated forecasts, pooled over its windows and steps, with
//! the definitions of `io.lagrs.Accuracy` (R's `forecast::accuracy` on a test set, the M4
//! competition's sMAPE and MSIS). A point where the actual or the forecast is missing is
//! skipped; a measure with no point left is NaN. The scaled measures divide each window's
//! errors by the naive scale of that window's own training data (what `accuracy` would use
//! for that window's forecast), then average over every point.

use super::{Settings, Window};

/// One model's measures on one series.
#[derive(Debug, Clone, PartialEq)]
pub struct Measures {
    /// R's ME: mean of actual - forecast.
    pub bias: f64,
    pub mae: f64,
    pub rmse: f64,
    pub mase: f64,
    /// Root mean squared scaled error (the M5 competition's): squared errors over the mean
    /// squared naive difference of the training data.
    pub rmsse: f64,
    /// In percent, 0 to 200.
    pub smape: f64,
    /// Per level: the share of actuals inside the interval, bounds included.
    pub coverage: Vec<f64>,
    /// Per level: the mean scaled interval score.
    pub msis: Vec<f64>,
}

/// The names of the measures in the order [`Measures::to_row`] writes them, before the
/// per-level ones (coverage, then MSIS, for each level in order).
pub const NAMES: [&str; 6] = ["bias", "mae", "rmse", "mase", "rmsse", "smape"];

impl Measures {
    /// `[bias, mae, rmse, mase, rmsse, smape, coverage..., msis...]`.
    pub fn to_row(&self) -> Vec<f64> {
        let mut row = vec![self.bias, self.mae, self.rmse, self.mase, self.rmsse, self.smape];
        row.extend_from_slice(&self.coverage);
        row.extend_from_slice(&self.msis);
        row
    }
}

/// A mean of the values pushed that are not NaN.
#[derive(Default, Clone, Copy)]
struct Mean {
    sum: f64,
    n: usize,
}

impl Mean {
    fn push(&mut self, v: f64) {
        if !v.is_nan() {
            self.sum += v;
            self.n += 1;
        }
    }
    fn value(self) -> f64 {
        if self.n == 0 {
            f64::NAN
        } else {
            self.sum / self.n as f64
        }
    }
}

/// Mean absolute and mean squared lag-m difference of `train` (pairs with a NaN skipped).
pub fn naive_scales(train: &[f64], period: usize) -> (f64, f64) {
    let lag = period.max(1);
    let (mut abs, mut sq) = (Mean::default(), Mean::default());
    for t in lag..train.len() {
        let d = train[t] - train[t - lag];
        abs.push(d.abs());
        sq.push(d * d);
    }
    (abs.value(), sq.value())
}

/// The measures of forecasts `values` (laid out as [`super::run::ModelWindows::values`]) of
/// `y` over `windows`.
pub fn measure(y: &[f64], windows: &[Window], values: &[f64], s: &Settings) -> Measures {
    let h = s.h;
    let stride = h * (1 + 2 * s.levels.len());
    let (mut me, mut mae, mut mse, mut mase, mut msse, mut smape) =
        (Mean::default(), Mean::default(), Mean::default(), Mean::default(), Mean::default(), Mean::default());
    let mut coverage = vec![Mean::default(); s.levels.len()];
    let mut msis = vec![Mean::default(); s.levels.len()];
    for (w, window) in windows.iter().enumerate() {
        let (scale, scale2) = naive_scales(&y[window.start..window.end], s.period);
        let f = &values[w * stride..(w + 1) * stride];
        for i in 0..h {
            let (a, m) = (y[window.end + i], f[i]);
            let e = a - m;
            if !e.is_nan() {
                me.push(e);
                mae.push(e.abs());
                mse.push(e * e);
                let denominator = a.abs() + m.abs();
                smape.push(if denominator == 0.0 { 0.0 } else { 200.0 * e.abs() / denominator });
            }
            mase.push(e.abs() / scale);
            msse.push(e * e / scale2);
            for (k, &level) in s.levels.iter().enumerate() {
                let (lo, up) = (f[(1 + 2 * k) * h + i], f[(2 + 2 * k) * h + i]);
                if a.is_nan() || lo.is_nan() || up.is_nan() {
                    continue;
                }
                coverage[k].push(if a >= lo && a <= up { 1.0 } else { 0.0 });
                let alpha = 1.0 - level;
                let score = up - lo
                    + if a < lo { 2.0 / alpha * (lo - a) } else { 0.0 }
                    + if a > up { 2.0 / alpha * (a - up) } else { 0.0 };
                msis[k].push(score / scale);
            }
        }
    }
    Measures {
        bias: me.value(),
        mae: mae.value(),
        rmse: mse.value().sqrt(),
        mase: mase.value(),
        rmsse: msse.value().sqrt(),
        smape: smape.value(),
        coverage: coverage.into_iter().map(Mean::value).collect(),
        msis: msis.into_iter().map(Mean::value).collect(),
    }
}
