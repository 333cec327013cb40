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

/// What every filter pass over one series shares, whatever the parameters: the least-squares
/// line of the static models, the dynamic models' lines (fed the observations, their running
/// mean, intercept and slope depend on y alone), and the objective's scale. Computed once per
/// series, not once per evaluation of the optimiser.
pub struct Prepared<'a> {
    y: &'a [f64],
    /// Intercept and slope of the least-squares line through (t, y_t), t = 1..n.
    line: (f64, f64),
    /// The dynamic models' intercept and slope in the state at each step.
    lines: Vec<(f64, f64)>,
    /// The mean absolute value of y (at least 1e-10).
    mean_abs: f64,
}

impl<'a> Prepared<'a> {
    /// `y` has at least 4 values.
    pub fn new(y: &'a [f64]) -> Prepared<'a> {
        let n = y.len() as f64;
        let mean = y.iter().sum::<f64>() / n;
        let weighted = y.iter().enumerate().map(|(i, v)| v * (i + 1) as f64).sum::<f64>() / n;
        let b = 6.0 * (2.0 * weighted - (n + 1.0) * mean) / (n * n - 1.0);
        let a = mean - (n + 1.0) * b / 2.0;
        let mean_abs = (y.iter().map(|v| v.abs()).sum::<f64>() / n).max(1e-10);
        let mut lines = Vec::with_capacity(y.len());
        let (mut mean, mut line) = (y[0], (y[0], 0.0));
        lines.push(line);
        for (i, &v) in y.iter().enumerate().skip(1) {
            let (m, a, b) = trend_update(mean, line.1, i, v);
            (mean, line) = (m, (a, b));
            lines.push(line);
        }
        Prepared { y, line: (a, b), lines, mean_abs }
    }

    pub fn y(&self) -> &'a [f64] {
        self.y
    }
}

fn init_state(prep: &Prepared, kind: Kind, p: Params) -> State {
    let y0 = prep.y[0];
    let (a, b, mu) = if kind.is_dynamic() {
        (y0, 0.0, y0)
    } else {
        let (a, b) = prep.line;
        (a, b, p.level + (1.0 - 1.0 / p.theta) * (a + b))
    };
    [p.alpha * y0 + (1.0 - p.alpha) * p.level, y0, a, b, mu]
}

/// The state at step i from the one before, fed `y` (or, forecasting, its own `mu`);
/// `powers` are (1 - alpha)^i and (1 - alpha)^(i + 1), which the filter carries from one step
/// to the next instead of computing each twice.
fn step(prev: &State, i: usize, kind: Kind, p: Params, y: Option<f64>, powers: (f64, f64)) -> State {
    let [level, mean, a, b, _] = *prev;
    let alpha = p.alpha;
    let mu = level + (1.0 - 1.0 / p.theta) * (a * powers.0 + b * (1.0 - powers.1) / alpha);
    let y = y.unwrap_or(mu);
    let new_level = alpha * y + (1.0 - alpha) * level;
    let (new_mean, new_a, new_b) = trend_update(mean, b, i, y);
    if kind.is_dynamic() {
        [new_level, new_mean, new_a, new_b, mu]
    } else {
        [new_level, new_mean, a, b, mu]
    }
}

/// The running mean, and the dynamic models' intercept and slope, at step i fed `y`.
fn trend_update(mean: f64, b: f64, i: usize, y: f64) -> (f64, f64, f64) {
    let fi = i as f64;
    let new_mean = (fi * mean + y) / (fi + 1.0);
    let nb = ((fi - 1.0) * b + 6.0 * (y - mean) / (fi + 1.0)) / (fi + 2.0);
    (new_mean, new_mean - nb * (fi + 2.0) / 2.0, nb)
}

fn power(p: Params, i: usize) -> f64 {
    (1.0 - p.alpha).powf(i as f64)
}

/// (1 - alpha)^i for i in 0..=n, each as [`power`] computes it, into `out` (see [`super::powers`]).
pub fn fill_powers(alpha: f64, n: usize, out: &mut Vec<f64>) {
    super::powers::fill(alpha, n, out);
}

/// Forecasts 1..=out.len() steps after `last`, the state at step i - 1.
pub fn forecast_from(last: &State, i: usize, kind: Kind, p: Params, out: &mut [f64]) {
    let mut state = *last;
    let mut now = power(p, i);
    for (j, f) in out.iter_mut().enumerate() {
        let next = power(p, i + j + 1);
        state = step(&state, i + j, kind, p, None, (now, next));
        *f = state[4];
        now = next;
    }
}

/// Runs statsforecast's `calc` / `pegels_resid` over the series, handing every state and its
/// one-step error to `visit`; false where statsforecast's filter stops (a forecast equal to
/// its `NA`). The one-step forecast from the state at i - 1 is the `mu` of the state at i.
/// `powers` is the table of [`fill_powers`] for `p.alpha` and the length of y.
fn walk(prep: &Prepared, kind: Kind, p: Params, powers: &[f64], mut visit: impl FnMut(&State, f64)) -> bool {
    let y = prep.y;
    debug_assert_eq!(powers.len(), y.len() + 1);
    let mut state = init_state(prep, kind, p);
    visit(&state, y[0] - state[4]);
    for (i, (&v, pw)) in y.iter().zip(powers.windows(2)).enumerate().skip(1) {
        state = step(&state, i, kind, p, Some(v), (pw[0], pw[1]));
        if (state[4] - NA).abs() < 1e-10 {
            return false;
        }
        visit(&state, v - state[4]);
    }
    true
}

/// statsforecast's objective alone (what [`filter`] gives as `objective`), without storing the
/// states: the sum of squared one-step errors after the first three over the mean absolute
/// value of y; NaN where the filter stops.
/// `powers` is the table of [`fill_powers`] for `p.alpha` and the length of y.
/// Only the level depends on the parameters here: the lines come from [`Prepared`], and the
/// arithmetic is [`step`]'s, in the same order.
pub fn objective(prep: &Prepared, kind: Kind, p: Params, powers: &[f64]) -> f64 {
    let y = prep.y;
    debug_assert_eq!(powers.len(), y.len() + 1);
    let alpha = p.alpha;
    let mut level = alpha * y[0] + (1.0 - alpha) * p.level;
    let mut total = 0.0;
    for (i, (&v, pw)) in y.iter().zip(powers.windows(2)).enumerate().skip(1) {
        let (a, b) = if kind.is_dynamic() { prep.lines[i - 1] } else { prep.line };
        let mu = level + (1.0 - 1.0 / p.theta) * (a * pw[0] + b * (1.0 - pw[1]) / alpha);
        if (mu - NA).abs() < 1e-10 {
            return f64::NAN;
        }
        let e = v - mu;
        if i >= 3 {
            total += e * e;
        }
        level = alpha * v + (1.0 - alpha) * level;
    }
    total / prep.mean_abs
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
pub fn filter(prep: &Prepared, kind: Kind, p: Params) -> Pass {
    let n = prep.y.len();
    let mut states = Vec::with_capacity(n);
    let mut errors = Vec::with_capacity(n);
    let mut powers = Vec::with_capacity(n + 1);
    fill_powers(p.alpha, n, &mut powers);
    let finished = walk(prep, kind, p, &powers, |s, e| {
        states.push(*s);
        errors.push(e);
    });
    errors.resize(n, 0.0);
    let objective = if finished { errors[3..].iter().map(|e| e * e).sum::<f64>() / prep.mean_abs } else { f64::NAN };
    Pass { states, errors, objective }
}
