//! TSB's recursions on a long series, each cut in two halves that run side by side, with the
//! same bits as one recursion over the whole.
//!
//! A step `p -> fl(c + fl(k * p))` (k >= 0) never decreases when p increases: rounding keeps
//! the order of its arguments. So when the second half runs from two levels `lo <= hi` that
//! hold the level the first half ends at, the levels it ends at from `lo` and from `hi` hold the
//! true one; where they are equal, that is the true end, whatever the start. The two starts are
//! an estimate of the first half's end (its weighted sum, four sums at a time) about 32 units in
//! the last place either side; each step shrinks their distance by k, and a few dozen steps
//! round it away. Both conditions (the first half ends inside the bracket, the two ends are
//! equal) are checked; where one fails the second half runs again from the first half's end,
//! so the result never depends on the estimate, only the time does.

use std::mem::MaybeUninit;

/// The longest series split: its demands are gathered on the stack.
const LONGEST: usize = 1024;

/// The bracket's half-width, in units of roundoff of the estimate.
const BRACKET: f64 = 64.0;

/// The closing a half needs, as a sum of `-ln k` over its steps: a bracket of about 2^7 units
/// in the last place shrunk to one takes ln(128) = 4.9 of it, and the last unit then rounds away
/// with probability about 1 - k per step, which 5.6 more leaves undone once in 270.
const CLOSING: f64 = 10.5;

/// Whether `steps` steps that shrink distances by `keep = 1 - alpha` close a bracket: by
/// `alpha <= -ln(keep)` (never when alpha is 0), without a logarithm per series.
fn closes(steps: usize, alpha: f64) -> bool {
    alpha * steps as f64 >= CLOSING
}

/// Whether [`run`] splits a series of `n` values smoothed with `alpha_probability`.
pub(super) fn splits(n: usize, alpha_probability: f64) -> bool {
    n <= LONGEST && closes(n / 2, alpha_probability)
}

/// TSB's forecast and whether every value of `y` is finite and >= 0 (it is computed either
/// way), for a series [`splits`] accepts.
pub(super) fn run(y: &[f64], alpha_demand: f64, alpha_probability: f64) -> (f64, bool) {
    run_bracketed(y, alpha_demand, alpha_probability, 0.0)
}

/// [`run`] with the estimates moved by `miss` of themselves (0 but in the tests, which move
/// them out of their brackets).
fn run_bracketed(y: &[f64], alpha_demand: f64, alpha_probability: f64, miss: f64) -> (f64, bool) {
    let (ad, ap) = (alpha_demand, alpha_probability);
    let (kd, kp) = (1.0 - ad, 1.0 - ap);
    let occurs = |v: f64| if v != 0.0 { 1.0 } else { 0.0 };
    let step_p = |p: f64, v: f64| (if v != 0.0 { ap } else { 0.0 }) + kp * p;
    let step_s = |s: f64, d: f64| ad * d + kd * s;

    // `pack_checked` refuses a series longer than LONGEST ([`splits`] keeps them out).
    let mut gathered = [MaybeUninit::<f64>::uninit(); LONGEST + 4];
    let (count, valid) = super::gather::pack_checked(y, &mut gathered);
    if count == 0 {
        return (0.0, valid);
    }
    // SAFETY: the first `count` places were written above (each demand at its place).
    let demands: &[f64] = unsafe { std::slice::from_raw_parts(gathered.as_ptr().cast::<f64>(), count) };

    let (first_p, first_s) = (occurs(y[0]), demands[0]);
    let (mut a, b) = y.split_at(y.len() - y.len() / 2);
    let (p_lo, p_hi) = bracket(estimate(a, occurs, ap, kp, first_p) * (1.0 + miss));
    let split_sizes = closes(count / 2, ad);
    let (mut da, db) = if split_sizes { demands.split_at(count - count / 2) } else { (demands, &demands[count..]) };
    let (s_lo, s_hi) = if split_sizes { bracket(estimate(da, |d| d, ad, kd, first_s) * (1.0 + miss)) } else { (0.0, 0.0) };

    // The first halves take their extra value first, so that the halves pair off.
    let (mut pa, mut sa) = (first_p, first_s);
    if a.len() > b.len() {
        pa = step_p(pa, a[0]);
        a = &a[1..];
    }
    if split_sizes && da.len() > db.len() {
        sa = step_s(sa, da[0]);
        da = &da[1..];
    }
    let (mut pl, mut ph, mut sl, mut sh) = (p_lo, p_hi, s_lo, s_hi);
    if split_sizes {
        let (a_paired, a_alone) = a.split_at(db.len());
        let (b_paired, b_alone) = b.split_at(db.len());
        for (((&v, &w), &d), &e) in a_paired.iter().zip(b_paired).zip(da).zip(db) {
            (pa, pl, ph) = (step_p(pa, v), step_p(pl, w), step_p(ph, w));
            (sa, sl, sh) = (step_s(sa, d), step_s(sl, e), step_s(sh, e));
        }
        for (&v, &w) in a_alone.iter().zip(b_alone) {
            (pa, pl, ph) = (step_p(pa, v), step_p(pl, w), step_p(ph, w));
        }
    } else {
        // The sizes in one recursion beside the halves of the occurrences.
        let paired = da.len().min(a.len());
        for ((&v, &w), &d) in a[..paired].iter().zip(&b[..paired]).zip(&da[..paired]) {
            (pa, pl, ph) = (step_p(pa, v), step_p(pl, w), step_p(ph, w));
            sa = step_s(sa, d);
        }
        for (&v, &w) in a[paired..].iter().zip(&b[paired..]) {
            (pa, pl, ph) = (step_p(pa, v), step_p(pl, w), step_p(ph, w));
        }
        sa = da[paired..].iter().fold(sa, |s, &d| step_s(s, d));
    }
    let p = if p_lo <= pa && pa <= p_hi && pl == ph { pl } else { b.iter().fold(pa, |p, &v| step_p(p, v)) };
    let size = match (split_sizes, count) {
        // One value is its own forecast.
        (_, 1) => first_s,
        (false, _) => sa,
        (true, _) if s_lo <= sa && sa <= s_hi && sl == sh => sl,
        (true, _) => db.iter().fold(sa, |s, &d| step_s(s, d)),
    };
    (p * size, valid)
}

/// Two levels either side of `estimate`, [`BRACKET`] units of its roundoff away.
fn bracket(estimate: f64) -> (f64, f64) {
    let half = (BRACKET * 0.5 * f64::EPSILON * estimate.abs()).max(f64::MIN_POSITIVE);
    (estimate - half, estimate + half)
}

/// The level of SES (`alpha`, `keep = 1 - alpha`) from `init` after the values `f(x[i])`:
/// `keep^n init + sum alpha f(x[i]) keep^(n-1-i)`, from the last value back four at a time (four
/// independent sums), the values older than where `keep`'s powers fall below 1e-20 left out.
fn estimate(x: &[f64], f: impl Fn(f64) -> f64, alpha: f64, keep: f64, init: f64) -> f64 {
    let keep4 = keep * keep * keep * keep;
    let (mut w, mut sum) = ([1.0, keep, keep * keep, keep * keep * keep], [0.0; 4]);
    let quads = x.rchunks_exact(4);
    let rest = quads.remainder();
    for quad in quads {
        for l in 0..4 {
            sum[l] += f(quad[3 - l]) * w[l];
            w[l] *= keep4;
        }
        if w[0] < 1e-20 {
            return alpha * ((sum[0] + sum[1]) + (sum[2] + sum[3]));
        }
    }
    for (l, &v) in rest.iter().rev().enumerate() {
        sum[l] += f(v) * w[l];
    }
    alpha * ((sum[0] + sum[1]) + (sum[2] + sum[3])) + w[rest.len()] * init
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intermittent::tsb::plain;

    #[test]
    fn the_halves_give_the_bits_of_one_recursion() {
        let mut s = 5u64;
        let mut next = || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s >> 11
        };
        for n in [210usize, 211, 260, 333, 500, 777, 1024] {
            for zeros in [0u64, 4, 9, 13, 15, 16] {
                for scale in [1.0, 1e-3, 7e5] {
                    let y: Vec<f64> = (0..n).map(|_| if next() % 16 < zeros { 0.0 } else { (next() % 1000) as f64 * scale / 7.0 }).collect();
                    for (ad, ap) in [(0.1, 0.1), (0.3, 0.2), (0.05, 0.15), (1.0, 0.5), (0.0, 0.1)] {
                        assert!(splits(n, ap));
                        assert_eq!(run(&y, ad, ap), (plain(&y, ad, ap), true), "n {n}");
                        assert_eq!(run(&y, ad, ap).0.to_bits(), plain(&y, ad, ap).to_bits(), "n {n} zeros {zeros} {ad} {ap}");
                    }
                }
            }
        }
        assert!(!splits(1025, 0.1) && !splits(100, 0.1) && !splits(800, 0.0) && splits(210, 0.1));
    }

    #[test]
    fn a_bracket_that_misses_costs_time_not_bits() {
        let y: Vec<f64> = (0..400).map(|i| if i % 3 == 0 || i % 7 == 0 { 5.0 + i as f64 } else { 0.0 }).collect();
        for miss in [0.0, 1e-15, -1e-15, 1e-9, -0.5] {
            for (ad, ap) in [(0.2, 0.1), (0.05, 0.3)] {
                assert_eq!(run_bracketed(&y, ad, ap, miss).0.to_bits(), plain(&y, ad, ap).to_bits(), "{miss}");
            }
        }
        let (lo, hi) = bracket(0.5);
        assert!(lo < 0.5 && hi > 0.5 && hi - lo < 1e-13);
    }
}
