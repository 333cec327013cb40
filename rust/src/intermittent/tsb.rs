//! TSB's forecast (statsforecast's `_tsb` without fitted values) in one pass over the series.
//!
//! The forecast is SES of the occurrences (1 where a period has demand, else 0) times SES of
//! the demand sizes, each computed as `_ses_lib` does, operation for operation. Its time is
//! the latency of the occurrence recursion (a multiply then an add per period, which the next
//! period waits for); everything else is arranged to run beside it:
//! * the recursion of the sizes (one step per demand) shares the loop of the occurrences;
//! * the demands are gathered a block ahead, in the loop of the block before, so that the
//!   gathering of block b + 1 runs while the recursions of block b wait on their latency;
//! * the series check (every value finite and >= 0) rides on the gathering.

/// The values of a block. Two loop exits per block are mispredicted (where its demands end,
/// where the block ends); a shorter block costs more of them, a longer one a longer first
/// gathering, which nothing runs beside.
const BLOCK: usize = 64;

/// A value's bits are below this exactly when it is finite and >= 0 (sign bit clear, exponent
/// not all ones); -0.0 is not, so a series holding it takes the checked path.
const FIRST_BAD_BITS: u64 = 0x7FF0_0000_0000_0000;

/// TSB's forecast of `y` when every value is finite and >= 0, else `None` (then the caller
/// checks the series, and a series it accepts is given to [`forecast`]). A -0.0 may also be
/// left to the check.
pub(super) fn checked_forecast(y: &[f64], alpha_demand: f64, alpha_probability: f64) -> Option<f64> {
    if y.is_empty() {
        return None;
    }
    let (mean, largest_bits) = run(y, alpha_demand, alpha_probability);
    (largest_bits < FIRST_BAD_BITS).then_some(mean)
}

/// TSB's forecast of `y`, a checked series (not empty, no value negative or missing): 0
/// without demand.
pub(super) fn forecast(y: &[f64], alpha_demand: f64, alpha_probability: f64) -> f64 {
    run(y, alpha_demand, alpha_probability).0
}

/// The forecast and the largest bit pattern of the values (as unsigned integers). `y` is not
/// empty.
fn run(y: &[f64], alpha_demand: f64, alpha_probability: f64) -> (f64, u64) {
    if super::tsb_halves::splits(y.len(), alpha_probability) {
        let (mean, valid) = super::tsb_halves::run(y, alpha_demand, alpha_probability);
        return (mean, if valid { 0 } else { u64::MAX });
    }
    let (ad, ap) = (alpha_demand, alpha_probability);
    let (kd, kp) = (1.0 - ad, 1.0 - ap);
    // `ap * occurrence` is `ap` or 0 exactly; the level starts at the first occurrence.
    let step = |p: f64, v: f64| (if v != 0.0 { ap } else { 0.0 }) + kp * p;
    let mut p = if y[0] != 0.0 { 1.0 } else { 0.0 };
    let (mut size, mut first, mut demands) = (0.0, 0.0, 0usize);
    let mut sizes = [[0.0; BLOCK]; 2];
    let mut largest = 0u64;
    let mut blocks = y.chunks(BLOCK).enumerate().peekable();
    let mut count = match blocks.peek() {
        Some((_, block)) => gather(block, &mut sizes[0], &mut largest),
        None => 0,
    };
    while let Some((b, block)) = blocks.next() {
        let (now, ahead) = if b % 2 == 0 {
            let (a, c) = sizes.split_at_mut(1);
            (&a[0], &mut c[0])
        } else {
            let (a, c) = sizes.split_at_mut(1);
            (&c[0], &mut a[0])
        };
        let now = &now[..count];
        if demands == 0 && count > 0 {
            first = now[0];
            size = first;
        }
        let (mut q, mut s) = (p, size);
        let next = blocks.peek().map(|(_, next)| *next);
        let (paired, alone) = block.split_at(count);
        let next_count = match next {
            // A full block ahead: gathered a value per period of this block's loops.
            Some(next) if next.len() == BLOCK && block.len() == BLOCK => {
                let (mut k, mut bits) = (0usize, largest);
                let (next_paired, next_alone) = next.split_at(count);
                for ((&v, &d), &w) in paired.iter().zip(now).zip(next_paired) {
                    q = step(q, v);
                    s = ad * d + kd * s;
                    k = keep(ahead, k, w, &mut bits);
                }
                for (&v, &w) in alone.iter().zip(next_alone) {
                    q = step(q, v);
                    k = keep(ahead, k, w, &mut bits);
                }
                largest = bits;
                k
            }
            other => {
                let k = other.map_or(0, |next| gather(next, ahead, &mut largest));
                for (&v, &d) in paired.iter().zip(now) {
                    q = step(q, v);
                    s = ad * d + kd * s;
                }
                for &v in alone {
                    q = step(q, v);
                }
                k
            }
        };
        (p, size) = (q, s);
        demands += count;
        count = next_count;
    }
    // One value is its own forecast.
    if y.len() == 1 {
        p = if y[0] != 0.0 { 1.0 } else { 0.0 };
    }
    if demands == 1 {
        size = first;
    }
    let mean = if demands == 0 { 0.0 } else { p * size };
    (mean, largest)
}

/// Writes `w` at the next free place of `sizes` (the `k`th), keeping it there when it is a
/// demand; returns the next free place. `k` is at most the number of values seen in the block,
/// so below `BLOCK` while the block lasts.
#[inline(always)]
fn keep(sizes: &mut [f64; BLOCK], k: usize, w: f64, largest: &mut u64) -> usize {
    sizes[k % BLOCK] = w;
    *largest = (*largest).max(w.to_bits());
    k + usize::from(w > 0.0)
}

/// The demands of `block` packed to the front of `sizes`, and how many there are.
fn gather(block: &[f64], sizes: &mut [f64; BLOCK], largest: &mut u64) -> usize {
    let mut bits = *largest;
    let k = block.iter().fold(0, |k, &w| keep(sizes, k, w, &mut bits));
    *largest = bits;
    k
}

/// statsforecast's name of the method, `TSB(0.1,0.1)`, as `format!` writes it, without its
/// float formatting (a tenth of the forecast's time) for parameters of at most six decimals.
pub(super) fn label(alpha_demand: f64, alpha_probability: f64) -> String {
    let mut out = String::with_capacity(24);
    out.push_str("TSB(");
    push_number(&mut out, alpha_demand);
    out.push(',');
    push_number(&mut out, alpha_probability);
    out.push(')');
    out
}

/// Appends `v` as `{v}` would. A value in [0, 1] that is the nearest double to a decimal of at
/// most six places prints as that decimal: no other number of at most six places is within the
/// spacing of doubles there, so it is the shortest text that reads back to `v`.
fn push_number(out: &mut String, v: f64) {
    let millionths = (v * 1e6).round();
    // A NaN fails the last test.
    if v.is_sign_negative() || millionths > 1e6 || millionths / 1e6 != v {
        out.push_str(&v.to_string());
        return;
    }
    let m = millionths as u32;
    out.push(if m == 1_000_000 { '1' } else { '0' });
    let mut fraction = m % 1_000_000;
    if fraction == 0 {
        return;
    }
    let mut digits = [b'0'; 6];
    for d in digits.iter_mut().rev() {
        *d = b'0' + (fraction % 10) as u8;
        fraction /= 10;
    }
    let used = 6 - digits.iter().rev().take_while(|&&d| d == b'0').count();
    out.push('.');
    out.extend(digits[..used].iter().map(|&d| char::from(d)));
}

/// TSB by its plain definition, for the tests of the fast paths: SES (first value, then every
/// value) of the occurrences times SES of the demands, one value its own forecast.
#[cfg(test)]
pub(super) fn plain(y: &[f64], ad: f64, ap: f64) -> f64 {
    let ses = |x: &[f64], a: f64| if x.len() == 1 { x[0] } else { x.iter().fold(x[0], |l, &v| a * v + (1.0 - a) * l) };
    let demand: Vec<f64> = y.iter().copied().filter(|&v| v > 0.0).collect();
    if demand.is_empty() {
        return 0.0;
    }
    let occurs: Vec<f64> = y.iter().map(|&v| if v != 0.0 { 1.0 } else { 0.0 }).collect();
    ses(&occurs, ap) * ses(&demand, ad)
}

#[cfg(test)]
mod tests {
    use super::*;


    #[test]
    fn the_one_pass_gives_the_plain_bits() {
        let mut s = 11u64;
        let mut next = || {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s >> 11
        };
        for n in [1usize, 2, 3, 63, 64, 65, 127, 128, 129, 191, 192, 250, 517] {
            for zeros in [0u64, 4, 9, 15, 16] {
                let y: Vec<f64> = (0..n).map(|_| if next() % 16 < zeros { 0.0 } else { (next() % 1000) as f64 / 7.0 }).collect();
                for (ad, ap) in [(0.1, 0.1), (0.3, 0.05), (1.0, 0.0)] {
                    let want = plain(&y, ad, ap);
                    assert_eq!(checked_forecast(&y, ad, ap).map(f64::to_bits), Some(want.to_bits()), "n {n} zeros {zeros}");
                    assert_eq!(forecast(&y, ad, ap).to_bits(), want.to_bits());
                }
            }
        }
    }

    #[test]
    fn the_label_is_the_formatted_one() {
        for m in 0..=1_000_000u32 {
            let v = f64::from(m) / 1e6;
            assert_eq!(label(v, 0.1), format!("TSB({v},0.1)"));
        }
        for v in [0.1 + 0.2, 1.0 / 3.0, 1e-7, 0.123_456_7, 5e-324, 0.999_999_9, -0.0, 0.25] {
            assert_eq!(label(0.05, v), format!("TSB(0.05,{v})"));
        }
    }

    #[test]
    fn a_value_not_finite_and_positive_is_left_to_the_check() {
        assert_eq!(checked_forecast(&[], 0.1, 0.1), None);
        for bad in [-1.0, f64::NAN, f64::INFINITY, -f64::INFINITY] {
            for at in [0usize, 5, 70, 150] {
                let mut y = vec![1.0; 200];
                y[at] = bad;
                assert_eq!(checked_forecast(&y, 0.1, 0.1), None, "{bad} at {at}");
                assert_eq!(checked_forecast(&y[..at + 1], 0.1, 0.1), None, "{bad} at the end");
            }
        }
        assert_eq!(forecast(&[0.0, -0.0, 2.0], 0.1, 0.1).to_bits(), plain(&[0.0, -0.0, 2.0], 0.1, 0.1).to_bits());
        for n in [3, 300] {
            let y: Vec<f64> = (0..n).map(|i| [0.0, -0.0, 2.0][i % 3]).collect();
            let want = plain(&y, 0.1, 0.1);
            assert!(checked_forecast(&y, 0.1, 0.1).is_none_or(|m| m.to_bits() == want.to_bits()));
            assert_eq!(forecast(&y, 0.1, 0.1).to_bits(), want.to_bits());
        }
    }
}
