//! MINPACK-2's line search `dcsrch` (Moré and Thuente, ftol 1e-3, gtol 0.9, xtol 0.1) as
//! R's L-BFGS-B (`optim(method = "L-BFGS-B")`) runs it, shared by its one-parameter
//! ([`super::bounded_1d`]) and few-parameter ([`super::lbfgsb_box`]) reproductions.

/// MINPACK-2's `dcsrch` from step 1 in [0, max_step], as L-BFGS-B's `lnsrlb` runs it:
/// `eval(stp)` gives the point at step `stp` (whatever the caller keeps of it), its objective
/// and its slope along the direction. The step, point, objective and slope it accepts, or
/// `None` when it fails (20 steps back, or a warning).
pub(crate) fn line_search<P>(
    mut eval: impl FnMut(f64) -> (P, f64, f64),
    f0: f64,
    g0: f64,
    max_step: f64,
) -> Option<(f64, P, f64, f64)> {
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
        let (x, f, slope) = eval(stp);
        let ftest = f0 + stp * gtest;
        if stage1 && f <= ftest && slope >= 0.0 {
            stage1 = false;
        }
        if f <= ftest && slope.abs() <= GTOL * -g0 {
            return Some((stp, x, f, slope));
        }
        let warned = (bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= XTOL * stmax))
            || (stp == max_step && f <= ftest && slope <= gtest)
            || (stp == min_step && (f > ftest || slope >= gtest));
        if warned {
            // L-BFGS-B ends the line search at the point of a warning as at convergence.
            return Some((stp, x, f, slope));
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

