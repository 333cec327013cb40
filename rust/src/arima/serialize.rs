//! Versioned binary encoding of a fitted model.
//!
//! Layout (little endian): magic `LAGRSARM`, format version (u32), the spec
//! (seven u32 orders, two u8 flags: mean, drift; both may be set, for a
//! linear trend with d + D == 0), n.used (u64), sigma2, since version 3 the
//! scale the fit ran in (sigma2 is in units of scale^2, see
//! `ArimaFit::sigma2`), and loglik (f64 bit patterns), then length-prefixed f64 arrays (coefficients, standard
//! errors, y, residuals, final state, final state covariance), since version
//! 2 the automatic-search information (Box-Cox lambda as f64, NaN = none;
//! biasadj u8 flag; choosing criterion as f64, NaN = none), and an FNV-1a
//! 64-bit checksum of everything before it. Versions 1 (no search
//! information) and 2 (no scale: sigma2 in the units of y, scale 1) are
//! still read. f64 values are stored as their
//! bit patterns, so a round trip is exact.
//!
//! The checksum only catches accidents: anyone can recompute it. So decoding
//! validates everything the format carries, as `fit` would have produced it,
//! and rejects anything else with `InvalidArgument` instead of returning a
//! model that forecasts NaN or fails later ([`validate`]).

use super::kalman::state_dim;
use super::model::{ArimaFit, Selection};
use super::roots::polyroot;
use super::spec::ArimaSpec;
use super::transform::ar_is_stationary;
use crate::engine::bytes::fnv1a;
use crate::error::{invalid, CoreResult};

const MAGIC: &[u8; 8] = b"LAGRSARM";
const VERSION: u32 = 3;
/// The first format, without the search information; still decoded.
const VERSION_1: u32 = 1;
/// The second format, without the scale; still decoded.
const VERSION_2: u32 = 2;

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put_f64(out: &mut Vec<u8>, v: f64) {
    put_u64(out, v.to_bits());
}
fn put_vec(out: &mut Vec<u8>, v: &[f64]) {
    put_u64(out, v.len() as u64);
    for &x in v {
        put_f64(out, x);
    }
}

/// Encodes a fit.
pub(crate) fn to_bytes(fit: &ArimaFit) -> Vec<u8> {
    let mut out = Vec::with_capacity(128 + 8 * (fit.y.len() * 2 + fit.state_p.len()));
    out.extend_from_slice(MAGIC);
    put_u32(&mut out, VERSION);
    let s = &fit.spec;
    for v in [s.p, s.d, s.q, s.seasonal_p, s.seasonal_d, s.seasonal_q, s.period] {
        // Orders are validated to be small, so they fit in u32.
        put_u32(&mut out, u32::try_from(v).unwrap_or(u32::MAX));
    }
    out.push(u8::from(s.include_mean));
    out.push(u8::from(s.include_drift));
    put_u64(&mut out, fit.n_used as u64);
    put_f64(&mut out, fit.sigma2);
    put_f64(&mut out, fit.scale);
    put_f64(&mut out, fit.loglik);
    for v in [&fit.coef, &fit.std_errors, &fit.y, &fit.residuals, &fit.state_a, &fit.state_p] {
        put_vec(&mut out, v);
    }
    let sel = &fit.selection;
    put_f64(&mut out, sel.lambda.unwrap_or(f64::NAN));
    out.push(u8::from(sel.biasadj));
    put_f64(&mut out, sel.ic.unwrap_or(f64::NAN));
    let sum = fnv1a(&out);
    put_u64(&mut out, sum);
    out
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> CoreResult<&'a [u8]> {
        if self.buf.len() - self.pos < n {
            return invalid("bytes: truncated ARIMA model");
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> CoreResult<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> CoreResult<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> CoreResult<u64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn f64(&mut self) -> CoreResult<f64> {
        Ok(f64::from_bits(self.u64()?))
    }
    fn vec(&mut self) -> CoreResult<Vec<f64>> {
        let len = self.u64()?;
        let remaining = (self.buf.len() - self.pos) as u64;
        if len > remaining / 8 {
            return invalid("bytes: corrupt ARIMA model (array length exceeds the data)");
        }
        (0..len).map(|_| self.f64()).collect()
    }
}

fn flag(v: u8) -> CoreResult<bool> {
    match v {
        0 => Ok(false),
        1 => Ok(true),
        _ => invalid("bytes: corrupt ARIMA model (bad flag)"),
    }
}

/// Decodes and validates a fit written by [`to_bytes`].
pub(crate) fn from_bytes(bytes: &[u8]) -> CoreResult<ArimaFit> {
    if bytes.len() < MAGIC.len() + 4 + 8 || &bytes[..MAGIC.len()] != MAGIC {
        return invalid("bytes: not a serialized ARIMA model (bad magic header or too short)");
    }
    let body_len = bytes.len() - 8;
    let mut stored = [0u8; 8];
    stored.copy_from_slice(&bytes[body_len..]);
    if fnv1a(&bytes[..body_len]) != u64::from_le_bytes(stored) {
        return invalid("bytes: corrupt or truncated ARIMA model (checksum mismatch)");
    }
    let mut r = Reader { buf: &bytes[..body_len], pos: MAGIC.len() };
    let version = r.u32()?;
    if !matches!(version, VERSION | VERSION_1 | VERSION_2) {
        return invalid(format!("bytes: unsupported ARIMA model format version {version}"));
    }
    let mut o = [0usize; 7];
    for v in o.iter_mut() {
        *v = r.u32()? as usize;
    }
    let spec = ArimaSpec {
        p: o[0],
        d: o[1],
        q: o[2],
        seasonal_p: o[3],
        seasonal_d: o[4],
        seasonal_q: o[5],
        period: o[6],
        include_mean: flag(r.u8()?)?,
        include_drift: flag(r.u8()?)?,
    };
    if let Err(e) = spec.validate() {
        return invalid(format!("bytes: corrupt ARIMA model (invalid spec: {e})"));
    }
    let n_used = usize::try_from(r.u64()?).unwrap_or(usize::MAX);
    let sigma2 = r.f64()?;
    let scale = if version == VERSION { r.f64()? } else { 1.0 };
    let loglik = r.f64()?;
    let coef = r.vec()?;
    let std_errors = r.vec()?;
    let y = r.vec()?;
    let residuals = r.vec()?;
    let state_a = r.vec()?;
    let state_p = r.vec()?;
    let selection = if version == VERSION_1 {
        Selection::default()
    } else {
        let lambda = r.f64()?;
        let biasadj = flag(r.u8()?)?;
        let ic = r.f64()?;
        if lambda.is_infinite() || ic.is_infinite() {
            return invalid("bytes: corrupt ARIMA model (infinite lambda or criterion)");
        }
        Selection { lambda: (!lambda.is_nan()).then_some(lambda), biasadj, ic: (!ic.is_nan()).then_some(ic) }
    };
    if r.pos != body_len {
        return invalid("bytes: corrupt ARIMA model (trailing data)");
    }
    let fit = ArimaFit { spec, coef, std_errors, sigma2, scale, loglik, n_used, y, residuals, state_a, state_p, selection };
    validate(&fit).map_err(|why| crate::error::CoreError::InvalidArgument(format!("bytes: corrupt ARIMA model ({why})")))?;
    Ok(fit)
}

/// An MA polynomial counts as invertible when no root lies inside the unit circle by more
/// than this (fits may end on the circle itself, and roots there are found to ~1e-8).
const MA_ROOT_TOLERANCE: f64 = 1e-4;

fn invertible(ma: &[f64]) -> bool {
    let Some(last) = ma.iter().rposition(|&c| c != 0.0) else {
        return true;
    };
    let mut poly = Vec::with_capacity(last + 2);
    poly.push(1.0);
    poly.extend_from_slice(&ma[..=last]);
    polyroot(&poly).iter().all(|r| r.abs() >= 1.0 - MA_ROOT_TOLERANCE)
}

/// Everything a fitted model satisfies, checked on a decoded one. Returns why not.
fn validate(fit: &ArimaFit) -> Result<(), &'static str> {
    let spec = &fit.spec;
    let k = spec.n_coef();
    let rd = state_dim(spec.ar_degree(), spec.ma_degree()) + spec.diff_degree();
    let sizes = fit.coef.len() == k
        && fit.std_errors.len() == k
        && fit.residuals.len() == fit.y.len()
        && fit.state_a.len() == rd
        && fit.state_p.len() == rd * rd;
    if !sizes {
        return Err("inconsistent sizes");
    }
    let observed = fit.y.iter().filter(|v| !v.is_nan()).count();
    if fit.n_used == 0 || fit.n_used > observed {
        return Err("n.used does not match the series");
    }
    // NaN marks a missing value; an infinite one is never accepted by `fit`.
    if fit.y.iter().chain(&fit.residuals).any(|v| v.is_infinite()) {
        return Err("infinite value in the series or residuals");
    }
    if !fit.coef.iter().all(|v| v.is_finite()) {
        return Err("non-finite coefficient");
    }
    // A standard error is NaN where the Hessian could not be inverted, else finite and >= 0.
    if !fit.std_errors.iter().all(|v| v.is_nan() || (v.is_finite() && *v >= 0.0)) {
        return Err("invalid standard error");
    }
    // Auto-ARIMA's special cases (a series that is constant, or constant
    // after differencing) have sigma2 0 and log-likelihood +Inf, as in R.
    if !(fit.sigma2.is_finite() && fit.sigma2 >= 0.0) {
        return Err("sigma2 must be finite and non-negative");
    }
    if !(fit.scale.is_finite() && fit.scale > 0.0) {
        return Err("scale must be finite and positive");
    }
    if fit.loglik.is_nan() || fit.loglik == f64::NEG_INFINITY {
        return Err("log-likelihood must not be NaN or -Inf");
    }
    if !(ar_is_stationary(fit.ar()) && ar_is_stationary(fit.seasonal_ar())) {
        return Err("non-stationary AR part");
    }
    if !(invertible(fit.ma()) && invertible(fit.seasonal_ma())) {
        return Err("non-invertible MA part");
    }
    if !fit.state_a.iter().chain(&fit.state_p).all(|v| v.is_finite()) {
        return Err("non-finite filter state");
    }
    // The filter leaves variances that should be 0 at rounding noise of either sign.
    let scale = fit.state_p.iter().fold(1.0f64, |m, v| m.max(v.abs()));
    if (0..rd).any(|i| fit.state_p[i * rd + i] < -1e-8 * scale) {
        return Err("negative state variance");
    }
    // What the state is for: a one-step forecast must come out finite.
    match fit.forecast(1, 0.95) {
        Ok(f) if f.mean.iter().chain(&f.lower).chain(&f.upper).all(|v| v.is_finite()) => Ok(()),
        _ => Err("the state does not give a finite forecast"),
    }
}

#[cfg(test)]
mod tests {
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

    /// `fit` encoded in an earlier format: version 2 (no scale) or 1 (no
    /// scale, no search information), as those versions wrote it.
    fn older_format(fit: &ArimaFit, version: u32) -> Vec<u8> {
        let mut in_units_of_y = fit.clone();
        in_units_of_y.sigma2 = fit.sigma2();
        in_units_of_y.scale = 1.0;
        let mut bytes = to_bytes(&in_units_of_y);
        bytes.truncate(bytes.len() - 8);
        if version == VERSION_1 {
            bytes.truncate(bytes.len() - (8 + 1 + 8));
        }
        bytes.drain(SCALE_AT..SCALE_AT + 8);
        bytes[8..12].copy_from_slice(&version.to_le_bytes());
        let sum = fnv1a(&bytes);
        put_u64(&mut bytes, sum);
        bytes
    }

    #[test]
    fn earlier_versions_are_still_read() {
        let f = fit(&spec(1, 1, true), &series()).expect("fit");
        for version in [VERSION_1, VERSION_2] {
            let old = from_bytes(&older_format(&f, version)).unwrap_or_else(|e| panic!("version {version}: {e}"));
            assert_eq!(old.scale, 1.0);
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
}
