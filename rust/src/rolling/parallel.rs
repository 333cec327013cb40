//! Splitting work across the rayon global pool.
//!
//! * One long series: the outputs are cut into chunks `[a, b)`; each chunk is
//!   computed from `x[a - (w - 1) .. b]`, the first `w - 1` values only warming up the
//!   window, so every output sees exactly its own window and the result does not
//!   depend on where the cuts fall (up to rounding in the last bits).
//! * Many series (Arrow list layout): consecutive series are grouped into batches of
//!   about `BATCH_ELEMS` values, one rayon task per batch, with scratch reused
//!   inside a batch. A series long enough to be worth splitting is itself run
//!   chunked.

use rayon::prelude::*;

use super::dispatch::{kernel, Scratch};
use super::statistic::Statistic;
use super::window::Window;

/// Inputs shorter than this run sequentially on the calling thread. The O(1)-per-step
/// kernels run at a few ns per value, so below ~64k values (~0.2 ms of work) waking
/// the pool and the per-chunk warm-up are not worth it; the heap-based order
/// statistics cost ~50 ns per value and pay off much earlier.
pub(crate) fn parallel_threshold(stat: Statistic) -> usize {
    match stat {
        Statistic::Median | Statistic::Quantile(_) => 8 * 1024,
        _ => 64 * 1024,
    }
}

/// Values per task in `rolling_many`.
const BATCH_ELEMS: usize = 32 * 1024;

/// Chunked rolling over one series; the caller has validated the arguments.
pub(crate) fn rolling_chunked(stat: Statistic, x: &[f64], window: Window, out: &mut [f64]) {
    let n = x.len();
    let threads = rayon::current_num_threads().max(1);
    if n < parallel_threshold(stat) || threads == 1 {
        kernel(stat, x, 0, window, out, &mut Scratch::default());
        return;
    }
    let w = window.size;
    // A few chunks per thread for load balance, but long enough that the
    // (w - 1)-value warm-up of each chunk is a small overhead.
    let chunk = (n / (threads * 4))
        .max(w.saturating_mul(8))
        .max(parallel_threshold(stat) / 4)
        .min(n);
    out.par_chunks_mut(chunk).enumerate().for_each(|(c, o)| {
        let a = c * chunk;
        let b = a + o.len();
        let a0 = a.saturating_sub(w - 1);
        kernel(stat, &x[a0..b], a - a0, window, o, &mut Scratch::default());
    });
}

/// `rolling_many` after validation: `offsets` are checked, non-decreasing usizes.
pub(crate) fn rolling_many(stat: Statistic, values: &[f64], offsets: &[usize], window: Window, out: &mut [f64]) {
    // Cut the series list into batches of roughly BATCH_ELEMS values.
    let mut cuts = vec![0usize];
    let mut last = 0usize;
    for (j, &end) in offsets.iter().enumerate().skip(1) {
        if end - offsets[last] >= BATCH_ELEMS {
            cuts.push(j);
            last = j;
        }
    }
    if *cuts.last().expect("cuts starts with 0") != offsets.len() - 1 {
        cuts.push(offsets.len() - 1);
    }
    // Hand each batch its own disjoint part of `out`.
    let mut tasks = Vec::with_capacity(cuts.len());
    let mut rest = out;
    for pair in cuts.windows(2) {
        let (s0, s1) = (pair[0], pair[1]);
        let len = offsets[s1] - offsets[s0];
        let (head, tail) = std::mem::take(&mut rest).split_at_mut(len);
        rest = tail;
        tasks.push((s0, s1, head));
    }
    tasks.into_par_iter().for_each(|(s0, s1, o)| {
        let base = offsets[s0];
        let mut scratch = Scratch::default();
        for j in s0..s1 {
            let (a, b) = (offsets[j], offsets[j + 1]);
            let xs = &values[a..b];
            let os = &mut o[a - base..b - base];
            if xs.len() >= 2 * parallel_threshold(stat) {
                rolling_chunked(stat, xs, window, os);
            } else {
                kernel(stat, xs, 0, window, os, &mut scratch);
            }
        }
    });
}
