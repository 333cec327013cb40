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
//! registers so that one vector holds one step of several chains (all eight in one
//! AVX-512 vector, four per AVX2 vector), and the step is the scalar
//! `State::replace` + `full_mean`/`full_sum`, lane-wise, with the same operations in
//! the same order, so both instruction sets give the same bits. AVX-512 needs half
//! the instructions; the adds are then the limit (about 0.75 ns per value in cache,
//! against 1.3 ns with AVX2, on the 2-core benchmark machine). Any other tile (a missing value, a window
//! not full) runs every lane through the scalar `steps`, so missing values,
//! `min_periods`, the run of equal values and the sign rule behave exactly as in
//! the scalar kernel, chain by chain.

use super::{Target, Window};
#[cfg(target_arch = "x86_64")]
use super::{begin, steps, TILE};
#[cfg(target_arch = "x86_64")]
use crate::rolling::arch::x86_64::{avx2, avx512};
#[cfg(target_arch = "x86_64")]
use crate::rolling::running_sum::{State, LANES};

/// The instruction set a tile runs on.
#[cfg(target_arch = "x86_64")]
#[derive(Debug, Clone, Copy)]
enum Isa {
    /// Eight chains in one vector.
    Avx512,
    /// Four chains per vector, two vectors.
    Avx2,
}

/// Runs the lane kernel if this CPU has it; false (having done nothing) if not.
pub(super) fn run(x: &[f64], skip: usize, window: Window, target: Target, out: &mut [f64]) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        let isa = if std::arch::is_x86_feature_detected!("avx512f") {
            Isa::Avx512
        } else if std::arch::is_x86_feature_detected!("avx2") {
            Isa::Avx2
        } else {
            return false;
        };
        // The statistic becomes a const parameter so the SIMD step is monomorphized.
        match target {
            Target::Mean => lockstep::<true>(x, skip, window, out, isa),
            Target::Sum => lockstep::<false>(x, skip, window, out, isa),
        }
        true
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (x, skip, window, target, out);
        false
    }
}

#[cfg(target_arch = "x86_64")]
fn lockstep<const MEAN: bool>(x: &[f64], skip: usize, window: Window, out: &mut [f64], isa: Isa) {
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
        let done = st.iter().all(|s| s.nobs == w && !s.pending && s.scale == 1.0) && {
            // Bounds the kernel relies on (also implied by the construction above).
            assert!(p.iter().all(|&pk| pk >= w && pk >= skip && pk + tl <= n));
            // SAFETY: the instruction set is available (checked in `run`), and the assert
            // above keeps every load from `x` and every store to `out` in bounds.
            unsafe {
                match isa {
                    Isa::Avx512 => avx512::sum::tile::<MEAN>(x, &p, tl, w, skip, &mut st, out),
                    Isa::Avx2 => avx2::sum::tile::<MEAN>(x, &p, tl, w, skip, &mut st, out),
                }
            }
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

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;

    /// The lanes of `lockstep`, each run by the scalar kernel alone.
    fn scalar_lanes(x: &[f64], skip: usize, window: Window, target: Target, out: &mut [f64]) {
        let (n, w) = (x.len(), window.size);
        let seg = out.len() / LANES;
        for k in 0..LANES {
            let start = skip + k * seg;
            let end = if k + 1 == LANES { n } else { start + seg };
            let a0 = if k == 0 { 0 } else { start + 1 - w };
            let mut st = State::new();
            let next = begin(&mut st, x, a0, start, end, skip, window, target, out);
            steps(&mut st, x, next, end, skip, window, target, out);
        }
    }

    /// Every instruction set gives the same bits (the tiles do the scalar step's operations),
    /// and those agree with the scalar kernel to the last bits (which divides by the count
    /// where the tiles multiply by its reciprocal, in the blocks around a missing value),
    /// on stretches without missing values and around missing values, overflows,
    /// cancellations and constant runs.
    #[test]
    fn every_instruction_set_gives_the_same_bits() {
        let mut s = 3u64;
        let mut x: Vec<f64> = (0..40_000)
            .map(|_| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5
            })
            .collect();
        x[1_234] = f64::NAN;
        x[9_000..9_003].fill(1e308);
        x[15_000] = 1e15;
        x[20_000..20_400].fill(0.1);
        x[30_000..30_200].iter_mut().for_each(|v| *v = v.abs());
        x[35_000] = f64::NEG_INFINITY;
        let isas: Vec<Isa> = [(std::arch::is_x86_feature_detected!("avx512f"), Isa::Avx512), (std::arch::is_x86_feature_detected!("avx2"), Isa::Avx2)]
            .into_iter()
            .filter_map(|(has, isa)| has.then_some(isa))
            .collect();
        for (size, min_periods, skip) in [(50, 50, 0), (50, 1, 49), (7, 3, 6), (200, 100, 0)] {
            let window = Window::new(size, min_periods).expect("valid window");
            for target in [Target::Mean, Target::Sum] {
                let mut want = vec![0.0; x.len() - skip];
                scalar_lanes(&x, skip, window, target, &mut want);
                let mut first: Option<Vec<f64>> = None;
                for &isa in &isas {
                    let mut got = vec![0.0; x.len() - skip];
                    match target {
                        Target::Mean => lockstep::<true>(&x, skip, window, &mut got, isa),
                        Target::Sum => lockstep::<false>(&x, skip, window, &mut got, isa),
                    }
                    for i in 0..got.len() {
                        let (g, e) = (got[i], want[i]);
                        let close = g.to_bits() == e.to_bits() || (g - e).abs() <= 4.0 * f64::EPSILON * e.abs().max(size as f64 * 0.5);
                        assert!(close, "{isa:?} {target:?} w={size} at {i}: {g} vs {e}");
                    }
                    if let Some(first) = &first {
                        let same = first.iter().zip(&got).all(|(a, b)| a.to_bits() == b.to_bits());
                        assert!(same, "{isa:?} {target:?} w={size} differs from the first instruction set");
                    }
                    first = Some(got);
                }
            }
        }
    }
}
