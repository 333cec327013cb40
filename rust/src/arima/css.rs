//! Conditional sum of squares (R's `ARIMA_CSS` in arima.c), used for the
//! starting values of the maximum-likelihood fit ("CSS-ML").
//!
//! On the differenced series `w`, residuals are
//! `e_t = w_t - sum phi_i w_{t-i} - sum theta_j e_{t-j}` for `t >= ncond`
//! with `ncond = p + s*P` (pre-sample residuals are zero); R's objective is
//! `0.5 * log(ssq / nu)` over the non-NaN residuals (NaN propagates through
//! the MA recursion exactly as in R).

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
pub(crate) fn css_objective(w: &[f64], phi: &[f64], theta: &[f64], ncond: usize, resid: &mut Vec<f64>) -> f64 {
    let (ssq, nu) = css_sums(w, phi, theta, ncond, resid);
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
