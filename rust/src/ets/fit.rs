//! One model of a given form fitted as R's `etsmodel` does: starting values, the target
//! function of forecast's C++ code (bounds, non-negative multiplicative seasonal states,
//! the chosen criterion) minimised by Nelder–Mead over the parameters and the initial
//! states together, then one more pass for the states, residuals and information criteria.

use super::form::{Component, Form};
use super::init::initial_states;
use super::options::{Bounds, OptCrit, Options};
use super::params::{acceptable, narrowed_bounds, start, Present, Values};
use super::recursion::{run, Smoothing};
use crate::error::{invalid, CoreError, CoreResult};
use crate::numerics::optim::nelder_mead::{minimize_bounded, NelderMeadOptions, NelderMeadResult, NelderMeadStatus};

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
    let problem = Problem::new(y, form, freq, opts)?;
    let res = if opts.opt_crit == OptCrit::Lik {
        super::search::minimize_together(&[&problem]).remove(0)
    } else {
        problem.minimize_other()
    };
    problem.finish(res)
}

/// One form's fit as R's `etsmodel` sets it up: the bounds, the starting point of the search
/// (free parameters, then the initial states but the last seasonal one) and how a point of
/// the search maps to parameters and initial states.
pub(super) struct Problem<'a> {
    y: &'a [f64],
    pub form: Form,
    freq: usize,
    /// The recursion's period: the frequency for seasonal forms, 1 otherwise.
    pub m: usize,
    opts: &'a Options,
    has: Present,
    lower: [f64; 4],
    upper: [f64; 4],
    /// Every parameter's starting value, fixed ones included.
    values: Values,
    n_free: usize,
    /// Which of alpha, beta, gamma the search estimates.
    order: [bool; 3],
    pub start: Vec<f64>,
}

impl<'a> Problem<'a> {
    pub fn new(y: &'a [f64], form: Form, freq: usize, opts: &'a Options) -> CoreResult<Problem<'a>> {
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
        Ok(Problem { y, form, freq, m, opts, has, lower, upper, values, n_free, order, start: par0 })
    }

    pub fn y(&self) -> &'a [f64] {
        self.y
    }

    fn unpack(&self, p: &[f64]) -> Values {
        let mut k = 0;
        let mut next = |free: bool, fixed: Option<f64>| {
            if free {
                k += 1;
                p[k - 1]
            } else {
                fixed.unwrap_or(0.0)
            }
        };
        let alpha = next(self.order[0], self.values.alpha.into());
        let beta = self.has.trend.then(|| next(self.order[1], self.values.beta));
        let gamma = self.has.season.then(|| next(self.order[2], self.values.gamma));
        let phi = self.has.damped.then(|| next(self.opts.phi.is_none(), self.values.phi));
        Values {
            alpha,
            beta,
            gamma,
            phi,
        }
    }

    /// The parameters and full initial state (into `x0`) of a point of the search; `None`
    /// where the target is infinite without a pass (parameters out of bounds, a negative
    /// multiplicative seasonal state).
    pub fn point(&self, p: &[f64], x0: &mut Vec<f64>) -> Option<Smoothing> {
        let v = self.unpack(p);
        if !acceptable(&v, &self.lower, &self.upper, self.opts.bounds, self.m) {
            return None;
        }
        complete_states(&p[self.n_free..], &self.form, self.m, x0);
        if self.form.season == Component::Multiplicative {
            let first = 1 + usize::from(self.has.trend);
            if x0[first..].iter().any(|s| *s < 0.0) {
                return None;
            }
        }
        Some(smoothing(&v))
    }

    /// The search's options: R's `optim` defaults with `ets`' `maxit`.
    pub fn search_options(&self) -> NelderMeadOptions {
        NelderMeadOptions {
            maxit: self.opts.maxit,
            ..Default::default()
        }
    }

    /// The search for criteria other than the likelihood, which need the errors of the full
    /// recursion: one point at a time.
    fn minimize_other(&self) -> NelderMeadResult {
        let (y, n, opts) = (self.y, self.y.len(), self.opts);
        let nmse_opt = if matches!(opts.opt_crit, OptCrit::Mse | OptCrit::Amse) {
            opts.nmse
        } else {
            0
        };
        let mut e = vec![0.0; n];
        let mut x0 = Vec::with_capacity(self.start.len() + 1);
        let target = |p: &[f64], _: f64| -> f64 {
            let Some(par) = self.point(p, &mut x0) else {
                return f64::INFINITY;
            };
            let pass = run(y, &x0, self.m, &self.form, &par, nmse_opt, &mut e, None);
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
        minimize_bounded(target, &self.start, &self.search_options())
    }

    /// The fit at the search's result: one more pass for the states, residuals and criteria.
    pub fn finish(&self, res: NelderMeadResult) -> CoreResult<EtsFit> {
        let (y, n, form, opts, m) = (self.y, self.y.len(), self.form, self.opts, self.m);
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
        let par = self.unpack(&res.x);
        let mut x0 = Vec::new();
        complete_states(&res.x[self.n_free..], &form, m, &mut x0);
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
        let has = self.has;
        let fixed = [
            opts.alpha.is_some(),
            has.trend && opts.beta.is_some(),
            has.season && opts.gamma.is_some(),
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
            m: self.freq,
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
}
