//! The Nelder–Mead search of [`super::nelder_mead`] (R's `nmmin`, step for step), for an
//! objective that may evaluate several points in one call (see `ets::lanes`): the vertices of
//! the initial and of every shrunk simplex come in groups, the points of a step one after the
//! other. Grouping changes no step: the values, the order of the search's decisions and the
//! evaluation count are those of one point per call, which is what
//! [`super::nelder_mead::minimize_bounded`] feeds it. Evaluating a step's reflection together
//! with the three points that may follow it was measured and not kept: two of the four are
//! wasted, and on a loaded machine four interleaved passes cost more than two single ones.

use super::nelder_mead::{NelderMeadOptions, NelderMeadResult, NelderMeadStatus};

/// R replaces a non-finite objective inside the search by this value.
const BIG: f64 = 1.0e35;

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
    let n = start.len();
    if crate::cancel_scope::requested() {
        return NelderMeadResult { x: start.to_vec(), f: f64::NAN, evaluations: 0, status: NelderMeadStatus::Cancelled };
    }
    let mut values = [0.0; GROUP];
    f(&[start], &[f64::INFINITY], &mut values[..1]);
    let f0 = values[0];
    if opts.maxit == 0 {
        return NelderMeadResult { x: start.to_vec(), f: f0, evaluations: 0, status: NelderMeadStatus::Converged };
    }
    if !f0.is_finite() {
        return NelderMeadResult { x: start.to_vec(), f: f0, evaluations: 1, status: NelderMeadStatus::NonFiniteStart };
    }
    // The sequential search's evaluation of every point, limits above BIG made infinite.
    let mut eval = |points: &[&[f64]], limits: &mut [f64], out: &mut [f64]| {
        for l in limits.iter_mut() {
            if *l >= BIG {
                *l = f64::INFINITY;
            }
        }
        f(points, limits, out);
        for v in out.iter_mut() {
            if !v.is_finite() {
                *v = BIG;
            }
        }
    };
    let convtol = opts.reltol * (f0.abs() + opts.reltol);
    let mut p = vec![start.to_vec(); n + 1];
    let mut fv = vec![0.0; n + 1];
    fv[0] = f0;
    let mut evaluations = 1;
    let mut step = start.iter().fold(0.0_f64, |s, v| s.max(0.1 * v.abs()));
    if step == 0.0 {
        step = 0.1;
    }
    let mut size = 0.0;
    for j in 1..=n {
        let mut trystep = step;
        while p[j][j - 1] == start[j - 1] {
            p[j][j - 1] = start[j - 1] + trystep;
            trystep *= 10.0;
        }
        size += trystep;
    }
    let mut oldsize = size;
    let mut best = 0;
    let mut recompute = true;
    let mut centroid = vec![0.0; n];
    // The reflection, and the expansion or contraction its value calls for.
    let (mut trial, mut other) = (vec![0.0; n], vec![0.0; n]);
    let mut status = NelderMeadStatus::Converged;
    loop {
        if crate::cancel_scope::requested() {
            status = NelderMeadStatus::Cancelled;
            break;
        }
        if recompute {
            let others: Vec<usize> = (0..=n).filter(|j| *j != best).collect();
            for group in others.chunks(GROUP) {
                let points: Vec<&[f64]> = group.iter().map(|j| &p[*j][..]).collect();
                let mut limits = [f64::INFINITY; GROUP];
                eval(&points, &mut limits[..group.len()], &mut values[..group.len()]);
                for (j, v) in group.iter().zip(values) {
                    fv[*j] = v;
                }
            }
            evaluations += n;
            recompute = false;
        }
        let (mut lo, mut hi) = (fv[best], fv[best]);
        let mut worst = best;
        for j in 0..=n {
            if j != best {
                if fv[j] < lo {
                    best = j;
                    lo = fv[j];
                }
                if fv[j] > hi {
                    worst = j;
                    hi = fv[j];
                }
            }
        }
        if hi <= lo + convtol || lo <= opts.abstol {
            break;
        }
        // R's summation order (all vertices minus the worst), one coordinate at a time.
        for (i, c) in centroid.iter_mut().enumerate() {
            *c = -p[worst][i];
        }
        for row in p.iter() {
            for (c, v) in centroid.iter_mut().zip(row) {
                *c += v;
            }
        }
        for c in centroid.iter_mut() {
            *c /= n as f64;
        }
        for i in 0..n {
            trial[i] = (1.0 + opts.alpha) * centroid[i] - opts.alpha * p[worst][i];
        }
        let mut one = |point: &[f64], limit: f64| {
            let mut v = [0.0];
            eval(&[point], &mut [limit], &mut v);
            v[0]
        };
        let reflected = one(&trial, hi);
        evaluations += 2;
        if reflected < lo {
            for i in 0..n {
                other[i] = opts.gamma * trial[i] + (1.0 - opts.gamma) * centroid[i];
            }
            let expanded = one(&other, reflected);
            let (x, v) = if expanded < reflected { (&other, expanded) } else { (&trial, reflected) };
            p[worst].copy_from_slice(x);
            fv[worst] = v;
        } else {
            if reflected < hi {
                p[worst].copy_from_slice(&trial);
                fv[worst] = reflected;
            }
            for i in 0..n {
                other[i] = (1.0 - opts.beta) * p[worst][i] + opts.beta * centroid[i];
            }
            let contracted = one(&other, fv[worst]);
            if contracted < fv[worst] {
                p[worst].copy_from_slice(&other);
                fv[worst] = contracted;
            } else if reflected >= hi {
                recompute = true;
                size = 0.0;
                let anchor = p[best].clone();
                for (j, row) in p.iter_mut().enumerate() {
                    if j != best {
                        for i in 0..n {
                            row[i] = opts.beta * (row[i] - anchor[i]) + anchor[i];
                            size += (row[i] - anchor[i]).abs();
                        }
                    }
                }
                if size < oldsize {
                    oldsize = size;
                } else {
                    status = NelderMeadStatus::Degenerate;
                    break;
                }
            }
        }
        if evaluations > opts.maxit {
            break;
        }
    }
    if evaluations > opts.maxit {
        status = NelderMeadStatus::MaxIterations;
    }
    NelderMeadResult { x: p[best].clone(), f: fv[best], evaluations, status }
}


#[cfg(test)]
mod tests {
    use super::super::nelder_mead::minimize_bounded;
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
