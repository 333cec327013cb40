//! Croston's method: R's `forecast::croston` (whose forecasts statsforecast's
//! `CrostonClassic` repeats), its SBA correction and statsforecast's `CrostonOptimized`.
//! The forecast is the smoothed demand size over the smoothed interval between demands.

use super::ses;

/// What a fit of one of these methods gives: the forecast, the in-sample one-step values and,
/// for the optimised method, the smoothing parameters of the sizes and of the intervals.
pub(super) struct Fit {
    pub mean: f64,
    pub fitted: Vec<f64>,
    pub alphas: Option<(f64, f64)>,
}

/// R's `croston(y, alpha = alpha)`: no demand forecasts 0 with fitted values 0; the fitted
/// value at t is the method's forecast from `y[..t]` (R refits every prefix, `croston2`), and
/// computed only `with_fitted` (otherwise `fitted` is empty).
/// `y` is not empty and has no negative or missing value.
pub(super) fn classic(y: &[f64], alpha: f64, with_fitted: bool) -> Fit {
    if !with_fitted {
        return Fit { mean: classic_forecast(y, alpha), fitted: Vec::new(), alphas: None };
    }
    let mut state = Smoothed::new(alpha);
    let mut fitted = vec![f64::NAN; y.len()];
    for (i, &v) in y.iter().enumerate() {
        state.push(i, v);
        if i + 1 < y.len() {
            fitted[i + 1] = state.ratio();
        }
    }
    if state.demands == 0 {
        return Fit { mean: 0.0, fitted: vec![0.0; y.len()], alphas: None };
    }
    Fit { mean: state.ratio(), fitted, alphas: None }
}

/// [`Smoothed`] over all of `y` and its ratio: SES of the sizes over SES of the intervals
/// (with one demand the size and interval themselves, as [`ses::forecast`] gives them).
fn classic_forecast(y: &[f64], alpha: f64) -> f64 {
    checked_classic(y, alpha).0
}

/// R's `croston(y, alpha = alpha)`'s forecast when every value of `y` is finite and >= 0, else
/// `None` (the series check rides on the gathering of the demands).
pub(super) fn checked_classic_forecast(y: &[f64], alpha: f64) -> Option<f64> {
    let (mean, ok) = checked_classic(y, alpha);
    ok.then_some(mean)
}

fn checked_classic(y: &[f64], alpha: f64) -> (f64, bool) {
    // The two recursions of `ses::forecast` share one loop, so the processor overlaps them;
    // the demands are gathered a block at a time on the stack.
    let (mut first, mut level, mut demands) = ((0.0, 0.0), (0.0, 0.0), 0usize);
    let ok = ses::demand_blocks(y, |_, sizes, gaps| {
        if sizes.is_empty() {
            return;
        }
        if demands == 0 {
            first = (sizes[0], gaps[0]);
            level = first;
        }
        let (mut size, mut gap) = level;
        for (&s, &g) in sizes.iter().zip(gaps) {
            size = alpha * s + (1.0 - alpha) * size;
            gap = alpha * g + (1.0 - alpha) * gap;
        }
        level = (size, gap);
        demands += sizes.len();
    });
    let mean = match demands {
        0 => 0.0,
        // One value is its own forecast.
        1 => first.0 / first.1,
        _ => level.0 / level.1,
    };
    (mean, ok)
}

/// statsforecast's `CrostonSBA`: Croston's forecasts times 0.95 (Syntetos and Boylan's
/// correction for alpha 0.1). With no demand statsforecast forecasts naively, so the first
/// fitted value is NaN there. The fitted values only `with_fitted`.
pub(super) fn sba(y: &[f64], with_fitted: bool) -> Fit {
    let mut fit = classic(y, 0.1, with_fitted);
    fit.mean *= 0.95;
    if with_fitted {
        fit.fitted.iter_mut().for_each(|v| *v *= 0.95);
        fit.fitted[0] = f64::NAN;
    }
    fit
}

/// statsforecast's `CrostonOptimized`: sizes and intervals each smoothed with the alpha in
/// [0.1, 0.3] of least squared one-step error; the fitted values refit every prefix (O(n²),
/// so only when `with_fitted`; otherwise `fitted` is empty).
pub(super) fn optimised(y: &[f64], with_fitted: bool) -> Fit {
    let (demand, intervals) = ses::demands(y);
    optimised_from(y, &demand, &intervals, with_fitted)
}

/// [`optimised`]'s forecast when every value of `y` is finite and >= 0, else `None` (checked
/// on the way as the demands are gathered).
pub(super) fn checked_optimised_forecast(y: &[f64]) -> Option<f64> {
    thread_local! {
        // The batch path forecasts series after series on each thread: one pair of buffers
        // for their demands, not two allocations per series.
        static DEMANDS: std::cell::RefCell<(Vec<f64>, Vec<f64>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    }
    DEMANDS.with_borrow_mut(|(demand, intervals)| {
        let ok = ses::demands_into(y, demand, intervals);
        ok.then(|| optimised_from(y, demand, intervals, false).mean)
    })
}

/// [`optimised`] from the demands of `y` and their intervals.
fn optimised_from(y: &[f64], demand: &[f64], intervals: &[f64], with_fitted: bool) -> Fit {
    if demand.is_empty() {
        // statsforecast's naive method for a series without demand.
        let mut fitted = vec![0.0; y.len()];
        fitted[0] = f64::NAN;
        return Fit { mean: 0.0, fitted, alphas: None };
    }
    // The two searches share their loop (the sizes and the intervals are one per demand).
    let (sizes, gaps) = ses::golden_section_pair(demand, intervals, ses::OPTIMISED_BOUNDS.0, ses::OPTIMISED_BOUNDS.1);
    let (alpha_demand, alpha_interval) = (sizes.alpha, gaps.alpha);
    let (size, interval) = (sizes.forecast, gaps.forecast);
    let mean = if interval != 0.0 { size / interval } else { size };
    if !with_fitted {
        return Fit { mean, fitted: Vec::new(), alphas: Some((alpha_demand, alpha_interval)) };
    }
    let prefix_forecasts = |x: &[f64], zero_as_one: bool| {
        let mut out = vec![f64::NAN];
        out.extend((1..=x.len()).map(|k| {
            let f = ses::optimised(&x[..k]).0;
            if zero_as_one && f == 0.0 { 1.0 } else { f }
        }));
        out
    };
    let sizes = ses::expand_demand(&prefix_forecasts(demand, false), y);
    let gaps = ses::expand_intervals(&prefix_forecasts(intervals, true), y);
    let fitted = sizes.iter().zip(&gaps).map(|(s, g)| s / g).collect();
    Fit { mean, fitted, alphas: Some((alpha_demand, alpha_interval)) }
}

/// The running state of R's Croston on a prefix: the SES levels of the sizes and intervals.
struct Smoothed {
    alpha: f64,
    demands: usize,
    since: usize,
    first: (f64, f64),
    level: (f64, f64),
}

impl Smoothed {
    fn new(alpha: f64) -> Smoothed {
        Smoothed { alpha, demands: 0, since: 0, first: (0.0, 0.0), level: (0.0, 0.0) }
    }

    fn push(&mut self, i: usize, v: f64) {
        if v <= 0.0 {
            return;
        }
        let interval = (i + 1 - self.since) as f64;
        self.since = i + 1;
        let a = self.alpha;
        if self.demands == 0 {
            self.first = (v, interval);
            self.level = (v, interval);
        }
        // ses(initial = "simple") starts at the first value and smooths it in as well.
        self.level = (a * v + (1.0 - a) * self.level.0, a * interval + (1.0 - a) * self.level.1);
        self.demands += 1;
    }

    /// The forecast from the prefix so far: 0 without demand; with one demand R takes the
    /// size and interval themselves, not a smoothed level.
    fn ratio(&self) -> f64 {
        match self.demands {
            0 => 0.0,
            1 => self.first.0 / self.first.1,
            _ => self.level.0 / self.level.1,
        }
    }
}
