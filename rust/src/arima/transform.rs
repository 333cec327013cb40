//! Parameter transformations used with R's `transform.pars = TRUE`:
//!
//! * AR blocks: the unconstrained optimizer parameter `u` maps to partial
//!   autocorrelations `tanh(u)` and then, by the Durbin–Levinson recursion, to
//!   AR coefficients (Jones 1980 / Monahan 1984; R's `partrans` / `invpartrans`
//!   in arima.c). Every real `u` gives a stationary AR polynomial.
//! * MA blocks are not transformed; invertibility is enforced by reflecting
//!   roots inside the unit circle (R's `maInvert` in arima.R).
//! * `grad_trans` is the forward-difference Jacobian of the AR map with step
//!   1e-3 (R's `ARIMA_Gradtrans`), used for the delta method on standard errors.

use super::roots::{polyroot, Complex};

/// Maps unconstrained values to stationary AR coefficients (same length).
pub(crate) fn partrans(raw: &[f64], out: &mut [f64]) {
    let p = raw.len();
    debug_assert_eq!(out.len(), p);
    // out holds the order-k coefficients as k grows; `prev` the order-(k-1) ones.
    let mut prev = [0.0f64; 64];
    let mut prev_heap;
    let prev: &mut [f64] = if p <= prev.len() {
        &mut prev[..p]
    } else {
        prev_heap = vec![0.0; p];
        &mut prev_heap[..]
    };
    for k in 0..p {
        let kappa = raw[k].tanh();
        prev[..k].copy_from_slice(&out[..k]);
        for j in 0..k {
            out[j] = prev[j] - kappa * prev[k - 1 - j];
        }
        out[k] = kappa;
    }
}

/// Partial autocorrelations of the AR polynomial `ar` by the backward
/// Durbin–Levinson recursion; `None` when some |pacf| >= 1 (non-stationary).
pub(crate) fn ar_to_pacf(ar: &[f64]) -> Option<Vec<f64>> {
    let p = ar.len();
    let mut cur = ar.to_vec();
    let mut pacf = vec![0.0; p];
    let mut work = vec![0.0; p];
    for k in (0..p).rev() {
        let kappa = cur[k];
        if !kappa.is_finite() || kappa.abs() >= 1.0 {
            return None;
        }
        pacf[k] = kappa;
        let den = 1.0 - kappa * kappa;
        for j in 0..k {
            work[j] = (cur[j] + kappa * cur[k - 1 - j]) / den;
        }
        cur[..k].copy_from_slice(&work[..k]);
    }
    Some(pacf)
}

/// True when `1 - sum ar_i z^i` has all roots outside the unit circle
/// (R's `arCheck`, decided through the partial autocorrelations).
pub(crate) fn ar_is_stationary(ar: &[f64]) -> bool {
    ar_to_pacf(ar).is_some()
}

/// Inverse of [`partrans`]: `atanh(pacf)`. `None` when not stationary.
pub(crate) fn inv_partrans(ar: &[f64]) -> Option<Vec<f64>> {
    let pacf = ar_to_pacf(ar)?;
    let raw: Vec<f64> = pacf.iter().map(|k| k.atanh()).collect();
    if raw.iter().all(|v| v.is_finite()) {
        Some(raw)
    } else {
        None
    }
}

/// Makes `1 + sum ma_i z^i` invertible by replacing each root inside the unit
/// circle by its reciprocal (R's `maInvert`). Trailing zero coefficients are kept.
pub(crate) fn ma_invert(ma: &[f64]) -> Vec<f64> {
    let q = ma.len();
    let q0 = match ma.iter().rposition(|&c| c != 0.0) {
        Some(i) => i + 1,
        None => return ma.to_vec(),
    };
    let mut coef = Vec::with_capacity(q0 + 1);
    coef.push(1.0);
    coef.extend_from_slice(&ma[..q0]);
    let mut roots = polyroot(&coef);
    if !roots.iter().any(|r| r.abs() < 1.0) {
        return ma.to_vec();
    }
    if q0 == 1 {
        let mut out = vec![0.0; q];
        out[0] = 1.0 / ma[0];
        return out;
    }
    for r in roots.iter_mut() {
        if r.abs() < 1.0 {
            *r = r.recip();
        }
    }
    let mut out = lag_coefficients(&roots, q0);
    out.resize(q, 0.0);
    out
}

/// Coefficients `c` of the lag polynomial `1 + c[0] z + ... + c[len-1] z^len` whose roots
/// are `roots` (conjugate pairs and real roots, so the coefficients are real): the product
/// of `(1 - z / r)` rebuilt with increasing powers, zeros beyond its degree.
pub(crate) fn lag_coefficients(roots: &[Complex], len: usize) -> Vec<f64> {
    let mut poly = vec![Complex::new(1.0, 0.0)];
    for r in roots {
        let inv = r.recip();
        let mut next = vec![Complex::new(0.0, 0.0); poly.len() + 1];
        for (i, &c) in poly.iter().enumerate() {
            next[i] = next[i].add(c);
            next[i + 1] = next[i + 1].sub(c.mul(inv));
        }
        poly = next;
    }
    (1..=len).map(|i| poly.get(i).map_or(0.0, |c| c.re)).collect()
}

/// Layout of the ARMA block inside a coefficient vector (R order:
/// ar, ma, sar, sma, then regression coefficients).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    pub p: usize,
    pub q: usize,
    pub sp: usize,
    pub sq: usize,
}

impl Layout {
    pub(crate) fn ar(&self) -> std::ops::Range<usize> {
        0..self.p
    }
    pub(crate) fn ma(&self) -> std::ops::Range<usize> {
        self.p..self.p + self.q
    }
    pub(crate) fn sar(&self) -> std::ops::Range<usize> {
        self.p + self.q..self.p + self.q + self.sp
    }
    pub(crate) fn sma(&self) -> std::ops::Range<usize> {
        let s = self.p + self.q + self.sp;
        s..s + self.sq
    }
}

/// Maps the optimizer's (transformed) coefficient vector to natural
/// coefficients: AR and seasonal AR blocks through [`partrans`], rest copied
/// (R's `ARIMA_undoPars`).
pub(crate) fn undo_pars(layout: &Layout, raw: &[f64], out: &mut [f64]) {
    out.copy_from_slice(raw);
    partrans(&raw[layout.ar()], &mut out[layout.ar()]);
    partrans(&raw[layout.sar()], &mut out[layout.sar()]);
}

/// Jacobian `A[i][j] = d natural_j / d raw_i` (row-major, n x n) by forward
/// differences with step 1e-3, identity outside the AR blocks (R's `ARIMA_Gradtrans`).
pub(crate) fn grad_trans(layout: &Layout, raw: &[f64]) -> Vec<f64> {
    const EPS: f64 = 1e-3;
    let n = raw.len();
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        a[i * n + i] = 1.0;
    }
    for block in [layout.ar(), layout.sar()] {
        let m = block.len();
        if m == 0 {
            continue;
        }
        let mut w1 = raw[block.clone()].to_vec();
        let mut w2 = vec![0.0; m];
        let mut w3 = vec![0.0; m];
        partrans(&w1, &mut w2);
        for i in 0..m {
            w1[i] += EPS;
            partrans(&w1, &mut w3);
            for j in 0..m {
                a[(block.start + i) * n + block.start + j] = (w3[j] - w2[j]) / EPS;
            }
            w1[i] -= EPS;
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partrans_round_trip() {
        let raw = [0.3, -1.2, 0.7, 2.0];
        let mut ar = [0.0; 4];
        partrans(&raw, &mut ar);
        assert!(ar_is_stationary(&ar));
        let back = inv_partrans(&ar).expect("stationary");
        for (a, b) in raw.iter().zip(&back) {
            assert!((a - b).abs() < 1e-10, "{a} {b}");
        }
    }

    #[test]
    fn stationarity() {
        assert!(ar_is_stationary(&[0.5]));
        assert!(!ar_is_stationary(&[1.0]));
        assert!(!ar_is_stationary(&[0.5, 0.6])); // 1 - .5z - .6z^2 has a root inside
        assert!(ar_is_stationary(&[1.0048, -0.2913]));
    }

    #[test]
    fn ma_invert_reflects() {
        assert_eq!(ma_invert(&[2.0]), vec![0.5]);
        assert_eq!(ma_invert(&[0.5]), vec![0.5]);
        // theta(z) = (1 + 2z)(1 + 0.5z) = 1 + 2.5 z + z^2 -> (1 + .5z)(1 + .5z)
        let inv = ma_invert(&[2.5, 1.0]);
        assert!((inv[0] - 1.0).abs() < 1e-12 && (inv[1] - 0.25).abs() < 1e-12, "{inv:?}");
        assert_eq!(ma_invert(&[0.0, 0.0]), vec![0.0, 0.0]);
    }
}
