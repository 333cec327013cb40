//! Forecasting from a fitted model: R's `KalmanForecast` as a free function
//! over the model's final state and the intervals of `predict.Arima` +
//! `forecast::forecast.Arima` (`mean +- qnorm(0.5 + level/2) * sqrt(var * sigma2)`).

use super::kalman::{apply_t, predict_cov, state_dim};
use super::model::ArimaFit;
use super::polynomial;
use crate::engine;
use crate::error::{invalid, CoreError, CoreResult};

/// Largest forecast horizon accepted by [`ArimaFit::forecast`]: the engine's, as for every family.
pub const MAX_HORIZON: usize = engine::MAX_HORIZON;

/// Point forecasts and prediction interval bounds at `level`.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub mean: Vec<f64>,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    pub level: f64,
}

/// The transition of a fitted model's full state (R's `makeARIMA` without
/// the initial covariance, which forecasting from a final state never needs).
pub(crate) struct StateSpace {
    /// phi padded to the ARMA state dimension r.
    phi: Vec<f64>,
    /// (1, theta_1, .., theta_{r-1}).
    rvec: Vec<f64>,
    delta: Vec<f64>,
}

impl StateSpace {
    pub(crate) fn new(phi: &[f64], theta: &[f64], delta: &[f64]) -> StateSpace {
        let r = state_dim(phi.len(), theta.len());
        let mut padded = phi.to_vec();
        padded.resize(r, 0.0);
        let mut rvec = Vec::with_capacity(r);
        rvec.push(1.0);
        rvec.extend_from_slice(theta);
        rvec.resize(r, 0.0);
        StateSpace { phi: padded, rvec, delta: delta.to_vec() }
    }

    fn r(&self) -> usize {
        self.phi.len()
    }

    /// `Z x` for the observation vector Z = (1, 0.., 0, Delta).
    fn z_dot(&self, x: &[f64]) -> f64 {
        let r = self.r();
        x[0] + self.delta.iter().enumerate().map(|(j, dj)| dj * x[r + j]).sum::<f64>()
    }
}

/// R's `KalmanForecast`: means and variances (in sigma^2 units) of the next
/// `h` observations from the filtered state `a` (length r + d) and its
/// covariance `p` (row-major).
pub(crate) fn kalman_forecast(model: &StateSpace, a: &[f64], p: &[f64], h: usize) -> CoreResult<(Vec<f64>, Vec<f64>)> {
    let r = model.r();
    let rd = r + model.delta.len();
    if a.len() != rd || p.len() != rd * rd {
        return Err(CoreError::Numerical(format!(
            "model state has {} values and covariance {}, expected {rd} and {}",
            a.len(),
            p.len(),
            rd * rd
        )));
    }
    let mut a = a.to_vec();
    let mut p = p.to_vec();
    let mut anew = vec![0.0; rd];
    let mut pnew = vec![0.0; rd * rd];
    let mut mm = vec![0.0; rd * rd];
    let mut pz = vec![0.0; rd];
    let mut mean = Vec::with_capacity(h);
    let mut var = Vec::with_capacity(h);
    for _ in 0..h {
        apply_t(&model.phi, &model.delta, r, &a, &mut anew);
        std::mem::swap(&mut a, &mut anew);
        predict_cov(&model.phi, &model.delta, r, &p, &mut mm, &mut pnew, Some(&model.rvec));
        std::mem::swap(&mut p, &mut pnew);
        for (o, row) in pz.iter_mut().zip(p.chunks_exact(rd)) {
            *o = model.z_dot(row);
        }
        mean.push(model.z_dot(&a));
        var.push(model.z_dot(&pz));
    }
    Ok((mean, var))
}

impl ArimaFit {
    /// `h`-step forecasts with prediction intervals at `level` (R's
    /// `predict.Arima` via `KalmanForecast`, intervals as `forecast::forecast.Arima`).
    pub fn forecast(&self, h: usize, level: f64) -> CoreResult<Forecast> {
        if !(level > 0.0 && level < 1.0) {
            return invalid(format!("level must be in (0, 1), got {level}"));
        }
        let mut f = self.forecast_levels(h, &[level])?;
        Ok(Forecast { mean: f.mean, lower: f.lower.swap_remove(0), upper: f.upper.swap_remove(0), level })
    }

    /// [`forecast`](Self::forecast) at several levels from one Kalman forecast. A model
    /// with regressors needs their future values: [`forecast_xreg`](Self::forecast_xreg).
    pub fn forecast_levels(&self, h: usize, levels: &[f64]) -> CoreResult<engine::Forecast> {
        let given = self.given_xreg_names();
        if !given.is_empty() {
            return invalid(format!(
                "futureXreg: the model has regressors ({}): forecasting needs their {h} future values",
                given.join(", ")
            ));
        }
        self.forecast_xreg(h, levels, &[])
    }

    /// How many regressors the caller gave (beside the Fourier terms the fit built).
    pub(crate) fn given_xreg_count(&self) -> usize {
        self.given_xreg_names().len()
    }

    /// The regressors the caller gave (the Fourier terms the fit built are last): the
    /// columns [`forecast_xreg`](Self::forecast_xreg) needs.
    pub fn given_xreg_names(&self) -> &[String] {
        let built = if self.fourier.is_empty() {
            0
        } else {
            crate::stats::fourier::fourier(&self.fourier, 0).map_or(0, |(names, _)| names.len())
        };
        &self.xreg_names[..self.xreg_names.len() - built]
    }

    /// Forecasts of a regression with ARIMA errors (R's `forecast(fit, xreg = )`):
    /// `future[j]` holds regressor j's values at the `h` future times, in the order of
    /// [`xreg_names`](Self::xreg_names) (the Fourier terms the fit built excepted: it builds
    /// their future values itself); empty for a model without regressors.
    pub fn forecast_xreg(&self, h: usize, levels: &[f64], future: &[Vec<f64>]) -> CoreResult<engine::Forecast> {
        engine::check_request(h, levels)?;
        super::xreg::check_future(self.given_xreg_names(), future, h)?;
        let mut all = future.to_vec();
        if !self.fourier.is_empty() {
            all.extend(crate::stats::fourier::fourier_future(&self.fourier, self.fourier_end, h)?.1);
        }
        let future = &all[..];
        let (phi, theta) = self.expanded();
        let delta = polynomial::delta(self.spec.d, self.spec.seasonal_d, self.spec.season());
        let model = StateSpace::new(&phi, &theta, &delta);
        let (mean0, var) = kalman_forecast(&model, &self.state_a, &self.state_p, h)?;
        let n = self.y.len() as f64;
        let (mu, drift) = (self.mean().unwrap_or(0.0), self.drift().unwrap_or(0.0));
        // Regression part at t = n + 1 + i (R's predict with newxreg).
        let beta = self.xreg_coefficients();
        let mean: Vec<f64> = mean0
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let x: f64 = future.iter().zip(beta).map(|(col, b)| b * col[i]).sum();
                m + mu + drift * (n + 1.0 + i as f64) + x
            })
            .collect();
        // In the fit's units first: sigma2 in the units of y may overflow
        // where the standard error itself is representable.
        let se: Vec<f64> = var.iter().map(|v| (v * self.sigma2).max(0.0).sqrt() * self.scale).collect();
        let mut out = engine::Forecast::normal(mean, &se, levels);
        if let Some(lambda) = self.selection.lambda {
            // forecast.Arima: back-transform the intervals, and the mean
            // (bias-adjusted with the forecast variance se^2 when asked).
            use crate::stats::boxcox::{inv_box_cox, inv_box_cox_bias_adjusted};
            let on_scale = out.mean.clone();
            if self.selection.biasadj {
                let fvar = out.variance.as_deref().expect("normal intervals carry their variance");
                inv_box_cox_bias_adjusted(&on_scale, lambda, fvar, &mut out.mean)?;
            } else {
                inv_box_cox(&on_scale, lambda, &mut out.mean)?;
            }
            for bound in out.lower.iter_mut().chain(out.upper.iter_mut()) {
                let on_scale = bound.clone();
                inv_box_cox(&on_scale, lambda, bound)?;
            }
        }
        Ok(out)
    }
}
