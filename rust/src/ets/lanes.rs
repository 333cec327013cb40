//! The likelihood criterion of [`super::recursion::run`] alone, as the optimiser evaluates
//! it thousands of times per model, for one to four parameter vectors in one pass over the
//! series (the vectors of several forms' searches, see `search`): one monomorphised loop per
//! (error, trend, season) form and number of vectors, where the lanes may also mix additive
//! and multiplicative errors, or an additive trend and none (each lane's operations are those
//! of its own form, chosen per lane), the seasonal states in a ring (one write per step
//! instead of shifting `m` values), nothing allocated per call. Every state update is the
//! recursion's operation in its order, so the states have its bits whatever the number of
//! vectors; with additive errors the criterion `n log(sse)` only grows along the series, so a
//! lane stops counting once it is sure to reach the optimiser's limit (the pass, once all
//! have). With multiplicative errors the sum of `log |yhat|` is taken as one
//! logarithm of their product, kept in range by splitting off the exponents; this differs
//! from R's sum of logarithms in the last bits of the criterion only, and costs a multiply
//! instead of a `log` per step.

use super::form::{Component, Form};
use super::recursion::Smoothing;

const TOL: f64 = 1.0e-10;
const HUGEN: f64 = 1.0e10;
const MANTISSA: u64 = (1 << 52) - 1;
const ONE_EXP: u64 = 1023 << 52;

const NONE: u8 = 0;
const ADD: u8 = 1;
const MUL: u8 = 2;
/// The errors of a pass: all additive (`ADD`), all multiplicative (`MUL`) or per lane; its
/// trends: one of the three for every lane, or per lane none or additive.
const MIXED: u8 = 3;

/// The most parameter vectors one pass takes.
pub const MAX_LANES: usize = 4;

fn code(c: Component) -> u8 {
    match c {
        Component::None => NONE,
        Component::Additive => ADD,
        Component::Multiplicative => MUL,
    }
}

/// `n log(sum e^2) (+ 2 sum log|yhat|)` of lane `k` from the initial state `x0[k]` (R's
/// layout) with parameters `par[k]` into `out[k]`, for 1 to [`MAX_LANES`] lanes: `None` where
/// the recursion's is (a negative multiplicative growth), infinity once the value is sure to
/// be at least `limit[k]` (additive errors only). The lanes share `form`'s season and trend,
/// except that where `form.trend` is additive, lane `k` has none where `!trended[k]`; lane
/// `k`'s error is multiplicative where `multiplicative[k]` (`form.error` is not read). `ring`
/// is scratch space.
#[allow(clippy::too_many_arguments)]
pub fn likelihoods(
    y: &[f64],
    x0: &[&[f64]],
    m: usize,
    form: &Form,
    multiplicative: &[bool],
    trended: &[bool],
    par: &[Smoothing],
    limit: &[f64],
    ring: &mut Vec<f64>,
    out: &mut [Option<f64>],
) {
    macro_rules! lanes {
        ($($l:literal)*) => {
            match x0.len() {
                $($l => {
                    let r = dispatch::<$l>(
                        y,
                        std::array::from_fn(|k| x0[k]),
                        m,
                        form,
                        std::array::from_fn(|k| multiplicative[k]),
                        std::array::from_fn(|k| trended[k]),
                        std::array::from_fn(|k| &par[k]),
                        std::array::from_fn(|k| limit[k]),
                        ring,
                    );
                    out[..$l].copy_from_slice(&r);
                })*
                _ => unreachable!("1 to MAX_LANES lanes"),
            }
        };
    }
    lanes!(1 2 3 4)
}

#[allow(clippy::too_many_arguments)]
fn dispatch<const L: usize>(
    y: &[f64],
    x0: [&[f64]; L],
    m: usize,
    form: &Form,
    em: [bool; L],
    tr: [bool; L],
    par: [&Smoothing; L],
    limit: [f64; L],
    ring: &mut Vec<f64>,
) -> [Option<f64>; L] {
    // sse at or above this gives n log(sse) > limit: the margin of 1e-9 relative (n * 1e-9 on
    // the criterion) is far above the rounding of log and exp. Never 0: an exact fit (sse 0)
    // has the criterion -1e10, which may lie below the limit.
    let stop: [f64; L] = std::array::from_fn(|k| match (limit[k] / y.len() as f64).exp() * (1.0 + 1e-9) {
        s if !em[k] && s >= f64::MIN_POSITIVE => s,
        _ => f64::INFINITY,
    });
    let errors = if em.iter().all(|e| *e) {
        MUL
    } else if em.iter().any(|e| *e) {
        MIXED
    } else {
        ADD
    };
    let trend = match code(form.trend) {
        ADD if tr.iter().all(|t| !*t) => NONE,
        ADD if !tr.iter().all(|t| *t) => MIXED,
        t => t,
    };
    macro_rules! go {
        ($($t:ident $s:ident),*) => {
            match (trend, code(form.season)) {
                $(($t, $s) => match errors {
                    MUL => pass::<MUL, $t, $s, L>(y, x0, m, em, tr, par, stop, ring),
                    ADD => pass::<ADD, $t, $s, L>(y, x0, m, em, tr, par, stop, ring),
                    _ => pass::<MIXED, $t, $s, L>(y, x0, m, em, tr, par, stop, ring),
                },)*
                _ => unreachable!("three component types"),
            }
        };
    }
    go!(
        NONE NONE, NONE ADD, NONE MUL, ADD NONE, ADD ADD, ADD MUL, MUL NONE, MUL ADD, MUL MUL,
        MIXED NONE, MIXED ADD, MIXED MUL
    )
}

#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn pass<const E: u8, const T: u8, const S: u8, const L: usize>(
    y: &[f64],
    x0: [&[f64]; L],
    m: usize,
    em: [bool; L],
    tr: [bool; L],
    par: [&Smoothing; L],
    stop: [f64; L],
    ring: &mut Vec<f64>,
) -> [Option<f64>; L] {
    // Whether lane k has a trend, known at compile time unless mixed.
    let trend = tr.map(|t| T == ADD || T == MUL || (T == MIXED && t));
    let mut l = x0.map(|x| x[0]);
    let mut b: [f64; L] = std::array::from_fn(|k| if trend[k] { x0[k][1] } else { 0.0 });
    // Row j holds every lane's seasonal state j steps ahead, oldest first.
    ring.clear();
    if S != NONE {
        ring.resize(m * L, 0.0);
        for (k, x) in x0.iter().enumerate() {
            let first = 1 + usize::from(trend[k]);
            for (j, v) in x[first..first + m].iter().rev().enumerate() {
                ring[j * L + k] = *v;
            }
        }
    }
    let alpha = par.map(|p| p.alpha);
    let phi = par.map(|p| p.phi);
    let gamma = par.map(|p| p.gamma);
    let beta_alpha = par.map(|p| p.beta / p.alpha);
    let phi_is_one = phi.map(|p| (p - 1.0).abs() < TOL);
    let mut out = [Some(0.0); L];
    let mut live = [true; L];
    let mut n_live = L;
    let mut pos = 0;
    let mut sse = [0.0; L];
    let mut log_sum = [0.0; L];
    let (mut mant, mut scale, mut steps) = ([1.0_f64; L], [0_i64; L], 0);
    for &yi in y {
        let row = if S != NONE { &mut ring[pos * L..pos * L + L] } else { &mut [][..] };
        for k in 0..L {
            let so = if S != NONE { row[k] } else { 0.0 };
            let mut f = match T {
                NONE => l[k],
                ADD => l[k] + phi[k] * b[k],
                MIXED => {
                    if trend[k] {
                        l[k] + phi[k] * b[k]
                    } else {
                        l[k]
                    }
                }
                _ => {
                    // A lane out of the race keeps computing (on NaNs, say) until all are.
                    if b[k] < 0.0 && live[k] {
                        live[k] = false;
                        n_live -= 1;
                        out[k] = None;
                    }
                    l[k] * b[k].powf(phi[k])
                }
            };
            match S {
                NONE => {}
                ADD => f += so,
                _ => f *= so,
            }
            // Whether lane k's error is multiplicative, known at compile time unless mixed.
            let mul_k = E == MUL || (E == MIXED && em[k]);
            let err = if mul_k { (yi - f) / f } else { yi - f };
            let (q, phib) = match T {
                NONE => (l[k], 0.0),
                ADD | MIXED if trend[k] => {
                    let phib = phi[k] * b[k];
                    (l[k] + phib, phib)
                }
                ADD | MIXED => (l[k], 0.0),
                _ => {
                    let phib = if phi_is_one[k] { b[k] } else { b[k].powf(phi[k]) };
                    (l[k] * phib, phib)
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
            let oldl = l[k];
            l[k] = q + alpha[k] * (p - q);
            if trend[k] {
                let r = if T != MUL {
                    l[k] - oldl
                } else if oldl.abs() < TOL {
                    HUGEN
                } else {
                    l[k] / oldl
                };
                b[k] = phib + beta_alpha[k] * (r - phib);
            }
            if S != NONE {
                let t = if S == ADD {
                    yi - q
                } else if q.abs() < TOL {
                    HUGEN
                } else {
                    yi / q
                };
                row[k] = so + gamma[k] * (t - so);
            }
            sse[k] += err * err;
            if E != MUL && sse[k] >= stop[k] && live[k] {
                live[k] = false;
                n_live -= 1;
                out[k] = Some(f64::INFINITY);
            }
            if mul_k {
                // |f| = mantissa * 2^exponent: the mantissas multiply, the exponents add.
                let bits = f.abs().to_bits();
                let exponent = (bits >> 52) as i64;
                if exponent == 0 || exponent == 0x7ff {
                    // Zero, subnormal, infinite or NaN: its logarithm on its own.
                    log_sum[k] += f.abs().ln();
                } else {
                    scale[k] += exponent - 1023;
                    mant[k] *= f64::from_bits((bits & MANTISSA) | ONE_EXP);
                }
            }
        }
        if n_live == 0 {
            return out;
        }
        // A product of 512 mantissas in [1, 2) stays below 2^512: then it is split again.
        if E != ADD {
            steps += 1;
            if steps == 512 {
                steps = 0;
                for k in 0..L {
                    let bits = mant[k].to_bits();
                    scale[k] += (bits >> 52) as i64 - 1023;
                    mant[k] = f64::from_bits((bits & MANTISSA) | ONE_EXP);
                }
            }
        }
        if S != NONE {
            pos += 1;
            if pos == m {
                pos = 0;
            }
        }
    }
    for k in 0..L {
        if live[k] {
            let mut lik = y.len() as f64 * sse[k].ln();
            if E == MUL || (E == MIXED && em[k]) {
                let logs = log_sum[k] + (mant[k].ln() + scale[k] as f64 * std::f64::consts::LN_2);
                lik += 2.0 * logs;
            }
            out[k] = Some(lik);
        }
    }
    out
}

#[cfg(test)]
#[path = "lanes_tests.rs"]
mod tests;
