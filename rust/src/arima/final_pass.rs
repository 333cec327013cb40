//! The final filter pass of a fit: at the chosen coefficients, the residuals, the likelihood
//! sums and the filtered full state from which forecasts start.

use super::kalman::{arma_filter_states, FullFilter, LikSums};
use super::objective::Problem;
use super::polynomial::difference;
use std::sync::atomic::Ordering;

use crate::error::{CoreError, CoreResult};

/// Residuals, likelihood sums and the filtered full state at the end.
pub(crate) struct FinalPass {
    pub(crate) sums: LikSums,
    pub(crate) residuals: Vec<f64>,
    pub(crate) a: Vec<f64>,
    pub(crate) p: Vec<f64>,
}

/// Runs the final filter at natural coefficients `coef`. With complete data
/// (`fast`), the ARMA part is filtered on the differenced series (O(r^2) per
/// step) and the full state is assembled: after the diffuse start the
/// differencing states hold known past values (zero variance), and the
/// residuals of the first d + D*s observations come from the exact diffuse
/// full filter run over just those observations. Otherwise the full filter
/// runs over the whole series.
pub(crate) fn final_pass(prob: &mut Problem<'_>, coef: &[f64], fast: bool) -> CoreResult<FinalPass> {
    prob.nat.copy_from_slice(coef);
    prob.expand();
    let mut adj = Vec::with_capacity(prob.y.len());
    Problem::adjusted(&mut adj, &prob.y, &prob.reg.cols, &coef[prob.narma..]);
    let no_state = || CoreError::Numerical("fitted model has no stationary state covariance".into());
    // A pass over a long series, or with a long period, takes seconds: it stops on the
    // caller's cancellation as the optimiser's objective does.
    let cancel = prob.cancel;
    let stop = move || cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    let cancelled = || CoreError::Cancelled;
    let nd = prob.delta.len();
    let mut filter = FullFilter::new(&mut prob.ws, &prob.phi, &prob.theta, &prob.delta).ok_or_else(no_state)?;
    if !fast {
        let out = filter.run_until(&adj, true, &stop).ok_or_else(cancelled)?;
        let (a, p) = filter.state();
        return Ok(FinalPass { sums: out.sums, residuals: out.residuals, a: a.to_vec(), p: p.to_vec() });
    }
    let mut residuals = if nd > 0 { filter.run_until(&adj[..nd], true, &stop).ok_or_else(cancelled)?.residuals } else { Vec::new() };
    let w = difference(&adj, &prob.delta);
    let out = match arma_filter_states(&mut prob.ws, &prob.phi, &prob.theta, &w, &stop) {
        Some(out) => out,
        None if stop() => return Err(CoreError::Cancelled),
        None => return Err(no_state()),
    };
    residuals.extend_from_slice(&out.residuals);
    let r = out.a.len();
    let rd = r + nd;
    let n = adj.len();
    let mut a = vec![0.0; rd];
    a[..r].copy_from_slice(&out.a);
    for j in 0..nd {
        // State r + j holds y_{n-1-j} (1-based), i.e. adj[n - 2 - j].
        a[r + j] = adj[n - 2 - j];
    }
    let mut p = vec![0.0; rd * rd];
    for i in 0..r {
        p[i * rd..i * rd + r].copy_from_slice(&out.p[i * r..(i + 1) * r]);
    }
    Ok(FinalPass { sums: out.sums, residuals, a, p })
}
