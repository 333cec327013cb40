//! Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and
//! Terpenning 1990), as R's `stats::stl` (the netlib Fortran `stl`): the
//! plain decomposition `forecast::mstl` uses on a series with one seasonal
//! period, and the robust one (`robust = TRUE`) `forecast::na.interp` uses.
//!
//! Positions inside the loess smoother are 1-based, as in the paper, so the
//! weights and the local-linear fit use the same abscissae as R.

/// `forecast::mstl`'s seasonal window for a single seasonal period: the
/// first of its default `s.window = 7 + 4 * seq(6)`.
pub const MSTL_S_WINDOW: usize = 11;

/// Parameters of one decomposition (R's `stl` arguments).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StlParams {
    pub period: usize,
    pub s_window: usize,
    pub s_degree: usize,
    pub t_window: usize,
    pub t_degree: usize,
    pub l_window: usize,
    pub l_degree: usize,
    pub s_jump: usize,
    pub t_jump: usize,
    pub l_jump: usize,
    pub inner: usize,
    /// Robustness iterations (R's `outer`): 0 for the plain decomposition.
    pub outer: usize,
}

impl StlParams {
    /// R's `stl(x, s.window)` defaults for a given period and seasonal
    /// window: `s.degree = 0`, `t.window = nextodd(ceiling(1.5 period /
    /// (1 - 1.5 / s.window)))`, `l.window = nextodd(period)`, degrees 1,
    /// jumps `ceiling(window / 10)`, two inner iterations.
    pub fn r_defaults(period: usize, s_window: usize) -> StlParams {
        let next_odd = |x: f64| {
            let r = x.round() as usize;
            if r % 2 == 0 {
                r + 1
            } else {
                r
            }
        };
        let t_window = next_odd((1.5 * period as f64 / (1.0 - 1.5 / s_window as f64)).ceil());
        let l_window = next_odd(period as f64);
        let jump = |w: usize| w.div_ceil(10);
        StlParams {
            period,
            s_window,
            s_degree: 0,
            t_window,
            t_degree: 1,
            l_window,
            l_degree: 1,
            s_jump: jump(s_window),
            t_jump: jump(t_window),
            l_jump: jump(l_window),
            inner: 2,
            outer: 0,
        }
    }

    /// R's `stl(x, s.window, robust = TRUE)`: one inner iteration and 15
    /// robustness iterations, otherwise as [`r_defaults`](Self::r_defaults).
    pub fn r_robust(period: usize, s_window: usize) -> StlParams {
        StlParams { inner: 1, outer: 15, ..StlParams::r_defaults(period, s_window) }
    }
}

/// Seasonal and trend components of `y` (no missing values, length > 2 periods).
pub fn stl(y: &[f64], params: &StlParams) -> (Vec<f64>, Vec<f64>) {
    let odd = |w: usize| {
        let w = w.max(3);
        if w % 2 == 0 {
            w + 1
        } else {
            w
        }
    };
    let np = params.period.max(2);
    let ns = odd(params.s_window);
    let nt = odd(params.t_window);
    let nl = odd(params.l_window);
    let n = y.len();
    let mut season = vec![0.0; n];
    let mut trend = vec![0.0; n];
    let mut detrended = vec![0.0; n];
    let mut cycle = vec![0.0; n + 2 * np];
    let mut low = vec![0.0; n + 2 * np];
    let mut scratch = vec![0.0; n + 2 * np];
    let mut smooth_low = vec![0.0; n];
    let mut weights = vec![0.0; n + 2 * np];
    // Robustness weights; `None` until the first pass has residuals (Fortran `userw`).
    let mut robustness: Option<Vec<f64>> = None;
    for pass in 0..=params.outer {
        if pass > 0 {
            let fit: Vec<f64> = (0..n).map(|i| season[i] + trend[i]).collect();
            robustness = Some(robustness_weights(y, &fit));
        }
        let rw = robustness.as_deref();
        for _ in 0..params.inner {
            for i in 0..n {
                detrended[i] = y[i] - trend[i];
            }
            // A cancelled caller discards this decomposition (see `cancel_scope`).
            if crate::cancel_scope::requested() {
                return (season, trend);
            }
            cycle_subseries(&detrended, rw, np, ns, params.s_degree, params.s_jump, &mut cycle);
            low_pass(&cycle, np, &mut low, &mut scratch);
            // The low-pass filter of the seasonal is never weighted (Fortran `stlstp`).
            loess(&low[..n], None, nl, params.l_degree, params.l_jump, &mut smooth_low, &mut weights);
            for i in 0..n {
                season[i] = cycle[np + i] - smooth_low[i];
                detrended[i] = y[i] - season[i];
            }
            loess(&detrended, rw, nt, params.t_degree, params.t_jump, &mut trend, &mut weights);
        }
    }
    (season, trend)
}

/// Bisquare weights of the residuals `y - fit` scaled by six times their
/// median absolute value (Fortran `stlrwt`).
///
/// Deviation from R: for an even length R's Fortran asks its partial sort for
/// the order statistics n/2 + 1 and n/2 in that (descending) order, and the
/// partial sort then need not put the true order statistics there; R's
/// weights, and so the robust decomposition, can differ from these, which use
/// the exact median. For odd lengths both are the median (tested).
fn robustness_weights(y: &[f64], fit: &[f64]) -> Vec<f64> {
    let residuals: Vec<f64> = y.iter().zip(fit).map(|(a, b)| (a - b).abs()).collect();
    let mut sorted = residuals.clone();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    // The Fortran's mid(1) = n/2 + 1 and mid(2) = n - mid(1) + 1, 1-based.
    let cmad = 3.0 * (sorted[n / 2] + sorted[n - (n / 2 + 1)]);
    let (c9, c1) = (0.999 * cmad, 0.001 * cmad);
    residuals
        .iter()
        .map(|&r| {
            if r <= c1 {
                1.0
            } else if r <= c9 {
                (1.0 - (r / cmad).powi(2)).powi(2)
            } else {
                0.0
            }
        })
        .collect()
}

/// One loess estimate at 1-based abscissa `xs` from points `left..=right`
/// (1-based) of `y`, each neighbour's weight multiplied by its robustness
/// weight `rw` when given; `w` is scratch indexed like `y`. `None` when every
/// weight is zero (Fortran `stlest` with ok = false).
#[allow(clippy::too_many_arguments)] // the Fortran routine's own argument list
fn estimate(
    y: &[f64],
    rw: Option<&[f64]>,
    len: usize,
    degree: usize,
    xs: f64,
    left: usize,
    right: usize,
    w: &mut [f64],
) -> Option<f64> {
    let n = y.len();
    let range = n as f64 - 1.0;
    let mut h = (xs - left as f64).max(right as f64 - xs);
    if len > n {
        h += ((len - n) / 2) as f64;
    }
    let (h9, h1) = (0.999 * h, 0.001 * h);
    let mut total = 0.0;
    for j in left..=right {
        let r = (j as f64 - xs).abs();
        w[j - 1] = if r <= h9 {
            let tricube = if r <= h1 { 1.0 } else { (1.0 - (r / h).powi(3)).powi(3) };
            let v = rw.map_or(tricube, |rw| rw[j - 1] * tricube);
            total += v;
            v
        } else {
            0.0
        };
    }
    if total <= 0.0 {
        return None;
    }
    for j in left..=right {
        w[j - 1] /= total;
    }
    if h > 0.0 && degree > 0 {
        let center: f64 = (left..=right).map(|j| w[j - 1] * j as f64).sum();
        let spread: f64 = (left..=right).map(|j| w[j - 1] * (j as f64 - center).powi(2)).sum();
        if spread.sqrt() > 0.001 * range {
            let slope = (xs - center) / spread;
            for j in left..=right {
                w[j - 1] *= slope * (j as f64 - center) + 1.0;
            }
        }
    }
    Some((left..=right).map(|j| w[j - 1] * y[j - 1]).sum())
}

/// Loess smoothing of `y` into `ys` with span `len`, evaluated every `jump`
/// points and linearly interpolated between them (Fortran `stless`).
fn loess(y: &[f64], rw: Option<&[f64]>, len: usize, degree: usize, jump: usize, ys: &mut [f64], w: &mut [f64]) {
    let n = y.len();
    if n < 2 {
        ys[0] = y[0];
        return;
    }
    let nj = jump.min(n - 1).max(1);
    let (mut left, mut right);
    if len >= n {
        left = 1;
        right = n;
        for i in (1..=n).step_by(nj) {
            ys[i - 1] = estimate(y, rw, len, degree, i as f64, left, right, w).unwrap_or(y[i - 1]);
        }
    } else if nj == 1 {
        let half = (len + 1) / 2;
        left = 1;
        right = len;
        for i in 1..=n {
            if i > half && right != n {
                left += 1;
                right += 1;
            }
            ys[i - 1] = estimate(y, rw, len, degree, i as f64, left, right, w).unwrap_or(y[i - 1]);
        }
    } else {
        let half = (len + 1) / 2;
        left = 1;
        right = len;
        for i in (1..=n).step_by(nj) {
            if i < half {
                left = 1;
                right = len;
            } else if i >= n - half + 1 {
                left = n - len + 1;
                right = n;
            } else {
                left = i - half + 1;
                right = len + i - half;
            }
            ys[i - 1] = estimate(y, rw, len, degree, i as f64, left, right, w).unwrap_or(y[i - 1]);
        }
    }
    if nj != 1 {
        let mut i = 1;
        while i <= n - nj {
            let delta = (ys[i + nj - 1] - ys[i - 1]) / nj as f64;
            for j in i + 1..i + nj {
                ys[j - 1] = ys[i - 1] + delta * (j - i) as f64;
            }
            i += nj;
        }
        let k = ((n - 1) / nj) * nj + 1;
        if k != n {
            ys[n - 1] = estimate(y, rw, len, degree, n as f64, left, right, w).unwrap_or(y[n - 1]);
            if k != n - 1 {
                let delta = (ys[n - 1] - ys[k - 1]) / (n - k) as f64;
                for j in k + 1..n {
                    ys[j - 1] = ys[k - 1] + delta * (j - k) as f64;
                }
            }
        }
    }
}

/// Smooths each cycle-subseries of `y` (span `ns`, robustness weights `rw`
/// when given) and extends it by one value at each end; `out` (length
/// n + 2 np) holds the result in time order starting one period before the
/// series (Fortran `stlss`).
fn cycle_subseries(y: &[f64], rw: Option<&[f64]>, np: usize, ns: usize, degree: usize, jump: usize, out: &mut [f64]) {
    let n = y.len();
    let mut sub = Vec::with_capacity(n / np + 1);
    let mut sub_rw = Vec::with_capacity(n / np + 1);
    let mut smooth = vec![0.0; n / np + 3];
    let mut w = vec![0.0; n / np + 3];
    for j in 1..=np {
        let k = (n - j) / np + 1;
        sub.clear();
        sub.extend((0..k).map(|i| y[i * np + j - 1]));
        let sub_weights = rw.map(|rw| {
            sub_rw.clear();
            sub_rw.extend((0..k).map(|i| rw[i * np + j - 1]));
            sub_rw.as_slice()
        });
        loess(&sub, sub_weights, ns, degree, jump, &mut smooth[1..k + 1], &mut w);
        smooth[0] = estimate(&sub, sub_weights, ns, degree, 0.0, 1, ns.min(k), &mut w).unwrap_or(smooth[1]);
        smooth[k + 1] =
            estimate(&sub, sub_weights, ns, degree, (k + 1) as f64, (k + 1).saturating_sub(ns).max(1), k, &mut w)
                .unwrap_or(smooth[k]);
        for m in 0..k + 2 {
            out[m * np + j - 1] = smooth[m];
        }
    }
}

/// Moving averages of lengths np, np and 3 (Fortran `stlfts`): `x` has
/// length n + 2 np, `out[..n]` receives the low-pass series.
fn low_pass(x: &[f64], np: usize, out: &mut [f64], scratch: &mut [f64]) {
    let m = x.len();
    moving_average(x, np, out);
    moving_average(&out[..m - np + 1], np, scratch);
    moving_average(&scratch[..m - 2 * np + 2], 3, out);
}

/// Running mean of length `len` (Fortran `stlma`): `ave[i] = mean(x[i..i+len])`.
fn moving_average(x: &[f64], len: usize, ave: &mut [f64]) {
    let count = x.len() - len + 1;
    let flen = len as f64;
    let mut v: f64 = x[..len].iter().sum();
    ave[0] = v / flen;
    for j in 1..count {
        v = v - x[j - 1] + x[len + j - 1];
        ave[j] = v / flen;
    }
}

#[cfg(test)]
mod tests {
    //! Against R's `stl(ts(x, frequency = m), s.window = 11, robust)` in
    //! `testdata/auto_arima/missing_values.json` (the complete series).
    use super::*;
    use crate::stats::test_fixtures::{assert_within, load, max_abs, nums};

    fn check(key: &str, params: fn(usize, usize) -> StlParams, lengths: fn(usize) -> bool) -> usize {
        let doc = load("missing_values.json");
        let mut checked = 0;
        for case in doc["series"].as_array().expect("series") {
            let y = nums(&case["complete"]);
            if !lengths(y.len()) {
                continue;
            }
            checked += 1;
            let m = case["m"].as_u64().expect("m") as usize;
            let (season, trend) = stl(&y, &params(m, MSTL_S_WINDOW));
            let tol = 1e-10 * max_abs(&y);
            let label = format!("{key} {}", case["name"]);
            assert_within(&label, &season, &nums(&case[key]["seasonal"]), tol);
            assert_within(&label, &trend, &nums(&case[key]["trend"]), tol);
        }
        checked
    }

    #[test]
    fn plain_decomposition_matches_r() {
        assert_eq!(check("stl", StlParams::r_defaults, |_| true), 78);
    }

    /// R takes the robustness weights' median with a partial sort that is
    /// exact only for odd lengths (see `robustness_weights`).
    #[test]
    fn robust_decomposition_matches_r_for_odd_lengths() {
        assert!(check("stl_robust", StlParams::r_robust, |n| n % 2 == 1) >= 40);
    }

    #[test]
    fn an_outlier_barely_moves_the_robust_trend() {
        let m = 12;
        let clean: Vec<f64> = (0..96).map(|t| 10.0 + 0.1 * t as f64 + (2.0 * std::f64::consts::PI * t as f64 / 12.0).sin()).collect();
        let mut spiked = clean.clone();
        spiked[50] += 100.0;
        let shift = |params: StlParams| {
            let (_, a) = stl(&clean, &params);
            let (_, b) = stl(&spiked, &params);
            (a[50] - b[50]).abs()
        };
        let plain = shift(StlParams::r_defaults(m, MSTL_S_WINDOW));
        let robust = shift(StlParams::r_robust(m, MSTL_S_WINDOW));
        assert!(robust < 0.05 * plain, "robust {robust} plain {plain}");
    }
}
