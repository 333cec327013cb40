//! Specs fitted with the caller's regressors (R's `xreg`): the families that take them
//! (ARIMA and auto-ARIMA, as regression with ARIMA errors), the refusal of every other
//! family by name (a regressor silently ignored is a wrong forecast), and the checks that
//! name the column at fault.

use std::sync::atomic::AtomicBool;

use super::{Family, ModelSpec};
use crate::arima::{self, FitOptions, Regressors};
use crate::auto;
use crate::engine::{FittedModel, Spec};
use crate::error::{invalid, CoreError, CoreResult};

impl ModelSpec {
    /// Fits the spec to `y` with the regressors `xreg` (one value per observation of `y`
    /// in every column); without columns, [`Spec::fit`]. Every spec of a fallback chain must
    /// take regressors: `auto_arima|arima(0,1,1)` does, `auto_arima|naive` is refused
    /// before anything is fitted.
    pub fn fit_xreg(&self, y: &[f64], xreg: &Regressors, cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        if xreg.is_empty() {
            return self.fit(y, cancel);
        }
        self.check_takes_regressors()?;
        check_rows(xreg.names(), xreg.columns(), y.len())?;
        self.fit_chain(y, xreg, cancel)
    }

    /// An `InvalidArgument` naming the first spec of the chain whose family takes no regressors.
    pub fn check_takes_regressors(&self) -> CoreResult<()> {
        let mut spec = Some(self);
        while let Some(s) = spec {
            if !matches!(s.family, Family::Arima(..) | Family::AutoArima(_)) {
                let head = ModelSpec { fallback: None, ..s.clone() };
                return invalid(format!(
                    "xreg: the model '{head}' takes no regressors; regression with ARIMA errors is arima(...) or auto_arima(...)"
                ));
            }
            spec = s.fallback.as_deref();
        }
        Ok(())
    }

    fn fit_chain(&self, y: &[f64], xreg: &Regressors, cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        let fitted = match &self.box_cox {
            Some(transform) => transform.fit(y, self.period(), |z| self.fit_family_xreg(z, xreg, cancel)),
            None => self.fit_family_xreg(y, xreg, cancel),
        };
        match (fitted, &self.fallback) {
            (Err(e), Some(fallback)) if e != CoreError::Cancelled => fallback.fit_chain(y, xreg, cancel),
            (fitted, _) => fitted,
        }
    }

    fn fit_family_xreg(&self, y: &[f64], xreg: &Regressors, cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        Ok(match &self.family {
            Family::Arima(spec, fourier) => {
                Box::new(arima::fit_fourier(spec, fourier, y, xreg, &FitOptions { cancel, ..FitOptions::default() })?)
            }
            Family::AutoArima(options) => match auto::auto_arima_xreg(y, xreg, options, cancel) {
                Ok(fit) => Box::new(fit.fit),
                Err(CoreError::Numerical(why)) => return Err(unidentifiable(y, xreg).unwrap_or(CoreError::Numerical(why))),
                Err(e) => return Err(e),
            },
            _ => unreachable!("check_takes_regressors ran first"),
        })
    }
}

/// One value per observation of y in every column, the first column that has not named
/// (before [`Regressors::new`] compares the columns with each other).
pub fn check_rows(names: &[String], columns: &[Vec<f64>], n: usize) -> CoreResult<()> {
    for (name, column) in names.iter().zip(columns) {
        if column.len() != n {
            return invalid(format!("xreg column '{name}' has {} values, y has {n}: they must match", column.len()));
        }
    }
    Ok(())
}

/// Why auto-ARIMA found no model, when a column is to blame: a constant column (it is the
/// mean's twin, and differencing removes it: every candidate fails, as in R's `auto.arima`),
/// or a column that is a linear combination of an intercept and the columns before it (R's
/// rank check stops there). `lm`'s aliasing rule, on the rows where y is present.
fn unidentifiable(y: &[f64], xreg: &Regressors) -> Option<CoreError> {
    let rows: Vec<usize> = (0..y.len()).filter(|&t| !y[t].is_nan()).collect();
    let pick = |c: &[f64]| rows.iter().map(|&t| c[t]).collect::<Vec<f64>>();
    let names = xreg.names();
    if let Some(j) = xreg.columns().iter().position(|c| crate::stats::series::is_constant(&pick(c))) {
        return Some(CoreError::InvalidArgument(format!(
            "xreg column '{}' is constant: beside a mean, or after differencing, its coefficient is not \
             identifiable, and no candidate model can be fitted (R's auto.arima finds no suitable model either)",
            names[j]
        )));
    }
    let mut cols = vec![vec![1.0; rows.len()]];
    cols.extend(xreg.columns().iter().map(|c| pick(c)));
    let fit = crate::numerics::ols::ols(&pick(y), &cols)?;
    let j = fit.coef.iter().skip(1).position(|c| c.is_nan())?;
    Some(CoreError::InvalidArgument(format!(
        "xreg column '{}' is a linear combination of an intercept{}{}: xreg is rank deficient (R's auto.arima stops on it too)",
        names[j],
        if j == 0 { "" } else { " and " },
        names[..j].join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trend_with_promo(n: usize) -> (Vec<f64>, Regressors) {
        let promo: Vec<f64> = (0..n).map(|t| f64::from(u8::from(t % 7 == 3))).collect();
        let noise = |t: usize| ((t * 7919 % 101) as f64 / 101.0 - 0.5) * 0.8;
        let y: Vec<f64> = (0..n).map(|t| 10.0 + 0.05 * t as f64 + 4.0 * promo[t] + noise(t)).collect();
        (y, Regressors::new(vec!["promo".into()], vec![promo]).expect("valid"))
    }

    #[test]
    fn arima_takes_regressors_and_forecasts_need_them() {
        let (y, xreg) = trend_with_promo(120);
        let model = ModelSpec::parse("arima(1,1,0)").unwrap().fit_xreg(&y, &xreg, None).expect("fits");
        assert_eq!(model.regressor_names(), vec!["promo".to_string()]);
        let promo_coef = crate::engine::find::<arima::ArimaFit>(model.as_ref()).unwrap().xreg_coefficients()[0];
        assert!((promo_coef - 4.0).abs() < 0.5, "promo coefficient {promo_coef}");
        assert!(model.forecast(3, &[0.95]).unwrap_err().to_string().contains("promo"));
        let with = model.forecast_xreg(3, &[0.95], &[vec![1.0, 0.0, 0.0]]).expect("forecasts");
        let without = model.forecast_xreg(3, &[0.95], &[vec![0.0, 0.0, 0.0]]).expect("forecasts");
        assert!((with.mean[0] - without.mean[0] - promo_coef).abs() < 1e-9);
        assert_eq!(with.mean[1], without.mean[1]);
    }

    #[test]
    fn families_without_regressors_are_refused_by_name() {
        let (y, xreg) = trend_with_promo(60);
        for text in ["naive", "auto_ets", "auto_arima|naive", "theta", "mean_of(naive, drift)"] {
            let e = ModelSpec::parse(text).unwrap().fit_xreg(&y, &xreg, None).unwrap_err().to_string();
            assert!(e.contains("takes no regressors"), "{text}: {e}");
        }
        let e = ModelSpec::parse("auto_arima|naive").unwrap().fit_xreg(&y, &xreg, None).unwrap_err().to_string();
        assert!(e.contains("'naive'"), "{e}");
    }

    #[test]
    fn auto_arima_names_the_column_no_model_can_take() {
        let (y, xreg) = trend_with_promo(80);
        let promo = xreg.columns()[0].clone();
        let twice: Vec<f64> = promo.iter().map(|v| 2.0 * v + 1.0).collect();
        let cases = [
            (vec!["promo", "k"], vec![promo.clone(), vec![4.0; 80]], "'k' is constant"),
            // The search's own rank check (near-exact dependence left to `unidentifiable`).
            (vec!["promo", "twice"], vec![promo, twice], "rank deficient"),
        ];
        for (names, columns, expected) in cases {
            let xreg = Regressors::new(names.into_iter().map(String::from).collect(), columns).unwrap();
            let e = ModelSpec::parse("auto_arima").unwrap().fit_xreg(&y, &xreg, None).unwrap_err();
            assert!(matches!(&e, CoreError::InvalidArgument(m) if m.contains(expected)), "{e}");
        }
    }

    /// Weekly-like sales: a yearly pattern, a promotion lift and AR(1) noise.
    fn weekly_sales(n: usize) -> (Vec<f64>, Vec<f64>) {
        let promo: Vec<f64> = (0..n).map(|t| f64::from(u8::from(t % 9 < 2))).collect();
        let mut e = 0.0;
        let y = (0..n)
            .map(|t| {
                e = 0.5 * e + ((t * 7919 % 101) as f64 / 101.0 - 0.5) * 6.0;
                let w = 2.0 * std::f64::consts::PI * (t + 1) as f64 / 52.18;
                100.0 + 12.0 * w.sin() - 5.0 * (2.0 * w).cos() + 15.0 * promo[t] + e
            })
            .collect();
        (y, promo)
    }

    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn arima_fourier_text_fits_as_its_columns_given_as_xreg() {
        use crate::stats::fourier::{fourier, fourier_future, FourierTerm};
        let (y, promo) = weekly_sales(160);
        let terms = [FourierTerm { period: 52.18, k: 2 }];
        let (names, cols) = fourier(&terms, y.len()).unwrap();
        let (_, future) = fourier_future(&terms, y.len(), 8).unwrap();
        // Fourier terms alone: the text builds them, fit and forecast.
        let built = ModelSpec::parse("arima(1,0,1, fourier=[52.18:2])").unwrap().fit(&y, None).expect("fits");
        let given = Regressors::new(names.clone(), cols.clone()).unwrap();
        let explicit = ModelSpec::parse("arima(1,0,1)").unwrap().fit_xreg(&y, &given, None).expect("fits");
        let coef = |m: &dyn FittedModel| crate::engine::find::<arima::ArimaFit>(m).unwrap().coefficients();
        assert_eq!(bits(&coef(built.as_ref())), bits(&coef(explicit.as_ref())));
        assert!(built.regressor_names().is_empty(), "{:?}", built.regressor_names());
        let a = built.forecast(8, &[0.9]).expect("builds the future terms");
        let b = explicit.forecast_xreg(8, &[0.9], &future).expect("forecasts");
        assert_eq!((bits(&a.mean), bits(&a.upper[0])), (bits(&b.mean), bits(&b.upper[0])));
        // With the caller's regressors: theirs first, the Fourier terms after.
        let xreg = Regressors::new(vec!["promo".into()], vec![promo.clone()]).unwrap();
        let built = ModelSpec::parse("arima(1,0,0,fourier=[52.18:2])").unwrap().fit_xreg(&y, &xreg, None).expect("fits");
        let all = Regressors::new(
            std::iter::once("promo".to_string()).chain(names).collect(),
            std::iter::once(promo).chain(cols).collect(),
        )
        .unwrap();
        let explicit = ModelSpec::parse("arima(1,0,0)").unwrap().fit_xreg(&y, &all, None).expect("fits");
        assert_eq!(bits(&coef(built.as_ref())), bits(&coef(explicit.as_ref())));
        assert_eq!(built.regressor_names(), vec!["promo".to_string()]);
        let next_promo = vec![1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let a = built.forecast_xreg(8, &[0.9], &[next_promo.clone()]).expect("forecasts");
        let b = explicit.forecast_xreg(8, &[0.9], &std::iter::once(next_promo).chain(future).collect::<Vec<_>>()).unwrap();
        assert_eq!(bits(&a.mean), bits(&b.mean));
        assert!(built.forecast(8, &[0.9]).unwrap_err().to_string().contains("promo"));
    }

    #[test]
    fn arima_fourier_text_round_trips_and_survives_a_save() {
        let spec = ModelSpec::parse("arima(1,0,1,fourier=[7:2,365.25:3])").unwrap();
        assert_eq!(spec.to_string(), "arima(1,0,1,fourier=[7:2,365.25:3])");
        assert_eq!(ModelSpec::parse("arima(0,1,1,lambda=0,fourier=[52.18:1])").unwrap().to_string(), "arima(0,1,1,fourier=[52.18:1],lambda=0)");
        let (y, _) = weekly_sales(120);
        let model = spec.fit(&y, None).expect("fits");
        let back = super::super::decode(&crate::engine::envelope::wrap(model.as_ref())).expect("decodes");
        assert_eq!(bits(&back.forecast(5, &[]).unwrap().mean), bits(&model.forecast(5, &[]).unwrap().mean));
    }

    #[test]
    fn a_column_of_the_wrong_length_is_named() {
        let (y, _) = trend_with_promo(60);
        let xreg = Regressors::new(vec!["price".into()], vec![vec![1.0; 59]]).unwrap();
        let e = ModelSpec::parse("arima(0,1,1)").unwrap().fit_xreg(&y, &xreg, None).unwrap_err().to_string();
        assert!(e.contains("'price' has 59 values, y has 60"), "{e}");
    }

    #[test]
    fn box_cox_models_forecast_with_regressors_on_the_data_scale() {
        let (y, xreg) = trend_with_promo(120);
        let model = ModelSpec::parse("arima(1,1,0,lambda=0)").unwrap().fit_xreg(&y, &xreg, None).expect("fits");
        assert_eq!(model.regressor_names(), vec!["promo".to_string()]);
        let f = model.forecast_xreg(2, &[0.8], &[vec![1.0, 0.0]]).expect("forecasts");
        assert!(f.mean[0] > f.mean[1] + 2.0, "{:?}", f.mean);
        assert!(f.lower[0][0] < f.mean[0] && f.mean[0] < f.upper[0][0]);
    }
}
