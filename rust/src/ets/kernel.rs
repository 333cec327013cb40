//! The likelihood criterion of [`super::recursion::run`] alone, as the optimiser evaluates it
//! thousands of times per model: one monomorphised loop per (error, trend, season) form so
//! no form test is left in the loop, the seasonal states in a ring (one write per step
//! instead of shifting `m` values), no allocation per call, and the `log |yhat|` terms only
//! for multiplicative errors. Every operation is the recursion's, in its order, so the
//! value has the same bits. With additive errors the criterion `n log(sse)` only grows along
//! the series, so a pass stops once it is sure to reach the optimiser's `limit`.

use super::form::{Component, Form};
use super::recursion::Smoothing;

const TOL: f64 = 1.0e-10;
const HUGEN: f64 = 1.0e10;

const NONE: u8 = 0;
const ADD: u8 = 1;
const MUL: u8 = 2;

fn code(c: Component) -> u8 {
    match c {
        Component::None => NONE,
        Component::Additive => ADD,
        Component::Multiplicative => MUL,
    }
}

/// `n log(sum e^2) (+ 2 sum log|yhat|)` from the initial state `x0` (R's layout); `None`
/// where the recursion's is (a negative multiplicative growth). Infinity, before the end of
/// the series, once the value is sure to be at least `limit` (additive errors only).
/// `ring` is scratch space.
pub fn likelihood(
    y: &[f64],
    x0: &[f64],
    m: usize,
    form: &Form,
    par: &Smoothing,
    limit: f64,
    ring: &mut Vec<f64>,
) -> Option<f64> {
    let e = form.error == Component::Multiplicative;
    // sse at or above this gives n log(sse) > limit: the margin of 1e-9 relative (n * 1e-9 on
    // the criterion) is far above the rounding of log and exp.
    // Never 0: an exact fit (sse 0) has the criterion -1e10, which may lie below the limit.
    let stop = match (limit / y.len() as f64).exp() * (1.0 + 1e-9) {
        s if !e && s >= f64::MIN_POSITIVE => s,
        _ => f64::INFINITY,
    };
    macro_rules! go {
        ($($t:ident $s:ident),*) => {
            match (code(form.trend), code(form.season)) {
                $(($t, $s) => if e {
                    pass::<true, $t, $s>(y, x0, m, par, stop, ring)
                } else {
                    pass::<false, $t, $s>(y, x0, m, par, stop, ring)
                },)*
                _ => unreachable!("three component types"),
            }
        };
    }
    go!(NONE NONE, NONE ADD, NONE MUL, ADD NONE, ADD ADD, ADD MUL, MUL NONE, MUL ADD, MUL MUL)
}

#[inline(always)]
fn pass<const EM: bool, const T: u8, const S: u8>(
    y: &[f64],
    x0: &[f64],
    m: usize,
    par: &Smoothing,
    stop: f64,
    ring: &mut Vec<f64>,
) -> Option<f64> {
    let mut l = x0[0];
    let mut b = if T != NONE { x0[1] } else { 0.0 };
    // Oldest seasonal state first: the one the next step reads and then replaces.
    ring.clear();
    if S != NONE {
        let first = 1 + usize::from(T != NONE);
        ring.extend(x0[first..first + m].iter().rev());
    }
    let (alpha, phi, gamma) = (par.alpha, par.phi, par.gamma);
    let beta_alpha = par.beta / par.alpha;
    let phi_is_one = (phi - 1.0).abs() < TOL;
    let mut pos = 0;
    let mut sse = 0.0;
    let mut log_sum = 0.0;
    for &yi in y {
        let so = if S != NONE { ring[pos] } else { 0.0 };
        let mut f = match T {
            NONE => l,
            ADD => l + phi * b,
            _ => {
                if b < 0.0 {
                    return None;
                }
                l * b.powf(phi)
            }
        };
        match S {
            NONE => {}
            ADD => f += so,
            _ => f *= so,
        }
        let err = if EM { (yi - f) / f } else { yi - f };
        let (q, phib) = match T {
            NONE => (l, 0.0),
            ADD => {
                let phib = phi * b;
                (l + phib, phib)
            }
            _ => {
                let phib = if phi_is_one { b } else { b.powf(phi) };
                (l * phib, phib)
            }
        };
        let p = match S {
            NONE => yi,
            ADD => yi - so,
            _ => {
                if so.abs() < TOL {
                    HUGEN
                } else {
                    yi / so
                }
            }
        };
        let oldl = l;
        l = q + alpha * (p - q);
        if T != NONE {
            let r = if T == ADD {
                l - oldl
            } else if oldl.abs() < TOL {
                HUGEN
            } else {
                l / oldl
            };
            b = phib + beta_alpha * (r - phib);
        }
        if S != NONE {
            let t = if S == ADD {
                yi - q
            } else if q.abs() < TOL {
                HUGEN
            } else {
                yi / q
            };
            ring[pos] = so + gamma * (t - so);
            pos += 1;
            if pos == m {
                pos = 0;
            }
        }
        sse += err * err;
        if !EM && sse >= stop {
            return Some(f64::INFINITY);
        }
        if EM {
            log_sum += f.abs().ln();
        }
    }
    let mut lik = y.len() as f64 * sse.ln();
    if EM {
        lik += 2.0 * log_sum;
    }
    Some(lik)
}
