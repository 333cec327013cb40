//! An objective function for the finite-difference routines (Hessians, gradients) that
//! may evaluate the points around one centre together: a regression with ARIMA errors
//! has an objective whose sum of squares is quadratic in the regression coefficients, so
//! every point that moves only those coefficients is a few multiplications once the
//! centre's pieces are known (see `arima::linear`). Any closure is one, evaluated point by
//! point.

pub(crate) trait Objective {
    /// The value at `x`.
    fn value(&mut self, x: &[f64]) -> f64;

    /// The values at `points`, each `center` with a few coordinates moved. One by one
    /// unless the objective knows better.
    fn values_near(&mut self, center: &[f64], points: &[Vec<f64>]) -> Vec<f64> {
        let _ = center;
        points.iter().map(|p| self.value(p)).collect()
    }
}

impl<F: FnMut(&[f64]) -> f64> Objective for F {
    fn value(&mut self, x: &[f64]) -> f64 {
        self(x)
    }
}
