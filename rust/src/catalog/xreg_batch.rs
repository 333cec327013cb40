//! The batch verbs with regressors: every series of a batch fitted (and forecast) with its
//! own rows of the regressor columns, all series sharing the column names. One series whose
//! regressors cannot be used (a non-finite value, a constant or collinear column over its
//! rows, future values missing) fails alone, with the message its single fit would give.

use std::sync::Arc;

use super::ModelSpec;
use crate::arima::Regressors;
use crate::batch::{self, BatchControl};
use crate::engine::{check_request, FittedModel, Forecast};
use crate::error::CoreResult;

/// One series of a batch with its regressor rows.
#[derive(Debug, Clone, Copy)]
pub struct XregSeries<'a> {
    /// The series (NaN = missing).
    pub y: &'a [f64],
    /// The series' rows of every column, in the order of the batch's names.
    pub columns: &'a [&'a [f64]],
    /// The `h` future values of every column (empty when only fitting).
    pub future: &'a [&'a [f64]],
}

impl XregSeries<'_> {
    /// The regressors of this series, checked as a single fit checks them.
    fn regressors(&self, names: &[String]) -> CoreResult<Regressors> {
        let columns: Vec<Vec<f64>> = self.columns.iter().map(|c| c.to_vec()).collect();
        super::check_regressor_rows(names, &columns, self.y.len())?;
        Regressors::new(names.to_vec(), columns)
    }

    /// Fits this series exactly as [`ModelSpec::fit_xreg`] fits it on its own.
    fn fit(&self, spec: &ModelSpec, names: &[String], cancel: &std::sync::atomic::AtomicBool) -> CoreResult<Box<dyn FittedModel>> {
        spec.fit_xreg(self.y, &self.regressors(names)?, Some(cancel))
    }
}

/// Fits every series with its regressors under `control`; results in input order. May be
/// called once per chunk of a large input with the same control.
pub fn fit_all_xreg(
    spec: &ModelSpec,
    names: &[String],
    series: &[XregSeries],
    control: &BatchControl,
) -> Vec<CoreResult<Arc<dyn FittedModel>>> {
    batch::run(series.len(), control, |i, cancel| series[i].fit(spec, names, cancel).map(Arc::from))
}

/// Fits and forecasts every series with its regressors and their future values, keeping only
/// each model's label and forecast. A request outside the rules fails every series alike.
pub fn forecast_all_xreg(
    spec: &ModelSpec,
    names: &[String],
    series: &[XregSeries],
    h: usize,
    levels: &[f64],
    control: &BatchControl,
) -> Vec<CoreResult<(String, Forecast)>> {
    if let Err(e) = check_request(h, levels) {
        return series.iter().map(|_| Err(e.clone())).collect();
    }
    batch::run(series.len(), control, |i, cancel| {
        let s = &series[i];
        let model = s.fit(spec, names, cancel)?;
        let future: Vec<Vec<f64>> = s.future.iter().map(|c| c.to_vec()).collect();
        Ok((model.label(), model.forecast_xreg(h, levels, &future)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn promo(n: usize, shift: usize) -> Vec<f64> {
        (0..n).map(|t| f64::from(u8::from((t + shift) % 7 == 3))).collect()
    }

    fn sales(promo: &[f64], level: f64) -> Vec<f64> {
        let noise = |t: usize| ((t * 7919 % 101) as f64 / 101.0 - 0.5) * 0.8;
        promo.iter().enumerate().map(|(t, p)| level + 0.05 * t as f64 + 4.0 * p + noise(t)).collect()
    }

    #[test]
    fn batch_equals_single_fits_and_a_bad_series_fails_alone() {
        let spec = ModelSpec::parse("arima(1,1,0)").unwrap();
        let names = vec!["promo".to_string()];
        let p1 = promo(90, 0);
        let p2 = promo(70, 2);
        let bad = vec![1.0; 60];
        let (y1, y2, y3) = (sales(&p1, 10.0), sales(&p2, 30.0), sales(&promo(60, 1), 5.0));
        let f1 = vec![1.0, 0.0, 0.0];
        let f2 = vec![0.0, 1.0, 0.0];
        let c1 = [p1.as_slice()];
        let c2 = [p2.as_slice()];
        let c3 = [bad.as_slice()];
        let (u1, u2, u3) = ([f1.as_slice()], [f2.as_slice()], [f1.as_slice()]);
        let series = [
            XregSeries { y: &y1, columns: &c1, future: &u1 },
            XregSeries { y: &y3, columns: &c3, future: &u3 },
            XregSeries { y: &y2, columns: &c2, future: &u2 },
        ];
        let control = BatchControl::new(3, 2).unwrap();
        let out = forecast_all_xreg(&spec, &names, &series, 3, &[0.95], &control);
        let e = out[1].as_ref().unwrap_err().to_string();
        assert!(e.contains("'promo'"), "{e}");
        for (k, (y, col, fut)) in [(0, (&y1, &p1, &f1)), (2, (&y2, &p2, &f2))] {
            let xreg = Regressors::new(names.clone(), vec![col.clone()]).unwrap();
            let single = spec.fit_xreg(y, &xreg, None).unwrap().forecast_xreg(3, &[0.95], &[fut.clone()]).unwrap();
            let (label, got) = out[k].as_ref().expect("fits");
            assert_eq!(label, "ARIMA(1,1,0)");
            assert_eq!(got.packed(), single.packed(), "series {k}");
        }
        let fits = fit_all_xreg(&spec, &names, &series, &BatchControl::new(3, 1).unwrap());
        assert!(fits[0].is_ok() && fits[1].is_err() && fits[2].is_ok());
    }
}
