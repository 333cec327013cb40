//! The lane kernel of the rolling sum/mean.
//!
//! The scalar hot loop of `sum` (`steps`) is not bound by its dependency chain but by the
//! throughput of its floating-point adds: two TwoSums and the compensation are 14
//! adds per step, and the core retires two per cycle. So the way to go faster is
//! SIMD, which needs independent chains: the outputs are cut into `LANES`
//! contiguous segments, each one its own add-and-remove chain warmed up on the
//! `w - 1` values before it (the cut `parallel` makes between threads, so results
//! agree with the scalar kernel to rounding in the last bits). The chains advance
//! in lockstep, `TILE` steps at a time. In a tile where every window is full and
//! no value is missing, 4x4 blocks of the lanes' inputs are transposed in
//! registers so that one AVX2 vector holds one step of four chains, and the step
//! is the scalar `State::replace` + `full_mean`/`full_sum`, lane-wise, with the
//! same operations in the same order. Any other tile (a missing value, a window
//! not full) runs every lane through the scalar `steps`, so missing values,
//! `min_periods`, the run of equal values and the sign rule behave exactly as in
//! the scalar kernel, chain by chain.

use super::{Target, Window};
#[cfg(target_arch = "x86_64")]
use super::{begin, steps, State, LANES, TILE};
#[cfg(target_arch = "x86_64")]
use crate::rolling::arch::x86_64::avx2;

/// Runs the lane kernel if this CPU has it; false (having done nothing) if not.
pub(super) fn run(x: &[f64], skip: usize, window: Window, target: Target, out: &mut [f64]) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // The statistic becomes a const parameter so the AVX2 step is monomorphized.
            match target {
                Target::Mean => lockstep::<true>(x, skip, window, out),
                Target::Sum => lockstep::<false>(x, skip, window, out),
            }
            return true;
        }
    }
    let _ = (x, skip, window, target, out);
    false
}

#[cfg(target_arch = "x86_64")]
fn lockstep<const MEAN: bool>(x: &[f64], skip: usize, window: Window, out: &mut [f64]) {
    let target = if MEAN { Target::Mean } else { Target::Sum };
    let n = x.len();
    let w = window.size;
    let seg = out.len() / LANES;
    assert!(seg > w && out.len() + skip == n);
    let mut st: [State; LANES] = std::array::from_fn(|_| State::new());
    let mut pos = [0usize; LANES];
    let mut ends = [0usize; LANES];
    for k in 0..LANES {
        let start = skip + k * seg;
        let end = if k + 1 == LANES { n } else { start + seg };
        // Lane 0 starts where the scalar kernel would; the others warm up on the
        // w - 1 values before their first output.
        let a0 = if k == 0 { 0 } else { start + 1 - w };
        pos[k] = begin(&mut st[k], x, a0, start, end, skip, window, target, out);
        ends[k] = end;
    }
    // Steps every lane still has to make, rounded down to whole 4-step blocks.
    let common = (0..LANES).map(|k| ends[k] - pos[k]).min().unwrap_or(0) / 4 * 4;
    let mut t0 = 0;
    while t0 < common {
        let tl = TILE.min(common - t0);
        let p: [usize; LANES] = std::array::from_fn(|k| pos[k] + t0);
        // Every window full: nothing it holds is missing, so the leaving values are
        // finite; the kernel itself notices a missing entering value, an overflow
        // and a cancellation that calls for a recompute (then the tile is redone
        // by the scalar kernel, which recomputes).
        let done = st.iter().all(|s| s.nobs == w && !s.pending) && {
            // Bounds the kernel relies on (also implied by the construction above).
            assert!(p.iter().all(|&pk| pk >= w && pk >= skip && pk + tl <= n));
            // SAFETY: AVX2 is available (checked in `run`), and the assert above
            // keeps every load from `x` and every store to `out` in bounds.
            unsafe { avx2::sum::tile::<MEAN>(x, &p, tl, w, skip, &mut st, out) }
        };
        if done {
            for s in st.iter_mut() {
                s.credit = s.credit.saturating_add(2 * tl);
            }
        } else {
            for k in 0..LANES {
                steps(&mut st[k], x, p[k], p[k] + tl, skip, window, target, out);
            }
        }
        t0 += tl;
    }
    for k in 0..LANES {
        steps(&mut st[k], x, pos[k] + common, ends[k], skip, window, target, out);
    }
}
