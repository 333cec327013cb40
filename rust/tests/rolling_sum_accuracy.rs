//! Rolling sum and mean on long inputs (long enough for the vectorized lane kernel and
//! for `rolling_parallel` to split them), against an exact reference: every value is a
//! multiple of 2^-40, so window sums are computed exactly in i128 and rounded once.
//! The reference applies pandas' rules directly: skipped NaN/+-inf, `min_periods`, an
//! empty sum of 0 with `min_periods == 0`, a window of equal values giving exactly
//! `v * n` / `v`, and a mean of non-negative (negative) values never negative (positive).

use lagrs_core::rolling::{rolling, rolling_parallel, Statistic, Window};

mod common;
use common::Rng;

const REL_TOL: f64 = 1e-12;
const SCALE: f64 = (1u64 << 40) as f64;

/// Rounds to a multiple of 2^-40 (values of magnitude >= 2^12 already are).
fn quantize(v: f64) -> f64 {
    (v * SCALE).round() / SCALE
}

fn fixed(v: f64) -> i128 {
    let s = v * SCALE;
    assert_eq!(s, s.trunc(), "{v} is not a multiple of 2^-40");
    s as i128
}

/// Per window: number of usable values, how many have the sign bit set, their exact
/// sum (correctly rounded), and the common value if they are all equal.
struct Reference {
    nobs: Vec<usize>,
    neg: Vec<usize>,
    sum: Vec<f64>,
    equal: Vec<Option<f64>>,
}

fn reference(x: &[f64], w: usize) -> Reference {
    let n = x.len();
    let mut r = Reference { nobs: vec![0; n], neg: vec![0; n], sum: vec![0.0; n], equal: vec![None; n] };
    for i in 0..n {
        let lo = (i + 1).saturating_sub(w);
        let (mut nobs, mut neg, mut acc, mut first, mut all_equal) = (0usize, 0usize, 0i128, None, true);
        for &v in x[lo..=i].iter().filter(|v| v.is_finite()) {
            nobs += 1;
            neg += v.is_sign_negative() as usize;
            acc += fixed(v);
            match first {
                None => first = Some(v),
                Some(f) => all_equal &= f == v,
            }
        }
        r.nobs[i] = nobs;
        r.neg[i] = neg;
        r.sum[i] = acc as f64 / SCALE;
        r.equal[i] = if all_equal { first } else { None };
    }
    r
}

fn expected(r: &Reference, i: usize, window: Window, mean: bool) -> f64 {
    let nobs = r.nobs[i];
    if mean {
        if nobs < window.min_periods.max(1) {
            return f64::NAN;
        }
        if let Some(v) = r.equal[i] {
            return v;
        }
        let m = r.sum[i] / nobs as f64;
        if r.neg[i] == 0 && m < 0.0 || r.neg[i] == nobs && m > 0.0 {
            0.0
        } else {
            m
        }
    } else {
        if nobs < window.min_periods {
            return f64::NAN;
        }
        if nobs == 0 {
            return 0.0;
        }
        match r.equal[i] {
            Some(v) => v * nobs as f64,
            None => r.sum[i],
        }
    }
}

fn check(name: &str, x: &[f64], sizes: &[usize]) {
    for &w in sizes {
        let r = reference(x, w);
        for min_periods in [0, 1, w / 2, w] {
            let window = Window::new(w, min_periods).expect("window");
            for (stat, mean) in [(Statistic::Sum, false), (Statistic::Mean, true)] {
                let mut seq = vec![0.0; x.len()];
                let mut par = vec![0.0; x.len()];
                rolling(stat, x, window, &mut seq).expect("rolling");
                rolling_parallel(stat, x, window, &mut par).expect("rolling_parallel");
                for i in 0..x.len() {
                    let want = expected(&r, i, window, mean);
                    for (how, got) in [("rolling", seq[i]), ("rolling_parallel", par[i])] {
                        let ok = if want.is_nan() {
                            got.is_nan()
                        } else if r.equal[i].is_some() || want == 0.0 {
                            // Exact cases: equal values, the empty sum, the sign rule.
                            got == want
                        } else {
                            (got - want).abs() <= REL_TOL * want.abs()
                        };
                        assert!(ok, "{name} {how} {stat:?} w={w} min_periods={min_periods} i={i}: got {got:e}, want {want:e}");
                    }
                }
            }
        }
    }
}

const N: usize = 140_000;
const SIZES: [usize; 5] = [1, 2, 7, 50, 1000];

/// A large offset with small noise, a level jump down to values near zero (where a
/// running sum that kept the offset's rounding debris would be wrong in every digit)
/// and up again to a larger offset, and back.
#[test]
fn sum_and_mean_are_accurate_with_large_offset_and_level_jumps() {
    let mut rng = Rng(11);
    let x: Vec<f64> = (0..N)
        .map(|i| {
            let level = match i * 4 / N {
                0 => 1e9,
                1 => 0.0,
                2 => -3e11,
                _ => 1e9,
            };
            quantize(level + 1e-3 * (rng.uniform() - 0.5))
        })
        .collect();
    check("offset", &x, &SIZES);
}

/// Missing values (single and long stretches), infinities, runs of equal values
/// (including -0.0 and 0.0, which are equal), and stretches of non-negative and of
/// negative values for the sign rule.
#[test]
fn sum_and_mean_follow_pandas_rules_on_long_inputs() {
    let mut rng = Rng(12);
    let mut level = 0.0;
    let x: Vec<f64> = (0..N)
        .map(|i| {
            level += rng.uniform() - 0.5;
            let u = rng.uniform();
            match i % 20_000 {
                0..=2999 if (20_000..40_000).contains(&i) => f64::NAN,
                3000..=5999 => 2.5,
                6000..=6099 => if i % 2 == 0 { 0.0 } else { -0.0 },
                7000..=8999 => quantize(1e-3 * rng.uniform()),
                9000..=10999 => -quantize(1e-3 * rng.uniform()),
                _ if u < 0.002 => f64::NAN,
                _ if u < 0.0025 => f64::INFINITY,
                _ if u < 0.003 => f64::NEG_INFINITY,
                _ => quantize(level + 3.0 * (rng.uniform() - 0.5)),
            }
        })
        .collect();
    check("rules", &x, &SIZES);
}

/// Huge values that cancel: exact results once they have left the window.
#[test]
fn sum_recovers_after_huge_values_on_long_inputs() {
    let mut rng = Rng(13);
    let x: Vec<f64> = (0..N)
        .map(|i| match i % 1000 {
            100 => 2f64.powi(60),
            101 => -(2f64.powi(60)),
            _ => quantize(rng.uniform() - 0.5),
        })
        .collect();
    check("huge", &x, &SIZES);
}

/// A window's own sum, afresh: Neumaier summation (exact for these windows'
/// few magnitudes), with the values scaled down by 4 when the running sum
/// overflows (so a representable total is found); NaN for no usable value.
fn fresh_sum(window: &[f64]) -> (f64, usize) {
    let usable: Vec<f64> = window.iter().copied().filter(|v| v.is_finite()).collect();
    let neumaier = |scale: f64| {
        let (mut s, mut c) = (0.0f64, 0.0f64);
        for &v in &usable {
            let v = v * scale;
            let t = s + v;
            let bb = t - s;
            c += (s - (t - bb)) + (v - bb);
            s = t;
        }
        s + c
    };
    let mut total = neumaier(1.0);
    if !total.is_finite() {
        total = neumaier(0.25) * 4.0;
    }
    (total, usable.len())
}

fn assert_fresh(name: &str, x: &[f64], w: usize) {
    for stat in [Statistic::Sum, Statistic::Mean] {
        for parallel in [false, true] {
            let mut out = vec![0.0; x.len()];
            let window = Window::new(w, 1).expect("window");
            if parallel {
                rolling_parallel(stat, x, window, &mut out).expect("rolling");
            } else {
                rolling(stat, x, window, &mut out).expect("rolling");
            }
            for i in 0..x.len() {
                let lo = (i + 1).saturating_sub(w);
                let (s, k) = fresh_sum(&x[lo..=i]);
                let want = match (k, stat) {
                    (0, _) => f64::NAN,
                    (_, Statistic::Sum) => s,
                    // The mean of a window whose sum overflows is not asserted:
                    // it comes out as the overflowed sum / n (a known limit).
                    _ if !s.is_finite() => continue,
                    _ => s / k as f64,
                };
                let ok = if want.is_nan() {
                    out[i].is_nan()
                } else {
                    out[i] == want || (out[i] - want).abs() <= 1e-12 * want.abs().max(1.0)
                };
                assert!(ok, "{name} w={w} {stat:?} parallel={parallel} i={i}: {} vs {want}, window {:?}", out[i], &x[lo..=i]);
            }
        }
    }
}

/// Values of +-1e150 passing through the window: the small values beside them
/// are kept (a cancelled sum holding the big values' rounding debris is
/// summed afresh), on short inputs and on long ones (lane kernel, threads).
#[test]
fn huge_values_passing_through_keep_the_small_ones() {
    assert_fresh("short", &[0.5, 1e150, 2.0, -0.0, 3.0, 1.0, -0.0, f64::NAN, 1.0], 2);
    assert_fresh("short", &[1e150, 1e150, 1e150, 0.0, -3.0, -3.0, -4.0, 0.0, 2.0, -0.0], 3);
    let mut rng = Rng(77);
    for &(n, w) in &[(20_000usize, 3usize), (200_000, 5), (200_000, 50)] {
        let x: Vec<f64> = (0..n)
            .map(|_| {
                let u = rng.uniform();
                if u < 0.01 {
                    if rng.uniform() < 0.5 {
                        1e150
                    } else {
                        -1e150
                    }
                } else if u < 0.03 {
                    f64::NAN
                } else if u < 0.06 {
                    -0.0
                } else {
                    (rng.uniform() * 8.0).floor() - 4.0
                }
            })
            .collect();
        assert_fresh("long", &x, w);
    }
}

/// After an overflow (`[1e308, 1e308, 2, 3, ...]`) the windows recover once
/// the huge values have left; a window whose total is representable although
/// its running sum overflowed gets that total.
#[test]
fn windows_recover_after_an_overflow() {
    let x = [1e308, 1e308, 2.0, 3.0, 4.0, 5.0, 6.0];
    let mut out = vec![0.0; x.len()];
    rolling(Statistic::Sum, &x, Window::new(2, 2).expect("window"), &mut out).expect("rolling");
    assert!(out[0].is_nan() && out[1] == f64::INFINITY, "{out:?}");
    assert_eq!(&out[2..], &[1e308, 5.0, 7.0, 9.0, 11.0]);
    assert_fresh("overflow", &[1e308, 1e308, -1e308, 2.0, 3.0, 4.0, 5.0, 6.0], 3);
    // Long input with a few overflowing pairs.
    let mut rng = Rng(5);
    let mut x: Vec<f64> = (0..100_000).map(|_| (rng.uniform() * 16.0).floor() - 8.0).collect();
    for k in [1_000usize, 30_000, 30_004, 77_777] {
        x[k] = 1.5e308;
        x[k + 1] = 1.5e308;
    }
    assert_fresh("long overflow", &x, 7);
}
