//! From a [`Statistic`] to its kernel. Every kernel has the same shape:
//! outputs for `x[skip..]` go to `out`, the first `skip` values only warm the
//! window up (chunked execution), and the arguments are already validated.

use std::collections::VecDeque;

use super::statistic::Statistic;
use super::window::Window;
use super::{extrema, order_stat, sum, variance};

/// Scratch storage reused across the series of one batch.
#[derive(Default)]
pub(crate) struct Scratch {
    deque: VecDeque<usize>,
    heaps: order_stat::Heaps,
}

/// Runs the statistic's kernel over `x`, writing the outputs of `x[skip..]` to `out`.
pub(crate) fn kernel(stat: Statistic, x: &[f64], skip: usize, window: Window, out: &mut [f64], scratch: &mut Scratch) {
    match stat {
        Statistic::Sum => sum::run(x, skip, window, sum::Target::Sum, out),
        Statistic::Mean => sum::run(x, skip, window, sum::Target::Mean, out),
        Statistic::Var => variance::run(x, skip, window, variance::Target::Var, out),
        Statistic::Std => variance::run(x, skip, window, variance::Target::Std, out),
        Statistic::Min => extrema::run(x, skip, window, extrema::Target::Min, out, &mut scratch.deque),
        Statistic::Max => extrema::run(x, skip, window, extrema::Target::Max, out, &mut scratch.deque),
        Statistic::Median => order_stat::run(x, skip, window, order_stat::Target::Median, out, &mut scratch.heaps),
        Statistic::Quantile(q) => order_stat::run(x, skip, window, order_stat::Target::Quantile(q), out, &mut scratch.heaps),
    }
}
