//! Forecasts with their variances as R's `forecast.ets` computes them analytically: model
//! class 1 (additive error, trend N/A/Ad, season N/A), class 2 (the same with a
//! multiplicative error) and class 3 (multiplicative error and season, trend N/A/Ad) of
//! Hyndman et al. (2008, ch. 6). Other forms (multiplicative trend, or an additive error
//! with a multiplicative season, both outside R's default model space) R forecasts by
//! simulation: `mean_var` refuses them and `simulate` gives their bounds.

use super::class3::class3;
use super::form::{Component, Form};
use super::params::Values;
use crate::error::{invalid, CoreResult};

/// What a forecast starts from: the form, frequency, parameters, the state after the last
/// observation and the one-step variance.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub form: &'a Form,
    pub m: usize,
    pub par: &'a Values,
    pub state: &'a [f64],
    pub sigma2: f64,
}

/// Means and variances of the forecasts `1..=h`.
#[derive(Debug, Clone, PartialEq)]
pub struct MeanVar {
    pub mean: Vec<f64>,
    pub var: Vec<f64>,
}

/// R's `class1`: `mu_j = H F^(j-1) x`, `var_j = sigma2 (1 + sum_{i<j} c_i^2)` with
/// `c_i = H F^(i-1) G`. Returns the means, variances and the `c_i`.
fn class1(fit: &Origin, h: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let x = fit.state;
    let p = x.len();
    let m = fit.m;
    let trend = fit.form.trend == Component::Additive;
    let season = fit.form.season == Component::Additive;
    let phi = fit.par.phi.unwrap_or(1.0);
    let mut hv = vec![0.0; p];
    hv[0] = 1.0;
    if season {
        hv[p - 1] = 1.0;
    }
    let mut f = vec![vec![0.0; p]; p];
    f[0][0] = 1.0;
    let mut g = vec![0.0; p];
    g[0] = fit.par.alpha;
    if trend {
        hv[1] = phi;
        f[0][1] = phi;
        f[1][1] = phi;
        g[1] = fit.par.beta.unwrap_or(0.0);
    }
    if season {
        f[p - m][p - 1] = 1.0;
        for k in 0..m - 1 {
            f[p - m + 1 + k][p - m + k] = 1.0;
        }
        // R sets the third element whether or not there is a trend; kept for R's numbers.
        g[2] = fit.par.gamma.unwrap_or(0.0);
    }
    // Row vector H F^j, advanced one step at a time.
    let mut row = hv.clone();
    let mut mu = vec![0.0; h];
    let mut c = vec![0.0; h.saturating_sub(1)];
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(u, v)| u * v).sum::<f64>();
    for i in 0..h {
        mu[i] = dot(&row, x);
        if i + 1 < h {
            c[i] = dot(&row, &g);
            row = (0..p).map(|col| (0..p).map(|k| row[k] * f[k][col]).sum()).collect();
        }
    }
    let mut var = Vec::with_capacity(h);
    let mut acc = 0.0;
    var.push(fit.sigma2);
    for ci in &c {
        acc += ci * ci;
        var.push(fit.sigma2 * (1.0 + acc));
    }
    (mu, var, c)
}

/// Point forecasts and their variances for `h` steps.
pub fn mean_var(fit: &Origin, h: usize) -> CoreResult<MeanVar> {
    use Component::*;
    let f = &fit.form;
    match (f.error, f.trend, f.season) {
        (Additive, None | Additive, None | Additive) => {
            let (mean, var, _) = class1(fit, h);
            Ok(MeanVar { mean, var })
        }
        (Multiplicative, None | Additive, None | Additive) => {
            let (mu, _, c) = class1(fit, h);
            let s2 = fit.sigma2;
            let mut theta = vec![0.0; h];
            theta[0] = mu[0] * mu[0];
            for j in 1..h {
                let mut s = 0.0;
                for i in 0..j {
                    s += c[i] * c[i] * theta[j - 1 - i];
                }
                theta[j] = mu[j] * mu[j] + s2 * s;
            }
            let var = theta.iter().zip(&mu).map(|(t, m)| (1.0 + s2) * t - m * m).collect();
            Ok(MeanVar { mean: mu, var })
        }
        (Multiplicative, None | Additive, Multiplicative) => Ok(class3(fit, h)),
        _ => invalid(format!(
            "model: {} has no analytic forecast variance (R simulates its intervals)",
            f.label()
        )),
    }
}
