//! The regression part of the model (R's `xreg`: intercept, drift, then the caller's
//! regressors) and its rotation to orthogonal regressors (the least-squares start is in
//! `numerics::ols`).

use super::polynomial::difference;
use super::spec::ArimaSpec;
use crate::numerics::svd::svd_right;
use std::sync::Mutex;

/// The rotations `V` already computed for one set of regressors, by (intercept, drift,
/// rows): the candidates of an automatic search differ in their ARMA orders, not in their
/// regression, so each SVD is taken once per search instead of once per candidate. The
/// same input gives the same SVD, so a remembered `V` is the one a new SVD would give.
#[derive(Default)]
pub(crate) struct Rotations(Mutex<Vec<((bool, bool, usize), Vec<Vec<f64>>)>>);

impl Rotations {
    fn get_or(&self, key: (bool, bool, usize), make: impl FnOnce() -> Vec<Vec<f64>>) -> Vec<Vec<f64>> {
        let found = self.0.lock().ok().and_then(|m| m.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()));
        if let Some(v) = found {
            return v;
        }
        let v = make();
        if let Ok(mut m) = self.0.lock() {
            m.push((key, v.clone()));
        }
        v
    }
}

// A set of regressors is equal to, or a clone of, another whatever either has remembered.
impl Clone for Rotations {
    fn clone(&self) -> Rotations {
        Rotations::default()
    }
}

impl PartialEq for Rotations {
    fn eq(&self, _: &Rotations) -> bool {
        true
    }
}

impl std::fmt::Debug for Rotations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rotations")
    }
}

/// The regression part `sum_j beta_j x_j` (R's `xreg`: "intercept" first, then drift =
/// t, t = 1..n, then the caller's columns, as `forecast::Arima` binds them). The optimizer
/// works on `gamma = V' beta`, where the columns of the orthogonal `V` are the right
/// singular vectors of the regression matrix (R's `arima` rotates a multi-column `xreg`
/// so, which decorrelates intercept, trend and regressors); `V = I` for a single column.
pub(crate) struct Regression {
    /// Regressors over the full series.
    pub(crate) cols: Vec<Vec<f64>>,
    /// Differenced regressors.
    pub(crate) dcols: Vec<Vec<f64>>,
    /// `v[j][i] = V_{ji}`: `beta_j = sum_i v[j][i] gamma_i`.
    pub(crate) v: Vec<Vec<f64>>,
}

impl Regression {
    /// Intercept and drift as `spec` asks, then `xreg` (columns of length `n`); the
    /// rotation from `memo` when it has it.
    pub(crate) fn new(spec: &ArimaSpec, n: usize, delta: &[f64], xreg: &[Vec<f64>], memo: &Rotations) -> Regression {
        let mut cols = Vec::with_capacity(2 + xreg.len());
        if spec.include_mean {
            cols.push(vec![1.0; n]);
        }
        if spec.include_drift {
            cols.push((1..=n).map(|t| t as f64).collect());
        }
        cols.extend(xreg.iter().cloned());
        let dcols = cols.iter().map(|c| difference(c, delta)).collect();
        let k = cols.len();
        let v = match k {
            2 => {
                // Eigenvectors of X'X (2 x 2) by one Jacobi rotation; the first belongs to the
                // larger eigenvalue (largest singular value first). Kept for two columns so
                // that intercept-and-drift fits stay what they were to the last bit.
                let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(a, b)| a * b).sum::<f64>();
                let (a, b, c) = (dot(&cols[0], &cols[0]), dot(&cols[0], &cols[1]), dot(&cols[1], &cols[1]));
                let theta = 0.5 * (2.0 * b).atan2(a - c);
                let (sin, cos) = theta.sin_cos();
                vec![vec![cos, -sin], vec![sin, cos]]
            }
            k if k > 2 => memo.get_or((spec.include_mean, spec.include_drift, n), || svd_right(&cols).0),
            k => (0..k).map(|j| (0..k).map(|i| if i == j { 1.0 } else { 0.0 }).collect()).collect(),
        };
        Regression { cols, dcols, v }
    }

    pub(crate) fn k(&self) -> usize {
        self.cols.len()
    }

    /// `beta = V gamma`.
    pub(crate) fn beta(&self, gamma: &[f64]) -> Vec<f64> {
        (0..self.k()).map(|j| gamma.iter().zip(&self.v[j]).map(|(g, v)| v * g).sum()).collect()
    }

    /// `gamma = V' beta`.
    pub(crate) fn gamma(&self, beta: &[f64]) -> Vec<f64> {
        (0..self.k()).map(|i| beta.iter().enumerate().map(|(j, b)| self.v[j][i] * b).sum()).collect()
    }

    /// Differenced regressors in the optimizer's (rotated) coordinates.
    pub(crate) fn rotated_dcols(&self) -> Vec<Vec<f64>> {
        (0..self.k())
            .map(|i| {
                let mut col = vec![0.0; self.dcols.first().map_or(0, Vec::len)];
                for (j, dc) in self.dcols.iter().enumerate() {
                    for (o, x) in col.iter_mut().zip(dc) {
                        *o += self.v[j][i] * x;
                    }
                }
                col
            })
            .collect()
    }
}
