//! The one format of a saved model, whatever its family (little endian):
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `LAGRSMDL` |
//! | 4 | envelope version (1) |
//! | 2 | the family's code ([`FittedModel::code`]) |
//! | 8 + n | the family's payload, length-prefixed ([`FittedModel::payload`]) |
//! | 8 | FNV-1a checksum of everything before it |
//!
//! A family versions its own payload inside it; the envelope's version changes only if this
//! table does. Wrappers (a Box-Cox transform) put the wrapped model's whole envelope in their
//! payload.

use super::bytes::{fnv1a, Reader, Writer};
use super::fitted::FittedModel;
use crate::error::{invalid, CoreResult};

pub const MAGIC: &[u8; 8] = b"LAGRSMDL";
pub const VERSION: u32 = 1;

/// The saved form of `model`.
pub fn wrap(model: &dyn FittedModel) -> Vec<u8> {
    let mut w = Writer::new();
    for &b in MAGIC {
        w.u8(b);
    }
    w.u32(VERSION).u16(model.code()).bytes(&model.payload());
    let mut bytes = w.finish();
    let sum = fnv1a(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    bytes
}

/// Whether `bytes` start as an envelope (as opposed to an older family-specific format).
pub fn is_envelope(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The family code and payload of a saved model, after checking magic, version and checksum.
pub fn open(bytes: &[u8]) -> CoreResult<(u16, &[u8])> {
    if !is_envelope(bytes) {
        return invalid("bytes are not a saved lagrs model (wrong magic)");
    }
    if bytes.len() < MAGIC.len() + 4 + 2 + 8 + 8 {
        return invalid("saved model is truncated");
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    if fnv1a(body) != u64::from_le_bytes(sum.try_into().expect("8 bytes")) {
        return invalid("saved model is corrupt (checksum mismatch)");
    }
    let mut r = Reader::new(&body[MAGIC.len()..], "model");
    let version = r.u32()?;
    if version != VERSION {
        return invalid(format!("saved model has envelope version {version}; this library reads version {VERSION}"));
    }
    let code = r.u16()?;
    let payload = r.bytes()?;
    r.end()?;
    Ok((code, payload))
}
