//! Quasi-Newton minimization with numerical gradients, after the variable
//! metric method of Nash (1990, Algorithm 21) that R's `optim(method =
//! "BFGS")` implements (`vmmin`): inverse-Hessian BFGS updates, backtracking
//! line search with Armijo acceptance, reset to steepest descent when the
//! update loses positive definiteness. Parameters are scaled by `parscale`
//! as in `optim` (the optimizer sees `x / parscale`); gradients are central
//! differences in the scaled coordinates, optionally forward differences
//! until the first convergence (see [`BfgsOptions::forward_step`]).
//!
//! The objective is an [`Objective`]: a closure, or one that evaluates a gradient's
//! points together (see `arima::linear`).
//!
//! Non-finite objective values are treated as +infinity (rejected by the line
//! search), mirroring R's `armafn` returning `.Machine$double.xmax` for bad
//! parameters.

use crate::numerics::objective::Objective;

/// Controls for [`minimize`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct BfgsOptions {
    /// Maximum number of iterations (gradient evaluations).
    pub max_iter: usize,
    /// Relative convergence tolerance on the objective (R's `reltol`).
    pub reltol: f64,
    /// Absolute convergence tolerance on the objective decrease.
    pub abstol: f64,
    /// Central-difference step in scaled coordinates (R's `ndeps`).
    pub grad_step: f64,
    /// When set, gradients are forward differences with this step (k
    /// objective evaluations instead of 2k) until the convergence test
    /// first passes or the line search fails; the optimizer then switches
    /// to central differences (`grad_step`) and runs until it converges
    /// again, so the final point has central-difference accuracy.
    pub forward_step: Option<f64>,
    /// R's `vmmin` exactly: iterations are gradient evaluations, the
    /// inverse Hessian is reset after 2n updates, and a small decrease ends
    /// the search only along steepest descent (otherwise it restarts from
    /// there). Where R's outcome decides what comes next (CSS converged or
    /// not), this reproduces it; without it a small decrease ends at once.
    pub vmmin_restarts: bool,
}

/// Result of [`minimize`].
#[derive(Debug, Clone)]
pub(crate) struct BfgsResult {
    pub x: Vec<f64>,
    pub f: f64,
    pub converged: bool,
    #[allow(dead_code)]
    pub iterations: usize,
}

fn clean(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        f64::INFINITY
    }
}

/// Finite-difference gradient in scaled coordinates `u` (x = u * parscale); `f0 = f(u)`.
/// Central differences cost two evaluations per coordinate, all handed to `f` together
/// around the centre; forward ones one (with a backward step instead where the forward
/// point is not finite).
#[allow(clippy::too_many_arguments)]
fn gradient<O: Objective>(
    f: &mut O,
    u: &[f64],
    parscale: &[f64],
    f0: f64,
    h: f64,
    central: bool,
    x: &mut [f64],
    g: &mut [f64],
    points: &mut Vec<Vec<f64>>,
) {
    let n = u.len();
    for i in 0..n {
        x[i] = u[i] * parscale[i];
    }
    if central {
        // The last gradient's point buffers, overwritten.
        points.resize_with(2 * n, Vec::new);
        for i in 0..n {
            for (s, step) in [h, -h].into_iter().enumerate() {
                let p = &mut points[2 * i + s];
                p.clear();
                p.extend_from_slice(x);
                p[i] = (u[i] + step) * parscale[i];
            }
        }
        let values = f.values_near(x, points);
        for i in 0..n {
            g[i] = difference(clean(values[2 * i]), clean(values[2 * i + 1]), f0, h, true);
        }
        return;
    }
    for i in 0..n {
        x[i] = (u[i] + h) * parscale[i];
        let fp = clean(f.value(x));
        let fm = if !fp.is_finite() {
            x[i] = (u[i] - h) * parscale[i];
            clean(f.value(x))
        } else {
            f64::NAN
        };
        x[i] = u[i] * parscale[i];
        g[i] = difference(fp, fm, f0, h, false);
    }
}

/// One gradient component from the values `fp` and `fm` a step `h` above and below the
/// centre (value `f0`): central where both are finite and asked for, else one-sided.
fn difference(fp: f64, fm: f64, f0: f64, h: f64, central: bool) -> f64 {
    match (fp.is_finite(), fm.is_finite()) {
        (true, true) if central => (fp - fm) / (2.0 * h),
        (true, _) => (fp - f0) / h,
        (false, true) => (f0 - fm) / h,
        (false, false) => 0.0,
    }
}

/// Minimizes `f` from `x0`. Returns the best point seen; `converged` is
/// false when the iteration limit was hit (R's `convergence = 1`).
pub(crate) fn minimize<O: Objective>(
    mut f: O,
    x0: &[f64],
    parscale: &[f64],
    opts: &BfgsOptions,
) -> BfgsResult {
    const STEPREDN: f64 = 0.2;
    const ACCTOL: f64 = 1e-4;
    const RELTEST: f64 = 10.0;
    let n = x0.len();
    let mut u: Vec<f64> = x0.iter().zip(parscale).map(|(x, s)| x / s).collect();
    let mut xbuf = vec![0.0; n];
    let to_x = |u: &[f64], xbuf: &mut [f64]| {
        for i in 0..n {
            xbuf[i] = u[i] * parscale[i];
        }
    };
    to_x(&u, &mut xbuf);
    let mut fmin = clean(f.value(&xbuf));
    if n == 0 || !fmin.is_finite() {
        return BfgsResult { x: xbuf, f: fmin, converged: n == 0, iterations: 0 };
    }
    let mut g = vec![0.0; n];
    let mut forward = opts.forward_step;
    let mut points = Vec::new();
    let grad = |f: &mut O, u: &[f64], f0: f64, forward: Option<f64>, xbuf: &mut [f64], g: &mut [f64], points: &mut Vec<Vec<f64>>| match forward {
        Some(h) => gradient(f, u, parscale, f0, h, false, xbuf, g, points),
        None => gradient(f, u, parscale, f0, opts.grad_step, true, xbuf, g, points),
    };
    grad(&mut f, &u, fmin, forward, &mut xbuf, &mut g, &mut points);
    let mut b = vec![0.0; n * n];
    let reset = |b: &mut [f64]| {
        b.fill(0.0);
        for i in 0..n {
            b[i * n + i] = 1.0;
        }
    };
    reset(&mut b);
    let mut t = vec![0.0; n];
    let mut unew = vec![0.0; n];
    let mut gnew = vec![0.0; n];
    let mut c = vec![0.0; n];
    let mut bc = vec![0.0; n];
    let mut just_reset = true;
    let vmmin = opts.vmmin_restarts;
    let mut iterations = usize::from(vmmin);
    let mut since_reset = 0;
    let mut converged = false;
    while iterations < opts.max_iter {
        if !vmmin {
            iterations += 1;
        }
        if vmmin && since_reset > 2 * n {
            reset(&mut b);
            just_reset = true;
            since_reset = 0;
        }
        // Search direction t = -B g.
        let mut gradproj = 0.0;
        for i in 0..n {
            let mut s = 0.0;
            for j in 0..n {
                s -= b[i * n + j] * g[j];
            }
            t[i] = s;
            gradproj += s * g[i];
        }
        // Backtracking line search, unless the direction does not go downhill at all.
        let mut fnew = f64::INFINITY;
        let mut accepted = false;
        let mut step = 1.0;
        if gradproj < 0.0 {
            loop {
                let mut same = 0;
                for i in 0..n {
                    unew[i] = u[i] + step * t[i];
                    if RELTEST + unew[i] == RELTEST + u[i] {
                        same += 1;
                    }
                }
                if same == n {
                    break;
                }
                to_x(&unew, &mut xbuf);
                fnew = clean(f.value(&xbuf));
                if fnew.is_finite() && fnew <= fmin + gradproj * step * ACCTOL {
                    accepted = true;
                    break;
                }
                step *= STEPREDN;
            }
        }
        if !accepted {
            if forward.is_some() {
                // Possibly the forward-difference gradient's error: retry
                // with central differences.
                forward = None;
                grad(&mut f, &u, fmin, forward, &mut xbuf, &mut g, &mut points);
                reset(&mut b);
                just_reset = true;
                since_reset = 0;
                continue;
            }
            if just_reset {
                // No progress along steepest descent: converged as far as
                // the numerical gradient allows.
                converged = true;
                break;
            }
            reset(&mut b);
            just_reset = true;
            since_reset = 0;
            continue;
        }
        let decrease = fmin - fnew;
        u.copy_from_slice(&unew);
        fmin = fnew;
        let small = decrease <= opts.reltol * (fmin.abs() + opts.reltol) || decrease <= opts.abstol;
        if small && forward.is_none() {
            if just_reset || !vmmin {
                converged = true;
                break;
            }
            // As vmmin: a small decrease ends the search only along steepest
            // descent; otherwise restart from it (gradient kept).
            reset(&mut b);
            just_reset = true;
            since_reset = 0;
            continue;
        }
        if small {
            // Polish with central differences, keeping the curvature
            // information gathered so far.
            forward = None;
        }
        grad(&mut f, &u, fmin, forward, &mut xbuf, &mut gnew, &mut points);
        if vmmin {
            iterations += 1;
        }
        since_reset += 1;
        // BFGS update of the inverse Hessian with s = step * t, y = gnew - g.
        let mut d1 = 0.0;
        for i in 0..n {
            t[i] *= step;
            c[i] = gnew[i] - g[i];
            d1 += t[i] * c[i];
        }
        if d1 > 0.0 {
            let mut d2 = 0.0;
            for i in 0..n {
                let mut s = 0.0;
                for j in 0..n {
                    s += b[i * n + j] * c[j];
                }
                bc[i] = s;
                d2 += c[i] * s;
            }
            d2 = 1.0 + d2 / d1;
            for i in 0..n {
                for j in 0..n {
                    b[i * n + j] += (d2 * t[i] * t[j] - bc[i] * t[j] - t[i] * bc[j]) / d1;
                }
            }
            just_reset = false;
        } else {
            reset(&mut b);
            just_reset = true;
            since_reset = 0;
        }
        g.copy_from_slice(&gnew);
    }
    to_x(&u, &mut xbuf);
    BfgsResult { x: xbuf, f: fmin, converged, iterations }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rosenbrock() {
        let f = |x: &[f64]| (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2);
        let r = minimize(
            f,
            &[-1.2, 1.0],
            &[1.0, 1.0],
            &BfgsOptions { max_iter: 500, reltol: 1e-14, abstol: 0.0, grad_step: 1e-6, forward_step: None, vmmin_restarts: false },
        );
        assert!((r.x[0] - 1.0).abs() < 1e-4 && (r.x[1] - 1.0).abs() < 1e-4, "{r:?}");
    }

    #[test]
    fn scaled_quadratic() {
        let f = |x: &[f64]| (x[0] - 3.0).powi(2) + ((x[1] - 500.0) / 100.0).powi(2);
        let r = minimize(
            f,
            &[0.0, 0.0],
            &[1.0, 100.0],
            &BfgsOptions { max_iter: 100, reltol: 1e-14, abstol: 0.0, grad_step: 1e-4, forward_step: None, vmmin_restarts: false },
        );
        assert!((r.x[0] - 3.0).abs() < 1e-5 && (r.x[1] - 500.0).abs() < 1e-3, "{r:?}");
    }
}
