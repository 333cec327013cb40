//! forecast's `HoltWintersZZ`: initial states from the first values (level `x[1]`, trend
//! `x[2] - x[1]` or `x[2] / x[1]`; with a season the first period's mean, the change of the
//! mean over the second period per step, and the first period's deviations or ratios), the
//! free smoothing parameters from `initparam`'s starting values by `optim`'s L-BFGS-B in
//! [0, 1] on the sum of squared one-step errors, then one pass with them.

use super::recursion::{pass, Season, Setup, Trend};
use crate::numerics::optim::{bounded_1d, lbfgsb_box};

/// Parameters given instead of estimated (`phi` 1 when not given: no damping).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Fixed {
    pub alpha: Option<f64>,
    pub beta: Option<f64>,
    pub gamma: Option<f64>,
    pub phi: Option<f64>,
}

/// A fitted `HoltWintersZZ` model in R's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct HwFit {
    pub trend: Trend,
    pub season: Season,
    pub m: usize,
    pub alpha: f64,
    /// With a trend.
    pub beta: Option<f64>,
    /// With a season.
    pub gamma: Option<f64>,
    pub phi: f64,
    /// R's `components[1]`: "M" for a multiplicative season, or an exponential trend without one.
    pub multiplicative_error: bool,
    /// States after each value, the initial ones first: `(l, b?, s_1..s_m)` per row, `s_1`
    /// the most recent seasonal state.
    pub states: Vec<f64>,
    pub fitted: Vec<f64>,
    pub residuals: Vec<f64>,
    pub sse: f64,
    /// Mean squared residual (relative to the fitted values when the error is "M").
    pub sigma2: f64,
}

/// R's `mean`: the sum divided by n, refined by the mean of the deviations.
fn mean(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    if !m.is_finite() {
        return m;
    }
    m + x.iter().map(|v| v - m).sum::<f64>() / n
}

/// `HoltWintersZZ(x, alpha, beta, gamma, phi, exponential, seasonal)` for a series of
/// frequency `m`, or `None` where R stops (non-finite sums of squares, e.g. a trend from one
/// value or a trended season from less than two periods; a multiplicative season on data
/// that are not positive; `optim` out of iterations).
pub fn holt_winters_zz(x: &[f64], m: usize, trend: Trend, season: Season, fixed: &Fixed) -> Option<HwFit> {
    let m = m.max(1);
    let season = if m == 1 { Season::None } else { season };
    let phi = fixed.phi.unwrap_or(1.0);
    if x.is_empty()
        || (season == Season::Multiplicative && fixed.gamma.is_none_or(|g| g > 0.0) && x.iter().any(|v| *v <= 0.0))
        || (season != Season::None && x.len() < m)
    {
        return None;
    }
    let exponential = matches!(trend, Trend::Exponential | Trend::ExponentialNone);
    let (l_start, b_start, s_start) = if season == Season::None {
        let second = x.get(1).copied().unwrap_or(f64::NAN);
        (x[0], if exponential { second / x[0] } else { second - x[0] }, vec![0.0])
    } else {
        let level = mean(&x[..m]);
        let next = if x.len() >= 2 * m { mean(&x[m..2 * m]) } else { f64::NAN };
        let s: Vec<f64> =
            x[..m].iter().map(|v| if season == Season::Additive { v - level } else { v / level }).collect();
        (level, (next - level) / m as f64, s)
    };
    let setup = Setup { trend, season, m, phi, l_start, b_start, s_start: &s_start };
    let (alpha, beta, gamma) = smoothing_parameters(x, &setup, fixed)?;
    let run = pass(x, &setup, alpha, beta, gamma, true);
    let n = x.len();
    let mut states = Vec::new();
    for r in 0..=n {
        states.push(run.level[r]);
        if trend.has_state() {
            states.push(run.trend[r]);
        }
        if season != Season::None {
            states.extend((1..=m).map(|i| run.season[m - i + r]));
        }
    }
    let multiplicative_error = season == Season::Multiplicative || (season == Season::None && exponential);
    let squares: Vec<f64> = if multiplicative_error {
        run.residuals.iter().zip(&run.fitted).map(|(e, f)| (e / f) * (e / f)).collect()
    } else {
        run.residuals.iter().map(|e| e * e).collect()
    };
    Some(HwFit {
        trend,
        season,
        m,
        alpha,
        beta: trend.has_state().then_some(beta),
        gamma: (season != Season::None).then_some(gamma),
        phi,
        multiplicative_error,
        states,
        sigma2: mean(&squares),
        fitted: run.fitted,
        residuals: run.residuals,
        sse: run.sse,
    })
}

/// Simple exponential smoothing's alpha as `HoltWintersZZ(x, beta = FALSE, gamma = FALSE)`
/// estimates it for a series of frequency `m` (the level starts at `x[0]`).
pub fn ses_alpha(x: &[f64], m: usize) -> f64 {
    let s_start = [0.0];
    let setup = Setup { trend: Trend::None, season: Season::None, m: m.max(1), phi: 1.0, l_start: x[0], b_start: 0.0, s_start: &s_start };
    bounded_1d::minimize(|a| pass(x, &setup, a, 0.0, 0.0, false).sse, 0.2 / m.max(1) as f64, 0.0, 1.0)
}

/// alpha, beta and gamma: the fixed ones as given, the others by L-BFGS-B from `initparam`'s
/// starting values (R's defaults for bounds 0 and 1, divided by the frequency for alpha).
fn smoothing_parameters(x: &[f64], setup: &Setup, fixed: &Fixed) -> Option<(f64, f64, f64)> {
    let has_trend = setup.trend.has_state();
    let has_season = setup.season != Season::None;
    let mut alpha = fixed.alpha.unwrap_or(0.2 / setup.m as f64);
    if !(0.0..=1.0).contains(&alpha) {
        alpha = 0.002;
    }
    let mut beta = fixed.beta.unwrap_or(0.0);
    if has_trend && fixed.beta.is_none() {
        beta = 0.1 * alpha.min(1.0);
        if beta < 0.0 || beta > alpha {
            beta = alpha - 0.001;
        }
    }
    let mut gamma = fixed.gamma.unwrap_or(0.0);
    if has_season && fixed.gamma.is_none() {
        gamma = 0.05 * (1.0 - alpha).min(1.0);
        if gamma < 0.0 || gamma > 1.0 - alpha {
            gamma = 1.0 - alpha - 0.001;
        }
    }
    let free = [fixed.alpha.is_none(), has_trend && fixed.beta.is_none(), has_season && fixed.gamma.is_none()];
    let start: Vec<f64> = [alpha, beta, gamma].iter().zip(free).filter(|(_, f)| *f).map(|(v, _)| *v).collect();
    let place = |p: &[f64]| {
        let mut it = p.iter();
        let mut pick = |given: f64, free: bool| if free { *it.next().expect("one value per free parameter") } else { given };
        (pick(alpha, free[0]), pick(beta, free[1]), pick(gamma, free[2]))
    };
    let sse = |p: &[f64]| {
        let (a, b, g) = place(p);
        pass(x, setup, a, b, g, false).sse
    };
    match start.len() {
        0 => sse(&[]).is_finite().then_some((alpha, beta, gamma)),
        1 => {
            if !sse(&start).is_finite() {
                return None;
            }
            let best = bounded_1d::minimize(|v| sse(&[v]), start[0], 0.0, 1.0);
            Some(place(&[best]))
        }
        k => lbfgsb_box::minimize(sse, &start, &vec![0.0; k], &vec![1.0; k]).ok().map(|p| place(&p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SES sum of squares as thetaf's fit wrote it before it moved here.
    fn plain_sse(x: &[f64], alpha: f64) -> f64 {
        let mut level = x[0];
        let mut total = 0.0;
        for &v in x {
            let e = v - level;
            total += e * e;
            level = alpha * v + (1.0 - alpha) * level;
        }
        total
    }

    #[test]
    fn ses_alpha_is_bit_for_bit_the_plain_ses_fit_and_agrees_with_the_general_fit() {
        let mut seed = 7u64;
        for n in 1..=6 {
            for m in [1, 4, 12] {
                let x: Vec<f64> = (0..n)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        100.0 + ((seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 40.0
                    })
                    .collect();
                let old = bounded_1d::minimize(|a| plain_sse(&x, a), 0.2 / m as f64, 0.0, 1.0);
                assert_eq!(ses_alpha(&x, m).to_bits(), old.to_bits(), "n {n} m {m}");
                let fit = holt_winters_zz(&x, m, Trend::None, Season::None, &Fixed::default()).expect("finite");
                assert_eq!(fit.alpha.to_bits(), old.to_bits());
                assert_eq!(fit.sse.to_bits(), plain_sse(&x, old).to_bits());
            }
        }
    }

    #[test]
    fn r_stops_where_a_trend_or_a_trended_season_has_too_few_values() {
        let none = Fixed::default();
        assert!(holt_winters_zz(&[5.0], 1, Trend::Additive, Season::None, &none).is_none());
        assert!(holt_winters_zz(&[5.0, 6.0, 7.0, 8.0, 9.0, 9.0, 9.0], 4, Trend::Additive, Season::Additive, &none).is_none());
        assert!(holt_winters_zz(&[5.0, -6.0, 7.0, 8.0], 2, Trend::Additive, Season::Multiplicative, &none).is_none());
        assert!(holt_winters_zz(&[5.0, 6.0], 1, Trend::Additive, Season::None, &none).is_some());
    }
}
