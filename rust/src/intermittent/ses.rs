//! The simple exponential smoothing the intermittent-demand methods share, as R's
//! `ses(initial = "simple")` and statsforecast's `_ses_lib` compute it: the level starts at
//! the first value and is updated by every value, the first included.

/// The one-step forecast after `x` (R's `ses(x, alpha, initial = "simple")$mean[1]`,
/// statsforecast's `ses_forecast`): the first value itself when there is only one.
/// `x` is not empty.
pub(super) fn forecast(x: &[f64], alpha: f64) -> f64 {
    if x.len() == 1 {
        return x[0];
    }
    x.iter().fold(x[0], |level, &v| alpha * v + (1.0 - alpha) * level)
}

/// [`forecast`] of the values `x` yields (at least one), without collecting them.
pub(super) fn forecast_of(mut x: impl Iterator<Item = f64>, alpha: f64) -> f64 {
    let Some(first) = x.next() else { return f64::NAN };
    // The fold starts at the first value and smooths it in as well, as `forecast` does; a
    // single value stays itself (alpha * v + (1 - alpha) * v need not round to v).
    let mut level = alpha * first + (1.0 - alpha) * first;
    let mut more = false;
    for v in x {
        level = alpha * v + (1.0 - alpha) * level;
        more = true;
    }
    if more { level } else { first }
}

/// The one-step forecasts of each value from the values before it: NaN first, then the
/// levels (statsforecast's `ses_forecast` fitted values, `fitted[i]` for `x[..i]`).
pub(super) fn fitted(x: &[f64], alpha: f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(x.len());
    out.push(f64::NAN);
    let mut level = x[0];
    for &v in &x[..x.len() - 1] {
        level = alpha * v + (1.0 - alpha) * level;
        out.push(level);
    }
    out
}

/// The sum of squared one-step errors statsforecast's golden-section search minimises
/// (`ses_sse`; 0 for fewer than two values).
fn sse(alpha: f64, x: &[f64]) -> f64 {
    let mut level = x[0];
    let mut total = 0.0;
    for i in 1..x.len() {
        level = alpha * x[i - 1] + (1.0 - alpha) * level;
        let error = x[i] - level;
        total += error * error;
    }
    total
}

/// statsforecast's `golden_section_ses`: the alpha in [lower, upper] minimising [`sse`], by a
/// golden-section search to a bracket of 1e-12 that stops early on a tie.
pub(super) fn golden_section(x: &[f64], lower: f64, upper: f64) -> f64 {
    let ratio = (5.0f64.sqrt() + 1.0) / 2.0;
    let (mut a, mut b) = (lower, upper);
    let mut c = b - (b - a) / ratio;
    let mut d = a + (b - a) / ratio;
    let (mut fc, mut fd) = (sse(c, x), sse(d, x));
    while (b - a).abs() >= 1e-12 {
        if fc < fd {
            b = d;
            d = c;
            fd = fc;
            c = b - (b - a) / ratio;
            fc = sse(c, x);
        } else if fd < fc {
            a = c;
            c = d;
            fc = fd;
            d = a + (b - a) / ratio;
            fd = sse(d, x);
        } else {
            break;
        }
    }
    (b + a) / 2.0
}

/// One golden-section search of [`golden_section`], advanced a step at a time so that two
/// searches can share their evaluations' loop.
struct Search {
    a: f64,
    b: f64,
    c: f64,
    d: f64,
    fc: f64,
    fd: f64,
    /// Whether the point being evaluated is c (else d); `None` once the search has ended.
    pending_c: Option<bool>,
}

impl Search {
    fn ratio() -> f64 {
        (5.0f64.sqrt() + 1.0) / 2.0
    }

    fn new(lower: f64, upper: f64) -> Search {
        let (a, b) = (lower, upper);
        let c = b - (b - a) / Self::ratio();
        let d = a + (b - a) / Self::ratio();
        Search { a, b, c, d, fc: f64::NAN, fd: f64::NAN, pending_c: Some(true) }
    }

    /// The next point to evaluate, after narrowing the bracket as [`golden_section`] does;
    /// `None` when the search has ended.
    fn next(&mut self) -> Option<f64> {
        let ratio = Self::ratio();
        if self.pending_c.is_none() || (self.b - self.a).abs() < 1e-12 {
            self.pending_c = None;
            return None;
        }
        if self.fc < self.fd {
            self.b = self.d;
            self.d = self.c;
            self.fd = self.fc;
            self.c = self.b - (self.b - self.a) / ratio;
            self.pending_c = Some(true);
            Some(self.c)
        } else if self.fd < self.fc {
            self.a = self.c;
            self.c = self.d;
            self.fc = self.fd;
            self.d = self.a + (self.b - self.a) / ratio;
            self.pending_c = Some(false);
            Some(self.d)
        } else {
            self.pending_c = None;
            None
        }
    }

    fn accept(&mut self, value: f64) {
        match self.pending_c {
            Some(true) => self.fc = value,
            Some(false) => self.fd = value,
            None => {}
        }
    }

    fn result(&self) -> f64 {
        (self.b + self.a) / 2.0
    }
}

/// [`sse`] of two series of one length at once: the two recursions are independent, so one
/// loop lets the processor overlap them. Each value is [`sse`]'s, bit for bit.
fn sse_pair(alpha: (f64, f64), x: &[f64], z: &[f64]) -> (f64, f64) {
    let (mut lx, mut lz) = (x[0], z[0]);
    let (mut tx, mut tz) = (0.0, 0.0);
    for i in 1..x.len() {
        lx = alpha.0 * x[i - 1] + (1.0 - alpha.0) * lx;
        lz = alpha.1 * z[i - 1] + (1.0 - alpha.1) * lz;
        let (ex, ez) = (x[i] - lx, z[i] - lz);
        tx += ex * ex;
        tz += ez * ez;
    }
    (tx, tz)
}

/// [`golden_section`] over `x` and over `z` (of one length), each search exactly as alone, the
/// two evaluated in one loop while both run.
pub(super) fn golden_section_pair(x: &[f64], z: &[f64], lower: f64, upper: f64) -> (f64, f64) {
    debug_assert_eq!(x.len(), z.len());
    let (mut sx, mut sz) = (Search::new(lower, upper), Search::new(lower, upper));
    let (fc, gc) = sse_pair((sx.c, sz.c), x, z);
    let (fd, gd) = sse_pair((sx.d, sz.d), x, z);
    (sx.fc, sx.fd, sz.fc, sz.fd) = (fc, fd, gc, gd);
    loop {
        match (sx.next(), sz.next()) {
            (Some(p), Some(q)) => {
                let (f, g) = sse_pair((p, q), x, z);
                sx.accept(f);
                sz.accept(g);
            }
            (Some(p), None) => sx.accept(sse(p, x)),
            (None, Some(q)) => sz.accept(sse(q, z)),
            (None, None) => return (sx.result(), sz.result()),
        }
    }
}

/// The smoothing bounds of statsforecast's optimised SES.
pub(super) const OPTIMISED_BOUNDS: (f64, f64) = (0.1, 0.3);

/// statsforecast's `_optimized_ses_forecast`: the forecast and the alpha chosen.
pub(super) fn optimised(x: &[f64]) -> (f64, f64) {
    let alpha = golden_section(x, OPTIMISED_BOUNDS.0, OPTIMISED_BOUNDS.1);
    (forecast(x, alpha), alpha)
}

/// Sums of consecutive blocks of `level` values, the first `len % level` values dropped
/// (statsforecast's aggregation, which keeps the most recent values).
pub(super) fn block_sums(y: &[f64], level: usize) -> Vec<f64> {
    y[y.len() % level..].chunks(level).map(|c| c.iter().sum()).collect()
}

/// statsforecast's `chunk_forecast`: optimised SES over the block sums of `y`; the last value
/// when no whole block fits, the one sum when one does.
pub(super) fn chunk_forecast(y: &[f64], level: usize) -> f64 {
    let sums = block_sums(y, level);
    match sums.len() {
        0 => y[y.len() - 1],
        1 => sums[0],
        _ => optimised(&sums).0,
    }
}

/// Spreads per-demand values over the periods (statsforecast's `expand_fitted_demand`):
/// `per_demand[k]` holds from the period after the k-th demand on; before the first demand
/// the previous value of `y`.
pub(super) fn expand_demand(per_demand: &[f64], y: &[f64]) -> Vec<f64> {
    let mut out = vec![f64::NAN; y.len()];
    let mut k = 0;
    for i in 1..y.len() {
        out[i] = if y[i - 1] > 0.0 {
            k += 1;
            per_demand[k]
        } else if k > 0 {
            out[i - 1]
        } else {
            y[i - 1]
        };
    }
    out
}

/// As [`expand_demand`] for intervals (statsforecast's `expand_fitted_intervals`): 1 before
/// the first demand and in place of a zero.
pub(super) fn expand_intervals(per_demand: &[f64], y: &[f64]) -> Vec<f64> {
    let mut out = vec![f64::NAN; y.len()];
    let mut k = 0;
    for i in 1..y.len() {
        out[i] = if y[i - 1] != 0.0 {
            k += 1;
            if per_demand[k] == 0.0 { 1.0 } else { per_demand[k] }
        } else if k > 0 {
            out[i - 1]
        } else {
            1.0
        };
    }
    out
}

/// The non-zero values (the demand sizes; the methods refuse negative values first).
pub(super) fn demand(y: &[f64]) -> Vec<f64> {
    y.iter().copied().filter(|&v| v > 0.0).collect()
}

/// The number of periods from one demand to the next, the first counted from the start of
/// the series (statsforecast's `_intervals`, R's `diff(c(0, which(x > 0)))`).
pub(super) fn intervals(y: &[f64]) -> Vec<f64> {
    let mut previous = 0usize;
    let mut out = Vec::new();
    for (i, &v) in y.iter().enumerate() {
        if v != 0.0 {
            out.push((i + 1 - previous) as f64);
            previous = i + 1;
        }
    }
    out
}
