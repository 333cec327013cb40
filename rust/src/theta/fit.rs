//! statsforecast's `auto_theta`: seasonal adjustment, each candidate model's parameters by its
//! Nelder-Mead, and the candidate of least objective.

use super::decompose::{self, Adjustment};
use super::pegels::{self, Kind, Params};
use crate::numerics::optim::clamped_simplex::{self, Settings};

/// statsforecast's optimiser settings for Theta.
const SETTINGS: Settings = Settings { init_step: 0.05, zero_step: 1e-4, max_iter: 1000, tol_std: 1e-4 };

/// One fitted candidate.
pub(super) struct Candidate {
    pub kind: Kind,
    pub params: Params,
    pub pass: pegels::Pass,
}

/// The seasonal adjustment: the kind, the index of every observation (empty without one).
pub(super) fn adjust(y: &[f64], m: usize) -> (Adjustment, Vec<f64>) {
    if !decompose::is_seasonal(y, m) {
        return (Adjustment::None, Vec::new());
    }
    let positive = y.iter().all(|&v| v > 0.0);
    if positive {
        let s = decompose::seasonal(y, m, true);
        if s.iter().all(|&v| v >= 0.01) {
            return (Adjustment::Multiplicative, s);
        }
    }
    (Adjustment::Additive, decompose::seasonal(y, m, false))
}

/// Fits one model type to the (adjusted) series: statsforecast's start (level y[0] / 2, alpha
/// 0.5, theta 2) and bounds (level +-1e10, alpha [0.1, 0.99], theta [1, 1e10]).
pub(super) fn candidate(prep: &pegels::Prepared, kind: Kind) -> Candidate {
    let y = prep.y();
    let start = Params { level: y[0] / 2.0, alpha: 0.5, theta: 2.0 };
    let (mut x0, mut lower, mut upper) = (vec![start.level, start.alpha], vec![-1e10, 0.1], vec![1e10, 0.99]);
    if kind.optimises_theta() {
        x0.push(start.theta);
        lower.push(1.0);
        upper.push(1e10);
    }
    let params_of = |x: &[f64]| Params { level: x[0], alpha: x[1], theta: if x.len() > 2 { x[2] } else { start.theta } };
    let (mut powers, mut powers_alpha) = (Vec::with_capacity(y.len() + 1), f64::NAN);
    let mut objective = |x: &[f64]| {
        let p = params_of(x);
        if p.alpha.to_bits() != powers_alpha.to_bits() {
            pegels::fill_powers(p.alpha, y.len(), &mut powers);
            powers_alpha = p.alpha;
        }
        let value = pegels::objective(prep, kind, p, &powers);
        // statsforecast's target: a stopped filter counts as -infinity (so as the best).
        if value.is_nan() { f64::NEG_INFINITY } else { value.max(-1e10) }
    };
    let best = clamped_simplex::minimise(&mut objective, &x0, &lower, &upper, SETTINGS);
    let params = params_of(&best.x);
    Candidate { kind, params, pass: pegels::filter(prep, kind, params) }
}

/// The candidate of least objective among `kinds` (the first on ties; a NaN or infinite objective is never chosen).
pub(super) fn choose(y: &[f64], kinds: &[Kind]) -> Option<Candidate> {
    let prep = pegels::Prepared::new(y);
    let mut best: Option<Candidate> = None;
    for &kind in kinds {
        let c = candidate(&prep, kind);
        if c.pass.objective < best.as_ref().map_or(f64::INFINITY, |b| b.pass.objective) {
            best = Some(c);
        }
    }
    best
}
