//! An ETS model carried over new data without refitting: R's
//! `ets(y, model = fit, use.initial.values = TRUE)`. The smoothing parameters and the initial
//! states are the fit's; the state recursion runs over the new series from those states, and
//! the residuals, the variance and the criteria are those of the new pass (R recomputes them
//! there too). The initial states belong to the first observation the model was fitted on, so
//! the new series should start there (cross-validation's expanding windows do); a window that
//! starts later starts from them all the same.

use super::form::Component;
use super::model::EtsModel;
use super::recursion::{run, Smoothing};
use super::select::{na_contiguous, MISSING_NOTE};
use crate::engine::Criteria;
use crate::error::{invalid, CoreError, CoreResult};

impl EtsModel {
    /// This model over `y_all` (NaN = missing: the longest stretch without, as the fit took).
    pub fn forward(&self, y_all: &[f64]) -> CoreResult<EtsModel> {
        if y_all.iter().any(|v| v.is_infinite()) {
            return invalid("y: contains infinite values");
        }
        let (offset, y) = na_contiguous(y_all)?;
        let f = &self.form;
        let seasonal = f.season != Component::None;
        let par = Smoothing {
            alpha: self.par.alpha,
            beta: self.par.beta.unwrap_or(0.0),
            gamma: self.par.gamma.unwrap_or(0.0),
            phi: self.par.phi.unwrap_or(1.0),
        };
        let n = y.len();
        let mut e = vec![0.0; n];
        let mut states = Vec::with_capacity((n + 1) * self.initial_states.len());
        let pass = run(y, &self.initial_states, self.m, f, &par, 1, &mut e, Some(&mut states));
        let Some(lik) = pass.lik.filter(|l| l.is_finite()) else {
            return Err(CoreError::Numerical(format!("ets: {} has no finite likelihood on the new data", f.label())));
        };
        // R's length(model$par) + 1: the smoothing parameters, the initial states it
        // estimated (the last seasonal one follows from the others) and the variance.
        let n_par = [Some(self.par.alpha), self.par.beta, self.par.gamma, self.par.phi].iter().flatten().count();
        let np = (n_par + self.initial_states.len() - usize::from(seasonal) + 1) as f64;
        let nf = n as f64;
        let aic = lik + 2.0 * np;
        let mut fitted = vec![f64::NAN; y_all.len()];
        let mut residuals = vec![f64::NAN; y_all.len()];
        for (i, (v, r)) in y.iter().zip(&e).enumerate() {
            fitted[offset + i] = if f.error == Component::Additive { v - r } else { v / (1.0 + r) };
            residuals[offset + i] = *r;
        }
        let mut notes: Vec<&'static str> = self.notes.iter().copied().filter(|note| *note != MISSING_NOTE).collect();
        if n < y_all.len() {
            notes.insert(0, MISSING_NOTE);
        }
        Ok(EtsModel {
            form: *f,
            m: self.m,
            par: self.par,
            initial_states: self.initial_states.clone(),
            final_state: states[states.len() - self.initial_states.len()..].to_vec(),
            fitted,
            residuals,
            criteria: Criteria {
                log_likelihood: -0.5 * lik,
                aic,
                aicc: aic + 2.0 * np * (np + 1.0) / (nf - np - 1.0),
                bic: lik + nf.ln() * np,
            },
            sigma2: e.iter().map(|r| r * r).sum::<f64>() / (nf - np),
            notes,
            constant: self.constant,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::FittedModel;
    use crate::ets::form::{Component, Form, Request};
    use crate::ets::{ets, EtsModel, Options};

    fn series(n: usize) -> Vec<f64> {
        (0..n).map(|t| 200.0 + 1.5 * t as f64 + 30.0 * ((t % 12) as f64 * 0.52).sin() + ((t * 7919 % 13) as f64 - 6.0)).collect()
    }

    fn fitted(y: &[f64], req: Request) -> EtsModel {
        EtsModel::from_selected(ets(y, 12, &req, &Options::default()).expect("fits"), y.len())
    }

    #[test]
    fn forward_on_the_same_data_is_the_fit() {
        let y = series(72);
        let model = fitted(&y, Request::auto());
        let again = model.forward(&y).expect("forward");
        assert_eq!(again.final_state, model.final_state);
        assert_eq!(again.residuals, model.residuals);
        // R's forward divides the squared errors by n - length(par) - 1, its fit by
        // n - length(par): R gives 0.001546252 and 0.001534076 for AirPassengers' MAM.
        let seasonal = usize::from(model.form.season != Component::None);
        let n_par = 1 + usize::from(model.par.beta.is_some()) + usize::from(model.par.gamma.is_some()) + usize::from(model.par.phi.is_some());
        let k = (n_par + model.initial_states.len() - seasonal) as f64;
        let expected = model.sigma2 * (72.0 - k) / (72.0 - k - 1.0);
        assert!((again.sigma2 - expected).abs() <= 1e-12 * expected, "{} {expected}", again.sigma2);
        assert!((again.criteria.aicc - model.criteria.aicc).abs() <= 1e-9 * model.criteria.aicc.abs());
    }

    #[test]
    fn forward_runs_the_fitted_recursion_over_the_longer_series() {
        let y = series(96);
        for letters in [(Component::Additive, Component::Additive, true, Component::Additive), (Component::Multiplicative, Component::Additive, false, Component::Multiplicative), (Component::Multiplicative, Component::None, false, Component::None)] {
            let form = Form { error: letters.0, trend: letters.1, damped: letters.2, season: letters.3 };
            let req = Request { error: Some(form.error), trend: Some(form.trend), season: Some(form.season), damped: Some(form.damped) };
            let model = fitted(&y[..72], req);
            let on = model.forward(&y).expect("forward");
            assert_eq!((on.par, &on.initial_states), (model.par, &model.initial_states));
            // The states after the first 72 values are the fit's last ones: the same recursion.
            let fit_pass = crate::ets::fit::fit_form(&y[..72], form, 12, &Options::default()).expect("fits");
            let mut states = Vec::new();
            let mut e = vec![0.0; 96];
            let s = fit_pass.smoothing();
            crate::ets::recursion::run(&y, &model.initial_states, 12, &form, &s, 1, &mut e, Some(&mut states));
            let p = model.initial_states.len();
            assert_eq!(&states[72 * p..73 * p], model.final_state.as_slice(), "{}", form.label());
            assert_eq!(&states[96 * p..], on.final_state.as_slice());
            // The forecast from the state the recursion reached, with the new pass' variance.
            let expected = EtsModel { final_state: states[96 * p..].to_vec(), sigma2: on.sigma2, ..model.clone() };
            let got = on.forecast(18, &[0.8]).expect("forecast").mean;
            assert_eq!(got, expected.forecast(18, &[0.8]).expect("forecast").mean, "{}", form.label());
            let (sse, np) = (e.iter().map(|r| r * r).sum::<f64>(), (model.initial_states.len() + 2) as f64);
            if form.season == Component::None {
                assert!((on.sigma2 - sse / (96.0 - np)).abs() <= 1e-12 * on.sigma2, "{} {}", on.sigma2, sse / (96.0 - np));
            }
            assert_ne!(got, model.forecast(42, &[]).expect("forecast").mean[24..]);
            assert_eq!(on.residuals[..72], model.residuals[..]);
        }
    }

    #[test]
    fn missing_values_take_the_longest_stretch_and_infinite_ones_are_refused() {
        let y = series(72);
        let model = fitted(&y, Request::auto());
        let mut gappy = y.clone();
        gappy[3] = f64::NAN;
        let on = model.forward(&gappy).expect("forward");
        assert!(on.fitted[..4].iter().all(|v| v.is_nan()) && on.fitted[4..].iter().all(|v| v.is_finite()));
        assert!(on.notes.contains(&crate::ets::select::MISSING_NOTE));
        gappy[5] = f64::INFINITY;
        assert!(model.forward(&gappy).expect_err("infinite").to_string().contains("infinite"));
    }
}
