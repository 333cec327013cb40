//! The fitted model: coefficients, summary statistics, residuals and the
//! final Kalman state used for forecasting (see `forecast`).

use super::polynomial;
use super::spec::ArimaSpec;
use super::transform::Layout;

/// A fitted (seasonal) ARIMA model. Cheap to clone relative to fitting;
/// `Send + Sync`.
#[derive(Debug, Clone, PartialEq)]
pub struct ArimaFit {
    pub(crate) spec: ArimaSpec,
    /// Coefficients in R order: ar, ma, sar, sma, then intercept, then drift, then xreg.
    pub(crate) coef: Vec<f64>,
    pub(crate) std_errors: Vec<f64>,
    /// Innovation variance in units of `scale^2`, i.e. of the series `y / scale`
    /// the fit ran in: in the units of y it may lie outside the double range
    /// (a series at 1e160 has a variance near 1e320) although everything
    /// else about the model is representable. See [`ArimaFit::sigma2`].
    pub(crate) sigma2: f64,
    /// The unit the fit ran in (finite, > 0); 1 for models that need none.
    pub(crate) scale: f64,
    /// Log-likelihood of y (in the units of y).
    pub(crate) loglik: f64,
    pub(crate) n_used: usize,
    /// The series as given (NaN = missing).
    pub(crate) y: Vec<f64>,
    pub(crate) residuals: Vec<f64>,
    /// Filtered state a_{n|n} and covariance P_{n|n} (row-major) of the full
    /// state-space model after the last observation.
    pub(crate) state_a: Vec<f64>,
    pub(crate) state_p: Vec<f64>,
    /// What an automatic order search added (see [`Selection`]).
    pub(crate) selection: Selection,
    /// The caller's regressors (R's `xreg` beside intercept and drift): names, and the
    /// columns over the observations (their coefficients follow intercept and drift).
    pub(crate) xreg_names: Vec<String>,
    pub(crate) xreg: Vec<Vec<f64>>,
    /// Fourier terms among the regressors (their columns last), built by the fit, and the
    /// time (R's `fourier` times, 1-based) of the last observation: forecasts build the
    /// terms' future values from them.
    pub(crate) fourier: Vec<crate::stats::fourier::FourierTerm>,
    pub(crate) fourier_end: usize,
}

/// What an automatic order search (auto-ARIMA) adds to a fitted model:
/// the Box-Cox transform the series was fitted on, so that forecasts and
/// fitted values are back-transformed as `forecast::Arima(lambda = ...)`
/// does (coefficients, residuals and likelihood stay on the transformed
/// scale, as R), and the value of the criterion that chose the model.
/// `Selection::default()`: neither.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Selection {
    /// Box-Cox lambda (R's `lambda`); `None`: no transform.
    pub lambda: Option<f64>,
    /// Bias-adjusted back-transform of point forecasts and fitted values
    /// (R's `biasadj`).
    pub biasadj: bool,
    /// The criterion value by which the search chose the model.
    pub ic: Option<f64>,
}

impl ArimaFit {
    pub(crate) fn layout(&self) -> Layout {
        Layout { p: self.spec.p, q: self.spec.q, sp: self.spec.seasonal_p, sq: self.spec.seasonal_q }
    }

    /// The model specification.
    pub fn spec(&self) -> &ArimaSpec {
        &self.spec
    }
    /// Non-seasonal AR coefficients.
    pub fn ar(&self) -> &[f64] {
        &self.coef[self.layout().ar()]
    }
    /// Non-seasonal MA coefficients.
    pub fn ma(&self) -> &[f64] {
        &self.coef[self.layout().ma()]
    }
    /// Seasonal AR coefficients.
    pub fn seasonal_ar(&self) -> &[f64] {
        &self.coef[self.layout().sar()]
    }
    /// Seasonal MA coefficients.
    pub fn seasonal_ma(&self) -> &[f64] {
        &self.coef[self.layout().sma()]
    }
    /// The intercept (R's "intercept") when fitted: the mean of the series,
    /// or with a drift and d + D == 0 the trend's level at t = 0.
    pub fn mean(&self) -> Option<f64> {
        self.spec.include_mean.then(|| self.coef[self.spec.n_arma()])
    }
    /// The drift (slope on time t = 1..n, as `forecast::Arima`) when fitted.
    pub fn drift(&self) -> Option<f64> {
        self.spec.include_drift.then(|| self.coef[self.spec.n_arma() + usize::from(self.spec.include_mean)])
    }
    /// All coefficients in R order: ar, ma, sar, sma, intercept, drift, the regressors'.
    pub fn coefficients(&self) -> Vec<f64> {
        self.coef.clone()
    }
    /// R's names of [`coefficients`](Self::coefficients): `ar1`.., `ma1`.., `sar1`..,
    /// `sma1`.., `intercept`, `drift`, then the regressors' names.
    pub fn coefficient_names(&self) -> Vec<String> {
        super::xreg::coefficient_names(&self.spec, &self.xreg_names)
    }
    /// Names of the caller's regressors the model uses, in the order of their
    /// coefficients (empty without regressors).
    pub fn xreg_names(&self) -> &[String] {
        &self.xreg_names
    }
    /// The Fourier terms the fit built among its regressors (empty: none).
    pub fn fourier_terms(&self) -> &[crate::stats::fourier::FourierTerm] {
        &self.fourier
    }
    /// Coefficients of the caller's regressors, in the order of [`xreg_names`](Self::xreg_names).
    pub fn xreg_coefficients(&self) -> &[f64] {
        &self.coef[self.coef.len() - self.xreg_names.len()..]
    }
    /// Number of estimated coefficients: ARMA, intercept, drift and regressors.
    pub(crate) fn n_coef(&self) -> usize {
        self.spec.n_coef() + self.xreg_names.len()
    }
    /// The regression part at observation t (0-based): intercept, drift and regressors
    /// times their coefficients.
    pub(crate) fn regression_at(&self, t: usize) -> f64 {
        let mut j = self.spec.n_arma();
        let mut sum = 0.0;
        if self.spec.include_mean {
            sum += self.coef[j];
            j += 1;
        }
        if self.spec.include_drift {
            sum += self.coef[j] * (t + 1) as f64;
            j += 1;
        }
        for (col, b) in self.xreg.iter().zip(&self.coef[j..]) {
            sum += b * col[t];
        }
        sum
    }
    /// R's `residuals(fit, type = "regression")`: y minus the regression part (intercept,
    /// drift, regressors), the series the ARIMA errors model; NaN where y is missing.
    pub fn regression_residuals(&self) -> Vec<f64> {
        self.y.iter().enumerate().map(|(t, y)| y - self.regression_at(t)).collect()
    }
    /// Innovation variance in the units of y squared (R's `sigma2`: sum of
    /// squared standardized innovations / n.used). +Infinity when it exceeds
    /// the double range (a series near 1e160 or beyond), 0 or subnormal
    /// below it (near 1e-160): use [`sigma`](Self::sigma) there. Forecasts,
    /// intervals and the likelihood never go through this value.
    pub fn sigma2(&self) -> f64 {
        self.sigma2 * self.scale * self.scale
    }
    /// Innovation standard deviation in the units of y, `sqrt(sigma2)`,
    /// computed so that it is finite whenever it is representable.
    pub fn sigma(&self) -> f64 {
        self.sigma2.sqrt() * self.scale
    }
    /// `ln(sigma2)` without forming sigma2 (finite even where
    /// [`sigma2`](Self::sigma2) is not): for information criteria.
    pub(crate) fn ln_sigma2(&self) -> f64 {
        self.sigma2.ln() + 2.0 * self.scale.ln()
    }
    /// Replaces sigma2 by the sum of squared residuals over `df`
    /// (`forecast:::myarima`'s residual mean square), summed in the fit's
    /// units so that it cannot overflow.
    pub(crate) fn set_sigma2_residual_mean_square(&mut self, df: f64) {
        let ssq: f64 = self.residuals.iter().filter(|r| !r.is_nan()).map(|r| (r / self.scale).powi(2)).sum();
        self.sigma2 = ssq / df;
    }
    /// Maximized Gaussian log-likelihood (R's `loglik`).
    pub fn log_likelihood(&self) -> f64 {
        self.loglik
    }
    fn n_params(&self) -> f64 {
        (self.n_coef() + 1) as f64
    }
    /// `-2 loglik + 2 (k + 1)`, k = number of coefficients.
    pub fn aic(&self) -> f64 {
        -2.0 * self.loglik + 2.0 * self.n_params()
    }
    /// `aic + 2 (k+1)(k+2) / (n.used - k - 2)`, as `forecast::Arima` computes it for
    /// every length: +Infinity when n.used = k + 2, below the AIC when n.used < k + 2.
    pub fn aicc(&self) -> f64 {
        let k = self.n_coef() as f64;
        self.aic() + 2.0 * (k + 1.0) * (k + 2.0) / (self.n_used as f64 - k - 2.0)
    }
    /// `aic + (k + 1)(ln n.used - 2)`.
    pub fn bic(&self) -> f64 {
        self.aic() + self.n_params() * ((self.n_used as f64).ln() - 2.0)
    }
    /// Number of non-missing observations minus d + D*period.
    pub fn n_used(&self) -> usize {
        self.n_used
    }
    /// Standardized one-step innovations (R's `residuals(fit)`), NaN where y is NaN.
    pub fn residuals(&self) -> &[f64] {
        &self.residuals
    }
    /// `y - residuals`; with a Box-Cox lambda, back-transformed (bias-adjusted
    /// with variance sigma2 when `biasadj`), as `forecast`'s `fitted.Arima`.
    pub fn fitted(&self) -> Vec<f64> {
        let fitted: Vec<f64> = self.y.iter().zip(&self.residuals).map(|(y, r)| y - r).collect();
        match self.selection.lambda {
            None => fitted,
            Some(lambda) => {
                let mut out = vec![0.0; fitted.len()];
                let done = if self.selection.biasadj {
                    let fvar = vec![self.sigma2(); fitted.len()];
                    crate::stats::boxcox::inv_box_cox_bias_adjusted(&fitted, lambda, &fvar, &mut out)
                } else {
                    crate::stats::boxcox::inv_box_cox(&fitted, lambda, &mut out)
                };
                done.expect("lambda is finite and the lengths match");
                out
            }
        }
    }
    /// The Box-Cox lambda the model was fitted with, if any.
    pub fn lambda(&self) -> Option<f64> {
        self.selection.lambda
    }
    /// Search information: Box-Cox transform and the choosing criterion.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }
    /// Standard errors in the order of [`coefficients`](Self::coefficients);
    /// NaN where the Hessian is not invertible.
    pub fn standard_errors(&self) -> &[f64] {
        &self.std_errors
    }
    /// Expanded phi, theta of the fitted model.
    pub(crate) fn expanded(&self) -> (Vec<f64>, Vec<f64>) {
        let s = self.spec.season();
        let mut phi = vec![0.0; self.spec.ar_degree()];
        let mut theta = vec![0.0; self.spec.ma_degree()];
        polynomial::expand_ar(self.ar(), self.seasonal_ar(), s, &mut phi);
        polynomial::expand_ma(self.ma(), self.seasonal_ma(), s, &mut theta);
        (phi, theta)
    }
}
