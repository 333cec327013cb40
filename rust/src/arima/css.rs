//! Conditional sum of squares (R's `ARIMA_CSS` in arima.c), used for the
//! starting values of the maximum-likelihood fit ("CSS-ML").
//!
//! On the differenced series `w`, residuals are
//! `e_t = w_t - sum phi_i w_{t-i} - sum theta_j e_{t-j}` for `t >= ncond`
//! with `ncond = p + s*P` (pre-sample residuals are zero); R's objective is
//! `0.5 * log(ssq / nu)` over the non-NaN residuals (NaN propagates through
//! the MA recursion exactly as in R).

use super::linear_direct::LastPoint;

/// Scratch buffers for [`css_objective`].
#[derive(Debug, Clone, Default)]
pub(crate) struct CssScratch {
    resid: Vec<f64>,
    /// The optimiser's point whose sums `resid` holds the residuals of, with those sums: set
    /// only where both are computed together ([`CssScratch::sums_kept_at`]), forgotten
    /// wherever `resid` is written otherwise.
    kept: LastPoint<(f64, usize)>,
    /// Non-zero AR / MA coefficients as (lag, coefficient).
    ar: Vec<(usize, f64)>,
    ma: Vec<(usize, f64)>,
    /// The series and residuals of [`css_residuals_many`], row by row.
    pub(crate) lanes: Vec<f64>,
}

/// [`css_sums`] for a series without missing values, using only the non-zero
/// coefficients (the expanded seasonal polynomials are mostly zeros). Same
/// arithmetic as the dense loop up to the order of the (exact-zero) terms
/// skipped. The AR part has no recursion and is applied first, then the MA
/// recursion runs over the AR residuals in place.
fn css_sums_complete(w: &[f64], phi: &[f64], theta: &[f64], ncond: usize, sc: &mut CssScratch) -> (f64, usize) {
    let n = w.len();
    sc.ar.clear();
    sc.ar.extend(phi.iter().enumerate().filter(|(_, c)| **c != 0.0).map(|(j, &c)| (j + 1, c)));
    sc.ma.clear();
    sc.ma.extend(theta.iter().enumerate().filter(|(_, c)| **c != 0.0).map(|(j, &c)| (j + 1, c)));
    let e = &mut sc.resid;
    // Zero before ncond; every later residual is written below.
    if e.len() != n {
        e.clear();
        e.resize(n, 0.0);
    }
    if ncond >= n {
        e.fill(0.0);
        return (0.0, 0);
    }
    e[..ncond].fill(0.0);
    match sc.ar.last().map_or(0, |a| a.0) {
        0 => e[ncond..].copy_from_slice(&w[ncond..]),
        1 => ar_pass::<1>(phi, w, e, ncond),
        2 => ar_pass::<2>(phi, w, e, ncond),
        3 => ar_pass::<3>(phi, w, e, ncond),
        4 => ar_pass::<4>(phi, w, e, ncond),
        _ => {
            for l in ncond..n {
                let mut tmp = w[l];
                for &(lag, c) in &sc.ar {
                    tmp -= c * w[l - lag];
                }
                e[l] = tmp;
            }
        }
    }
    // Pre-sample residuals (before ncond) are zero: lags reaching back
    // before ncond contribute nothing.
    let warm = (ncond + sc.ma.last().map_or(0, |m| m.0)).min(n);
    for l in ncond..warm {
        let mut tmp = e[l];
        for &(lag, c) in &sc.ma {
            if lag <= l && l - lag >= ncond {
                tmp -= c * e[l - lag];
            }
        }
        e[l] = tmp;
    }
    let maxlag = sc.ma.last().map_or(0, |m| m.0);
    if warm < n {
        match maxlag {
            0 => {}
            1 => ma_window::<1>(theta, e, warm),
            2 => ma_window::<2>(theta, e, warm),
            3 => ma_window::<3>(theta, e, warm),
            4 => ma_window::<4>(theta, e, warm),
            _ => match sc.ma.len() {
                1 => ma_sparse::<1>(&sc.ma, e, warm),
                2 => ma_sparse::<2>(&sc.ma, e, warm),
                3 => ma_sparse::<3>(&sc.ma, e, warm),
                4 => ma_sparse::<4>(&sc.ma, e, warm),
                5 => ma_sparse::<5>(&sc.ma, e, warm),
                6 => ma_sparse::<6>(&sc.ma, e, warm),
                7 => ma_sparse::<7>(&sc.ma, e, warm),
                8 => ma_sparse::<8>(&sc.ma, e, warm),
                _ => {
                    for l in warm..n {
                        let mut tmp = e[l];
                        for &(lag, c) in &sc.ma {
                            tmp -= c * e[l - lag];
                        }
                        e[l] = tmp;
                    }
                }
            },
        }
    }
    // Four partial sums: a single accumulator would be latency bound.
    let tail = &e[ncond..];
    let mut acc = [0.0; 4];
    let mut chunks = tail.chunks_exact(4);
    for c in &mut chunks {
        for j in 0..4 {
            acc[j] += c[j] * c[j];
        }
    }
    let mut ssq = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for &x in chunks.remainder() {
        ssq += x * x;
    }
    (ssq, n - ncond)
}

/// `e_l = w_l - sum_{j<P} phi_j w_{l-1-j}` for `l >= start` (`start >= P`,
/// `phi_j = 0` for `j >= P`).
fn ar_pass<const P: usize>(phi: &[f64], w: &[f64], e: &mut [f64], start: usize) {
    let ph: [f64; P] = phi[..P].try_into().expect("length P");
    for (i, x) in e[start..].iter_mut().enumerate() {
        let l = start + i;
        let past: &[f64; P] = w[l - P..l].try_into().expect("length P");
        let mut tmp = w[l];
        for j in 0..P {
            tmp -= ph[j] * past[P - 1 - j];
        }
        *x = tmp;
    }
}

/// The MA recursion `e_l -= sum_{j<Q} theta_j e_{l-1-j}` for `l >= start`
/// (`start >= Q`) with the last `Q` residuals kept in registers (short dense
/// MA polynomials; `theta.len() >= Q` and `theta_j = 0` for `j >= Q`).
fn ma_window<const Q: usize>(theta: &[f64], e: &mut [f64], start: usize) {
    let th: [f64; Q] = theta[..Q].try_into().expect("length Q");
    // win[j] = e_{l-1-j}.
    let mut win = [0.0; Q];
    for j in 0..Q {
        win[j] = e[start - 1 - j];
    }
    for x in &mut e[start..] {
        // Oldest lags first: only the last term waits for the previous residual.
        let mut tmp = *x;
        for j in (0..Q).rev() {
            tmp -= th[j] * win[j];
        }
        *x = tmp;
        for j in (1..Q).rev() {
            win[j] = win[j - 1];
        }
        win[0] = tmp;
    }
}

/// The MA recursion `e_l -= sum c e_{l-lag}` over the `N` non-zero terms
/// `ma` (ascending lags, as for seasonal MA polynomials: lags 1..q, s..s+q,
/// ...) for `l >= start` (`start >=` the largest lag), with lags and
/// coefficients in registers. Terms are applied in lag order, the order of
/// R's `ARIMA_CSS` loop: applying the oldest lags first would take the
/// earlier terms off the dependency chain through the previous residual,
/// but the changed rounding alone moved 4 of the 1613 M1/Tourism
/// monthly/quarterly auto.arima choices (3 to a worse AICc).
fn ma_sparse<const N: usize>(ma: &[(usize, f64)], e: &mut [f64], start: usize) {
    let mut lags = [0usize; N];
    let mut coef = [0.0; N];
    for (j, &(lag, c)) in ma.iter().enumerate() {
        lags[j] = lag;
        coef[j] = c;
    }
    for l in start..e.len() {
        let mut tmp = e[l];
        for j in 0..N {
            tmp -= coef[j] * e[l - lags[j]];
        }
        e[l] = tmp;
    }
}

impl CssScratch {
    /// The sums `(ssq, nu)` of a series without missing values ([`css_sums_complete`]), its
    /// residuals kept (zero before `ncond`), remembered as those at the optimiser's `point`
    /// (that `w`, `phi` and `theta` are of).
    pub(crate) fn sums_kept_at(&mut self, point: &[f64], w: &[f64], phi: &[f64], theta: &[f64], ncond: usize) -> (f64, usize) {
        let sums = css_sums_complete(w, phi, theta, ncond, self);
        self.kept.remember(point, Some(sums));
        sums
    }

    /// `(ssq, nu, residuals)` at `point`: those of the last [`sums_kept_at`](Self::sums_kept_at)
    /// when it was at the same point (bit for bit) and nothing has written the residuals
    /// since, else computed and kept.
    pub(crate) fn sums_at(&mut self, point: &[f64], w: &[f64], phi: &[f64], theta: &[f64], ncond: usize) -> (f64, usize, &[f64]) {
        let (ssq, nu) = match self.kept.at(point) {
            Some(sums) => sums,
            None => self.sums_kept_at(point, w, phi, theta, ncond),
        };
        (ssq, nu, &self.resid)
    }
}

/// [`css_sums_complete`] for a series without missing values, keeping its residuals:
/// `(ssq, nu, residuals)`, the residuals zero before `ncond` (the tests' reference).
#[cfg(test)]
pub(crate) fn css_sums_kept<'s>(w: &[f64], phi: &[f64], theta: &[f64], ncond: usize, sc: &'s mut CssScratch) -> (f64, usize, &'s [f64]) {
    sc.kept.forget();
    let (ssq, nu) = css_sums_complete(w, phi, theta, ncond, sc);
    (ssq, nu, &sc.resid)
}

/// Returns `(ssq, nu)`; `resid` is a scratch buffer (resized here).
pub(crate) fn css_sums(w: &[f64], phi: &[f64], theta: &[f64], ncond: usize, resid: &mut Vec<f64>) -> (f64, usize) {
    let n = w.len();
    resid.clear();
    resid.resize(n, 0.0);
    let mut ssq = 0.0;
    let mut nu = 0usize;
    let q = theta.len();
    for l in ncond..n {
        let mut tmp = w[l];
        for (j, &ph) in phi.iter().enumerate() {
            tmp -= ph * w[l - j - 1];
        }
        let lim = (l - ncond).min(q);
        for j in 0..lim {
            tmp -= theta[j] * resid[l - j - 1];
        }
        resid[l] = tmp;
        if !tmp.is_nan() {
            nu += 1;
            ssq += tmp * tmp;
        }
    }
    (ssq, nu)
}

/// R's `armaCSS` objective `0.5 * log(ssq / nu)`; +inf when undefined.
/// `complete` says that `w` has no NaN (then the sparse loop is used).
pub(crate) fn css_objective(w: &[f64], phi: &[f64], theta: &[f64], ncond: usize, complete: bool, sc: &mut CssScratch) -> f64 {
    sc.kept.forget();
    let (ssq, nu) = if complete {
        css_sums_complete(w, phi, theta, ncond, sc)
    } else {
        css_sums(w, phi, theta, ncond, &mut sc.resid)
    };
    css_value(ssq, nu)
}

/// `0.5 * log(ssq / nu)`, +inf when undefined.
pub(crate) fn css_value(ssq: f64, nu: usize) -> f64 {
    if nu == 0 {
        return f64::INFINITY;
    }
    let v = 0.5 * (ssq / nu as f64).ln();
    if v.is_nan() {
        f64::INFINITY
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_complete_loop_matches_dense() {
        let w: Vec<f64> = (0..200).map(|t| ((t * 37 % 101) as f64 / 17.0).sin() + 0.01 * t as f64).collect();
        let mut phi = [0.0; 14];
        phi[0] = 0.5;
        phi[1] = -0.2;
        phi[11] = 0.3;
        phi[12] = -0.15;
        phi[13] = 0.06;
        let mut theta = [0.0; 13];
        theta[0] = 0.4;
        theta[11] = -0.6;
        theta[12] = -0.24;
        for (p, q, ncond) in [(14, 13, 14), (2, 1, 2), (0, 13, 0), (14, 0, 14), (2, 13, 2)] {
            let mut sc = CssScratch::default();
            let mut dense = Vec::new();
            let a = css_sums(&w, &phi[..p], &theta[..q], ncond, &mut dense);
            let b = css_sums_complete(&w, &phi[..p], &theta[..q], ncond, &mut sc);
            assert_eq!(a.1, b.1);
            assert!((a.0 - b.0).abs() <= 1e-12 * a.0, "{a:?} {b:?}");
        }
    }

    #[test]
    fn kept_residuals_are_those_of_the_point_asked_for() {
        let w: Vec<f64> = (0..120).map(|t| ((t * 13 % 29) as f64 / 5.0).cos()).collect();
        let other: Vec<f64> = w.iter().map(|v| 2.0 * v + 1.0).collect();
        let (phi, theta, point) = ([0.5, -0.2], [0.3], [0.5, -0.2, 0.3]);
        let mut reference = CssScratch::default();
        let (ssq, nu, want) = css_sums_kept(&w, &phi, &theta, 2, &mut reference);
        let (sums, want) = ((ssq, nu), want.to_vec());
        let mut sc = CssScratch::default();
        assert_eq!(sc.sums_kept_at(&point, &w, &phi, &theta, 2), sums);
        // Kept: another series at the same point is not even read.
        let (ssq, nu, resid) = sc.sums_at(&point, &other, &phi, &theta, 2);
        assert_eq!(((ssq, nu), resid), (sums, &want[..]));
        // Overwritten by an objective on another series: computed again at the point.
        css_objective(&other, &phi, &theta, 2, false, &mut sc);
        let (ssq, nu, resid) = sc.sums_at(&point, &w, &phi, &theta, 2);
        assert_eq!(((ssq, nu), resid), (sums, &want[..]));
    }
}
