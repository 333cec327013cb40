//! The Nelder–Mead search of [`super::nelder_mead`] (R's `nmmin`, step for step, in
//! [`super::nelder_mead_steps`]), for an objective that may evaluate several points in one
//! call (see `ets::lanes`): the vertices of the initial and of every shrunk simplex come in
//! groups, the points of a step one after the other. Grouping changes no step: the values,
//! the order of the search's decisions and the evaluation count are those of one point per
//! call, which is what [`super::nelder_mead::minimize_bounded`] feeds it. Evaluating a step's reflection together
//! with the three points that may follow it was measured and not kept: two of the four are
//! wasted, and on a loaded machine four interleaved passes cost more than two single ones.

use super::nelder_mead::{NelderMeadOptions, NelderMeadResult};
use super::nelder_mead_steps::Steps;

/// At most this many points per call of the objective.
pub const GROUP: usize = 4;

/// Minimises the objective `f(points, limits, values)`: it writes the value of each of the
/// 1 to [`GROUP`] points into `values`, or any value at least the point's limit once it
/// knows the value is at least that limit (infinite limits ask for the value).
pub fn minimize_grouped<F: FnMut(&[&[f64]], &[f64], &mut [f64])>(
    mut f: F,
    start: &[f64],
    opts: &NelderMeadOptions,
) -> NelderMeadResult {
    let mut search = Steps::new(start, opts);
    let mut values = Vec::new();
    while search.pending() > 0 {
        let k = search.pending();
        values.resize(k, 0.0);
        for first in (0..k).step_by(GROUP) {
            let group = first..(first + GROUP).min(k);
            let mut points: [&[f64]; GROUP] = [&[]; GROUP];
            let mut limits = [0.0; GROUP];
            for (i, j) in group.clone().enumerate() {
                (points[i], limits[i]) = search.point(j);
            }
            let len = group.len();
            f(&points[..len], &limits[..len], &mut values[group]);
        }
        search.feed(&values);
    }
    search.result()
}

#[cfg(test)]
mod tests {
    use super::super::nelder_mead::{minimize_bounded, NelderMeadStatus};
    use super::*;

    /// Each objective of the sequential search's tests, grouped: the same steps, bit for bit.
    fn same_as_sequential(f: impl Fn(&[f64]) -> f64, start: &[f64], opts: &NelderMeadOptions) {
        let seq = minimize_bounded(|x: &[f64], _: f64| f(x), start, opts);
        let mut sizes = Vec::new();
        let grouped = minimize_grouped(
            |pts: &[&[f64]], limits: &[f64], out: &mut [f64]| {
                assert_eq!(pts.len(), limits.len());
                sizes.push(pts.len());
                for (o, x) in out.iter_mut().zip(pts) {
                    *o = f(x);
                }
            },
            start,
            opts,
        );
        assert_eq!(grouped.status, seq.status);
        assert_eq!(grouped.evaluations, seq.evaluations);
        assert_eq!(grouped.f.to_bits(), seq.f.to_bits());
        assert!(grouped.x.iter().zip(&seq.x).all(|(a, b)| a.to_bits() == b.to_bits()));
        // The initial simplex came in groups.
        assert!(sizes.iter().any(|s| *s == GROUP.min(start.len())), "{sizes:?}");
    }

    #[test]
    fn grouped_search_takes_the_sequential_steps() {
        let rosen = |x: &[f64]| 100.0 * (x[1] - x[0] * x[0]).powi(2) + (1.0 - x[0]).powi(2);
        same_as_sequential(rosen, &[-1.2, 1.0], &NelderMeadOptions::default());
        let short = NelderMeadOptions { maxit: 50, ..Default::default() };
        same_as_sequential(rosen, &[-1.2, 1.0], &short);
        let boxed = |x: &[f64]| {
            if x.iter().any(|v| v.abs() > 2.0) {
                f64::INFINITY
            } else {
                (x[0] - 1.5).powi(2) + (x[1] + 0.5).powi(4) + x[0] * x[1]
            }
        };
        same_as_sequential(boxed, &[0.3, 0.2], &NelderMeadOptions::default());
        // Six coordinates: groups of four and two, shrinks included.
        let bowl = |x: &[f64]| x.iter().enumerate().map(|(i, v)| (i + 1) as f64 * (v - 0.3 * i as f64).powi(2)).sum::<f64>().sqrt();
        same_as_sequential(bowl, &[1.0, -2.0, 0.5, 3.0, 0.0, 1.5], &NelderMeadOptions { maxit: 2000, ..Default::default() });
    }

    #[test]
    fn non_finite_start_is_reported() {
        let r = minimize_grouped(|_: &[&[f64]], _: &[f64], out: &mut [f64]| out.fill(f64::NAN), &[1.0], &NelderMeadOptions::default());
        assert_eq!(r.status, NelderMeadStatus::NonFiniteStart);
    }
}
