//! forecast's `zzhw`: one pass of additive or exponential-trend Holt-Winters with an additive
//! or multiplicative season over the series, from given initial states, in R's order of
//! operations (so that sums of squares match R's to the last bit).

/// The trend: none, additive (`l + phi b`) or exponential (`l b^phi`, R's `exponential`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    None,
    Additive,
    Exponential,
    /// R's `exponential = TRUE` with `beta = FALSE`: no trend state, yet the exponential
    /// formulas with a zero trend, so every fitted value is 0 (R's answer, kept as R's).
    ExponentialNone,
}

impl Trend {
    /// Whether the model has a trend state (and a beta).
    pub fn has_state(self) -> bool {
        matches!(self, Trend::Additive | Trend::Exponential)
    }
}

/// The season; without one, `zzhw` still runs its additive formulas with a zero season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    None,
    Additive,
    Multiplicative,
}

/// The states and errors of one pass.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Pass {
    /// Levels, the initial one first (n + 1).
    pub level: Vec<f64>,
    /// Trends, the initial one first (n + 1; all 0 without a trend).
    pub trend: Vec<f64>,
    /// Seasonal states, the m initial ones first (m + n).
    pub season: Vec<f64>,
    pub fitted: Vec<f64>,
    pub residuals: Vec<f64>,
    pub sse: f64,
}

/// Parameters and initial states of a pass; beta and gamma are ignored (0) without a trend
/// or a season, and the initial trend and season then are R's neutral ones.
#[derive(Debug, Clone, Copy)]
pub(super) struct Setup<'a> {
    pub trend: Trend,
    pub season: Season,
    pub m: usize,
    pub phi: f64,
    pub l_start: f64,
    pub b_start: f64,
    pub s_start: &'a [f64],
}

/// `zzhw(x, ...)$SSE` and the rest, for smoothing parameters `alpha`, `beta`, `gamma`.
pub(super) fn pass(x: &[f64], setup: &Setup, alpha: f64, beta: f64, gamma: f64, keep: bool) -> Pass {
    let Setup { trend, season, m, phi, .. } = *setup;
    let exponential = matches!(trend, Trend::Exponential | Trend::ExponentialNone);
    let additive = season != Season::Multiplicative;
    let (beta, b_start) = if trend.has_state() { (beta, setup.b_start) } else { (0.0, 0.0) };
    let gamma = if season == Season::None { 0.0 } else { gamma };
    let neutral = if additive { 0.0 } else { 1.0 };
    let n = x.len();
    let mut season_all: Vec<f64> = if season == Season::None {
        vec![neutral; setup.s_start.len().max(1)]
    } else {
        setup.s_start.to_vec()
    };
    let s0 = season_all.len();
    let (mut level, mut trend_v) = (Vec::with_capacity(n + 1), Vec::with_capacity(n + 1));
    level.push(setup.l_start);
    trend_v.push(b_start);
    let (mut fitted, mut residuals) = (Vec::new(), Vec::new());
    let mut sse = 0.0;
    for i in 0..n {
        let (last_level, last_trend) = (level[i], trend_v[i]);
        // R indexes the season m back, or the i-th initial one; missing ones are neutral.
        let last_season = if i >= m { season_all[s0 + i - m] } else { season_all.get(i).copied().unwrap_or(f64::NAN) };
        let last_season = if last_season.is_nan() { neutral } else { last_season };
        let damped = if exponential { last_level * last_trend.powf(phi) } else { last_level + phi * last_trend };
        let xhat = if additive {
            if exponential { last_level * last_trend.powf(phi) + last_season } else { last_level + phi * last_trend + last_season }
        } else {
            damped * last_season
        };
        let res = x[i] - xhat;
        sse += res * res;
        if keep {
            fitted.push(xhat);
            residuals.push(res);
        }
        let l = if additive {
            alpha * (x[i] - last_season) + (1.0 - alpha) * damped
        } else {
            alpha * (x[i] / last_season) + (1.0 - alpha) * damped
        };
        let b = if exponential {
            beta * (l / last_level) + (1.0 - beta) * last_trend.powf(phi)
        } else {
            beta * (l - last_level) + (1.0 - beta) * phi * last_trend
        };
        let s = if additive && !exponential {
            gamma * (x[i] - last_level - phi * last_trend) + (1.0 - gamma) * last_season
        } else if additive {
            gamma * (x[i] - damped) + (1.0 - gamma) * last_season
        } else {
            gamma * (x[i] / damped) + (1.0 - gamma) * last_season
        };
        level.push(l);
        trend_v.push(b);
        season_all.push(s);
    }
    Pass { level, trend: trend_v, season: season_all, fitted, residuals, sse }
}
