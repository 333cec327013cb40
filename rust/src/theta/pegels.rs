//! The state-space Theta models of Fiorucci et al. (2016) as statsforecast computes them
//! (its `theta.cpp`): the states, the one- to nmse-step errors, the objective its optimiser
//! minimises, and the forecasts.
//!
//! A state is `[level, mean of y so far, A_n, B_n, mu]`: the SES level, the running mean, the
//! intercept and slope of the linear trend, and the one-step forecast `mu`.

/// Standard (`STM`), optimised (`OTM`), dynamic standard (`DSTM`) and dynamic optimised
/// (`DOTM`) Theta: the dynamic ones update the trend line at every step, the optimised ones
/// estimate theta (the others fix it at 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Stm,
    Otm,
    Dstm,
    Dotm,
}

impl Kind {
    pub fn is_dynamic(self) -> bool {
        matches!(self, Kind::Dstm | Kind::Dotm)
    }
    pub fn optimises_theta(self) -> bool {
        matches!(self, Kind::Otm | Kind::Dotm)
    }
    /// statsforecast's name of the model type.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Stm => "STM",
            Kind::Otm => "OTM",
            Kind::Dstm => "DSTM",
            Kind::Dotm => "DOTM",
        }
    }
}

pub type State = [f64; 5];

/// The parameters: the initial smoothed level, alpha and theta.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    pub level: f64,
    pub alpha: f64,
    pub theta: f64,
}

/// statsforecast's `NA` marker; a forecast equal to it (within 1e-10) stops the filter.
const NA: f64 = -99999.0;

fn init_state(y: &[f64], kind: Kind, p: Params) -> State {
    let (a, b, mu) = if kind.is_dynamic() {
        (y[0], 0.0, y[0])
    } else {
        // The least-squares line through (t, y_t), t = 1..n.
        let n = y.len() as f64;
        let mean = y.iter().sum::<f64>() / n;
        let weighted = y.iter().enumerate().map(|(i, v)| v * (i + 1) as f64).sum::<f64>() / n;
        let b = 6.0 * (2.0 * weighted - (n + 1.0) * mean) / (n * n - 1.0);
        let a = mean - (n + 1.0) * b / 2.0;
        (a, b, p.level + (1.0 - 1.0 / p.theta) * (a + b))
    };
    [p.alpha * y[0] + (1.0 - p.alpha) * p.level, y[0], a, b, mu]
}

/// The state at step i from the one before, fed `y` (or, forecasting, its own `mu`).
fn update(prev: &State, i: usize, kind: Kind, p: Params, y: Option<f64>) -> State {
    let [level, mean, a, b, _] = *prev;
    let (alpha, fi) = (p.alpha, i as f64);
    let mu = level + (1.0 - 1.0 / p.theta) * (a * (1.0 - alpha).powf(fi) + b * (1.0 - (1.0 - alpha).powf(fi + 1.0)) / alpha);
    let y = y.unwrap_or(mu);
    let new_level = alpha * y + (1.0 - alpha) * level;
    let new_mean = (fi * mean + y) / (fi + 1.0);
    let (new_a, new_b) = if kind.is_dynamic() {
        let nb = ((fi - 1.0) * b + 6.0 * (y - mean) / (fi + 1.0)) / (fi + 2.0);
        (new_mean - nb * (fi + 2.0) / 2.0, nb)
    } else {
        (a, b)
    };
    [new_level, new_mean, new_a, new_b, mu]
}

/// Forecasts 1..=out.len() steps after `last`, the state at step i - 1.
pub fn forecast_from(last: &State, i: usize, kind: Kind, p: Params, out: &mut [f64]) {
    let mut state = *last;
    for (j, f) in out.iter_mut().enumerate() {
        state = update(&state, i + j, kind, p, None);
        *f = state[4];
    }
}

/// A filter pass: the states, the one-step errors, and statsforecast's objective (the sum of
/// squared one-step errors after the first three, over the mean absolute value of y), NaN where
/// statsforecast's filter stops.
pub struct Pass {
    pub states: Vec<State>,
    pub errors: Vec<f64>,
    pub objective: f64,
}

/// statsforecast's `calc` / `pegels_resid` (`nmse` steps ahead are followed there for the
/// average errors, which only its objective's side outputs use; the one-step errors suffice).
pub fn filter(y: &[f64], kind: Kind, p: Params) -> Pass {
    let n = y.len();
    let mut states = Vec::with_capacity(n);
    states.push(init_state(y, kind, p));
    let mut errors = vec![0.0; n];
    errors[0] = y[0] - states[0][4];
    let mut f = [0.0];
    for i in 1..n {
        forecast_from(&states[i - 1], i, kind, p, &mut f);
        if (f[0] - NA).abs() < 1e-10 {
            return Pass { states, errors, objective: f64::NAN };
        }
        errors[i] = y[i] - f[0];
        let next = update(&states[i - 1], i, kind, p, Some(y[i]));
        states.push(next);
    }
    let mean_abs = (y.iter().map(|v| v.abs()).sum::<f64>() / n as f64).max(1e-10);
    let objective = errors[3..].iter().map(|e| e * e).sum::<f64>() / mean_abs;
    Pass { states, errors, objective }
}
