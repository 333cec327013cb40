//! Whether a polynomial's roots all lie within a radius, for the admissibility test of
//! seasonal models (R finds the roots with `polyroot` and compares the largest modulus with
//! 1 + 1e-10). [`roots_within`] is the Schur–Cohn test, O(d^2) and run at every evaluation of
//! the optimiser's target; [`max_root_modulus`] (Aberth–Ehrlich iteration) finds the roots
//! themselves and checks it in the tests.

#[derive(Clone, Copy, Debug)]
struct C(f64, f64);

impl C {
    fn add(self, o: C) -> C {
        C(self.0 + o.0, self.1 + o.1)
    }
    fn sub(self, o: C) -> C {
        C(self.0 - o.0, self.1 - o.1)
    }
    fn mul(self, o: C) -> C {
        C(self.0 * o.0 - self.1 * o.1, self.0 * o.1 + self.1 * o.0)
    }
    fn div(self, o: C) -> C {
        let d = o.0 * o.0 + o.1 * o.1;
        C((self.0 * o.0 + self.1 * o.1) / d, (self.1 * o.0 - self.0 * o.1) / d)
    }
    fn abs(self) -> f64 {
        self.0.hypot(self.1)
    }
}

/// True when every root of `c[0] + c[1] z + ... + c[d] z^d` has modulus below `radius`
/// (Schur–Cohn: with `a` the coefficients of `p(radius z)`, `|a_0| < |a_d|` and the same for
/// `(a_d p(z) - a_0 z^d p(1/z)) / z`, one degree lower). Runs on the stack up to degree 31
/// (seasonal periods up to 24 need at most 25), since the optimiser asks at every step.
pub fn roots_within(coef: &[f64], radius: f64) -> bool {
    const CAP: usize = 32;
    if coef.len() <= CAP {
        let (mut a, mut prev) = ([0.0; CAP], [0.0; CAP]);
        // The admissibility test's two radii: their powers are the same products, made once.
        let powers = if radius == ADMISSIBLE {
            Some(&ADMISSIBLE_POWERS)
        } else if radius == NEAR {
            Some(&NEAR_POWERS)
        } else {
            None
        };
        match powers {
            Some(pw) => {
                for ((ai, c), s) in a.iter_mut().zip(coef).zip(pw) {
                    *ai = c * s;
                }
            }
            None => scale_by_powers(coef, radius, &mut a),
        }
        schur_cohn(&mut a[..coef.len()], &mut prev)
    } else {
        let mut a = vec![0.0; coef.len()];
        scale_by_powers(coef, radius, &mut a);
        schur_cohn(&mut a, &mut vec![0.0; coef.len()])
    }
}

/// The radius of the admissibility test (R's tolerance) and the one past which a root is
/// surely outside it.
pub const ADMISSIBLE: f64 = 1.0 + 1e-10;
pub const NEAR: f64 = 1.001;

const ADMISSIBLE_POWERS: [f64; 32] = powers(ADMISSIBLE);
const NEAR_POWERS: [f64; 32] = powers(NEAR);

/// `radius^k` as the running product `((1 * r) * r) ...`, the order the scaling takes.
const fn powers(radius: f64) -> [f64; 32] {
    let mut out = [1.0; 32];
    let mut k = 1;
    while k < 32 {
        out[k] = out[k - 1] * radius;
        k += 1;
    }
    out
}

fn scale_by_powers(coef: &[f64], radius: f64, a: &mut [f64]) {
    let mut scale = 1.0;
    for (ai, c) in a.iter_mut().zip(coef) {
        *ai = c * scale;
        scale *= radius;
    }
}

/// 2^300: beyond it (or below its inverse) the coefficients are rescaled.
const RANGE: f64 = 2.037035976334486e90;

/// Bounds the growth of the largest modulus from one degree to the next: each new
/// coefficient is `a_d x - a_0 y` with `|x|, |y|` at most the old largest, so at most
/// `(|a_d| + |a_0|)` times it, up to three roundings (far inside this margin).
const GROWTH_MARGIN: f64 = 1.0 + 1.0 / (1u64 << 40) as f64;

/// The test on `a` (the coefficients already scaled by the radius' powers); `prev` is scratch.
fn schur_cohn(a: &mut [f64], prev: &mut [f64]) -> bool {
    if a.is_empty() {
        return true;
    }
    let mut d = a.len() - 1;
    while d > 0 && a[d] == 0.0 {
        d -= 1;
    }
    // A bound on the largest modulus; where it and the new leading coefficient show the
    // coefficients inside the range, the largest modulus itself (what decides a rescaling)
    // need not be taken.
    let mut bound = a[..=d].iter().fold(0.0_f64, |m, v| if v.abs() > m { v.abs() } else { m });
    // Each degree's coefficients are written into the other buffer: no copy per degree.
    let (mut cur, mut next) = (a, prev);
    while d > 0 {
        let (a0, ad) = (cur[0], cur[d]);
        if !(a0.abs() < ad.abs()) {
            return false;
        }
        for ((v, x), y) in next[..d].iter_mut().zip(&cur[1..=d]).zip(cur[..d].iter().rev()) {
            *v = ad * x - a0 * y;
        }
        std::mem::swap(&mut cur, &mut next);
        d -= 1;
        bound = (ad.abs() + a0.abs()) * bound * GROWTH_MARGIN;
        let lead = cur[d].abs();
        if bound <= RANGE && lead >= RANGE.recip() {
            continue;
        }
        // The largest modulus of the new coefficients (a plain comparison skips NaNs as
        // `f64::max` does).
        let mut top = 0.0_f64;
        for v in &cur[..=d] {
            if v.abs() > top {
                top = v.abs();
            }
        }
        bound = top;
        // Keep the numbers in range: the test only compares moduli, and a power of two
        // scales without rounding, so it is needed only far from overflow and underflow.
        if top.is_finite() && !(RANGE.recip()..=RANGE).contains(&top) && top > 0.0 {
            let exponent = ((top.to_bits() >> 52) & 0x7ff) as i64 - 1023;
            let scale = match 1023 - exponent {
                e @ 1..=2046 => f64::from_bits((e as u64) << 52),
                _ => 2f64.powi(-exponent as i32),
            };
            for v in cur[..=d].iter_mut() {
                *v *= scale;
            }
            bound = top * scale;
        }
    }
    true
}

/// Largest |root| of `c[0] + c[1] z + ... + c[d] z^d` (R's `polyroot` order); leading
/// zero coefficients are dropped. `None` when no root exists or the iteration fails.
pub fn max_root_modulus(coef: &[f64]) -> Option<f64> {
    let mut d = coef.len().checked_sub(1)?;
    while d > 0 && coef[d] == 0.0 {
        d -= 1;
    }
    if d == 0 {
        return None;
    }
    // Monic, highest power first.
    let a: Vec<f64> = (0..=d).map(|k| coef[d - k] / coef[d]).collect();
    let eval = |z: C| {
        let (mut p, mut dp) = (C(a[0], 0.0), C(0.0, 0.0));
        for &c in &a[1..] {
            dp = dp.mul(z).add(p);
            p = p.mul(z).add(C(c, 0.0));
        }
        (p, dp)
    };
    // Start on a circle of Cauchy's radius bound, off the real axis.
    let radius = 1.0 + a[1..].iter().fold(0.0_f64, |m, c| m.max(c.abs()));
    let mut z: Vec<C> = (0..d)
        .map(|k| {
            let t = 2.0 * std::f64::consts::PI * k as f64 / d as f64 + 0.4;
            C(radius * t.cos(), radius * t.sin())
        })
        .collect();
    for _ in 0..500 {
        let mut moved = 0.0_f64;
        for i in 0..d {
            let (p, dp) = eval(z[i]);
            if p.abs() == 0.0 {
                continue;
            }
            let ratio = p.div(dp);
            let mut s = C(0.0, 0.0);
            for j in 0..d {
                if j != i {
                    s = s.add(C(1.0, 0.0).div(z[i].sub(z[j])));
                }
            }
            let w = ratio.div(C(1.0, 0.0).sub(ratio.mul(s)));
            if w.0.is_finite() && w.1.is_finite() {
                z[i] = z[i].sub(w);
                moved = moved.max(w.abs() / z[i].abs().max(1e-300));
            }
        }
        if moved < 1e-15 {
            break;
        }
    }
    let m = z.iter().fold(0.0_f64, |m, r| m.max(r.abs()));
    m.is_finite().then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schur_cohn_agrees_with_the_roots() {
        let mut state = 12345u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        };
        let mut checked = 0;
        for d in 2..=14 {
            for _ in 0..200 {
                let mut c: Vec<f64> = (0..d).map(|k| next() * 0.6f64.powi((d - k) as i32)).collect();
                c.push(1.0);
                let r = max_root_modulus(&c).unwrap();
                if (r - 1.0).abs() < 1e-6 {
                    continue;
                }
                assert_eq!(roots_within(&c, 1.0 + 1e-10), r < 1.0, "{c:?}: largest root {r}");
                checked += 1;
            }
        }
        assert!(checked > 2000);
    }

    #[test]
    fn known_roots() {
        // (z - 2)(z + 0.5)(z^2 + 1) = z^4 - 1.5 z^3 + 0 z^2 - 1.5 z - 1
        let m = max_root_modulus(&[-1.0, -1.5, 0.0, -1.5, 1.0]).unwrap();
        assert!((m - 2.0).abs() < 1e-12, "{m}");
        // Roots 0.9 and 0.9 (double) and -0.3.
        let m = max_root_modulus(&[0.243, 0.27, -1.5, 1.0]).unwrap();
        assert!((m - 0.9).abs() < 1e-6, "{m}");
    }
}
