//! `mean_of(a, b, ...)` and `median_of(a, b, ...)`: every member fitted on the series and
//! their forecasts combined step by step (M4's `Comb` is the mean of SES, Holt and damped;
//! `SCUM` the median of ETS, ARIMA and Theta). The interval bounds at each level are the
//! same combination of the members' bounds: a convention (as statsforecast, which combines
//! no intervals, has none), without a coverage guarantee; wrap the combination in
//! `conformal(...)` for calibrated intervals. A bound is NaN where any member's is.

use std::any::Any;
use std::sync::atomic::AtomicBool;

use super::{read_member, DecodeMember, COMBINATION_CODE};
use crate::engine::bytes::{Reader, Writer};
use crate::engine::{envelope, FittedModel, Forecast, Spec};
use crate::error::{invalid, CoreError, CoreResult};

/// The most members one combination may have (a bound on what crafted bytes can ask for).
pub const MAX_MEMBERS: usize = 64;

/// How the members' forecasts are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Mean,
    Median,
}

impl How {
    pub fn name(self) -> &'static str {
        match self {
            How::Mean => "mean_of",
            How::Median => "median_of",
        }
    }

    /// The combination of `values` (NaN if any is).
    fn of(self, values: &mut [f64]) -> f64 {
        if values.iter().any(|v| v.is_nan()) {
            return f64::NAN;
        }
        match self {
            How::Mean => values.iter().sum::<f64>() / values.len() as f64,
            How::Median => {
                values.sort_by(f64::total_cmp);
                let k = values.len() / 2;
                if values.len() % 2 == 1 {
                    values[k]
                } else {
                    0.5 * (values[k - 1] + values[k])
                }
            }
        }
    }
}

/// A combination spec: its members and how their forecasts are combined.
#[derive(Debug, Clone, PartialEq)]
pub struct Combine<S> {
    pub members: Vec<S>,
    pub how: How,
}

impl<S: Spec> Combine<S> {
    /// Fits every member; one that fails fails the combination, naming it.
    pub fn fit(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        let mut members = Vec::with_capacity(self.members.len());
        for (i, spec) in self.members.iter().enumerate() {
            members.push(spec.fit(y, cancel).map_err(|e| name_member(e, self.how, i))?);
        }
        Ok(Box::new(Combination::new(self.how, members, y)))
    }
}

fn name_member(e: CoreError, how: How, i: usize) -> CoreError {
    match e {
        CoreError::InvalidArgument(m) => CoreError::InvalidArgument(format!("{} model {}: {m}", how.name(), i + 1)),
        CoreError::Numerical(m) => CoreError::Numerical(format!("{} model {}: {m}", how.name(), i + 1)),
        other => other,
    }
}

/// The fitted members of a combination.
#[derive(Debug)]
pub struct Combination {
    how: How,
    members: Vec<Box<dyn FittedModel>>,
    /// `y - fitted`, fixed at the fit (the members do not keep the data in a common form).
    residuals: Vec<f64>,
}

impl Combination {
    fn new(how: How, members: Vec<Box<dyn FittedModel>>, y: &[f64]) -> Combination {
        let mut c = Combination { how, members, residuals: Vec::new() };
        c.residuals = y.iter().zip(c.fitted()).map(|(a, f)| a - f).collect();
        c
    }

    /// The members' models, in the order of the spec.
    pub fn members(&self) -> &[Box<dyn FittedModel>] {
        &self.members
    }

    /// Decodes [`FittedModel::payload`].
    pub fn decode(payload: &[u8], decode: DecodeMember<'_>) -> CoreResult<Combination> {
        let mut r = Reader::new(payload, "combination");
        let how = match r.u8()? {
            0 => How::Mean,
            1 => How::Median,
            k => return invalid(format!("saved combination has an unknown kind {k}")),
        };
        let n = r.u64()?;
        if n == 0 || n > MAX_MEMBERS as u64 {
            return invalid(format!("saved combination is corrupt: {n} members"));
        }
        let members = (0..n).map(|_| read_member(&mut r, decode)).collect::<CoreResult<Vec<_>>>()?;
        let residuals = r.f64s()?;
        r.end()?;
        Ok(Combination { how, members, residuals })
    }

    /// Combines the members' values step by step.
    fn combine(&self, columns: &[Vec<f64>]) -> Vec<f64> {
        let n = columns.iter().map(Vec::len).min().unwrap_or(0);
        let mut at = vec![0.0; columns.len()];
        (0..n)
            .map(|i| {
                for (slot, column) in at.iter_mut().zip(columns) {
                    *slot = column[i];
                }
                self.how.of(&mut at)
            })
            .collect()
    }
}

impl FittedModel for Combination {
    fn code(&self) -> u16 {
        COMBINATION_CODE
    }
    fn label(&self) -> String {
        let labels: Vec<String> = self.members.iter().map(|m| m.label()).collect();
        let how = match self.how {
            How::Mean => "Mean",
            How::Median => "Median",
        };
        format!("{how} of ({})", labels.join(", "))
    }
    fn forecast(&self, h: usize, levels: &[f64]) -> CoreResult<Forecast> {
        let forecasts = self.members.iter().map(|m| m.forecast(h, levels)).collect::<CoreResult<Vec<_>>>()?;
        let pick = |f: &dyn Fn(&Forecast) -> Vec<f64>| self.combine(&forecasts.iter().map(f).collect::<Vec<_>>());
        Ok(Forecast {
            mean: pick(&|f| f.mean.clone()),
            levels: levels.to_vec(),
            lower: (0..levels.len()).map(|k| pick(&|f| f.lower[k].clone())).collect(),
            upper: (0..levels.len()).map(|k| pick(&|f| f.upper[k].clone())).collect(),
            variance: None,
        })
    }
    fn fitted(&self) -> Vec<f64> {
        self.combine(&self.members.iter().map(|m| m.fitted()).collect::<Vec<_>>())
    }
    fn residuals(&self) -> Vec<f64> {
        self.residuals.clone()
    }
    fn forward(&self, y: &[f64], cancel: Option<&AtomicBool>) -> CoreResult<Box<dyn FittedModel>> {
        let members = self.members.iter().map(|m| m.forward(y, cancel)).collect::<CoreResult<Vec<_>>>()?;
        Ok(Box::new(Combination::new(self.how, members, y)))
    }
    fn payload(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u8(match self.how {
            How::Mean => 0,
            How::Median => 1,
        })
        .u64(self.members.len() as u64);
        for m in &self.members {
            w.bytes(&envelope::wrap(m.as_ref()));
        }
        w.f64s(&self.residuals);
        w.finish()
    }
    fn heap_bytes(&self) -> usize {
        self.members.iter().map(|m| m.heap_bytes()).sum::<usize>() + 8 * self.residuals.len()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
