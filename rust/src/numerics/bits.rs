//! Equality of floating-point values bit for bit, the key of every memo that must return
//! exactly what the computation would: -0.0 is not 0.0, and a NaN matches the same NaN.

/// `a` and `b` have the same length and the same bits in every element.
pub(crate) fn same_bits(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
}
