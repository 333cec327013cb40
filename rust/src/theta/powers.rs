//! The powers (1 - alpha)^i, i = 0..=n, that every step of the Theta filter needs, bit for bit
//! as `powf` (the C library's `pow`, which statsforecast's filter calls) gives them, at a
//! fraction of the cost: most of them come from a running product carried in double-double
//! precision, and `powf` is called only where that product cannot tell which double `pow`
//! returns.
//!
//! Why that is exact: the double-double products hold x^i to about i * 2^-102 relatively, so
//! the high part `hi` is the double nearest x^i and the low part says how far x^i lies from it.
//! When x^i is within 0.45 of the spacing of doubles around `hi`, every other double is at
//! least 0.55 spacings away, and a `pow` with an error below that (glibc's is documented at
//! 0.52 units in the last place, a correctly rounded one's is 0.5) must return `hi`. About nine
//! powers in ten pass that test; the others, and every power near the subnormal range, call
//! `powf`. The test below checks the claim against `powf` itself.

/// How many running products advance side by side: each multiplies by x^LANES, so the
/// products do not wait on one another and the processor overlaps them.
const LANES: usize = 8;

/// (1 - alpha)^i for i in 0..=n into `out`, each equal to `(1.0 - alpha).powf(i as f64)`.
pub(super) fn fill(alpha: f64, n: usize, out: &mut Vec<f64>) {
    out.clear();
    let x = 1.0 - alpha;
    out.push(x.powf(0.0));
    if !(x > 0.0 && x < 1.0) {
        // Outside the optimiser's bounds (a decoded model is checked, but stay exact anyway).
        out.extend((1..=n).map(|i| x.powf(i as f64)));
        return;
    }
    // x^1..=x^LANES one after another, then lane j holds x^(k LANES + j) for k = 1, 2, ...
    let mut lanes = [(0.0, 0.0); LANES];
    let mut power = (1.0, 0.0);
    for lane in &mut lanes {
        power = product(power, (x, 0.0));
        *lane = power;
    }
    let step = product(lanes[LANES - 1], (1.0, 0.0));
    let mut i = 1;
    while i <= n {
        for lane in &mut lanes {
            if i > n {
                break;
            }
            let (hi, lo) = *lane;
            if hi < 1e-280 {
                return tail_by_powf(x, i, n, out);
            }
            let bits = hi.to_bits();
            let spacing = (f64::from_bits(bits + 1) - hi).min(hi - f64::from_bits(bits - 1));
            out.push(if lo.abs() <= THRESHOLD * spacing { hi } else { x.powf(i as f64) });
            *lane = product(*lane, step);
            i += 1;
        }
    }
}

/// How close, in spacings of doubles, x^i must be to the double nearest it for that double to
/// be `pow`'s result: the other doubles are then at least 0.55 spacings away, more than
/// glibc's documented worst error (0.52 units in the last place with a fused multiply-add,
/// 0.54 without).
const THRESHOLD: f64 = 0.45;

/// Near the subnormal range a double-double's low part loses its accuracy: `powf` from i on,
/// and once a power underflows to zero every higher one is zero too.
fn tail_by_powf(x: f64, from: usize, n: usize, out: &mut Vec<f64>) {
    for k in from..=n {
        let v = x.powf(k as f64);
        out.push(v);
        if v == 0.0 {
            out.resize(n + 1, 0.0);
            return;
        }
    }
}

/// The product of two double-doubles, renormalised (relative error about 2^-104).
fn product(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (p, e) = two_product(a.0, b.0);
    let e = e + (a.0 * b.1 + a.1 * b.0);
    let s = p + e;
    (s, e - (s - p))
}

/// a * b exactly as a sum of two doubles (Dekker's product with Veltkamp's split, which needs
/// no fused multiply-add).
fn two_product(a: f64, b: f64) -> (f64, f64) {
    let split = |v: f64| {
        let c = 134_217_729.0 * v;
        let high = c - (c - v);
        (high, v - high)
    };
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_power_equals_powf() {
        let mut out = Vec::new();
        for k in 0..=2000 {
            let alpha = 0.1 + 0.89 * k as f64 / 2000.0;
            for alpha in [alpha, alpha + 1e-9 * k as f64, 0.99, 0.1, 0.5] {
                super::fill(alpha, 700, &mut out);
                assert_eq!(out.len(), 701);
                for (i, v) in out.iter().enumerate() {
                    assert_eq!(v.to_bits(), (1.0 - alpha).powf(i as f64).to_bits(), "alpha {alpha}, i {i}");
                }
            }
        }
    }
}
