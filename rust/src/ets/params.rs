//! The smoothing parameters: R's starting values (`initparam`), its bound checks (`usual`:
//! the box given by `lower`/`upper` plus beta <= alpha and gamma <= 1 - alpha) and the
//! admissible region of Hyndman, Akram & Archibald (2008) (`admissible`).

use super::options::{Bounds, Options};
use super::polyroot::{max_root_modulus, roots_within, ADMISSIBLE, NEAR};

/// Which parameters a model has; `Some` of a fixed value, `None` when estimated.
#[derive(Debug, Clone, Copy)]
pub struct Present {
    pub trend: bool,
    pub season: bool,
    pub damped: bool,
}

/// Values of the parameters a model has (`beta` with a trend, `gamma` with a season,
/// `phi` with damping; `phi` is 1 otherwise).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Values {
    pub alpha: f64,
    pub beta: Option<f64>,
    pub gamma: Option<f64>,
    pub phi: Option<f64>,
}

/// `etsmodel`'s bounds after fixed values narrowed them: a fixed alpha caps beta at alpha
/// and gamma at 1 - alpha, a fixed beta raises alpha's floor, a fixed gamma caps alpha.
pub fn narrowed_bounds(opts: &Options) -> ([f64; 4], [f64; 4]) {
    let (mut lower, mut upper) = (opts.lower, opts.upper);
    if let Some(a) = opts.alpha {
        upper[1] = upper[1].min(a);
        upper[2] = upper[2].min(1.0 - a);
    }
    if let Some(b) = opts.beta {
        lower[0] = lower[0].max(b);
    }
    if let Some(g) = opts.gamma {
        upper[0] = upper[0].min(1.0 - g);
    }
    (lower, upper)
}

/// R's `initparam`: the starting values of the estimated parameters, in the order alpha,
/// beta, gamma, phi, together with the full set of values (fixed ones included).
pub fn start(opts: &Options, has: Present, lower: [f64; 4], upper: [f64; 4], m: usize) -> (Vec<f64>, Values) {
    let (mut lower, mut upper) = (lower, upper);
    if opts.bounds == Bounds::Admissible {
        for k in 0..3 {
            lower[k] = 0.0;
            upper[k] = 1e-3;
        }
    }
    let mut free = Vec::with_capacity(4);
    let alpha = match opts.alpha {
        Some(a) => a,
        None => {
            let mut a = lower[0] + 0.2 * (upper[0] - lower[0]) / m as f64;
            if !(0.0..=1.0).contains(&a) {
                a = lower[0] + 2e-3;
            }
            free.push(a);
            a
        }
    };
    let beta = has.trend.then(|| {
        opts.beta.unwrap_or_else(|| {
            let up = upper[1].min(alpha);
            let mut b = lower[1] + 0.1 * (up - lower[1]);
            if b < 0.0 || b > alpha {
                b = alpha - 1e-3;
            }
            free.push(b);
            b
        })
    });
    let gamma = has.season.then(|| {
        opts.gamma.unwrap_or_else(|| {
            let up = upper[2].min(1.0 - alpha);
            let mut g = lower[2] + 0.05 * (up - lower[2]);
            if g < 0.0 || g > 1.0 - alpha {
                g = 1.0 - alpha - 1e-3;
            }
            free.push(g);
            g
        })
    });
    let phi = has.damped.then(|| {
        opts.phi.unwrap_or_else(|| {
            let mut p = lower[3] + 0.99 * (upper[3] - lower[3]);
            if !(0.0..=1.0).contains(&p) {
                p = upper[3] - 1e-3;
            }
            free.push(p);
            p
        })
    });
    (
        free,
        Values {
            alpha,
            beta,
            gamma,
            phi,
        },
    )
}

/// R's `check.param` (and the optimiser's `check_params`): the `usual` box unless bounds
/// are "admissible", the admissible region unless they are "usual".
pub fn acceptable(v: &Values, lower: &[f64; 4], upper: &[f64; 4], bounds: Bounds, m: usize) -> bool {
    if bounds != Bounds::Admissible {
        if v.alpha < lower[0] || v.alpha > upper[0] {
            return false;
        }
        if let Some(b) = v.beta {
            if b < lower[1] || b > v.alpha || b > upper[1] {
                return false;
            }
        }
        if let Some(p) = v.phi {
            if p < lower[3] || p > upper[3] {
                return false;
            }
        }
        if let Some(g) = v.gamma {
            if g < lower[2] || g > 1.0 - v.alpha || g > upper[2] {
                return false;
            }
        }
    }
    bounds == Bounds::Usual || admissible(v, m)
}

/// The admissible (forecastable) region: conditions on alpha and beta for non-seasonal
/// models; for seasonal ones the roots of the characteristic polynomial within the unit
/// circle (R's tolerance 1e-10).
pub fn admissible(v: &Values, m: usize) -> bool {
    let phi = v.phi.unwrap_or(1.0);
    if !(0.0..=1.0 + 1e-8).contains(&phi) {
        return false;
    }
    let alpha = v.alpha;
    match v.gamma {
        None => {
            if alpha < 1.0 - 1.0 / phi || alpha > 1.0 + 1.0 / phi {
                return false;
            }
            if let Some(beta) = v.beta {
                if beta < alpha * (phi - 1.0) || beta > (1.0 + phi) * (2.0 - alpha) {
                    return false;
                }
            }
            true
        }
        Some(_) if m <= 1 => true,
        Some(gamma) => {
            let beta = v.beta.unwrap_or(0.0);
            let mf = m as f64;
            if gamma < (1.0 - 1.0 / phi - alpha).max(0.0) || gamma > 1.0 + 1.0 / phi - alpha {
                return false;
            }
            if alpha < 1.0 - 1.0 / phi - gamma * (1.0 - mf + phi + phi * mf) / (2.0 * phi * mf) {
                return false;
            }
            if beta < -(1.0 - phi) * (gamma / mf + alpha) {
                return false;
            }
            // Increasing powers, as R's polyroot takes them.
            let mut buf = [0.0; 32];
            let mut heap = Vec::new();
            let p: &mut [f64] = if m + 2 <= buf.len() {
                &mut buf[..m + 2]
            } else {
                heap.resize(m + 2, 0.0);
                &mut heap
            };
            p[0] = phi * (1.0 - alpha - gamma);
            p[1] = alpha + beta - alpha * phi + gamma - 1.0;
            p[2..m].fill(alpha + beta - alpha * phi);
            p[m] = alpha + beta - phi;
            p[m + 1] = 1.0;
            // The roots themselves (as R's polyroot finds them) only settle the near cases: a
            // root beyond 1.001 is beyond 1 + 1e-10 for any accurate root finder.
            roots_within(p, ADMISSIBLE)
                || (roots_within(p, NEAR) && matches!(max_root_modulus(p), Some(r) if r <= ADMISSIBLE))
        }
    }
}
