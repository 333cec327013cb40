//! Long computations over Java arrays in bounded pieces, so the GC never waits long for us.
//!
//! While an array is held critical, a GC that needs to run must wait until it is released,
//! and so must every thread that allocates in the meantime. A rolling median over 5e7 values
//! held for its whole run stalled allocations for seconds. So the outputs are computed in
//! chunks `[a, b)`, each from the inputs `x[a - lead .. b]` (the `lead` values before the
//! chunk warm up its first window; what they produce is discarded), with everything released
//! between chunks. Two ways to reach the data ([`Access`]):
//! - `Critical`, for the one kernel fast enough that a copy would slow it noticeably (rolling
//!   sum and mean, ~1.5 ns per value): the arrays are pinned for one chunk of well under a
//!   millisecond of work. No copy, so the speed of a plain `System.arraycopy` stays within reach.
//! - `Copy`, for everything else (5-60 ns per value), windows too long for a short critical
//!   chunk, and lags with a long reach: region copies in and out of scratch memory. Nothing is
//!   pinned and the GC is only ever held off by one short copy; the copies cost little next to
//!   the work.

use std::ops::Range;

use jni::JNIEnv;

use crate::arrays::{read_region, write_region, ArrayPair};
use crate::error::BridgeResult;

/// The computation over one chunk: inputs, and outputs of the same length.
pub type Compute<'c> = dyn FnMut(&[f64], &mut [f64]) -> BridgeResult<()> + 'c;

/// How a chunk's data is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Critical,
    Copy,
}

/// How a long computation is cut.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub access: Access,
    /// Outputs per chunk.
    pub chunk: usize,
    /// Inputs before a chunk that its first outputs depend on.
    pub lead: usize,
}

/// Reusable scratch memory for the chunks of one call.
#[derive(Default)]
pub struct Scratch {
    x: Vec<f64>,
    out: Vec<f64>,
    saved: Vec<f64>,
}

/// Computes the outputs `range` of the output array from the input array in chunks as `plan` says. `compute` gets the
/// inputs `x[a0 .. b]` and an output slice of the same length, of which only the last `b - a`
/// values are kept.
pub fn run_chunked(
    env: &mut JNIEnv,
    arrays: &ArrayPair,
    range: Range<usize>,
    plan: Plan,
    scratch: &mut Scratch,
    compute: &mut Compute,
) -> BridgeResult<()> {
    for (a0, keep) in chunks(range, plan) {
        run_one(env, arrays, a0, keep, plan.access, scratch, compute)?;
    }
    Ok(())
}

/// The chunks of `range`: `(a0, a..b)`, outputs `a..b` computed from inputs `a0..b`.
pub fn chunks(range: Range<usize>, plan: Plan) -> impl Iterator<Item = (usize, Range<usize>)> {
    let chunk = plan.chunk.max(1);
    let (start, end) = (range.start, range.end);
    (start..end).step_by(chunk).map(move |a| {
        let b = end.min(a.saturating_add(chunk));
        (a.saturating_sub(plan.lead).max(start), a..b)
    })
}

/// One chunk: inputs `x[a0 .. keep.end]`, outputs kept for `keep`.
pub fn run_one(
    env: &mut JNIEnv,
    arrays: &ArrayPair,
    a0: usize,
    keep: Range<usize>,
    access: Access,
    scratch: &mut Scratch,
    compute: &mut Compute,
) -> BridgeResult<()> {
    let (a, b) = (keep.start, keep.end);
    let skip = a - a0;
    match access {
        Access::Critical => {
            let saved = &mut scratch.saved;
            arrays.with_critical(env, |x, out| {
                // The warm-up outputs overwrite finished results of the previous chunk: keep them.
                saved.clear();
                saved.extend_from_slice(&out[a0..a]);
                let result = compute(&x[a0..b], &mut out[a0..b]);
                out[a0..a].copy_from_slice(saved);
                result
            })?
        }
        Access::Copy => {
            let len = b - a0;
            scratch.x.resize(len, 0.0);
            scratch.out.resize(len, 0.0);
            read_region(env, arrays.input, a0, &mut scratch.x)?;
            compute(&scratch.x, &mut scratch.out)?;
            write_region(env, arrays.output, a, &scratch.out[skip..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_range_once_with_their_lead() {
        let plan = Plan { access: Access::Copy, chunk: 16, lead: 5 };
        let mut covered = vec![0; 100];
        let mut previous_end = 3;
        for (a0, keep) in chunks(3..100, plan) {
            assert_eq!(keep.start, previous_end, "chunks are consecutive");
            assert!(keep.len() <= 16 && !keep.is_empty());
            assert_eq!(a0, keep.start.saturating_sub(5).max(3), "lead clipped at the range start");
            for c in &mut covered[keep.clone()] {
                *c += 1;
            }
            previous_end = keep.end;
        }
        assert!(covered[..3].iter().all(|&c| c == 0));
        assert!(covered[3..].iter().all(|&c| c == 1));
        assert_eq!(chunks(7..7, plan).count(), 0);
    }
}
