//! Versioned binary encoding of a fitted model.
//!
//! Layout (little endian): magic `LAGRSARM`, format version (u32), the spec
//! (seven u32 orders, two u8 flags: mean, drift; both may be set, for a
//! linear trend with d + D == 0), n.used (u64), sigma2 and loglik (f64
//! bit patterns), then length-prefixed f64 arrays (coefficients, standard
//! errors, y, residuals, final state, final state covariance), and an FNV-1a
//! 64-bit checksum of everything before it. f64 values are stored as their
//! bit patterns, so a round trip is exact. Truncated, corrupted or
//! inconsistent input is rejected with `InvalidArgument`.

use super::kalman::state_dim;
use super::model::ArimaFit;
use super::spec::ArimaSpec;
use crate::error::{invalid, CoreResult};

const MAGIC: &[u8; 8] = b"LAGRSARM";
const VERSION: u32 = 1;

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

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
    put_f64(&mut out, fit.loglik);
    for v in [&fit.coef, &fit.std_errors, &fit.y, &fit.residuals, &fit.state_a, &fit.state_p] {
        put_vec(&mut out, v);
    }
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
    if version != VERSION {
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
    let loglik = r.f64()?;
    let coef = r.vec()?;
    let std_errors = r.vec()?;
    let y = r.vec()?;
    let residuals = r.vec()?;
    let state_a = r.vec()?;
    let state_p = r.vec()?;
    if r.pos != body_len {
        return invalid("bytes: corrupt ARIMA model (trailing data)");
    }
    let k = spec.n_coef();
    let rd = state_dim(spec.ar_degree(), spec.ma_degree()) + spec.diff_degree();
    let consistent = coef.len() == k
        && std_errors.len() == k
        && residuals.len() == y.len()
        && n_used <= y.len()
        && state_a.len() == rd
        && state_p.len() == rd * rd
        && coef.iter().all(|v| v.is_finite())
        && sigma2.is_finite()
        && sigma2 > 0.0;
    if !consistent {
        return invalid("bytes: corrupt ARIMA model (inconsistent contents)");
    }
    Ok(ArimaFit { spec, coef, std_errors, sigma2, loglik, n_used, y, residuals, state_a, state_p })
}
