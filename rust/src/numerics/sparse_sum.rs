//! Sums of products whose coefficients are mostly zeros (an expanded seasonal polynomial has
//! a few non-zero coefficients among dozens), taken over the non-zero ones alone whenever
//! that gives the plain loop's result.
//!
//! Why skipping is exact: while every value a zero coefficient would multiply is finite, its
//! term is `±0 * finite`, a signed zero, and adding a signed zero leaves a sum unchanged
//! unless the sum is itself a zero, whose sign it may change (-0 + +0 = +0). So the sum
//! differs from the plain loop's at most in the sign of a zero result. Once such a value is
//! not finite, a zero coefficient's term is NaN: every term is then taken, as in the plain
//! loop, so NaN and infinities spread exactly as before.

use std::ops::Range;

/// `start + term(i) + term(i') + ..`, added left to right in ascending i: over the positions
/// `nonzero` (ascending: those of `all` whose term may be non-zero) while `finite` says that
/// every value a skipped term would multiply is finite, over every position of `all`
/// otherwise. With `start` -0.0 (the identity of addition, where [`Iterator::sum`] starts)
/// the terms are added as `Iterator::sum` adds them.
#[inline(always)]
pub(crate) fn sum_skipping_zeros(
    start: f64,
    nonzero: impl IntoIterator<Item = usize>,
    all: Range<usize>,
    finite: bool,
    term: impl Fn(usize) -> f64,
) -> f64 {
    if finite {
        nonzero.into_iter().fold(start, |s, i| s + term(i))
    } else {
        all.fold(start, |s, i| s + term(i))
    }
}
