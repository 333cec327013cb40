//! The regression set-up of a fit with the caller's regressors, remembered per set of
//! regressors: the rotated differenced regressors and the least-squares start on them. An
//! automatic search fits many candidates that differ in their ARMA orders only, and these
//! (with the aliasing and degeneracy checks before them, O(n k^2) each) depend only on the
//! differenced series, the differencing and the intercept and drift; with many regressors
//! they were a tenth of every candidate's time. The same input gives the same output, so
//! a remembered entry is what a new computation would give, to the bit.

use std::sync::Mutex;

/// What [`super::objective::setup_xreg`] derives from one regression: the differenced
/// regressors in the optimizer's coordinates and the least-squares start (coefficients
/// and standard errors) on them. Only kept once the regression passed its checks.
#[derive(Clone)]
pub(crate) struct Start {
    pub(crate) rotated: Vec<Vec<f64>>,
    pub(crate) gamma: Vec<f64>,
    pub(crate) se: Vec<f64>,
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
