//! One model of a given form fitted as R's `etsmodel` does: starting values, the target
//! function of forecast's C++ code (bounds, non-negative multiplicative seasonal states,
//! the chosen criterion) minimised by Nelder–Mead over the parameters and the initial
//! states together, then one more pass for the states, residuals and information criteria.

use super::form::{Component, Form};
use super::init::initial_states;
use super::lanes::{likelihoods, MAX_LANES};
use super::options::{Bounds, OptCrit, Options};
use super::params::{acceptable, narrowed_bounds, start, Present, Values};
use super::recursion::{run, Smoothing};
use crate::error::{invalid, CoreError, CoreResult};
use crate::numerics::optim::nelder_mead::{minimize_bounded, NelderMeadOptions, NelderMeadStatus};
use crate::numerics::optim::nelder_mead_batch::{minimize_grouped, GROUP};

/// A fitted ETS model: R's `ets` object in the parts lagrs keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct EtsFit {
    pub form: Form,
    /// The series' frequency (R's `m`), also for non-seasonal models.
    pub m: usize,
    pub par: Values,
    /// R's `initstate`: `(l, b?, s_1..s_m)`.
    pub initial_states: Vec<f64>,
    /// States after each observation, `(n + 1) * p` values, the initial ones first.
    pub states: Vec<f64>,
    pub residuals: Vec<f64>,
    pub fitted: Vec<f64>,
    pub loglik: f64,
    pub aic: f64,
    pub bic: f64,
    pub aicc: f64,
    pub mse: f64,
    pub amse: f64,
    pub sigma2: f64,
}

impl EtsFit {
    /// The state after the last observation.
    pub fn last_state(&self) -> &[f64] {
        let p = self.initial_states.len();
        &self.states[self.states.len() - p..]
    }

    /// Where its forecasts start.
    pub fn origin(&self) -> super::forecast::Origin<'_> {
        super::forecast::Origin {
            form: &self.form,
            m: self.m,
            par: &self.par,
            state: self.last_state(),
            sigma2: self.sigma2,
        }
    }

    pub fn smoothing(&self) -> Smoothing {
        Smoothing {
            alpha: self.par.alpha,
            beta: self.par.beta.unwrap_or(0.0),
            gamma: self.par.gamma.unwrap_or(0.0),
            phi: self.par.phi.unwrap_or(1.0),
        }
    }
}

fn smoothing(v: &Values) -> Smoothing {
    Smoothing {
        alpha: v.alpha,
        beta: v.beta.unwrap_or(0.0),
        gamma: v.gamma.unwrap_or(0.0),
        phi: v.phi.unwrap_or(1.0),
    }
}

/// The full initial state from the optimised ones: the last seasonal state makes the
/// seasonal states sum to 0 (additive) or m (multiplicative).
fn complete_states(x: &[f64], form: &Form, m: usize, out: &mut Vec<f64>) {
    out.clear();
    out.extend_from_slice(x);
    if form.season != Component::None {
        let first = 1 + usize::from(form.trend != Component::None);
        let sum: f64 = x[first..].iter().sum();
        let target = if form.season == Component::Multiplicative {
            m as f64
        } else {
            0.0
        };
        out.push(target - sum);
    }
}

/// Fits `form` to `y` (no missing values) with frequency `freq`.
pub fn fit_form(y: &[f64], form: Form, freq: usize, opts: &Options) -> CoreResult<EtsFit> {
    let n = y.len();
    let seasonal = form.season != Component::None;
    let m = if seasonal { freq } else { 1 };
    let has = Present {
        trend: form.trend != Component::None,
        season: seasonal,
        damped: form.damped,
    };
    let (lower, upper) = narrowed_bounds(opts);
    if opts.bounds != Bounds::Admissible && (0..4).any(|k| lower[k] > upper[k]) {
        return invalid("lower/upper: inconsistent parameter bounds once the fixed parameters narrow them");
    }
    let (free, values) = start(opts, has, lower, upper, m);
    if !acceptable(&values, &lower, &upper, opts.bounds, m) {
        return invalid(format!(
            "alpha/beta/gamma/phi: parameters out of range for {}",
            form.label()
        ));
    }
    let init = initial_states(y, form.trend, form.season, freq)?;
    let nstate = init.len();
    let n_free = free.len();
    let mut par0 = free;
    par0.extend_from_slice(&init);
    if par0.len() + 1 >= n {
        return invalid(format!("y: {n} values are too few to fit {}", form.label()));
    }
    let order = [
        opts.alpha.is_none(),
        has.trend && opts.beta.is_none(),
        seasonal && opts.gamma.is_none(),
    ];
    let unpack = |p: &[f64]| -> Values {
        let mut k = 0;
        let mut next = |free: bool, fixed: Option<f64>| {
            if free {
                k += 1;
                p[k - 1]
            } else {
                fixed.unwrap_or(0.0)
            }
        };
        let alpha = next(order[0], values.alpha.into());
        let beta = has.trend.then(|| next(order[1], values.beta));
        let gamma = has.season.then(|| next(order[2], values.gamma));
        let phi = has.damped.then(|| next(opts.phi.is_none(), values.phi));
        Values {
            alpha,
            beta,
            gamma,
            phi,
        }
    };
    let nmse_opt = if matches!(opts.opt_crit, OptCrit::Mse | OptCrit::Amse) {
        opts.nmse
    } else {
        0
    };
    let mut e = vec![0.0; n];
    let mut x0 = Vec::with_capacity(nstate + 1);
    // The other criteria need the errors of the full recursion.
    let mut target = |p: &[f64], _: f64| -> f64 {
        let v = unpack(p);
        if !acceptable(&v, &lower, &upper, opts.bounds, m) {
            return f64::INFINITY;
        }
        complete_states(&p[n_free..], &form, m, &mut x0);
        if form.season == Component::Multiplicative {
            let first = 1 + usize::from(has.trend);
            if x0[first..].iter().any(|s| *s < 0.0) {
                return f64::INFINITY;
            }
        }
        let pass = run(y, &x0, m, &form, &smoothing(&v), nmse_opt, &mut e, None);
        let lik = match pass.lik {
            Some(l) if l.is_nan() => f64::INFINITY,
            Some(l) => l.max(-1e10),
            None => f64::INFINITY,
        };
        let nf = n as f64;
        match opts.opt_crit {
            OptCrit::Lik => lik,
            OptCrit::Mse => pass.amse[0],
            OptCrit::Amse => pass.amse.iter().fold(0.0, |s, a| s + a / opts.nmse as f64),
            OptCrit::Sigma => e.iter().fold(0.0, |s, v| s + v * v / nf),
            OptCrit::Mae => e.iter().fold(0.0, |s, v| s + v.abs() / nf),
        }
    };
    // The likelihood alone, several points per pass (same values, same search).
    let mut lane_x0: [Vec<f64>; MAX_LANES] = Default::default();
    let mut lane_ring = Vec::new();
    let mut grouped = |points: &[&[f64]], limits: &[f64], out: &mut [f64]| {
        let mut pars = [smoothing(&values); MAX_LANES];
        let (mut at, mut lims, mut k) = ([0; MAX_LANES], [0.0; MAX_LANES], 0);
        for (j, p) in points.iter().enumerate() {
            out[j] = f64::INFINITY;
            let v = unpack(p);
            if !acceptable(&v, &lower, &upper, opts.bounds, m) {
                continue;
            }
            complete_states(&p[n_free..], &form, m, &mut lane_x0[k]);
            if form.season == Component::Multiplicative {
                let first = 1 + usize::from(has.trend);
                if lane_x0[k][first..].iter().any(|s| *s < 0.0) {
                    continue;
                }
            }
            (at[k], lims[k], pars[k]) = (j, limits[j], smoothing(&v));
            k += 1;
        }
        let x0s: [&[f64]; MAX_LANES] = std::array::from_fn(|i| &lane_x0[i][..]);
        let mut res = [None; MAX_LANES];
        if k > 0 {
            likelihoods(y, &x0s[..k], m, &form, &pars[..k], &lims[..k], &mut lane_ring, &mut res[..k]);
        }
        for i in 0..k {
            out[at[i]] = match res[i] {
                Some(l) if l.is_nan() => f64::INFINITY,
                Some(l) => l.max(-1e10),
                None => f64::INFINITY,
            };
        }
    };
    let nm = NelderMeadOptions {
        maxit: opts.maxit,
        ..Default::default()
    };
    const _: () = assert!(GROUP <= MAX_LANES);
    let res = if opts.opt_crit == OptCrit::Lik {
        minimize_grouped(&mut grouped, &par0, &nm)
    } else {
        minimize_bounded(&mut target, &par0, &nm)
    };
    // The final pass keeps every state (n times the state size): not for a cancelled fit.
    if res.status == NelderMeadStatus::Cancelled {
        return Err(CoreError::Cancelled);
    }
    if res.status == NelderMeadStatus::NonFiniteStart {
        return Err(CoreError::Numerical(format!(
            "ets: {} cannot be evaluated at its starting values",
            form.label()
        )));
    }
    let par = unpack(&res.x);
    let mut x0 = Vec::new();
    complete_states(&res.x[n_free..], &form, m, &mut x0);
    let mut states = Vec::with_capacity((n + 1) * x0.len());
    let mut e = vec![0.0; n];
    let pass = run(y, &x0, m, &form, &smoothing(&par), opts.nmse, &mut e, Some(&mut states));
    let lik = match pass.lik {
        Some(l) if l.is_finite() => l,
        _ => {
            return Err(CoreError::Numerical(format!(
                "ets: {} has no finite likelihood",
                form.label()
            )))
        }
    };
    let np = (res.x.len() + 1) as f64;
    let nf = n as f64;
    let aic = lik + 2.0 * np;
    let fixed = [
        opts.alpha.is_some(),
        has.trend && opts.beta.is_some(),
        seasonal && opts.gamma.is_some(),
        has.damped && opts.phi.is_some(),
    ];
    let n_par_total = res.x.len() + fixed.iter().filter(|f| **f).count();
    let fitted = y
        .iter()
        .zip(&e)
        .map(|(v, r)| {
            if form.error == Component::Additive {
                v - r
            } else {
                v / (1.0 + r)
            }
        })
        .collect();
    Ok(EtsFit {
        form,
        m: freq,
        par,
        initial_states: x0,
        states,
        sigma2: e.iter().map(|r| r * r).sum::<f64>() / (nf - n_par_total as f64),
        residuals: e,
        fitted,
        loglik: -0.5 * lik,
        aic,
        bic: lik + nf.ln() * np,
        aicc: aic + 2.0 * np * (np + 1.0) / (nf - np - 1.0),
        mse: pass.amse[0],
        amse: pass.amse.iter().sum::<f64>() / opts.nmse as f64,
    })
}
