//! Tests of the ARIMA payload: round trips, earlier versions, tampering.

use super::*;
use crate::arima::fit;

fn spec(p: usize, q: usize, include_mean: bool) -> ArimaSpec {
    ArimaSpec { p, d: 0, q, seasonal_p: 0, seasonal_d: 0, seasonal_q: 0, period: 0, include_mean, include_drift: false }
}

fn series() -> Vec<f64> {
    let mut state = 7u64;
    let (mut prev, mut e_prev) = (0.0, 0.0);
    (0..120)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let e = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            prev = 10.0 + 0.5 * (prev - 10.0) + e + 0.4 * e_prev;
            e_prev = e;
            prev
        })
        .collect()
}

/// Re-encodes `fit` after `tamper`, with a correct checksum.
fn tampered(fit: &ArimaFit, tamper: impl FnOnce(&mut ArimaFit)) -> Vec<u8> {
    let mut copy = fit.clone();
    tamper(&mut copy);
    to_bytes(&copy)
}

#[test]
fn fitted_models_round_trip() {
    for (p, q) in [(1, 1), (2, 0), (0, 2)] {
        let f = fit(&spec(p, q, true), &series()).expect("fit");
        assert_eq!(from_bytes(&to_bytes(&f)).expect("valid"), f);
    }
}

/// Byte offset of the scale in version 3 (after magic, version, orders,
/// flags, n.used and sigma2).
const SCALE_AT: usize = 8 + 4 + 7 * 4 + 2 + 8 + 8;

/// `fit` (without regressors) encoded in an earlier format: version 3 (no
/// regressors), 2 (no scale) or 1 (no scale, no search information), as those
/// versions wrote it.
fn older_format(fit: &ArimaFit, version: u32) -> Vec<u8> {
    let mut in_units_of_y = fit.clone();
    if version < VERSION_3 {
        in_units_of_y.sigma2 = fit.sigma2();
        in_units_of_y.scale = 1.0;
    }
    let mut bytes = to_bytes(&in_units_of_y);
    // The checksum, the regressor count (0), the Fourier term count (0) and end time.
    bytes.truncate(bytes.len() - 8 - 4 - 4 - 8);
    if version == VERSION_1 {
        bytes.truncate(bytes.len() - (8 + 1 + 8));
    }
    if version < VERSION_3 {
        bytes.drain(SCALE_AT..SCALE_AT + 8);
    }
    bytes[8..12].copy_from_slice(&version.to_le_bytes());
    let sum = fnv1a(&bytes);
    put_u64(&mut bytes, sum);
    bytes
}

#[test]
fn earlier_versions_are_still_read() {
    let f = fit(&spec(1, 1, true), &series()).expect("fit");
    for version in [VERSION_1, VERSION_2, VERSION_3] {
        let old = from_bytes(&older_format(&f, version)).unwrap_or_else(|e| panic!("version {version}: {e}"));
        if version < VERSION_3 {
            assert_eq!(old.scale, 1.0);
        }
        assert_eq!(old.sigma2(), f.sigma2(), "version {version}");
        assert_eq!((old.coef.clone(), old.loglik, old.state_a.clone()), (f.coef.clone(), f.loglik, f.state_a.clone()));
        let (a, b) = (old.forecast(5, 0.9).expect("old"), f.forecast(5, 0.9).expect("new"));
        for h in 0..5 {
            assert_eq!(a.mean[h], b.mean[h]);
            assert!((a.upper[h] - b.upper[h]).abs() <= 1e-12 * b.upper[h].abs(), "version {version}");
        }
        // Re-saved, an old model is written in the current format and reads back equal.
        let again = to_bytes(&old);
        assert_eq!(u32::from_le_bytes([again[8], again[9], again[10], again[11]]), VERSION);
        assert_eq!(from_bytes(&again).expect("current format"), old);
    }
}

#[test]
fn models_too_large_for_sigma2_round_trip() {
    let y: Vec<f64> = series().iter().map(|v| v * 1e160).collect();
    let f = fit(&spec(1, 1, true), &y).expect("fit at 1e160");
    assert_eq!(f.sigma2(), f64::INFINITY);
    let back = from_bytes(&to_bytes(&f)).expect("valid");
    assert_eq!(back, f);
    let fc = back.forecast(3, 0.95).expect("forecast");
    assert!(fc.mean.iter().chain(&fc.lower).chain(&fc.upper).all(|v| v.is_finite()));
}

#[test]
fn rechecksummed_tampering_is_rejected() {
    let f = fit(&spec(1, 1, true), &series()).expect("fit");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("loglik NaN", tampered(&f, |m| m.loglik = f64::NAN)),
        ("sigma2 negative", tampered(&f, |m| m.sigma2 = -1.0)),
        ("sigma2 infinite", tampered(&f, |m| m.sigma2 = f64::INFINITY)),
        ("scale zero", tampered(&f, |m| m.scale = 0.0)),
        ("scale negative", tampered(&f, |m| m.scale = -2.0)),
        ("scale NaN", tampered(&f, |m| m.scale = f64::NAN)),
        ("scale infinite", tampered(&f, |m| m.scale = f64::INFINITY)),
        ("AR explosive", tampered(&f, |m| m.coef[0] = 1.5)),
        ("MA not invertible", tampered(&f, |m| m.coef[1] = 3.0)),
        ("mean NaN", tampered(&f, |m| m.coef[2] = f64::NAN)),
        ("std error negative", tampered(&f, |m| m.std_errors[0] = -0.1)),
        ("std error infinite", tampered(&f, |m| m.std_errors[1] = f64::INFINITY)),
        ("state NaN", tampered(&f, |m| m.state_a[0] = f64::NAN)),
        ("state covariance infinite", tampered(&f, |m| m.state_p[1] = f64::INFINITY)),
        ("state variance negative", tampered(&f, |m| m.state_p[0] = -5.0)),
        ("y infinite", tampered(&f, |m| m.y[3] = f64::NEG_INFINITY)),
        ("residual infinite", tampered(&f, |m| m.residuals[3] = f64::INFINITY)),
        ("n.used zero", tampered(&f, |m| m.n_used = 0)),
        ("n.used beyond the data", tampered(&f, |m| m.n_used = 121)),
        ("series shorter than residuals", tampered(&f, |m| {
            m.y.pop();
        })),
        ("state too short", tampered(&f, |m| {
            m.state_a.pop();
        })),
        ("one coefficient too many", tampered(&f, |m| m.coef.push(0.0))),
    ];
    for (what, bytes) in cases {
        match from_bytes(&bytes) {
            Err(crate::error::CoreError::InvalidArgument(m)) => assert!(m.starts_with("bytes: corrupt"), "{what}: {m}"),
            other => panic!("{what}: accepted or wrong error: {other:?}"),
        }
    }
}
