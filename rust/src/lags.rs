//! Lag, difference and percent-change features with pandas semantics.
//!
//! * `lag(x, k)`        = `Series.shift(k)`: `x[i-k]`, NaN for `i < k`.
//! * `diff(x, k)`       = `Series.diff(k)`: `x[i] - x[i-k]`, NaN for `i < k`.
//! * `pct_change(x, k)` = `Series.pct_change(periods=k, fill_method=None)`:
//!   `x[i] / x[i-k] - 1`, NaN for `i < k`. Division by zero follows IEEE 754 as in
//!   pandas: `1/0 - 1 = inf`, `-1/0 - 1 = -inf`, `0/0 - 1 = NaN`.
//!
//! `k = 0` is allowed, as in pandas: `lag` is the identity, `diff` is `x - x`
//! (0, or NaN where `x` is NaN or infinite), `pct_change` is `x / x - 1`
//! (0, or NaN where `x` is 0, NaN or infinite). `k >= x.len()` gives all NaN.
//! Empty input gives empty output. Unlike rolling windows, infinities are
//! ordinary values here (pandas does not convert them).

use crate::error::{invalid, CoreResult};

fn check(x: &[f64], out: &[f64]) -> CoreResult<()> {
    if x.len() != out.len() {
        return invalid(format!(
            "out must have the same length as the input: expected {}, got {}",
            x.len(),
            out.len()
        ));
    }
    Ok(())
}

/// Writes NaN to the first `k` outputs and `f(x[i], x[i-k])` to the rest.
fn pairwise(x: &[f64], k: usize, out: &mut [f64], f: impl Fn(f64, f64) -> f64) -> CoreResult<()> {
    check(x, out)?;
    let head = k.min(x.len());
    out[..head].fill(f64::NAN);
    for ((o, &cur), &old) in out[head..].iter_mut().zip(&x[head..]).zip(x) {
        *o = f(cur, old);
    }
    Ok(())
}

/// `out[i] = x[i-k]`, NaN for `i < k` (pandas `shift(k)`).
pub fn lag(x: &[f64], k: usize, out: &mut [f64]) -> CoreResult<()> {
    pairwise(x, k, out, |_, old| old)
}

/// `out[i] = x[i] - x[i-k]`, NaN for `i < k` (pandas `diff(k)`).
pub fn diff(x: &[f64], k: usize, out: &mut [f64]) -> CoreResult<()> {
    pairwise(x, k, out, |cur, old| cur - old)
}

/// `out[i] = x[i] / x[i-k] - 1`, NaN for `i < k` (pandas `pct_change(periods=k, fill_method=None)`).
pub fn pct_change(x: &[f64], k: usize, out: &mut [f64]) -> CoreResult<()> {
    pairwise(x, k, out, |cur, old| cur / old - 1.0)
}
