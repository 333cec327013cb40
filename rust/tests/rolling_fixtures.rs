//! Golden tests against the pandas fixtures written by
//! testdata/rolling/make_rolling_fixtures.py, plus parallel/batched consistency
//! and argument checks.

use lagrs_core::error::CoreError;
use lagrs_core::rolling::{ewm_mean, rolling, rolling_many, rolling_parallel, Statistic, Window};

mod common;
use common::{assert_all_close, fixture_cases, nums, Rng};

const REL_TOL: f64 = 1e-12;


fn statistic(function: &str, q: Option<f64>) -> Statistic {
    match function {
        "rolling_mean" => Statistic::Mean,
        "rolling_sum" => Statistic::Sum,
        "rolling_var" => Statistic::Var,
        "rolling_std" => Statistic::Std,
        "rolling_min" => Statistic::Min,
        "rolling_max" => Statistic::Max,
        "rolling_median" => Statistic::Median,
        "rolling_quantile" => Statistic::Quantile(q.expect("q for quantile")),
        other => panic!("unknown function {other}"),
    }
}

#[test]
fn rolling_matches_pandas_fixtures() {
    let cases = fixture_cases("rolling/rolling.json");
    assert!(cases.len() > 500);
    for c in &cases {
        let name = c["name"].as_str().expect("name");
        let stat = statistic(c["function"].as_str().expect("function"), c["q"].as_f64());
        let window = Window::new(
            c["window"].as_u64().expect("window") as usize,
            c["min_periods"].as_u64().expect("min_periods") as usize,
        )
        .expect("valid window");
        let x = nums(&c["x"]);
        let want = nums(&c["expected"]);
        let mut got = vec![0.0; x.len()];
        rolling(stat, &x, window, &mut got).expect("rolling");
        assert_all_close(name, &got, &want, REL_TOL);
        // The parallel and batched entry points must agree on small inputs too.
        let mut par = vec![0.0; x.len()];
        rolling_parallel(stat, &x, window, &mut par).expect("rolling_parallel");
        assert_all_close(name, &par, &want, REL_TOL);
        let offsets = [0, x.len() as i32];
        let mut many = vec![0.0; x.len()];
        rolling_many(stat, &x, &offsets, window, &mut many).expect("rolling_many");
        assert_all_close(name, &many, &want, REL_TOL);
    }
}

#[test]
fn ewm_matches_pandas_fixtures() {
    for c in &fixture_cases("rolling/ewm.json") {
        let name = c["name"].as_str().expect("name");
        let x = nums(&c["x"]);
        let mut got = vec![0.0; x.len()];
        ewm_mean(&x, c["alpha"].as_f64().expect("alpha"), &mut got).expect("ewm_mean");
        assert_all_close(name, &got, &nums(&c["expected"]), REL_TOL);
    }
}

/// Random walk plus noise, with NaN and the odd infinity sprinkled in.
fn noisy_walk(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut level = 0.0;
    (0..n)
        .map(|_| {
            level += rng.uniform() - 0.5;
            let u = rng.uniform();
            if u < 0.02 {
                f64::NAN
            } else if u < 0.0202 {
                f64::INFINITY
            } else {
                level + 3.0 * (rng.uniform() - 0.5)
            }
        })
        .collect()
}

const ALL: [Statistic; 10] = [
    Statistic::Mean,
    Statistic::Sum,
    Statistic::Var,
    Statistic::Std,
    Statistic::Min,
    Statistic::Max,
    Statistic::Median,
    Statistic::Quantile(0.0),
    Statistic::Quantile(0.25),
    Statistic::Quantile(1.0),
];

#[test]
fn parallel_equals_sequential_on_long_inputs() {
    let mut rng = Rng(42);
    let x = noisy_walk(&mut rng, 300_000);
    for &size in &[1usize, 7, 50, 1000] {
        let window = Window::new(size, size / 2).expect("window");
        for &stat in &ALL {
            let mut seq = vec![0.0; x.len()];
            let mut par = vec![0.0; x.len()];
            rolling(stat, &x, window, &mut seq).expect("rolling");
            rolling_parallel(stat, &x, window, &mut par).expect("rolling_parallel");
            assert_all_close(&format!("{stat:?} w={size}"), &par, &seq, REL_TOL);
        }
    }
}

#[test]
fn many_equals_per_series() {
    let mut rng = Rng(7);
    // Lengths include empty series, tiny ones, and one long enough to be chunked.
    let mut lengths: Vec<usize> = (0..3000).map(|j| (j * 37) % 90).collect();
    lengths.push(200_000);
    lengths.push(0);
    let total: usize = lengths.iter().sum();
    let values = noisy_walk(&mut rng, total);
    let mut offsets = vec![0i32];
    for &l in &lengths {
        offsets.push(offsets.last().expect("non-empty") + l as i32);
    }
    for &stat in &[Statistic::Mean, Statistic::Var, Statistic::Max, Statistic::Median, Statistic::Quantile(0.9)] {
        let window = Window::new(20, 5).expect("window");
        let mut many = vec![0.0; total];
        rolling_many(stat, &values, &offsets, window, &mut many).expect("rolling_many");
        for j in 0..lengths.len() {
            let (a, b) = (offsets[j] as usize, offsets[j + 1] as usize);
            let mut one = vec![0.0; b - a];
            rolling(stat, &values[a..b], window, &mut one).expect("rolling");
            assert_all_close(&format!("{stat:?} series {j}"), &many[a..b], &one, REL_TOL);
        }
    }
}

/// The motivating accuracy case: a big offset with tiny noise, against a reference
/// computed on the exactly shifted data.
#[test]
fn variance_is_accurate_with_large_offset() {
    let mut rng = Rng(3);
    let n = 20_000;
    let x: Vec<f64> = (0..n).map(|_| 1e9 + 1e-3 * (rng.uniform() - 0.5)).collect();
    for &size in &[2usize, 3, 50] {
        let window = Window::new(size, size).expect("window");
        let mut got = vec![0.0; n];
        rolling(Statistic::Var, &x, window, &mut got).expect("rolling");
        for i in size - 1..n {
            // x - 1e9 is exact (Sterbenz), so this two-pass reference is accurate.
            let d: Vec<f64> = x[i + 1 - size..=i].iter().map(|v| v - 1e9).collect();
            let m = d.iter().sum::<f64>() / size as f64;
            let want = d.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (size - 1) as f64;
            assert!((got[i] - want).abs() <= 1e-10 * want, "w={size} i={i}: got {} want {}", got[i], want);
        }
    }
}

/// Once an infinity (or any huge value) has left the window the result is exact again.
#[test]
fn sum_recovers_after_inf_and_huge_values() {
    let x = [1.0, f64::INFINITY, 1e300, -1e300, 2.0, 3.0, 0.5, 0.25];
    let window = Window::new(2, 1).expect("window");
    let mut out = vec![0.0; x.len()];
    rolling(Statistic::Sum, &x, window, &mut out).expect("rolling");
    assert_eq!(out[1], 1.0, "inf is missing, as in pandas");
    assert_eq!(&out[4..], &[2.0 - 1e300, 5.0, 3.5, 0.75]);
    let y = [1e20, 1.0, -1e20, 0.5, 0.25, 0.125];
    let window = Window::new(3, 3).expect("window");
    let mut out = vec![0.0; y.len()];
    rolling(Statistic::Sum, &y, window, &mut out).expect("rolling");
    assert_eq!(out[2], 1.0, "compensated sum is exact here");
    assert_eq!(&out[4..], &[-1e20, 0.875]);
}

fn assert_invalid(r: Result<(), CoreError>, word: &str) {
    match r {
        Err(CoreError::InvalidArgument(m)) => assert!(m.contains(word), "message {m:?} should name {word}"),
        other => panic!("expected InvalidArgument naming {word}, got {other:?}"),
    }
}

#[test]
fn bad_arguments_are_rejected() {
    assert_invalid(Window::new(0, 0).map(|_| ()), "window");
    assert_invalid(Window::new(3, 4).map(|_| ()), "minPeriods");
    let w = Window::new(3, 1).expect("window");
    let x = [1.0, 2.0, 3.0];
    let mut short = [0.0; 2];
    assert_invalid(rolling(Statistic::Mean, &x, w, &mut short), "out");
    assert_invalid(rolling_parallel(Statistic::Mean, &x, w, &mut short), "out");
    assert_invalid(rolling_many(Statistic::Mean, &x, &[0, 3], w, &mut short), "out");
    let mut out = [0.0; 3];
    for q in [-0.1, 1.5, f64::NAN, f64::INFINITY] {
        assert_invalid(rolling(Statistic::Quantile(q), &x, w, &mut out), "q");
        assert_invalid(rolling_parallel(Statistic::Quantile(q), &x, w, &mut out), "q");
        assert_invalid(rolling_many(Statistic::Quantile(q), &x, &[0, 3], w, &mut out), "q");
    }
    for offsets in [&[][..], &[1, 3], &[0, 2, 1, 3], &[0, 2], &[0, 4], &[0, -1, 3]] {
        assert_invalid(rolling_many(Statistic::Sum, &x, offsets, w, &mut out), "offsets");
    }
    for alpha in [0.0, -0.5, 1.5, f64::NAN] {
        assert_invalid(ewm_mean(&x, alpha, &mut out), "alpha");
    }
    assert_invalid(ewm_mean(&x, 0.5, &mut short), "out");
    // A Window built by struct literal is re-validated.
    let bad = Window { size: 0, min_periods: 0 };
    assert_invalid(rolling(Statistic::Mean, &x, bad, &mut out), "window");
}

#[test]
fn empty_and_degenerate_inputs() {
    let w = Window::new(5, 0).expect("window");
    for &stat in &ALL {
        rolling(stat, &[], w, &mut []).expect("empty");
        rolling_parallel(stat, &[], w, &mut []).expect("empty");
        rolling_many(stat, &[], &[0], w, &mut []).expect("no series");
        rolling_many(stat, &[], &[0, 0, 0], w, &mut []).expect("empty series");
    }
    ewm_mean(&[], 0.5, &mut []).expect("empty");
    // A huge window must not try to allocate for its size.
    let huge = Window::new(usize::MAX, 1).expect("window");
    let x = [3.0, 1.0, 2.0];
    let mut out = [0.0; 3];
    for &stat in &ALL {
        rolling(stat, &x, huge, &mut out).expect("huge window");
        rolling_parallel(stat, &x, huge, &mut out).expect("huge window");
    }
    rolling(Statistic::Median, &x, huge, &mut out).expect("median");
    assert_eq!(out, [3.0, 2.0, 2.0]);
}

