//! The regression set-up of a fit (the rotated differenced regressors, the least-squares
//! start on them, the degeneracy check) and, for the caller's regressors, its memory per set
//! of regressors. An automatic search fits many candidates that differ in their ARMA orders
//! only, and this set-up (with the aliasing check, O(n k^2) in all) depends only on the
//! differenced series, the differencing and the intercept and drift; with many regressors
//! it was a tenth of every candidate's time. The same input gives the same output, so a
//! remembered entry is what a new computation would give, to the bit.

use std::sync::Mutex;

use super::objective::Problem;
use super::regression::Regression;
use super::spec::ArimaSpec;
use super::units::degenerate;
use super::xreg::Regressors;
use crate::error::{invalid, CoreResult};
use crate::numerics::ols::ols_normal_equations;

/// What [`super::objective::setup_xreg`] derives from one regression: the differenced
/// regressors in the optimizer's coordinates and the least-squares start (coefficients
/// and standard errors) on them. Only kept once the regression passed its checks.
#[derive(Clone)]
pub(crate) struct Start {
    pub(crate) rotated: Vec<Vec<f64>>,
    pub(crate) gamma: Vec<f64>,
    pub(crate) se: Vec<f64>,
}

/// The rotated differenced regressors and the least-squares start on them (none
/// without regressors).
pub(crate) fn regression_start(reg: &Regression, dx: &[f64]) -> Start {
    if reg.k() == 0 {
        return Start { rotated: Vec::new(), gamma: Vec::new(), se: Vec::new() };
    }
    let rotated = reg.rotated_dcols();
    let (gamma, se) = ols_normal_equations(dx, &rotated);
    Start { rotated, gamma, se }
}

/// Degenerate data: nothing left to explain after differencing and the regression at its
/// least-squares start `gamma` (rotated coordinates).
pub(crate) fn refuse_degenerate(spec: &ArimaSpec, xreg: &Regressors, reg: &Regression, dx: &[f64], gamma: &[f64], y_std: &[f64]) -> CoreResult<()> {
    let y_max = y_std.iter().filter(|v| !v.is_nan()).fold(0.0f64, |m, v| m.max(v.abs()));
    let beta = reg.beta(gamma);
    let mut left = Vec::with_capacity(dx.len());
    Problem::adjusted(&mut left, dx, &reg.dcols, &beta);
    let left_max = left.iter().filter(|v| !v.is_nan()).fold(0.0f64, |m, v| m.max(v.abs()));
    if !degenerate(left_max, y_max) {
        return Ok(());
    }
    let removed = if !xreg.is_empty() {
        "the regression on xreg"
    } else {
        match (spec.d + spec.seasonal_d > 0, spec.include_mean && spec.d + spec.seasonal_d == 0, spec.include_drift) {
            (true, _, true) => "differencing and drift",
            (true, _, false) => "differencing",
            (false, true, true) => "its mean and drift",
            (false, true, false) => "its mean",
            (false, false, _) => "its drift",
        }
    };
    invalid(format!(
        "y is reproduced exactly by {removed}: the innovation variance of {} is zero relative to the scale \
         of y and the model is degenerate",
        spec.label()
    ))
}

/// The input a [`Start`] was made from: intercept, drift, the differencing polynomial and
/// the differenced (scaled) series, compared bit for bit.
struct Key {
    mean: bool,
    drift: bool,
    delta: Vec<u64>,
    dx: Vec<u64>,
}

impl Key {
    fn new(mean: bool, drift: bool, delta: &[f64], dx: &[f64]) -> Key {
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect();
        Key { mean, drift, delta: bits(delta), dx: bits(dx) }
    }

    fn is(&self, mean: bool, drift: bool, delta: &[f64], dx: &[f64]) -> bool {
        let same = |a: &[u64], b: &[f64]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| *x == y.to_bits());
        self.mean == mean && self.drift == drift && same(&self.delta, delta) && same(&self.dx, dx)
    }
}

/// A search needs one entry per (differencing, intercept, drift) it tries; the same
/// regressors fitted to many series would otherwise keep one per series.
const KEPT: usize = 6;

/// Remembered [`Start`]s, the newest last, at most [`KEPT`].
#[derive(Default)]
pub(crate) struct Starts(Mutex<Vec<(Key, Start)>>);

impl Starts {
    pub(crate) fn get(&self, mean: bool, drift: bool, delta: &[f64], dx: &[f64]) -> Option<Start> {
        let kept = self.0.lock().ok()?;
        kept.iter().find(|(k, _)| k.is(mean, drift, delta, dx)).map(|(_, s)| s.clone())
    }

    pub(crate) fn put(&self, mean: bool, drift: bool, delta: &[f64], dx: &[f64], start: &Start) {
        if let Ok(mut kept) = self.0.lock() {
            if kept.len() == KEPT {
                kept.remove(0);
            }
            kept.push((Key::new(mean, drift, delta, dx), start.clone()));
        }
    }
}

// Copies and comparisons of regressors ignore what either has remembered.
impl Clone for Starts {
    fn clone(&self) -> Starts {
        Starts::default()
    }
}

impl PartialEq for Starts {
    fn eq(&self, _: &Starts) -> bool {
        true
    }
}

impl std::fmt::Debug for Starts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Starts")
    }
}
