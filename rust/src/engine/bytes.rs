//! Little-endian writing and bounds-checked reading of saved models: the primitives every
//! family's payload and the envelope are made of. A read past the end, or a length that
//! cannot be right, is an `InvalidArgument` error, never a panic.

use crate::error::{invalid, CoreResult};

/// Appends values to a byte vector.
#[derive(Debug, Default)]
pub struct Writer {
    out: Vec<u8>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }
    pub fn u8(&mut self, v: u8) -> &mut Self {
        self.out.push(v);
        self
    }
    pub fn u16(&mut self, v: u16) -> &mut Self {
        self.out.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.out.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.out.extend_from_slice(&v.to_le_bytes());
        self
    }
    /// The bit pattern, so a round trip is exact (NaN included).
    pub fn f64(&mut self, v: f64) -> &mut Self {
        self.u64(v.to_bits())
    }
    pub fn bool(&mut self, v: bool) -> &mut Self {
        self.u8(u8::from(v))
    }
    /// Length-prefixed.
    pub fn f64s(&mut self, v: &[f64]) -> &mut Self {
        self.u64(v.len() as u64);
        for &x in v {
            self.f64(x);
        }
        self
    }
    /// Length-prefixed.
    pub fn bytes(&mut self, v: &[u8]) -> &mut Self {
        self.u64(v.len() as u64);
        self.out.extend_from_slice(v);
        self
    }
    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

/// Reads what a [`Writer`] wrote, in the same order.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// What is being read, for messages ("naive model").
    what: &'static str,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8], what: &'static str) -> Reader<'a> {
        Reader { bytes, at: 0, what }
    }
    fn take(&mut self, n: usize) -> CoreResult<&'a [u8]> {
        match self.at.checked_add(n).filter(|&end| end <= self.bytes.len()) {
            Some(end) => {
                let s = &self.bytes[self.at..end];
                self.at = end;
                Ok(s)
            }
            None => invalid(format!("saved {} is truncated", self.what)),
        }
    }
    pub fn u8(&mut self) -> CoreResult<u8> {
        Ok(self.take(1)?[0])
    }
    pub fn u16(&mut self) -> CoreResult<u16> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")))
    }
    pub fn u32(&mut self) -> CoreResult<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    pub fn u64(&mut self) -> CoreResult<u64> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
    pub fn f64(&mut self) -> CoreResult<f64> {
        Ok(f64::from_bits(self.u64()?))
    }
    pub fn bool(&mut self) -> CoreResult<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            b => invalid(format!("saved {} is corrupt: flag byte {b}", self.what)),
        }
    }
    /// A length that must fit in what is left, `size` bytes per element.
    fn length(&mut self, size: usize) -> CoreResult<usize> {
        let n = self.u64()?;
        let left = (self.bytes.len() - self.at) / size;
        match usize::try_from(n) {
            Ok(n) if n <= left => Ok(n),
            _ => invalid(format!("saved {} is corrupt: a length of {n} exceeds the data", self.what)),
        }
    }
    pub fn f64s(&mut self) -> CoreResult<Vec<f64>> {
        let n = self.length(8)?;
        (0..n).map(|_| self.f64()).collect()
    }
    pub fn bytes(&mut self) -> CoreResult<&'a [u8]> {
        let n = self.length(1)?;
        self.take(n)
    }
    /// Fails unless everything was read.
    pub fn end(&self) -> CoreResult<()> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            invalid(format!("saved {} is corrupt: {} unexpected bytes at the end", self.what, self.bytes.len() - self.at))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_truncation_is_an_error() {
        let mut w = Writer::new();
        w.u8(7).u16(300).u32(70_000).f64(f64::NAN).bool(true).f64s(&[1.5, -0.0]).bytes(b"ab");
        let bytes = w.finish();
        let mut r = Reader::new(&bytes, "thing");
        assert_eq!(r.u8().expect("u8"), 7);
        assert_eq!(r.u16().expect("u16"), 300);
        assert_eq!(r.u32().expect("u32"), 70_000);
        assert!(r.f64().expect("f64").is_nan());
        assert!(r.bool().expect("bool"));
        assert_eq!(r.f64s().expect("f64s"), vec![1.5, -0.0]);
        assert_eq!(r.bytes().expect("bytes"), b"ab");
        r.end().expect("all read");
        let mut short = Reader::new(&bytes[..bytes.len() - 1], "thing");
        short.u8().and(short.u16()).and(short.u32()).and(short.f64()).and(short.bool()).expect("head");
        short.f64s().expect("f64s");
        assert!(short.bytes().is_err());
        let huge_length = u64::MAX.to_le_bytes();
        let mut huge = Reader::new(&huge_length, "thing");
        assert!(huge.f64s().expect_err("a length beyond the data").to_string().contains("exceeds"));
    }
}

/// FNV-1a, 64 bits: the checksum of saved models. It only catches accidents (anyone can
/// recompute it), so decoders still validate everything they read.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
