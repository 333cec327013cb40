//! ARIMA as one of the engine's families: the fitted model behind `io.lagrs.FittedModel`.

use std::any::Any;
use std::sync::atomic::AtomicBool;

use super::model::ArimaFit;
use crate::engine::{Criteria, FittedModel, Forecast};
use crate::error::CoreResult;

/// ARIMA's code in a saved model's envelope.
pub const CODE: u16 = 1;

impl ArimaFit {
    /// R's name of the model (`forecast:::arima.string`): `ARIMA(p,d,q)(P,D,Q)[m]`, the
    /// seasonal part only when it has an order, then "with drift", "with non-zero mean" or,
    /// without differencing, "with zero mean".
    pub fn label(&self) -> String {
        let s = &self.spec;
        let mut label = format!("ARIMA({},{},{})", s.p, s.d, s.q);
        if s.period > 1 && s.seasonal_p + s.seasonal_d + s.seasonal_q > 0 {
            label += &format!("({},{},{})[{}]", s.seasonal_p, s.seasonal_d, s.seasonal_q, s.period);
        }
        if s.include_drift {
            label += " with drift";
        } else if s.include_mean {
            label += " with non-zero mean";
        } else if s.d == 0 && s.seasonal_d == 0 {
            label += " with zero mean";
        }
        label
    }
}

impl FittedModel for ArimaFit {
    fn code(&self) -> u16 {
        CODE
    }
    fn label(&self) -> String {
        ArimaFit::label(self)
    }
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast> {
        self.forecast_levels(h, levels)
    }
    fn regressor_names(&self) -> Vec<String> {
        self.given_xreg_names().to_vec()
    }
    fn forecast_xreg(&self, h: usize, levels: &[f64], future: &[Vec<f64>]) -> CoreResult<Forecast> {
        ArimaFit::forecast_xreg(self, h, levels, future)
    }
    fn fitted(&self) -> Vec<f64> {
        ArimaFit::fitted(self)
    }
    fn residuals(&self) -> Vec<f64> {
        ArimaFit::residuals(self).to_vec()
    }
    fn sigma2(&self) -> Option<f64> {
        Some(ArimaFit::sigma2(self))
    }
    fn criteria(&self) -> Option<Criteria> {
        Some(Criteria { log_likelihood: self.log_likelihood(), aic: self.aic(), aicc: self.aicc(), bic: self.bic() })
    }
    fn forward(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        Ok(Box::new(ArimaFit::forward(self, y, cancel)?))
    }
    fn payload(&self) -> Vec<u8> {
        self.to_bytes()
    }
    fn heap_bytes(&self) -> usize {
        ArimaFit::heap_bytes(self)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::arima::{fit, ArimaSpec};

    fn spec(d: usize, mean: bool, drift: bool) -> ArimaSpec {
        ArimaSpec { p: 1, d, q: 0, seasonal_p: 0, seasonal_d: 1, seasonal_q: 1, period: 4, include_mean: mean, include_drift: drift }
    }

    #[test]
    fn labels_follow_r() {
        let y: Vec<f64> = (0..60).map(|t| ((t * 37 % 11) as f64).sin() + (t % 4) as f64 + 0.05 * t as f64).collect();
        let label = |s: ArimaSpec| fit(&s, &y).expect("fits").label();
        assert_eq!(label(spec(0, false, false)), "ARIMA(1,0,0)(0,1,1)[4]");
        assert_eq!(label(spec(0, false, true)), "ARIMA(1,0,0)(0,1,1)[4] with drift");
        let plain = ArimaSpec { seasonal_d: 0, seasonal_q: 0, period: 0, ..spec(0, true, false) };
        assert_eq!(label(plain.clone()), "ARIMA(1,0,0) with non-zero mean");
        assert_eq!(label(ArimaSpec { include_mean: false, ..plain }), "ARIMA(1,0,0) with zero mean");
    }

    #[test]
    fn several_levels_equal_one_level_at_a_time() {
        let y: Vec<f64> = (0..80).map(|t| ((t * 37 % 11) as f64).sin() + 0.1 * t as f64).collect();
        let f = fit(&spec(1, false, false), &y).expect("fits");
        let both = f.forecast_levels(6, &[0.8, 0.95]).expect("forecast");
        for (k, level) in [0.8, 0.95].into_iter().enumerate() {
            let one = f.forecast(6, level).expect("forecast");
            assert_eq!(both.mean, one.mean);
            assert_eq!(both.lower[k], one.lower);
            assert_eq!(both.upper[k], one.upper);
        }
    }
}
