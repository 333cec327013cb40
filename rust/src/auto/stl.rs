//! Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and
//! Terpenning 1990), as R's `stats::stl` (the netlib Fortran `stl`) without
//! robustness iterations, which is what `forecast::mstl` uses on a series
//! with one seasonal period.
//!
//! Positions inside the loess smoother are 1-based, as in the paper, so the
//! weights and the local-linear fit use the same abscissae as R.

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
        }
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
    for _ in 0..params.inner {
        for i in 0..n {
            detrended[i] = y[i] - trend[i];
        }
        cycle_subseries(&detrended, np, ns, params.s_degree, params.s_jump, &mut cycle);
        low_pass(&cycle, np, &mut low, &mut scratch);
        loess(&low[..n], nl, params.l_degree, params.l_jump, &mut smooth_low, &mut weights);
        for i in 0..n {
            season[i] = cycle[np + i] - smooth_low[i];
            detrended[i] = y[i] - season[i];
        }
        loess(&detrended, nt, params.t_degree, params.t_jump, &mut trend, &mut weights);
    }
    (season, trend)
}

/// One loess estimate at 1-based abscissa `xs` from points `left..=right`
/// (1-based) of `y`; `w` is scratch indexed like `y`. `None` when every
/// weight is zero (Fortran `stlest` with ok = false).
fn estimate(y: &[f64], len: usize, degree: usize, xs: f64, left: usize, right: usize, w: &mut [f64]) -> Option<f64> {
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
            let v = if r <= h1 { 1.0 } else { (1.0 - (r / h).powi(3)).powi(3) };
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
fn loess(y: &[f64], len: usize, degree: usize, jump: usize, ys: &mut [f64], w: &mut [f64]) {
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
            ys[i - 1] = estimate(y, len, degree, i as f64, left, right, w).unwrap_or(y[i - 1]);
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
            ys[i - 1] = estimate(y, len, degree, i as f64, left, right, w).unwrap_or(y[i - 1]);
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
            ys[i - 1] = estimate(y, len, degree, i as f64, left, right, w).unwrap_or(y[i - 1]);
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
            ys[n - 1] = estimate(y, len, degree, n as f64, left, right, w).unwrap_or(y[n - 1]);
            if k != n - 1 {
                let delta = (ys[n - 1] - ys[k - 1]) / (n - k) as f64;
                for j in k + 1..n {
                    ys[j - 1] = ys[k - 1] + delta * (j - k) as f64;
                }
            }
        }
    }
}

/// Smooths each cycle-subseries of `y` (span `ns`) and extends it by one
/// value at each end; `out` (length n + 2 np) holds the result in time
/// order starting one period before the series (Fortran `stlss`).
fn cycle_subseries(y: &[f64], np: usize, ns: usize, degree: usize, jump: usize, out: &mut [f64]) {
    let n = y.len();
    let mut sub = Vec::with_capacity(n / np + 1);
    let mut smooth = vec![0.0; n / np + 3];
    let mut w = vec![0.0; n / np + 3];
    for j in 1..=np {
        let k = (n - j) / np + 1;
        sub.clear();
        sub.extend((0..k).map(|i| y[i * np + j - 1]));
        loess(&sub, ns, degree, jump, &mut smooth[1..k + 1], &mut w);
        smooth[0] = estimate(&sub, ns, degree, 0.0, 1, ns.min(k), &mut w).unwrap_or(smooth[1]);
        smooth[k + 1] = estimate(&sub, ns, degree, (k + 1) as f64, (k + 1).saturating_sub(ns).max(1), k, &mut w)
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
