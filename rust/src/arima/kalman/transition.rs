//! Products with the transition matrix `T` of the full state (ARMA companion
//! block plus the differencing states), using its sparsity: the prediction
//! step of the filter and of forecasting.

/// `out = T x` for a state vector.
pub(crate) fn apply_t(phi: &[f64], delta: &[f64], r: usize, x: &[f64], out: &mut [f64]) {
    let d = delta.len();
    let x0 = x[0];
    for i in 0..r {
        let next = if i + 1 < r { x[i + 1] } else { 0.0 };
        out[i] = phi[i] * x0 + next;
    }
    if d > 0 {
        let mut v = x0;
        for (j, &dj) in delta.iter().enumerate() {
            v += dj * x[r + j];
        }
        out[r] = v;
        for j in 1..d {
            out[r + j] = x[r + j - 1];
        }
    }
}

/// `out = T P T' (+ V when rvec is given)` using the sparsity of T
/// (R's `ARIMA_Like` prediction step, O(rd^2) per call).
pub(crate) fn predict_cov(phi: &[f64], delta: &[f64], r: usize, p: &[f64], mm: &mut [f64], out: &mut [f64], rvec: Option<&[f64]>) {
    let d = delta.len();
    let rd = r + d;
    // mm = T P (row combinations).
    for i in 0..r {
        let dst = &mut mm[i * rd..(i + 1) * rd];
        let ph = phi[i];
        let row0 = &p[..rd];
        if i + 1 < r {
            let nxt = &p[(i + 1) * rd..(i + 2) * rd];
            for j in 0..rd {
                dst[j] = ph * row0[j] + nxt[j];
            }
        } else {
            for j in 0..rd {
                dst[j] = ph * row0[j];
            }
        }
    }
    if d > 0 {
        for j in 0..rd {
            let mut v = p[j];
            for (k, &dk) in delta.iter().enumerate() {
                v += dk * p[(r + k) * rd + j];
            }
            mm[r * rd + j] = v;
        }
        for k in 1..d {
            let (src, dst) = ((r + k - 1) * rd, (r + k) * rd);
            mm[dst..dst + rd].copy_from_slice(&p[src..src + rd]);
        }
    }
    // out = mm T' (the same combinations on columns).
    for i in 0..rd {
        let row = &mm[i * rd..(i + 1) * rd];
        apply_t(phi, delta, r, row, &mut out[i * rd..(i + 1) * rd]);
    }
    if let Some(rv) = rvec {
        for i in 0..r {
            for k in 0..r {
                out[i * rd + k] += rv[i] * rv[k];
            }
        }
    }
}
