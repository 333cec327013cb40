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

/// The minimiser found from `start`.
pub(super) fn minimize(f: impl Fn(f64) -> f64, start: f64, lower: f64, upper: f64) -> f64 {
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
                (xs, fs, gs, gs * direction)
            }, fx, slope0, max_step)
        } else {
            None
        };
        let Some((stp, xn, fnew, gnew, slope)) = searched else {
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

/// MINPACK-2's `dcsrch` from step 1 in [0, max_step]: the step, point, objective, gradient and
/// slope it accepts, or `None` when it fails (20 steps back, or a warning).
fn line_search(
    eval: impl Fn(f64) -> (f64, f64, f64, f64),
    f0: f64,
    g0: f64,
    max_step: f64,
) -> Option<(f64, f64, f64, f64, f64)> {
    const FTOL: f64 = 1e-3;
    const GTOL: f64 = 0.9;
    const XTOL: f64 = 0.1;
    let (min_step, mut stp) = (0.0, 1.0f64.min(max_step));
    if stp <= 0.0 {
        return None;
    }
    let gtest = FTOL * g0;
    let mut width = max_step - min_step;
    let mut width1 = 2.0 * width;
    let mut bracketed = false;
    let mut stage1 = true;
    let (mut stx, mut fx, mut gx) = (0.0, f0, g0);
    let (mut sty, mut fy, mut gy) = (0.0, f0, g0);
    let (mut stmin, mut stmax) = (0.0, stp + 4.0 * stp);
    for _ in 0..20 {
        let (x, f, g, slope) = eval(stp);
        let ftest = f0 + stp * gtest;
        if stage1 && f <= ftest && slope >= 0.0 {
            stage1 = false;
        }
        if f <= ftest && slope.abs() <= GTOL * -g0 {
            return Some((stp, x, f, g, slope));
        }
        let warned = (bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax))
            || (stp == max_step && f <= ftest && slope <= gtest)
            || (stp == min_step && (f > ftest || slope >= gtest));
        if warned {
            // L-BFGS-B ends the line search at the point of a warning as at convergence.
            return Some((stp, x, f, g, slope));
        }
        let mut s = Step { stx, fx, gx, sty, fy, gy, bracketed };
        if stage1 && f <= fx && f > ftest {
            // The modified function of Moré and Thuente's first stage.
            s.fx -= stx * gtest;
            s.fy -= sty * gtest;
            s.gx -= gtest;
            s.gy -= gtest;
            stp = s.step(stp, f - stp * gtest, slope - gtest, stmin, stmax);
            s.fx += s.stx * gtest;
            s.fy += s.sty * gtest;
            s.gx += gtest;
            s.gy += gtest;
        } else {
            stp = s.step(stp, f, slope, stmin, stmax);
        }
        Step { stx, fx, gx, sty, fy, gy, bracketed } = s;
        if bracketed {
            if (sty - stx).abs() >= 0.66 * width1 {
                stp = stx + 0.5 * (sty - stx);
            }
            width1 = width;
            width = (sty - stx).abs();
            (stmin, stmax) = (stx.min(sty), stx.max(sty));
        } else {
            stmin = stp + 1.1 * (stp - stx);
            stmax = stp + 4.0 * (stp - stx);
        }
        stp = stp.clamp(min_step, max_step);
        if bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax) {
            stp = stx;
        }
    }
    None
}

/// The interval of uncertainty of `dcsrch` (MINPACK-2's `dcstep` state).
struct Step {
    stx: f64,
    fx: f64,
    gx: f64,
    sty: f64,
    fy: f64,
    gy: f64,
    bracketed: bool,
}

impl Step {
    /// `dcstep`: the next trial step from the trial `stp` (value `fp`, slope `dp`), updating
    /// the interval.
    fn step(&mut self, stp: f64, fp: f64, dp: f64, stpmin: f64, stpmax: f64) -> f64 {
        let (stx, fx, dx, sty, fy, dy) = (self.stx, self.fx, self.gx, self.sty, self.fy, self.gy);
        let sgnd = dp * (dx / dx.abs());
        let cubic = |theta: f64, a: f64, b: f64| {
            let s = theta.abs().max(a.abs()).max(b.abs());
            s * ((theta / s).powi(2) - (a / s) * (b / s)).max(0.0).sqrt()
        };
        let stpf = if fp > fx {
            let theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            let mut gamma = cubic(theta, dx, dp);
            if stp < stx {
                gamma = -gamma;
            }
            let p = (gamma - dx) + theta;
            let q = ((gamma - dx) + gamma) + dp;
            let stpc = stx + p / q * (stp - stx);
            let stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx);
            self.bracketed = true;
            if (stpc - stx).abs() < (stpq - stx).abs() { stpc } else { stpc + (stpq - stpc) / 2.0 }
        } else if sgnd < 0.0 {
            let theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            let mut gamma = cubic(theta, dx, dp);
            if stp > stx {
                gamma = -gamma;
            }
            let p = (gamma - dp) + theta;
            let q = ((gamma - dp) + gamma) + dx;
            let stpc = stp + p / q * (stx - stp);
            let stpq = stp + (dp / (dp - dx)) * (stx - stp);
            self.bracketed = true;
            if (stpc - stp).abs() > (stpq - stp).abs() { stpc } else { stpq }
        } else if dp.abs() < dx.abs() {
            let theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            let mut gamma = cubic(theta, dx, dp);
            if stp > stx {
                gamma = -gamma;
            }
            let p = (gamma - dp) + theta;
            let q = (gamma + (dx - dp)) + gamma;
            let r = p / q;
            let stpc = if r < 0.0 && gamma != 0.0 { stp + r * (stx - stp) } else if stp > stx { stpmax } else { stpmin };
            let stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if self.bracketed {
                let stpf = if (stpc - stp).abs() < (stpq - stp).abs() { stpc } else { stpq };
                if stp > stx { stpf.min(stp + 0.66 * (sty - stp)) } else { stpf.max(stp + 0.66 * (sty - stp)) }
            } else {
                let stpf = if (stpc - stp).abs() > (stpq - stp).abs() { stpc } else { stpq };
                stpf.min(stpmax).max(stpmin)
            }
        } else if self.bracketed {
            let theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
            let mut gamma = cubic(theta, dy, dp);
            if stp > sty {
                gamma = -gamma;
            }
            let p = (gamma - dp) + theta;
            let q = ((gamma - dp) + gamma) + dy;
            stp + p / q * (sty - stp)
        } else if stp > stx {
            stpmax
        } else {
            stpmin
        };
        if fp > fx {
            (self.sty, self.fy, self.gy) = (stp, fp, dp);
        } else {
            if sgnd < 0.0 {
                (self.sty, self.fy, self.gy) = (stx, fx, dx);
            }
            (self.stx, self.fx, self.gx) = (stp, fp, dp);
        }
        stpf
    }
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
