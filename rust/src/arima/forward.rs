//! A fitted model carried over new data with its coefficients fixed (R's
//! `forecast::Arima(y, model = fit)`): the final filter pass on the new series at the old
//! coefficients. The innovation variance is the model's, as R's `arima2` keeps it, so the
//! intervals are those of the fitted model; the coefficients' covariance is zero (nothing
//! was estimated). What cross-validation without refitting forecasts from.

use std::sync::atomic::AtomicBool;

use super::final_pass::final_pass;
use super::fit::to_units_of_y;
use super::model::ArimaFit;
use super::objective::{setup, Setup};
use super::stages::check_cancel;
use crate::error::{invalid, CoreResult};
use crate::stats::boxcox::box_cox_for_fit;

impl ArimaFit {
    /// This model over `y` (NaN = missing) with every coefficient fixed; an auto-ARIMA model
    /// with a Box-Cox lambda transforms `y` with it first, as its fit did.
    pub fn forward(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<ArimaFit> {
        if !self.xreg_names.is_empty() || !self.fourier.is_empty() {
            // The new observations' regressors are not given: carrying such a model forward
            // would silently drop its regression.
            return invalid("a model with regressors cannot be carried forward without their new values".to_string());
        }
        let x: Vec<f64> = match self.selection.lambda {
            Some(lambda) => box_cox_for_fit(y, lambda)?,
            None => y.to_vec(),
        };
        let Setup { mut prob, n_used, scale, .. } = setup(&self.spec, &x, cancel)?;
        let narma = self.spec.n_arma();
        // The filter runs in the units of y / factor, as a fit of this series would.
        let mut coef = self.coef.clone();
        for c in &mut coef[narma..] {
            *c /= scale.factor;
        }
        let complete = prob.complete;
        let fin = final_pass(&mut prob, &coef, complete)?;
        check_cancel(&prob)?;
        let nu = fin.sums.nu.max(1) as f64;
        // R's arima with every coefficient fixed: the concentrated likelihood at them.
        let loglik = -0.5 * (nu * (fin.sums.ssq / nu).ln() + fin.sums.sumlog + nu * (1.0 + (2.0 * std::f64::consts::PI).ln()));
        let ratio = self.scale / scale.factor;
        let mut fit = ArimaFit {
            spec: self.spec.clone(),
            coef,
            std_errors: vec![0.0; self.coef.len()],
            sigma2: self.sigma2 * ratio * ratio,
            scale: 1.0,
            loglik,
            n_used,
            y: Vec::new(),
            residuals: fin.residuals,
            state_a: fin.a,
            state_p: fin.p,
            selection: self.selection,
            xreg_names: Vec::new(),
            xreg: Vec::new(),
            fourier: Vec::new(),
            fourier_end: 0,
        };
        to_units_of_y(&mut fit, scale.factor, &x)?;
        Ok(fit)
    }
}

#[cfg(test)]
mod tests {
    use crate::arima::{fit, ArimaSpec};

    fn airline() -> ArimaSpec {
        ArimaSpec { p: 0, d: 1, q: 1, seasonal_p: 0, seasonal_d: 1, seasonal_q: 1, period: 12, include_mean: false, include_drift: false }
    }

    fn series(n: usize) -> Vec<f64> {
        (0..n).map(|t| 100.0 + 0.5 * t as f64 + 10.0 * ((t % 12) as f64 / 2.0).sin() + ((t * 7919 % 13) as f64 - 6.0)).collect()
    }

    #[test]
    fn forward_on_the_same_data_is_the_fit() {
        let y = series(96);
        let model = fit(&airline(), &y).expect("fits");
        let again = model.forward(&y, None).expect("forward");
        assert_eq!(again.coef, model.coef);
        assert!((again.sigma2() - model.sigma2()).abs() <= 1e-12 * model.sigma2());
        let (a, b) = (model.forecast_levels(12, &[0.9]).expect("f"), again.forecast_levels(12, &[0.9]).expect("f"));
        for (x, y) in a.mean.iter().zip(&b.mean).chain(a.upper[0].iter().zip(&b.upper[0])) {
            assert!((x - y).abs() <= 1e-9 * x.abs(), "{x} {y}");
        }
        assert!((again.log_likelihood() - model.log_likelihood()).abs() < 1e-6, "{} {}", again.log_likelihood(), model.log_likelihood());
    }

    #[test]
    fn forward_over_more_data_keeps_coefficients_and_moves_the_origin() {
        let y = series(120);
        let model = fit(&airline(), &y[..96]).expect("fits");
        let on = model.forward(&y, None).expect("forward");
        assert_eq!(on.coefficients(), model.coefficients());
        assert_eq!(on.sigma2(), model.sigma2());
        assert_eq!(on.residuals().len(), 120);
        // The first 96 residuals are the fit's: the filter is the same up to there.
        for (a, b) in on.residuals()[..96].iter().zip(model.residuals()) {
            assert!((a - b).abs() < 1e-8 * (1.0 + b.abs()), "{a} {b}");
        }
        let refit = fit(&airline(), &y).expect("fits");
        let f_on = on.forecast_levels(1, &[]).expect("f").mean[0];
        let f_refit = refit.forecast_levels(1, &[]).expect("f").mean[0];
        assert!((f_on - f_refit).abs() < 0.1 * f_refit.abs(), "{f_on} vs {f_refit}");
        assert_ne!(f_on, model.forecast_levels(25, &[]).expect("f").mean[24]);
    }
}
