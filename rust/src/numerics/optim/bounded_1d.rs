//! R's `optim(method = "L-BFGS-B")` with its defaults (factr 1e7, pgtol 0, central-difference
//! gradient with ndeps 1e-3, at most 100 iterations) on one parameter with a lower and an
//! upper bound, as forecast's `HoltWintersZZ` calls it for alpha in [0, 1].
//!
//! With one variable L-BFGS-B's limited-memory matrix is a number: 1 at first, then after each
//! step the secant slope y/s of its latest pair (every BFGS update of a scalar gives that). An
//! iteration moves along the negative gradient to the quadratic model's minimum or to the bound
//! it meets first (the generalised Cauchy point, which the subspace minimisation leaves as is in
//! one dimension), then runs Moré and Thuente's line search from step 1 (ftol 1e-3, gtol 0.9,
//! xtol 0.1) within the bounds. It stops when the projected gradient is 0 or the objective's
//! relative reduction is at most factr * epsilon.

use super::dcsrch::line_search;

/// The minimiser found from `start`.
pub(crate) fn minimize(f: impl Fn(f64) -> f64, start: f64, lower: f64, upper: f64) -> f64 {
    let gradient = |x: f64| {
        // optim's numerical gradient, its steps cut at the bounds.
        let (up, step_up) = if x + 1e-3 > upper { (upper, upper - x) } else { (x + 1e-3, 1e-3) };
        let (down, step_down) = if x - 1e-3 < lower { (lower, x - lower) } else { (x - 1e-3, 1e-3) };
        (f(up) - f(down)) / (step_up + step_down)
    };
    let tolerance = 1e7 * f64::EPSILON;
    let mut x = start.clamp(lower, upper);
    let (mut fx, mut gx) = (f(x), gradient(x));
    // The matrix of the quadratic model: 1 until a pair has been accepted.
    let mut curvature = 1.0;
    let mut memory = false;
    // Iterations that moved x (a restart after a failed line search does not count).
    let mut moved = 0;
    for _ in 0..100 {
        if projected(x, gx, lower, upper) == 0.0 {
            return x;
        }
        // The Cauchy point: along -g to the model's minimum 1/B, unless a bound comes first.
        let d = -gx;
        let breakpoint = if d > 0.0 { (upper - x) / d } else { (lower - x) / d };
        let target = if 1.0 / curvature < breakpoint { x + d / curvature } else if d > 0.0 { upper } else { lower };
        let direction = target - x;
        let max_step = if moved == 0 { 1.0 } else { step_to_bound(x, direction, lower, upper) };
        let slope0 = gx * direction;
        let searched = if slope0 < 0.0 {
            line_search(|stp| {
                let xs = if stp == 1.0 { target } else { stp * direction + x };
                let (fs, gs) = (f(xs), gradient(xs));
                ((xs, gs), fs, gs * direction)
            }, fx, slope0, max_step)
        } else {
            None
        };
        let Some((stp, (xn, gnew), fnew, slope)) = searched else {
            if !memory {
                return x;
            }
            // optim forgets its pairs and starts the iteration again from the same point.
            (curvature, memory) = (1.0, false);
            continue;
        };
        let (f_old, g_old) = (fx, gx);
        (x, fx, gx) = (xn, fnew, gnew);
        moved += 1;
        if projected(x, gx, lower, upper) == 0.0 {
            return x;
        }
        if f_old - fx <= tolerance * f_old.abs().max(fx.abs()).max(1.0) {
            return x;
        }
        let y = gx - g_old;
        let (dr, ddum) = if stp == 1.0 { (slope - slope0, -slope0) } else { ((slope - slope0) * stp, -slope0 * stp) };
        if dr > f64::EPSILON * ddum {
            curvature = y * y / dr;
            memory = true;
        }
    }
    x
}

/// The projected gradient's size (L-BFGS-B's `projgr` in one dimension).
fn projected(x: f64, g: f64, lower: f64, upper: f64) -> f64 {
    if g < 0.0 { (x - upper).max(g).abs() } else { (x - lower).min(g).abs() }
}

/// The longest step along `d` that stays within the bounds (L-BFGS-B's `stpmx` after the
/// first iteration).
fn step_to_bound(x: f64, d: f64, lower: f64, upper: f64) -> f64 {
    let mut max = 1e10;
    if d < 0.0 {
        let room = lower - x;
        if room >= 0.0 {
            max = 0.0;
        } else if d * max < room {
            max = room / d;
        }
    } else if d > 0.0 {
        let room = upper - x;
        if room <= 0.0 {
            max = 0.0;
        } else if d * max > room {
            max = room / d;
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::minimize;

    #[test]
    fn finds_interior_minima_stops_at_bounds_and_stays_on_a_flat_objective() {
        let x = minimize(|a| (a - 0.7) * (a - 0.7) + 3.0, 0.2, 0.0, 1.0);
        assert!((x - 0.7).abs() < 1e-6, "{x}");
        assert_eq!(minimize(|a| 2.0 * a + 1.0, 0.2, 0.0, 1.0), 0.0);
        assert_eq!(minimize(|a| 5.0 - a * a, 0.2, 0.0, 1.0), 1.0);
        assert_eq!(minimize(|_| 4.0, 0.05, 0.0, 1.0), 0.05);
    }
}
