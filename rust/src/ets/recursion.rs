//! R's state-space recursions of `ets` (`etscalc` in forecast's C code): the one-step
//! forecast, the error, the state update and the likelihood criterion
//! `n log(sum e^2) + 2 sum log|yhat|` (the second term only for multiplicative errors),
//! with R's guards (a near-zero divisor becomes 1e10, a negative multiplicative growth makes
//! the forecast, and so the likelihood, missing). The state vector is R's:
//! `(l, b, s_1, ..., s_m)` with `s_1` the most recent seasonal state.

use super::form::{Component, Form};

const TOL: f64 = 1.0e-10;
const HUGEN: f64 = 1.0e10;

/// Smoothing parameters as the recursion uses them (beta 0 without trend, gamma 0 without
/// season, phi 1 without damping, as R passes them to its C code).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Smoothing {
    pub alpha: f64,
    pub beta: f64,
    pub gamma: f64,
    pub phi: f64,
}

/// The sums one pass over the series yields.
#[derive(Debug, Clone)]
pub struct Pass {
    /// `n log(sum e^2) (+ 2 sum log|yhat|)`; `None` when a forecast was missing (R's NA).
    pub lik: Option<f64>,
    /// Mean squared 1..nmse-step errors (R's `amse`), empty when not requested.
    pub amse: Vec<f64>,
}

/// Point forecasts `1..=h` from the state `x`; `None` for R's NA (a negative multiplicative
/// growth). `m` is 1 for a non-seasonal model.
pub fn point_forecasts(x: &[f64], m: usize, form: &Form, phi: f64, out: &mut [f64]) -> bool {
    let l = x[0];
    let b = if form.trend != Component::None { x[1] } else { 0.0 };
    let s = &x[1 + usize::from(form.trend != Component::None)..];
    forecast_from(l, b, s, m, form, phi, out)
}

fn forecast_from(l: f64, b: f64, s: &[f64], m: usize, form: &Form, phi: f64, f: &mut [f64]) -> bool {
    let h = f.len();
    let mut phistar = phi;
    for i in 0..h {
        f[i] = match form.trend {
            Component::None => l,
            Component::Additive => l + phistar * b,
            Component::Multiplicative => {
                if b < 0.0 {
                    return false;
                }
                l * b.powf(phistar)
            }
        };
        let j = (m - 1 + m * (i / m + 1) - i) % m;
        match form.season {
            Component::Additive => f[i] += s[j],
            Component::Multiplicative => f[i] *= s[j],
            Component::None => {}
        }
        if i + 1 < h {
            // R's cumulative damping: phi + phi^2 + ... (exactly i + 1 extra steps when phi is 1).
            if (phi - 1.0).abs() < TOL {
                phistar += 1.0;
            } else {
                phistar += phi.powi(i as i32 + 1);
            }
        }
    }
    true
}

/// Runs the recursion over `y` from the initial state `x0` (`1 + trend + m` values when
/// seasonal). Errors go to `e`; the states of every step, `(n + 1) * p` values, to `states`
/// when given; `nmse` > 0 asks for the multi-step mean squared errors.
#[allow(clippy::too_many_arguments)]
pub fn run(
    y: &[f64],
    x0: &[f64],
    m: usize,
    form: &Form,
    par: &Smoothing,
    nmse: usize,
    e: &mut [f64],
    mut states: Option<&mut Vec<f64>>,
) -> Pass {
    let n = y.len();
    let has_trend = form.trend != Component::None;
    let seasonal = form.season != Component::None;
    let m = if seasonal { m } else { 1 };
    let p = x0.len();
    let mut l = x0[0];
    let mut b = if has_trend { x0[1] } else { 0.0 };
    let mut s: Vec<f64> = if seasonal {
        x0[1 + usize::from(has_trend)..].to_vec()
    } else {
        Vec::new()
    };
    let mut olds = s.clone();
    if let Some(st) = states.as_deref_mut() {
        st.clear();
        st.extend_from_slice(x0);
    }
    let nf = nmse.max(1);
    let mut f = vec![0.0; nf];
    let mut amse = vec![0.0; nmse];
    let mut denom = vec![0.0; nmse];
    let mut sse = 0.0;
    let mut log_sum = 0.0;
    for i in 0..n {
        let (oldl, oldb) = (l, b);
        olds.copy_from_slice(&s);
        if !forecast_from(oldl, oldb, &olds, m, form, par.phi, &mut f) {
            return Pass { lik: None, amse };
        }
        e[i] = if form.error == Component::Additive {
            y[i] - f[0]
        } else {
            (y[i] - f[0]) / f[0]
        };
        for j in 0..nmse {
            if i + j < n {
                denom[j] += 1.0;
                let d = y[i + j] - f[j];
                amse[j] = (amse[j] * (denom[j] - 1.0) + d * d) / denom[j];
            }
        }
        update(oldl, oldb, &olds, &mut l, &mut b, &mut s, m, form, par, y[i]);
        if let Some(st) = states.as_deref_mut() {
            st.push(l);
            if has_trend {
                st.push(b);
            }
            st.extend_from_slice(&s);
            debug_assert_eq!(st.len(), (i + 2) * p);
        }
        sse += e[i] * e[i];
        log_sum += f[0].abs().ln();
    }
    let mut lik = n as f64 * sse.ln();
    if form.error == Component::Multiplicative {
        lik += 2.0 * log_sum;
    }
    Pass { lik: Some(lik), amse }
}

/// One simulated path from the state `x` (R's `etssimulate`): each step's one-step forecast
/// plus the innovation `e[i]` (times the forecast for a multiplicative error) is the value
/// `y[i]` the state is then updated with. `false` for R's NA (a negative multiplicative
/// growth), which stops R's `simulate.ets`. `m` is 1 for a non-seasonal model.
pub fn simulate(x: &[f64], m: usize, form: &Form, par: &Smoothing, e: &[f64], y: &mut [f64]) -> bool {
    let has_trend = form.trend != Component::None;
    let mut l = x[0];
    let mut b = if has_trend { x[1] } else { 0.0 };
    let mut s = x[1 + usize::from(has_trend)..].to_vec();
    let mut olds = s.clone();
    let mut f = [0.0];
    for (yi, ei) in y.iter_mut().zip(e) {
        let (oldl, oldb) = (l, b);
        olds.copy_from_slice(&s);
        if !forecast_from(oldl, oldb, &olds, m, form, par.phi, &mut f) {
            return false;
        }
        *yi = if form.error == Component::Additive { f[0] + ei } else { f[0] * (1.0 + ei) };
        update(oldl, oldb, &olds, &mut l, &mut b, &mut s, m, form, par, *yi);
    }
    true
}

#[allow(clippy::too_many_arguments)]
fn update(
    oldl: f64,
    oldb: f64,
    olds: &[f64],
    l: &mut f64,
    b: &mut f64,
    s: &mut [f64],
    m: usize,
    form: &Form,
    par: &Smoothing,
    y: f64,
) {
    let (q, phib) = match form.trend {
        Component::None => (oldl, 0.0),
        Component::Additive => {
            let phib = par.phi * oldb;
            (oldl + phib, phib)
        }
        Component::Multiplicative => {
            let phib = if (par.phi - 1.0).abs() < TOL {
                oldb
            } else {
                oldb.powf(par.phi)
            };
            (oldl * phib, phib)
        }
    };
    let p = match form.season {
        Component::None => y,
        Component::Additive => y - olds[m - 1],
        Component::Multiplicative => {
            if olds[m - 1].abs() < TOL {
                HUGEN
            } else {
                y / olds[m - 1]
            }
        }
    };
    *l = q + par.alpha * (p - q);
    if form.trend != Component::None {
        let r = if form.trend == Component::Additive {
            *l - oldl
        } else if oldl.abs() < TOL {
            HUGEN
        } else {
            *l / oldl
        };
        *b = phib + (par.beta / par.alpha) * (r - phib);
    }
    if form.season != Component::None {
        let t = if form.season == Component::Additive {
            y - q
        } else if q.abs() < TOL {
            HUGEN
        } else {
            y / q
        };
        s[0] = olds[m - 1] + par.gamma * (t - olds[m - 1]);
        s[1..m].copy_from_slice(&olds[..m - 1]);
    }
}
