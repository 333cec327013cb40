//! The objective functions of the fit and their set-up: validated data,
//! regression start values and scales, R's `armaCSS` and `armafn`
//! objectives over reusable buffers (the final filter pass that yields
//! residuals and the forecasting state is `final_pass`).

use std::sync::atomic::{AtomicBool, Ordering};

use super::adjust::Adjusted;
use super::css::{css_objective, css_sums, css_value, CssScratch};
use super::kalman::{ArmaWorkspace, FullFilter, LikSums};
use super::linear_direct::{LastPoint, LinearScratch};
use super::polynomial::{delta as delta_poly, difference, expand_ar, expand_ma};
use super::regression::Regression;
use super::spec::ArimaSpec;
use super::starts::{refuse_degenerate, regression_start};
use super::xreg::{refuse_aliased, Regressors};
use super::units::Scale;
use super::transform::{inv_partrans, ma_invert, undo_pars, Layout};
use crate::error::{invalid, CoreResult};
use crate::stats::series;

/// Everything the objective functions need, with reusable buffers.
pub(crate) struct Problem<'a> {
    pub(crate) layout: Layout,
    pub(crate) s: usize,
    pub(crate) narma: usize,
    pub(crate) reg: Regression,
    /// The differenced regressors in the optimizer's coordinates (`reg.rotated_dcols()`).
    pub(crate) rotated: Vec<Vec<f64>>,
    /// Original series (full length) and differenced series.
    pub(crate) y: Vec<f64>,
    pub(crate) dx: Vec<f64>,
    pub(crate) delta: Vec<f64>,
    /// True when y has no missing values: use the differenced fast filter.
    pub(crate) complete: bool,
    pub(crate) ar_degree: usize,
    // Buffers.
    pub(crate) nat: Vec<f64>,
    pub(crate) phi: Vec<f64>,
    pub(crate) theta: Vec<f64>,
    pub(crate) work: Adjusted,
    pub(crate) css: CssScratch,
    /// What the grouped evaluations (`linear`) keep between calls.
    pub(crate) linear_scratch: LinearScratch,
    pub(crate) ws: ArmaWorkspace,
    /// Set by another thread to stop the fit: every objective value is then +inf.
    pub(crate) cancel: Option<&'a AtomicBool>,
    /// Largest |y| (standardized), for [`degenerate`].
    pub(crate) y_max: f64,
    /// At the last finite [`Problem::ml`] value, the same objective over every innovation
    /// (R's rule leaves out those with a variance of `DIFFUSE_GAIN` or more).
    pub(crate) last_all: f64,
    /// The last sums of [`Problem::ml`] on a complete series, for `linear` (those of
    /// [`Problem::css`] are kept in `css`, with their residuals).
    pub(crate) last_sums: LastPoint<LikSums>,
}

impl Problem<'_> {
    /// True once the caller's cancellation flag is set.
    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }

    pub(crate) fn expand(&mut self) {
        let l = self.layout;
        expand_ar(&self.nat[l.ar()], &self.nat[l.sar()], self.s, &mut self.phi);
        expand_ma(&self.nat[l.ma()], &self.nat[l.sma()], self.s, &mut self.theta);
    }

    /// Fills `work` with `series - sum_j beta_j cols_j` (see [`adjust`]).
    pub(crate) fn adjusted(work: &mut Vec<f64>, series: &[f64], cols: &[Vec<f64>], beta: &[f64]) {
        super::adjust::adjusted(work, series, cols, beta);
    }

    /// Regression coefficients (natural) from an optimizer vector.
    pub(crate) fn beta(&self, par: &[f64]) -> Vec<f64> {
        self.reg.beta(&par[self.narma..])
    }

    /// R's `armaCSS` on natural ARMA parameters (rotated regression ones).
    pub(crate) fn css(&mut self, par: &[f64]) -> f64 {
        if self.cancelled() {
            return f64::INFINITY;
        }
        self.nat.copy_from_slice(par);
        self.expand();
        let w = self.work.at_rotated(&self.dx, &self.reg.dcols, &self.reg, &par[self.narma..], true);
        if !self.complete {
            return css_objective(w, &self.phi, &self.theta, self.ar_degree, false, &mut self.css);
        }
        let (ssq, nu) = self.css.sums_kept_at(par, w, &self.phi, &self.theta, self.ar_degree);
        css_value(ssq, nu)
    }

    /// R's `ARIMA_CSS(..., giveResid = TRUE)` at `par`: `(ssq, nu, residuals)`
    /// with residuals over the differenced series (zero for the first
    /// `ar_degree`, NaN where missing values reach).
    pub(crate) fn css_residuals(&mut self, par: &[f64]) -> (f64, usize, Vec<f64>) {
        self.nat.copy_from_slice(par);
        self.expand();
        let beta = self.beta(par);
        let w = self.work.at(&self.dx, &self.reg.dcols, &beta, true);
        let mut resid = Vec::new();
        let (ssq, nu) = css_sums(w, &self.phi, &self.theta, self.ar_degree, &mut resid);
        (ssq, nu, resid)
    }

    /// R's `armafn` on transformed parameters.
    pub(crate) fn ml(&mut self, raw: &[f64]) -> f64 {
        if self.cancelled() {
            return f64::INFINITY;
        }
        undo_pars(&self.layout, raw, &mut self.nat);
        if self.nat.iter().any(|v| !v.is_finite()) {
            return f64::INFINITY;
        }
        self.expand();
        let gamma = &raw[self.narma..];
        let sums = if self.complete {
            let w = self.work.at_rotated(&self.dx, &self.reg.dcols, &self.reg, gamma, true);
            let sums = self.ws.loglik(&self.phi, &self.theta, w);
            self.last_sums.remember(raw, sums);
            sums
        } else {
            let w = self.work.at_rotated(&self.y, &self.reg.cols, &self.reg, gamma, false);
            let cancel = self.cancel;
            let stop = || cancel.is_some_and(|c| c.load(Ordering::Relaxed));
            let mut filter = FullFilter::new(&mut self.ws, &self.phi, &self.theta, &self.delta);
            filter.as_mut().and_then(|f| f.run_until(w, false, &stop)).map(|out| out.sums)
        };
        let f = sums.map_or(f64::INFINITY, |s| s.objective());
        if let (true, Some(s)) = (f.is_finite(), sums) {
            self.last_all = s.objective_all();
        }
        f
    }
}

/// Validated data and starting quantities shared by the fit and [`loglik_at`].
pub(crate) struct Setup<'a> {
    pub(crate) prob: Problem<'a>,
    pub(crate) init: Vec<f64>,
    pub(crate) parscale: Vec<f64>,
    pub(crate) n_used: usize,
    /// The fit works on `y / scale.factor`.
    pub(crate) scale: Scale,
}

pub(crate) fn setup<'a>(spec: &ArimaSpec, y: &[f64], cancel: Option<&'a AtomicBool>) -> CoreResult<Setup<'a>> {
    setup_xreg(spec, y, &Regressors::none(), cancel)
}

/// [`setup`] with the caller's regressors beside intercept and drift.
pub(crate) fn setup_xreg<'a>(
    spec: &ArimaSpec,
    y: &[f64],
    xreg: &Regressors,
    cancel: Option<&'a AtomicBool>,
) -> CoreResult<Setup<'a>> {
    spec.validate()?;
    series::refuse_infinite(y)?;
    xreg.check_rows(y.len(), "y")?;
    let s = spec.season();
    let delta = delta_poly(spec.d, spec.seasonal_d, s);
    let nd = delta.len();
    let n = y.len();
    let n_obs = y.iter().filter(|v| !v.is_nan()).count();
    let k = spec.n_coef() + xreg.len();
    let narma = spec.n_arma();
    let ar_degree = spec.ar_degree();
    // At least one innovation per coefficient plus one, and enough for the
    // AR recursion (n >= n_obs, so this bounds the length too).
    let need = (nd + k + 1).max(nd + ar_degree + 1);
    if n_obs < need {
        let missing = if n_obs < n { format!(" of {n}") } else { String::new() };
        return invalid(format!(
            "y is too short for {}: {n_obs}{missing} non-missing values, need at least {need}",
            spec.label()
        ));
    }
    let n_used = n_obs - nd;
    let layout = Layout { p: spec.p, q: spec.q, sp: spec.seasonal_p, sq: spec.seasonal_q };
    let reg = Regression::new(spec, n, &delta, xreg.columns(), xreg.rotations());
    let n_diff = difference(y, &delta).iter().filter(|v| !v.is_nan()).count();
    if n_diff == 0 {
        return invalid(format!(
            "y has no non-missing differences for {}: no two non-missing values are one differencing lag apart",
            spec.label()
        ));
    }
    if n_diff < (k + 1).max(ar_degree + 1) {
        return invalid(format!(
            "y is too short for {}: {n_diff} non-missing differences, need at least {}",
            spec.label(),
            (k + 1).max(ar_degree + 1)
        ));
    }
    // A mean or differencing reproduces a constant exactly, and an AR part
    // (with or without drift) in the limit of a unit root, where the
    // likelihood grows without bound; only a pure MA model without mean
    // leaves a constant a positive innovation variance.
    let first = y.iter().copied().find(|v| !v.is_nan()).expect("n_obs > 0");
    let absorbs_level = spec.include_mean || spec.include_drift || nd > 0 || ar_degree > 0;
    if absorbs_level && y.iter().all(|&v| v.is_nan() || v == first) {
        return invalid(format!(
            "y is constant (all {n_obs} non-missing values are {first}): the innovation variance is zero and {} is \
             degenerate (R's forecast::Arima fails on it too)",
            spec.label()
        ));
    }
    // Units: the fit runs on y / scale (see `Scale`) and maps back at the end.
    let scale = Scale::of(y, &delta);
    let y_std = scale.apply(y);
    let dx = difference(&y_std, &delta);
    let n_reg = reg.k();
    let known = if xreg.is_empty() { None } else { xreg.starts().get(spec.include_mean, spec.include_drift, &delta, &dx) };
    let start = match known {
        Some(start) => start,
        None => {
            if !xreg.is_empty() {
                refuse_aliased(spec, xreg, &reg, &dx)?;
            }
            // R: lm(dx ~ dxreg - 1) on the rotated regressors.
            let start = regression_start(&reg, &dx);
            refuse_degenerate(spec, xreg, &reg, &dx, &start.gamma, &y_std)?;
            if !xreg.is_empty() {
                xreg.starts().put(spec.include_mean, spec.include_drift, &delta, &dx, &start);
            }
            start
        }
    };
    // 1. Regression start, parscale 10 * s.e. (as R).
    let mut init = vec![0.0; k];
    let mut parscale = vec![1.0; k];
    for i in 0..n_reg {
        let (gamma, se) = (start.gamma[i], start.se[i]);
        init[narma + i] = gamma;
        parscale[narma + i] = if se.is_finite() && se > 0.0 { 10.0 * se } else { (gamma.abs() * 0.01).max(1e-6) };
    }
    let rotated = start.rotated;
    let y_max = y_std.iter().filter(|v| !v.is_nan()).fold(0.0f64, |m, v| m.max(v.abs()));

    let prob = Problem {
        layout,
        s,
        narma,
        reg,
        rotated,
        y: y_std,
        dx,
        delta: delta.clone(),
        complete: n_obs == n,
        ar_degree,
        nat: vec![0.0; k],
        phi: vec![0.0; ar_degree],
        theta: vec![0.0; spec.ma_degree()],
        work: Adjusted::default(),
        css: CssScratch::default(),
        linear_scratch: LinearScratch::default(),
        ws: ArmaWorkspace::default(),
        cancel,
        y_max,
        last_all: f64::INFINITY,
        last_sums: LastPoint::default(),
    };
    Ok(Setup { prob, init, parscale, n_used, scale })
}

/// Natural coefficients to the optimizer's: AR blocks to atanh(PACF), MA
/// blocks made invertible. `None` when an AR block is not stationary.
pub(crate) fn to_raw(layout: &Layout, nat: &[f64]) -> Option<Vec<f64>> {
    let mut raw = nat.to_vec();
    raw[layout.ar()].copy_from_slice(&inv_partrans(&nat[layout.ar()])?);
    raw[layout.sar()].copy_from_slice(&inv_partrans(&nat[layout.sar()])?);
    let ma = ma_invert(&nat[layout.ma()]);
    raw[layout.ma()].copy_from_slice(&ma);
    let sma = ma_invert(&nat[layout.sma()]);
    raw[layout.sma()].copy_from_slice(&sma);
    Some(raw)
}

/// Log-likelihood (R's definition) at given natural coefficients, as used by
/// the optimizer. For tests and diagnostics.
#[allow(dead_code)]
pub(crate) fn loglik_at(spec: &ArimaSpec, y: &[f64], coef: &[f64]) -> CoreResult<f64> {
    let Setup { mut prob, n_used, scale, .. } = setup(spec, y, None)?;
    let mut raw = match to_raw(&prob.layout, coef) {
        Some(r) => r,
        None => return invalid("coef: non-stationary AR part"),
    };
    let narma = prob.narma;
    let beta: Vec<f64> = coef[narma..].iter().map(|b| b / scale.factor).collect();
    let gamma = prob.reg.gamma(&beta);
    raw[narma..].copy_from_slice(&gamma[..prob.reg.k()]);
    let f = prob.ml(&raw);
    let nu = n_used as f64;
    Ok(-0.5 * (2.0 * nu * f + nu + nu * (2.0 * std::f64::consts::PI).ln()) - nu * scale.factor.ln())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::arima::fit::fit;
    use crate::arima::forecast::{kalman_forecast, StateSpace};

    pub(crate) const US_ACC_DEATHS: [f64; 72] = [
        9007., 8106., 8928., 9137., 10017., 10826., 11317., 10744., 9713., 9938., 9161., 8927., 7750., 6981., 8038.,
        8422., 8714., 9512., 10120., 9823., 8743., 9129., 8710., 8680., 8162., 7306., 8124., 7870., 9387., 9556.,
        10093., 9620., 8285., 8466., 8160., 8034., 7717., 7461., 7767., 7925., 8623., 8945., 10078., 9179., 8037.,
        8488., 7874., 8647., 7792., 6957., 7726., 8106., 8890., 9299., 10625., 9302., 8314., 8850., 8265., 8796.,
        7836., 6892., 7791., 8192., 9115., 9434., 10484., 9827., 9110., 9070., 8633., 9240.,
    ];

    pub(crate) fn airline() -> ArimaSpec {
        ArimaSpec {
            p: 0,
            d: 1,
            q: 1,
            seasonal_p: 0,
            seasonal_d: 1,
            seasonal_q: 1,
            period: 12,
            include_mean: false,
            include_drift: false,
        }
    }

    #[test]
    fn final_pass_paths_agree() {
        use crate::arima::final_pass::final_pass;
        for (spec, coef) in [
            (airline(), vec![-0.43, -0.55]),
            (ArimaSpec { p: 2, q: 1, seasonal_q: 0, seasonal_d: 0, ..airline() }, vec![0.5, -0.2, 0.3]),
            (ArimaSpec { p: 1, d: 0, seasonal_d: 0, include_mean: true, ..airline() }, vec![0.4, 0.1, -0.3, 9000.0]),
            (
                ArimaSpec { p: 1, d: 0, seasonal_d: 0, include_mean: true, include_drift: true, ..airline() },
                vec![0.4, 0.1, -0.3, 9000.0, -5.0],
            ),
        ] {
            let Setup { mut prob, .. } = setup(&spec, &US_ACC_DEATHS, None).expect("setup");
            let fast = final_pass(&mut prob, &coef, true).expect("fast");
            let full = final_pass(&mut prob, &coef, false).expect("full");
            assert_eq!(fast.sums.nu, full.sums.nu);
            assert!((fast.sums.ssq - full.sums.ssq).abs() < 1e-8 * full.sums.ssq);
            assert!((fast.sums.sumlog - full.sums.sumlog).abs() < 1e-8);
            for (x, y) in fast.residuals.iter().zip(&full.residuals) {
                assert!((x - y).abs() < 1e-6 * (1.0 + y.abs()), "{x} {y}");
            }
            prob.nat.copy_from_slice(&coef);
            prob.expand();
            let model = StateSpace::new(&prob.phi, &prob.theta, &prob.delta);
            let (m1, v1) = kalman_forecast(&model, &fast.a, &fast.p, 24).expect("state");
            let (m2, v2) = kalman_forecast(&model, &full.a, &full.p, 24).expect("state");
            for i in 0..24 {
                assert!((m1[i] - m2[i]).abs() < 1e-6 * (1.0 + m2[i].abs()), "{} {}", m1[i], m2[i]);
                assert!((v1[i] - v2[i]).abs() < 1e-6 * v2[i], "{} {}", v1[i], v2[i]);
            }
        }
    }

    #[test]
    fn trend_regression_rotation_round_trips() {
        // Intercept + drift (d + D == 0): the optimizer's rotated coefficients
        // map back to (intercept, drift), and the likelihood at the reported
        // coefficients is the maximized one.
        let spec = ArimaSpec { p: 1, q: 0, d: 0, seasonal_d: 0, seasonal_q: 1, include_mean: true, include_drift: true, ..airline() };
        let f = fit(&spec, &US_ACC_DEATHS).expect("fit");
        let at = loglik_at(&spec, &US_ACC_DEATHS, &f.coefficients()).expect("loglik");
        assert!((at - f.log_likelihood()).abs() < 1e-9, "{at} vs {}", f.log_likelihood());
        let Setup { prob, .. } = setup(&spec, &US_ACC_DEATHS, None).expect("setup");
        let beta = [8700.0, -3.5];
        let back = prob.reg.beta(&prob.reg.gamma(&beta));
        assert!((back[0] - beta[0]).abs() < 1e-9 && (back[1] - beta[1]).abs() < 1e-12, "{back:?}");
        // The rotated regressors are orthogonal.
        let cols = prob.reg.rotated_dcols();
        let dot: f64 = cols[0].iter().zip(&cols[1]).map(|(a, b)| a * b).sum();
        let norm: f64 = cols[0].iter().map(|a| a * a).sum::<f64>().sqrt() * cols[1].iter().map(|a| a * a).sum::<f64>().sqrt();
        assert!(dot.abs() < 1e-12 * norm, "{dot} {norm}");
    }

    #[test]
    fn fast_path_matches_exact_diffuse_full_filter() {
        // The same likelihood through the full R-style filter (forced by a
        // trailing missing value, which adds no information).
        let coef = [-0.43, -0.55];
        let fast = loglik_at(&airline(), &US_ACC_DEATHS, &coef).expect("fast");
        let mut y = US_ACC_DEATHS.to_vec();
        y.push(f64::NAN);
        let full = loglik_at(&airline(), &y, &coef).expect("full");
        assert!((fast - full).abs() < 1e-8, "fast {fast} full {full}");
    }
}
