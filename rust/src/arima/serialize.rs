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
//! since version 4 the caller's regressors (their count as u32, each name as a u32 byte
//! length and UTF-8 bytes, then each column as a length-prefixed f64 array; then the Fourier
//! terms among them: their count as u32, each period as f64 and K as u64, and the time of
//! the last observation as u64), and an FNV-1a
//! 64-bit checksum of everything before it. Versions 1 (no search
//! information), 2 (no scale: sigma2 in the units of y, scale 1) and 3 (no regressors)
//! are still read. f64 values are stored as their
//! bit patterns, so a round trip is exact.
//!
//! The checksum only catches accidents: anyone can recompute it. So decoding
//! validates everything the format carries, as `fit` would have produced it,
//! and rejects anything else with `InvalidArgument` instead of returning a
//! model that forecasts NaN or fails later ([`validate`]).

use super::kalman::state_dim;
use super::model::{ArimaFit, Selection};
use super::roots::lag_polynomial_roots;
use super::spec::ArimaSpec;
use super::transform::ar_is_stationary;
use crate::engine::bytes::fnv1a;
use crate::stats::fourier::{fourier, FourierTerm};
use crate::error::{invalid, CoreResult};

const MAGIC: &[u8; 8] = b"LAGRSARM";
const VERSION: u32 = 4;
/// The third format, without regressors; still decoded.
const VERSION_3: u32 = 3;
/// Longest regressor name stored, in bytes.
const MAX_NAME_BYTES: usize = 1 << 16;
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
    put_u32(&mut out, u32::try_from(fit.xreg_names.len()).unwrap_or(u32::MAX));
    for name in &fit.xreg_names {
        put_u32(&mut out, u32::try_from(name.len()).unwrap_or(u32::MAX));
        out.extend_from_slice(name.as_bytes());
    }
    for col in &fit.xreg {
        put_vec(&mut out, col);
    }
    put_u32(&mut out, u32::try_from(fit.fourier.len()).unwrap_or(u32::MAX));
    for term in &fit.fourier {
        put_f64(&mut out, term.period);
        put_u64(&mut out, term.k as u64);
    }
    put_u64(&mut out, fit.fourier_end as u64);
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
    if !matches!(version, VERSION | VERSION_1 | VERSION_2 | VERSION_3) {
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
    let scale = if version >= VERSION_3 { r.f64()? } else { 1.0 };
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
    let (xreg_names, xreg) = if version >= VERSION { read_xreg(&mut r)? } else { (Vec::new(), Vec::new()) };
    let (fourier, fourier_end) = if version >= VERSION { read_fourier(&mut r, &xreg_names)? } else { (Vec::new(), 0) };
    if r.pos != body_len {
        return invalid("bytes: corrupt ARIMA model (trailing data)");
    }
    let fit = ArimaFit {
        spec,
        coef,
        std_errors,
        sigma2,
        scale,
        loglik,
        n_used,
        y,
        residuals,
        state_a,
        state_p,
        selection,
        xreg_names,
        xreg,
        fourier,
        fourier_end,
    };
    validate(&fit).map_err(|why| crate::error::CoreError::InvalidArgument(format!("bytes: corrupt ARIMA model ({why})")))?;
    Ok(fit)
}

/// The regressors' names and columns (version 4 on).
fn read_xreg(r: &mut Reader<'_>) -> CoreResult<(Vec<String>, Vec<Vec<f64>>)> {
    let count = r.u32()? as usize;
    if count > (r.buf.len() - r.pos) / 4 {
        return invalid("bytes: corrupt ARIMA model (regressor count exceeds the data)");
    }
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        let len = r.u32()? as usize;
        if len > MAX_NAME_BYTES {
            return invalid("bytes: corrupt ARIMA model (regressor name too long)");
        }
        let name = std::str::from_utf8(r.take(len)?)
            .map_err(|_| crate::error::CoreError::InvalidArgument("bytes: corrupt ARIMA model (regressor name not UTF-8)".into()))?;
        names.push(name.to_string());
    }
    let columns = (0..count).map(|_| r.vec()).collect::<CoreResult<Vec<_>>>()?;
    // The same rules as for a fit's input.
    super::xreg::Regressors::new(names.clone(), columns.clone())
        .map_err(|e| crate::error::CoreError::InvalidArgument(format!("bytes: corrupt ARIMA model ({e})")))?;
    Ok((names, columns))
}

/// The Fourier terms among the regressors and the time of the last observation; their
/// names must be the last regressors' (version 4 on).
fn read_fourier(r: &mut Reader<'_>, xreg_names: &[String]) -> CoreResult<(Vec<FourierTerm>, usize)> {
    let count = r.u32()? as usize;
    if count > (r.buf.len() - r.pos) / 16 {
        return invalid("bytes: corrupt ARIMA model (Fourier term count exceeds the data)");
    }
    let mut terms = Vec::with_capacity(count);
    for _ in 0..count {
        let period = r.f64()?;
        let k = usize::try_from(r.u64()?).unwrap_or(usize::MAX);
        terms.push(FourierTerm { period, k });
    }
    let end = usize::try_from(r.u64()?).unwrap_or(usize::MAX);
    if !terms.is_empty() {
        let corrupt = || crate::error::CoreError::InvalidArgument("bytes: corrupt ARIMA model (Fourier terms)".into());
        let (names, _) = fourier(&terms, 0).map_err(|_| corrupt())?;
        if names.len() > xreg_names.len() || names[..] != xreg_names[xreg_names.len() - names.len()..] || end == usize::MAX {
            return Err(corrupt());
        }
    }
    Ok((terms, end))
}

/// An MA polynomial counts as invertible when no root lies inside the unit circle by more
/// than this (fits may end on the circle itself, and roots there are found to ~1e-8).
const MA_ROOT_TOLERANCE: f64 = 1e-4;

fn invertible(ma: &[f64]) -> bool {
    lag_polynomial_roots(ma, 1.0).iter().all(|r| r.abs() >= 1.0 - MA_ROOT_TOLERANCE)
}

/// Everything a fitted model satisfies, checked on a decoded one. Returns why not.
fn validate(fit: &ArimaFit) -> Result<(), &'static str> {
    let spec = &fit.spec;
    let k = fit.n_coef();
    let rd = state_dim(spec.ar_degree(), spec.ma_degree()) + spec.diff_degree();
    let sizes = fit.coef.len() == k
        && fit.std_errors.len() == k
        && fit.residuals.len() == fit.y.len()
        && fit.state_a.len() == rd
        && fit.state_p.len() == rd * rd
        && fit.xreg.len() == fit.xreg_names.len()
        && fit.xreg.iter().all(|c| c.len() == fit.y.len());
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
    let future = vec![vec![0.0]; fit.given_xreg_count()];
    match fit.forecast_xreg(1, &[0.95], &future) {
        Ok(f) if f.mean.iter().chain(f.lower.iter().flatten()).chain(f.upper.iter().flatten()).all(|v| v.is_finite()) => {
            Ok(())
        }
        _ => Err("the state does not give a finite forecast"),
    }
}

#[cfg(test)]
#[path = "serialize_tests.rs"]
mod tests;
