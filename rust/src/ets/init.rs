//! R's initial states (`initstate`), which are also the optimiser's starting point: the
//! seasonal states from a classical decomposition (`decompose`) when the series has at
//! least three seasons, otherwise from a regression on a linear trend and one pair of
//! Fourier terms (`tslm(y ~ trend + fourier(y, 1))`); the level (and growth) from the first
//! `max(10, 2m)` seasonally adjusted values (their mean, or a least-squares line).

use super::form::Component;
use crate::error::{CoreError, CoreResult};
use crate::numerics::ols::ols;

/// R's `mean`: the sum divided by n, refined by the mean of the deviations.
fn mean(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    m + x.iter().map(|v| v - m).sum::<f64>() / n
}

/// `stats::filter(x, f, sides = 2)`: centred moving sums, NaN where the window leaves `x`.
fn centred_filter(x: &[f64], f: &[f64]) -> Vec<f64> {
    let (n, nf) = (x.len(), f.len());
    let shift = nf / 2;
    (0..n)
        .map(|i| {
            if i + shift < nf - 1 || i + shift >= n {
                return f64::NAN;
            }
            let mut z = 0.0;
            for (j, fj) in f.iter().enumerate() {
                z += fj * x[i + shift - j];
            }
            z
        })
        .collect()
}

/// `decompose(y, type)$seasonal`: the seasonal figure repeated over the series.
fn decompose_figure(y: &[f64], m: usize, multiplicative: bool) -> Vec<f64> {
    let filter: Vec<f64> = if m % 2 == 0 {
        let mut f = vec![1.0 / m as f64; m + 1];
        f[0] = 0.5 / m as f64;
        f[m] = 0.5 / m as f64;
        f
    } else {
        vec![1.0 / m as f64; m]
    };
    let trend = centred_filter(y, &filter);
    let season: Vec<f64> = y
        .iter()
        .zip(&trend)
        .map(|(v, t)| if multiplicative { v / t } else { v - t })
        .collect();
    let mut figure: Vec<f64> = (0..m)
        .map(|i| {
            let vals: Vec<f64> = season
                .iter()
                .skip(i)
                .step_by(m)
                .copied()
                .filter(|v| !v.is_nan())
                .collect();
            mean(&vals)
        })
        .collect();
    let centre = mean(&figure);
    for f in figure.iter_mut() {
        if multiplicative {
            *f /= centre;
        } else {
            *f -= centre;
        }
    }
    (0..y.len()).map(|i| figure[i % m]).collect()
}

/// The seasonal part of a series shorter than three seasons: what remains of each value
/// after the intercept and trend of `lm(y ~ trend + sin + cos)` (the sine dropped when m is 2).
fn fourier_figure(y: &[f64], m: usize, multiplicative: bool) -> CoreResult<Vec<f64>> {
    let n = y.len();
    let t: Vec<f64> = (1..=n).map(|i| i as f64).collect();
    let mut cols = vec![vec![1.0; n], t.clone()];
    let w = 2.0 * std::f64::consts::PI / m as f64;
    if m != 2 {
        cols.push(t.iter().map(|ti| (w * ti).sin()).collect());
    }
    cols.push(t.iter().map(|ti| (w * ti).cos()).collect());
    let fit = ols(y, &cols).ok_or_else(|| CoreError::Numerical("ets: initial seasonal regression failed".into()))?;
    let (a, b) = (fit.coef[0], fit.coef[1]);
    Ok((0..n)
        .map(|i| {
            let base = a + b * (i + 1) as f64;
            if multiplicative {
                y[i] / base
            } else {
                y[i] - base
            }
        })
        .collect())
}

/// R's `initstate(y, trendtype, seasontype)` with `m` the frequency: `(l, b?, s_0..s_{m-2})`
/// (the last seasonal state follows from the others).
pub fn initial_states(y: &[f64], trend: Component, season: Component, m: usize) -> CoreResult<Vec<f64>> {
    let n = y.len();
    let mut out = Vec::with_capacity(m + 1);
    let mut seas_init = Vec::new();
    let adjusted: Vec<f64> = if season != Component::None {
        if n < 4 {
            return Err(CoreError::InvalidArgument(
                "y: too short for a seasonal ETS model (fewer than 4 values)".into(),
            ));
        }
        let mult = season == Component::Multiplicative;
        // decompose needs two full seasons; R takes the regression below three.
        let seasonal = if n < 3 * m {
            fourier_figure(y, m, mult)?
        } else {
            decompose_figure(y, m, mult)
        };
        seas_init = seasonal[1..m].iter().rev().copied().collect();
        if mult {
            for s in seas_init.iter_mut() {
                *s = s.max(0.01);
            }
            let total: f64 = seas_init.iter().sum();
            if total > m as f64 {
                let scale: f64 = seas_init.iter().map(|s| s + 0.01).sum();
                for s in seas_init.iter_mut() {
                    *s /= scale;
                }
            }
            y.iter().enumerate().map(|(i, v)| v / seasonal[i].max(0.01)).collect()
        } else {
            y.iter().enumerate().map(|(i, v)| v - seasonal[i]).collect()
        }
    } else {
        y.to_vec()
    };
    let ms = if season != Component::None { m } else { 1 };
    let maxn = (2 * ms).max(10).min(n);
    let head = &adjusted[..maxn];
    if trend == Component::None {
        out.push(mean(head));
    } else {
        let t: Vec<f64> = (1..=maxn).map(|i| i as f64).collect();
        let fit = ols(head, &[vec![1.0; maxn], t])
            .ok_or_else(|| CoreError::Numerical("ets: initial trend regression failed".into()))?;
        let (c0, c1) = (fit.coef[0], if fit.coef[1].is_nan() { 0.0 } else { fit.coef[1] });
        if trend == Component::Additive {
            let (mut l0, mut b0) = (c0, c1);
            if (l0 + b0).abs() < 1e-8 {
                l0 *= 1.0 + 0.001;
                b0 *= 1.0 - 0.001;
            }
            out.push(l0);
            out.push(b0);
        } else {
            let mut l0 = c0 + c1;
            if l0.abs() < 1e-8 {
                l0 = 1e-7;
            }
            let mut b0 = (c0 + 2.0 * c1) / l0;
            l0 /= b0;
            if b0.abs() > 1e10 {
                b0 = b0.signum() * 1e10;
            }
            if l0 < 1e-8 || b0 < 1e-8 {
                l0 = head[0].max(0.001);
                b0 = (head[1] / head[0]).max(0.001);
            }
            out.push(l0);
            out.push(b0);
        }
    }
    out.extend(seas_init);
    Ok(out)
}
