//! R's `optim(method = "L-BFGS-B")` with its defaults (factr 1e7, pgtol 0, lmm 5, central-
//! difference gradient with ndeps 1e-3, at most 100 iterations) on a few parameters, each
//! with a lower and an upper bound, as forecast's `HoltWintersZZ` calls it for alpha, beta
//! and gamma in [0, 1].
//!
//! With so few variables the limited-memory matrix is formed densely: theta times the
//! identity updated by BFGS with each stored pair, oldest first (the matrix L-BFGS-B's
//! compact form represents). An iteration finds the generalised Cauchy point along the
//! projected steepest descent path (breakpoints in increasing order, the quadratic model's
//! slope and curvature on each segment), minimises the model over the variables still free
//! there (once a pair is stored) and truncates that step at the first bound (version 2.3,
//! R's), then runs Moré and Thuente's line search along it from step 1. A failed line search
//! forgets the pairs and starts the iteration again, or ends the run when there are none.

use super::dcsrch::line_search;
use crate::numerics::linalg::solve_in_place;

/// Why the run ended without an answer (R's `optim` errors or reports a failure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The objective was not finite at a point it was evaluated at.
    NotFinite,
    /// 100 iterations without convergence (`optim`'s convergence code 1).
    IterationLimit,
}

const MEMORY: usize = 5;
const ITERATIONS: usize = 100;

/// The minimiser found from `start` within `[lower, upper]` (every coordinate bounded).
pub(crate) fn minimize(
    f: impl Fn(&[f64]) -> f64,
    start: &[f64],
    lower: &[f64],
    upper: &[f64],
) -> Result<Vec<f64>, Failure> {
    let n = start.len();
    let value = |x: &[f64]| {
        let v = f(x);
        if v.is_finite() { Ok(v) } else { Err(Failure::NotFinite) }
    };
    let gradient = |x: &[f64]| -> Result<Vec<f64>, Failure> {
        // optim's numerical gradient, its steps cut at the bounds.
        let mut g = vec![0.0; n];
        let mut p = x.to_vec();
        for i in 0..n {
            let (up, step_up) = if x[i] + 1e-3 > upper[i] { (upper[i], upper[i] - x[i]) } else { (x[i] + 1e-3, 1e-3) };
            let (down, step_down) = if x[i] - 1e-3 < lower[i] { (lower[i], x[i] - lower[i]) } else { (x[i] - 1e-3, 1e-3) };
            p[i] = up;
            let f_up = value(&p)?;
            p[i] = down;
            let f_down = value(&p)?;
            p[i] = x[i];
            g[i] = (f_up - f_down) / (step_up + step_down);
        }
        Ok(g)
    };
    let tolerance = 1e7 * f64::EPSILON;
    let mut x: Vec<f64> = (0..n).map(|i| start[i].clamp(lower[i], upper[i])).collect();
    let (mut fx, mut gx) = (value(&x)?, gradient(&x)?);
    // Stored pairs (s, y, s'y), oldest first, and theta = y'y / s'y of the newest.
    let mut pairs: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::new();
    let mut theta = 1.0;
    // Iterations that moved x (a restart after a failed line search does not count).
    let mut moved = 0;
    for _ in 0..ITERATIONS {
        if projected_norm(&x, &gx, lower, upper) == 0.0 {
            return Ok(x);
        }
        let b = model_matrix(n, theta, &pairs);
        let (cauchy, free) = cauchy_point(&x, &gx, lower, upper, &b);
        let target = if pairs.is_empty() { cauchy } else { subspace_step(&x, &gx, &cauchy, &free, lower, upper, &b) };
        let direction: Vec<f64> = (0..n).map(|i| target[i] - x[i]).collect();
        let max_step = if moved == 0 { 1.0 } else { step_to_bound(&x, &direction, lower, upper) };
        let slope0 = dot(&gx, &direction);
        let mut evaluation_failed = None;
        let searched = if slope0 < 0.0 {
            line_search(
                |stp| {
                    let xs: Vec<f64> =
                        if stp == 1.0 { target.clone() } else { (0..n).map(|i| stp * direction[i] + x[i]).collect() };
                    match value(&xs).and_then(|fs| Ok((fs, gradient(&xs)?))) {
                        Ok((fs, gs)) => {
                            let slope = dot(&gs, &direction);
                            ((xs, gs), fs, slope)
                        }
                        Err(e) => {
                            evaluation_failed = Some(e);
                            // Stops the search at once: an accepted step is discarded below.
                            ((xs, vec![0.0; n]), f64::NEG_INFINITY, 0.0)
                        }
                    }
                },
                fx,
                slope0,
                max_step,
            )
        } else {
            None
        };
        if let Some(e) = evaluation_failed {
            return Err(e);
        }
        let Some((stp, (xn, gnew), fnew, slope)) = searched else {
            if pairs.is_empty() {
                return Ok(x);
            }
            // optim forgets its pairs and starts the iteration again from the same point.
            (pairs, theta) = (Vec::new(), 1.0);
            continue;
        };
        let (f_old, g_old) = (fx, gx);
        (x, fx, gx) = (xn, fnew, gnew);
        moved += 1;
        if projected_norm(&x, &gx, lower, upper) == 0.0 {
            return Ok(x);
        }
        if f_old - fx <= tolerance * f_old.abs().max(fx.abs()).max(1.0) {
            return Ok(x);
        }
        let y: Vec<f64> = (0..n).map(|i| gx[i] - g_old[i]).collect();
        let (dr, ddum) = if stp == 1.0 { (slope - slope0, -slope0) } else { ((slope - slope0) * stp, -slope0 * stp) };
        if dr > f64::EPSILON * ddum {
            let s: Vec<f64> = if stp == 1.0 { direction } else { direction.iter().map(|d| stp * d).collect() };
            theta = dot(&y, &y) / dr;
            if pairs.len() == MEMORY {
                pairs.remove(0);
            }
            pairs.push((s, y, dr));
        }
    }
    Err(Failure::IterationLimit)
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `B v` for a row-major n x n `B`.
fn times(b: &[f64], v: &[f64]) -> Vec<f64> {
    let n = v.len();
    (0..n).map(|i| dot(&b[i * n..(i + 1) * n], v)).collect()
}

/// The limited-memory matrix: theta I, then one BFGS update per stored pair.
fn model_matrix(n: usize, theta: f64, pairs: &[(Vec<f64>, Vec<f64>, f64)]) -> Vec<f64> {
    let mut b = vec![0.0; n * n];
    for i in 0..n {
        b[i * n + i] = theta;
    }
    for (s, y, sy) in pairs {
        let bs = times(&b, s);
        let sbs = dot(s, &bs);
        for i in 0..n {
            for j in 0..n {
                b[i * n + j] += y[i] * y[j] / sy - bs[i] * bs[j] / sbs;
            }
        }
    }
    b
}

/// The largest projected gradient component (L-BFGS-B's `projgr`).
fn projected_norm(x: &[f64], g: &[f64], lower: &[f64], upper: &[f64]) -> f64 {
    (0..x.len())
        .map(|i| if g[i] < 0.0 { (x[i] - upper[i]).max(g[i]).abs() } else { (x[i] - lower[i]).min(g[i]).abs() })
        .fold(0.0, f64::max)
}

/// The generalised Cauchy point (L-BFGS-B's `cauchy`) and which variables are free there
/// (neither held at a bound from the start nor stopped at one on the way).
fn cauchy_point(x: &[f64], g: &[f64], lower: &[f64], upper: &[f64], b: &[f64]) -> (Vec<f64>, Vec<bool>) {
    let n = x.len();
    let mut d = vec![0.0; n];
    let mut free = vec![true; n];
    let mut breaks: Vec<(f64, usize)> = Vec::new();
    for i in 0..n {
        let neg = -g[i];
        let (at_lower, at_upper) = (x[i] - lower[i] <= 0.0, upper[i] - x[i] <= 0.0);
        if (at_lower && neg <= 0.0) || (!at_lower && at_upper && neg >= 0.0) {
            free[i] = false;
            continue;
        }
        d[i] = neg;
        if neg < 0.0 {
            breaks.push(((x[i] - lower[i]) / -neg, i));
        } else if neg > 0.0 {
            breaks.push(((upper[i] - x[i]) / neg, i));
        }
    }
    // L-BFGS-B takes the breakpoints from a heap; ties between parameters are left in index order.
    breaks.sort_by(|a, c| a.0.total_cmp(&c.0).then(a.1.cmp(&c.1)));
    let mut xcp = x.to_vec();
    let mut f1 = -dot(&d, &d);
    let mut f2 = dot(&d, &times(b, &d));
    let f2_org = f2;
    let mut dtm = -f1 / f2;
    let (mut tsum, mut tj) = (0.0, 0.0);
    let mut left = breaks.len();
    for &(t, i) in &breaks {
        let dt = t - tj;
        tj = t;
        if dtm < dt {
            break;
        }
        tsum += dt;
        left -= 1;
        xcp[i] = if d[i] > 0.0 { upper[i] } else { lower[i] };
        d[i] = 0.0;
        free[i] = false;
        if left == 0 && breaks.len() == n {
            // Every variable met its bound: the last breakpoint is the Cauchy point.
            return (xcp, free);
        }
        // The model's slope and curvature along the next segment, from the point reached.
        let z: Vec<f64> = (0..n).map(|k| if d[k] != 0.0 { tsum * d[k] } else { xcp[k] - x[k] }).collect();
        let bd = times(b, &d);
        f1 = dot(g, &d) + dot(&z, &bd);
        f2 = dot(&d, &bd).max(f64::EPSILON * f2_org);
        dtm = if left > 0 { -f1 / f2 } else { 0.0 };
    }
    tsum += dtm.max(0.0);
    for k in 0..n {
        if d[k] != 0.0 {
            xcp[k] = x[k] + tsum * d[k];
        }
    }
    (xcp, free)
}

/// L-BFGS-B 2.3's `subsm`: the model's minimiser over the free variables from the Cauchy
/// point, the step cut back (all of it) where it first leaves the box.
fn subspace_step(
    x: &[f64],
    g: &[f64],
    xcp: &[f64],
    free: &[bool],
    lower: &[f64],
    upper: &[f64],
    b: &[f64],
) -> Vec<f64> {
    let n = x.len();
    let idx: Vec<usize> = (0..n).filter(|&i| free[i]).collect();
    let k = idx.len();
    if k == 0 {
        return xcp.to_vec();
    }
    let z: Vec<f64> = (0..n).map(|i| xcp[i] - x[i]).collect();
    let bz = times(b, &z);
    let mut a: Vec<f64> = idx.iter().flat_map(|&i| idx.iter().map(move |&j| b[i * n + j])).collect();
    let mut d: Vec<f64> = idx.iter().map(|&i| -(g[i] + bz[i])).collect();
    if !solve_in_place(&mut a, &mut d, k) {
        return xcp.to_vec();
    }
    let mut out = xcp.to_vec();
    let (mut alpha, mut temp1, mut hit) = (1.0, 1.0, None);
    for (j, &i) in idx.iter().enumerate() {
        let dk = d[j];
        if dk < 0.0 {
            let room = lower[i] - out[i];
            if room >= 0.0 {
                temp1 = 0.0;
            } else if dk * alpha < room {
                temp1 = room / dk;
            }
        } else if dk > 0.0 {
            let room = upper[i] - out[i];
            if room <= 0.0 {
                temp1 = 0.0;
            } else if dk * alpha > room {
                temp1 = room / dk;
            }
        }
        if temp1 < alpha {
            alpha = temp1;
            hit = Some(j);
        }
    }
    if alpha < 1.0 {
        if let Some(j) = hit {
            let i = idx[j];
            if d[j] > 0.0 {
                out[i] = upper[i];
                d[j] = 0.0;
            } else if d[j] < 0.0 {
                out[i] = lower[i];
                d[j] = 0.0;
            }
        }
    }
    for (j, &i) in idx.iter().enumerate() {
        out[i] += alpha * d[j];
    }
    out
}

/// The longest step along `d` that stays within the bounds (L-BFGS-B's `stpmx` after the
/// first iteration).
fn step_to_bound(x: &[f64], d: &[f64], lower: &[f64], upper: &[f64]) -> f64 {
    let mut max = 1e10;
    for i in 0..x.len() {
        if d[i] < 0.0 {
            let room = lower[i] - x[i];
            if room >= 0.0 {
                max = 0.0;
            } else if d[i] * max < room {
                max = room / d[i];
            }
        } else if d[i] > 0.0 {
            let room = upper[i] - x[i];
            if room <= 0.0 {
                max = 0.0;
            } else if d[i] * max > room {
                max = room / d[i];
            }
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::{minimize, Failure};

    #[test]
    fn finds_interior_minima_stops_at_bounds_and_refuses_non_finite_objectives() {
        let f = |p: &[f64]| (p[0] - 0.3).powi(2) + 2.0 * (p[1] - 0.6).powi(2) + (p[0] - 0.3) * (p[1] - 0.6) + 1.0;
        let x = minimize(f, &[0.2, 0.02], &[0.0, 0.0], &[1.0, 1.0]).expect("finite");
        assert!((x[0] - 0.3).abs() < 1e-5 && (x[1] - 0.6).abs() < 1e-5, "{x:?}");
        let g = |p: &[f64]| -p[0] + (p[1] - 0.4).powi(2) + p[2] * p[2];
        let x = minimize(g, &[0.2, 0.02, 0.5], &[0.0; 3], &[1.0; 3]).expect("finite");
        assert_eq!((x[0], x[2]), (1.0, 0.0));
        assert!((x[1] - 0.4).abs() < 1e-5, "{x:?}");
        assert_eq!(minimize(|_: &[f64]| f64::NAN, &[0.2, 0.02], &[0.0; 2], &[1.0; 2]), Err(Failure::NotFinite));
    }

    #[test]
    fn lands_where_rs_optim_lands() {
        // R 4.2: optim(c(-0.5, 0.8), fr, method = "L-BFGS-B", lower = c(-1, -1), upper = c(0.5, 2))
        // with fr the Rosenbrock function: par 0.5, 0.24999999999999997 (25 evaluations).
        let rosenbrock = |x: &[f64]| 100.0 * (x[1] - x[0] * x[0]).powi(2) + (1.0 - x[0]).powi(2);
        let x = minimize(rosenbrock, &[-0.5, 0.8], &[-1.0, -1.0], &[0.5, 2.0]).expect("finite");
        assert_eq!(x[0], 0.5);
        assert!((x[1] - 0.24999999999999997).abs() < 1e-12, "{x:?}");
        // Three parameters, one with a wavy objective: 0.29999992482077248,
        // 0.59999989540182763, 0.98263581306758585.
        let g = |p: &[f64]| {
            (p[0] - 0.3).powi(2) + 2.0 * (p[1] - 0.6).powi(2) + (p[0] - 0.3) * (p[1] - 0.6) + 1.0 + (5.0 * p[2]).sin() * p[2]
        };
        let x = minimize(g, &[0.2, 0.02, 0.5], &[0.0; 3], &[1.0; 3]).expect("finite");
        let r = [0.29999992482077248, 0.59999989540182763, 0.98263581306758585];
        assert!(x.iter().zip(r).all(|(a, b)| (a - b).abs() < 1e-9), "{x:?}");
    }
}
