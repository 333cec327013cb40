//! The likelihood criterion of [`super::recursion::run`] alone, as the optimiser evaluates
//! it thousands of times per model, for one to four parameter vectors in one pass over the
//! series: one monomorphised loop per (error, trend, season) form and number of vectors, the
//! seasonal states in a ring (one write per step instead of shifting `m` values), nothing
//! allocated per call. Every state update is the recursion's operation in its order, so the
//! states have its bits whatever the number of vectors; with additive errors the criterion
//! `n log(sse)` only grows along the series, so a pass stops once it is sure to reach the
//! optimiser's limit. With multiplicative errors the sum of `log |yhat|` is taken as one
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
mod tests {
    use super::*;
    use crate::ets::recursion::run;

    fn form(e: Component, t: Component, s: Component) -> Form {
        Form { error: e, trend: t, damped: t != Component::None, season: s }
    }

    #[test]
    fn lanes_agree_with_one_lane_and_with_the_recursion() {
        use Component::*;
        let m = 4;
        let y: Vec<f64> = (0..700).map(|i| 50.0 + 0.1 * i as f64 + [3.0, -1.0, 4.0, -6.0][i % 4] + ((i * 7919) % 13) as f64 * 0.3).collect();
        let pars = [
            Smoothing { alpha: 0.3, beta: 0.05, gamma: 0.1, phi: 0.95 },
            Smoothing { alpha: 0.6, beta: 0.2, gamma: 0.2, phi: 0.9 },
            Smoothing { alpha: 0.1, beta: 0.01, gamma: 0.3, phi: 0.98 },
            Smoothing { alpha: 0.9, beta: 0.5, gamma: 0.05, phi: 0.85 },
        ];
        for e in [Additive, Multiplicative] {
            for t in [None, Additive, Multiplicative] {
                for s in [None, Additive, Multiplicative] {
                    let f = form(e, t, s);
                    let mut x0 = vec![50.0];
                    if t == Additive {
                        x0.push(0.1);
                    } else if t == Multiplicative {
                        x0.push(1.002);
                    }
                    if s == Additive {
                        x0.extend([3.0, -1.0, 4.0, -6.0]);
                    } else if s == Multiplicative {
                        x0.extend([1.06, 0.98, 1.08, 0.88]);
                    }
                    let x0s = [&x0[..]; MAX_LANES];
                    let mut ring = Vec::new();
                    let mut all = [Option::None; MAX_LANES];
                    let em = e == Multiplicative;
                    likelihoods(&y, &x0s, m, &f, &[em; 4], &[t != None; 4], &pars, &[f64::INFINITY; 4], &mut ring, &mut all);
                    // Lanes 1 and 3 with the other error: a pass of mixed errors.
                    let mixed_em = [em, !em, em, !em];
                    let mut mixed = [Option::None; MAX_LANES];
                    likelihoods(&y, &x0s, m, &f, &mixed_em, &[t != None; 4], &pars, &[f64::INFINITY; 4], &mut ring, &mut mixed);
                    for k in 0..MAX_LANES {
                        let mut one = [Option::None];
                        likelihoods(&y, &x0s[..1], m, &f, &[em], &[t != None], &pars[k..k + 1], &[f64::INFINITY], &mut ring, &mut one);
                        let (a, b) = (all[k].unwrap(), one[0].unwrap());
                        assert_eq!(a.to_bits(), b.to_bits(), "{} lane {k}", f.label());
                        let mut other = [Option::None];
                        let em_k = [mixed_em[k]];
                        likelihoods(&y, &x0s[..1], m, &f, &em_k, &[t != None], &pars[k..k + 1], &[f64::INFINITY], &mut ring, &mut other);
                        assert_eq!(mixed[k].unwrap().to_bits(), other[0].unwrap().to_bits(), "{} mixed lane {k}", f.label());
                        let mut err = vec![0.0; y.len()];
                        let r = run(&y, &x0, m, &f, &pars[k], 0, &mut err, Option::None).lik.unwrap();
                        // The product of |yhat| against R's sum of logarithms: the last bits only.
                        assert!((a - r).abs() <= 1e-13 * r.abs(), "{} lane {k}: {a} vs {r}", f.label());
                        if e == Additive {
                            assert_eq!(a.to_bits(), r.to_bits());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn lanes_with_and_without_trend_agree_with_one_lane() {
        use Component::*;
        let m = 4;
        let y: Vec<f64> = (0..300).map(|i| 40.0 + 0.2 * i as f64 + [2.0, -1.5, 3.0, -3.5][i % 4] + ((i * 7919) % 11) as f64 * 0.4).collect();
        let pars = [
            Smoothing { alpha: 0.3, beta: 0.0, gamma: 0.1, phi: 1.0 },
            Smoothing { alpha: 0.6, beta: 0.2, gamma: 0.2, phi: 0.9 },
            Smoothing { alpha: 0.1, beta: 0.0, gamma: 0.3, phi: 1.0 },
            Smoothing { alpha: 0.9, beta: 0.5, gamma: 0.05, phi: 1.0 },
        ];
        // Lanes: (error, trend) of ANx, MAdx, MNx, AAx.
        let kinds = [(Additive, None), (Multiplicative, Additive), (Multiplicative, None), (Additive, Additive)];
        for s in [None, Additive, Multiplicative] {
            let x0: Vec<Vec<f64>> = kinds
                .iter()
                .map(|(_, t)| {
                    let mut x = vec![40.0];
                    if *t == Additive {
                        x.push(0.2);
                    }
                    match s {
                        Additive => x.extend([2.0, -1.5, 3.0, -3.5]),
                        Multiplicative => x.extend([1.05, 0.96, 1.07, 0.92]),
                        None => {}
                    }
                    x
                })
                .collect();
            let x0s: Vec<&[f64]> = x0.iter().map(|x| &x[..]).collect();
            let shared = form(Additive, Additive, s);
            let em = kinds.map(|(e, _)| e == Multiplicative);
            let tr = kinds.map(|(_, t)| t != None);
            // A finite limit on the additive lanes: both stop early, alone as together.
            let limits = [f64::INFINITY, f64::INFINITY, f64::INFINITY, 10.0];
            let (mut ring, mut all) = (Vec::new(), [Option::None; MAX_LANES]);
            likelihoods(&y, &x0s, m, &shared, &em, &tr, &pars, &limits, &mut ring, &mut all);
            for k in 0..MAX_LANES {
                let own = form(kinds[k].0, kinds[k].1, s);
                let mut one = [Option::None];
                likelihoods(&y, &x0s[k..k + 1], m, &own, &em[k..k + 1], &tr[k..k + 1], &pars[k..k + 1], &limits[k..k + 1], &mut ring, &mut one);
                assert_eq!(all[k].map(f64::to_bits), one[0].map(f64::to_bits), "{} lane {k}", own.label());
            }
            assert_eq!(all[3], Some(f64::INFINITY));
        }
    }
}
