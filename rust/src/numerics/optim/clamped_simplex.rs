//! statsforecast's Nelder-Mead (its `nelder_mead.h`, used by its Theta and ETS fits): a
//! simplex method whose every trial point is clamped into box bounds, with the adaptive
//! coefficients of Gao and Han (2012), stopping when the population standard deviation of the
//! simplex's values falls below a tolerance or after a number of iterations. Not R's `optim`
//! (`nmmin` has other start, step and stopping rules).

/// The settings statsforecast passes.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Relative step of the start simplex (a zero coordinate moves by `zero_step`).
    pub init_step: f64,
    pub zero_step: f64,
    pub max_iter: usize,
    /// Stop when the standard deviation of the simplex's values is below this.
    pub tol_std: f64,
}

/// The best vertex and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    pub x: Vec<f64>,
    pub value: f64,
}

fn clamp(x: &mut [f64], lower: &[f64], upper: &[f64]) {
    for ((v, lo), hi) in x.iter_mut().zip(lower).zip(upper) {
        // Eigen's cwiseMax then cwiseMin: the upper bound wins if the bounds cross.
        *v = v.max(*lo).min(*hi);
    }
}

/// Minimises `f` from `x0` within `[lower, upper]`.
pub fn minimise(mut f: impl FnMut(&[f64]) -> f64, x0: &[f64], lower: &[f64], upper: &[f64], s: Settings) -> Minimum {
    let n = x0.len();
    let nf = n as f64;
    let (reflect, expand, contract, shrink) = (1.0, 1.0 + 2.0 / nf, 0.75 - 1.0 / (2.0 * nf), 1.0 - 1.0 / nf);
    let mut start = x0.to_vec();
    clamp(&mut start, lower, upper);
    // The later candidates of a cancelled selection cost no evaluation.
    if crate::cancel_scope::requested() {
        return Minimum { x: start, value: f64::NAN };
    }
    let mut simplex = vec![start; n + 1];
    for (i, vertex) in simplex.iter_mut().take(n).enumerate() {
        let v = vertex[i];
        let moved = if v == 0.0 { s.zero_step } else { v * (1.0 + s.init_step) };
        vertex[i] = moved.max(lower[i]).min(upper[i]);
    }
    let mut values: Vec<f64> = simplex.iter().map(|x| f(x)).collect();
    let mut best = 0;
    let along = |from: &[f64], to: &[f64], t: f64| -> Vec<f64> { from.iter().zip(to).map(|(a, b)| a + t * (b - a)).collect() };
    for _ in 0..s.max_iter {
        let mut order: Vec<usize> = (0..=n).collect();
        order.sort_by(|&a, &b| values[a].partial_cmp(&values[b]).unwrap_or(std::cmp::Ordering::Equal));
        best = order[0];
        let (worst, second) = (order[n], order[n - 1]);
        // A cancelled fit discards this result (see `cancel_scope`).
        if population_sd(&values) < s.tol_std || crate::cancel_scope::requested() {
            break;
        }
        let centroid: Vec<f64> = (0..n)
            .map(|j| (simplex.iter().map(|x| x[j]).sum::<f64>() - simplex[worst][j]) / nf)
            .collect();
        let trial = |t: f64, f: &mut dyn FnMut(&[f64]) -> f64| {
            let mut x = along(&centroid, &simplex[worst], -t);
            clamp(&mut x, lower, upper);
            let v = f(&x);
            (x, v)
        };
        let (xr, fr) = trial(reflect, &mut f);
        if values[best] <= fr && fr < values[second] {
            (simplex[worst], values[worst]) = (xr, fr);
            continue;
        }
        if fr < values[best] {
            let mut xe = along(&centroid, &xr, expand);
            clamp(&mut xe, lower, upper);
            let fe = f(&xe);
            (simplex[worst], values[worst]) = if fe < fr { (xe, fe) } else { (xr, fr) };
            continue;
        }
        if values[second] <= fr && fr < values[worst] {
            let mut xc = along(&centroid, &xr, contract);
            clamp(&mut xc, lower, upper);
            let fc = f(&xc);
            if fc <= fr {
                (simplex[worst], values[worst]) = (xc, fc);
                continue;
            }
        } else {
            let mut xc = along(&centroid, &xr, -contract);
            clamp(&mut xc, lower, upper);
            let fc = f(&xc);
            if fc < values[worst] {
                (simplex[worst], values[worst]) = (xc, fc);
                continue;
            }
        }
        let anchor = simplex[best].clone();
        for j in 0..=n {
            if j != best {
                let mut x = along(&anchor, &simplex[j], shrink);
                clamp(&mut x, lower, upper);
                values[j] = f(&x);
                simplex[j] = x;
            }
        }
    }
    Minimum { x: simplex[best].clone(), value: values[best] }
}

fn population_sd(v: &[f64]) -> f64 {
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    (v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / v.len() as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Settings = Settings { init_step: 0.05, zero_step: 1e-4, max_iter: 1000, tol_std: 1e-12 };

    #[test]
    fn finds_an_interior_minimum_and_stops_at_a_bound() {
        let f = |x: &[f64]| (x[0] - 1.5).powi(2) + 2.0 * (x[1] + 0.5).powi(2);
        let m = minimise(f, &[1.0, 1.0], &[-10.0, -10.0], &[10.0, 10.0], S);
        assert!((m.x[0] - 1.5).abs() < 1e-4 && (m.x[1] + 0.5).abs() < 1e-4, "{m:?}");
        // The minimum lies below the lower bound of x[1]: the search ends on the bound.
        let m = minimise(f, &[1.0, 1.0], &[-10.0, 0.2], &[10.0, 10.0], S);
        assert!((m.x[1] - 0.2).abs() < 1e-9 && (m.x[0] - 1.5).abs() < 1e-4, "{m:?}");
        // A zero start coordinate moves by the zero step, not by a relative one.
        let mut seen = Vec::new();
        minimise(|x: &[f64]| { seen.push(x.to_vec()); x[0] * x[0] }, &[0.0], &[-1.0], &[1.0], Settings { max_iter: 0, ..S });
        assert_eq!(seen, vec![vec![1e-4], vec![0.0]]);
    }
}
