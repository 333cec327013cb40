//! The settings of the search (`forecast::auto.arima`'s arguments) and their rules.

use crate::stats::fourier::FourierTerm;
use crate::arima;
use crate::error::{invalid, CoreResult};

/// The information criterion that ranks candidates (R's `ic`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InformationCriterion {
    /// AIC with the small-sample correction (R's default).
    Aicc,
    Aic,
    Bic,
}

/// A Box-Cox transform of the series before the search (R's `lambda`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BoxCoxLambda {
    /// A fixed lambda (0 = log).
    Fixed(f64),
    /// Guerrero's method on [-0.9, 2], as `BoxCox(x, lambda = "auto")`.
    Auto,
}

/// The unit-root test that chooses d (R's `auto.arima(test = ...)`, run by `forecast::ndiffs`
/// with its default `type = "level"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitRootTestKind {
    /// KPSS (R's default): difference while stationarity is rejected at alpha.
    Kpss,
    /// Augmented Dickey-Fuller: difference while a unit root is not rejected at alpha.
    Adf,
    /// Phillips-Perron Z-tau: difference while a unit root is not rejected at alpha.
    Pp,
}

/// The seasonal test that chooses D (R's `auto.arima(seasonal.test = ...)`, run by
/// `forecast::nsdiffs`). R's `"hegy"` is not provided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeasonalTestKind {
    /// STL seasonal strength above 0.64 (R's default `"seas"`; alpha is not used).
    SeasonalStrength,
    /// Osborn-Chui-Smith-Birchenhall at 5% (R's `"ocsb"`; forecast supports no other level).
    Ocsb,
    /// Canova-Hansen at alpha (R's `"ch"`; asymptotic critical values, see `ch`).
    CanovaHansen,
}

/// Settings of the search; [`Default`] gives R's `auto.arima` defaults
/// for a non-seasonal series.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoArimaOptions {
    /// Seasonal period m (R's `frequency(x)`); 1 = non-seasonal.
    pub period: usize,
    /// Fixed number of first differences; `None` = chosen by `unit_root_test`.
    pub d: Option<usize>,
    /// Fixed number of seasonal differences; `None` = chosen by `seasonal_test`.
    pub seasonal_d: Option<usize>,
    pub max_p: usize,
    pub max_q: usize,
    pub max_seasonal_p: usize,
    pub max_seasonal_q: usize,
    /// Largest p + q + P + Q of the full search.
    pub max_order: usize,
    pub max_d: usize,
    pub max_seasonal_d: usize,
    pub start_p: usize,
    pub start_q: usize,
    pub start_seasonal_p: usize,
    pub start_seasonal_q: usize,
    /// Only stationary models (d = D = 0).
    pub stationary: bool,
    /// Whether seasonal models are considered (false: m is treated as 1).
    pub seasonal: bool,
    pub ic: InformationCriterion,
    pub stepwise: bool,
    /// Most models the stepwise search fits.
    pub nmodels: usize,
    /// CSS during the search, then an exact refit; `None` = R's default
    /// (series longer than 150 or period above 12).
    pub approximation: Option<bool>,
    /// The test that chooses d.
    pub unit_root_test: UnitRootTestKind,
    /// Significance level of `unit_root_test` (R's `test.args = list(alpha = ...)`), clamped
    /// to [0.01, 0.1] as `ndiffs` does.
    pub alpha: f64,
    /// The test that chooses D.
    pub seasonal_test: SeasonalTestKind,
    /// Significance level of `seasonal_test` (R's `seasonal.test.args = list(alpha = ...)`),
    /// clamped to [0.01, 0.1] as `nsdiffs` does; only the Canova-Hansen test uses it.
    pub seasonal_alpha: f64,
    pub allow_drift: bool,
    pub allow_mean: bool,
    /// Box-Cox transform; forecasts are back-transformed.
    pub lambda: Option<BoxCoxLambda>,
    /// Bias-adjusted back-transform of point forecasts (R's `biasadj`).
    pub biasadj: bool,
    /// Fourier terms added as regressors (R's `auto.arima(y, xreg = fourier(y, K))`), the
    /// way to long (52.18) and multiple (7 and 365.25) seasonal periods; the fit builds
    /// their future values itself. Empty: none.
    pub fourier: Vec<FourierTerm>,
}

impl Default for AutoArimaOptions {
    fn default() -> Self {
        AutoArimaOptions {
            period: 1,
            d: None,
            seasonal_d: None,
            max_p: 5,
            max_q: 5,
            max_seasonal_p: 2,
            max_seasonal_q: 2,
            max_order: 5,
            max_d: 2,
            max_seasonal_d: 1,
            start_p: 2,
            start_q: 2,
            start_seasonal_p: 1,
            start_seasonal_q: 1,
            stationary: false,
            seasonal: true,
            ic: InformationCriterion::Aicc,
            stepwise: true,
            nmodels: 94,
            approximation: None,
            unit_root_test: UnitRootTestKind::Kpss,
            alpha: 0.05,
            seasonal_test: SeasonalTestKind::SeasonalStrength,
            seasonal_alpha: 0.05,
            allow_drift: true,
            allow_mean: true,
            lambda: None,
            biasadj: false,
            fourier: Vec::new(),
        }
    }
}

impl AutoArimaOptions {
    /// Rejects settings the search cannot honour; messages name the Java
    /// builder's arguments.
    pub fn validate(&self) -> CoreResult<()> {
        if self.period == 0 || self.period > arima::MAX_PERIOD {
            return invalid(format!("seasonalPeriod must be in [1, {}], got {}", arima::MAX_PERIOD, self.period));
        }
        for (name, value, max) in [
            ("maxP", self.max_p, arima::MAX_ORDER),
            ("maxQ", self.max_q, arima::MAX_ORDER),
            ("maxSeasonalP", self.max_seasonal_p, arima::MAX_SEASONAL_ORDER),
            ("maxSeasonalQ", self.max_seasonal_q, arima::MAX_SEASONAL_ORDER),
            ("maxD", self.max_d, arima::MAX_D),
            ("maxSeasonalD", self.max_seasonal_d, arima::MAX_SEASONAL_D),
            ("startP", self.start_p, arima::MAX_ORDER),
            ("startQ", self.start_q, arima::MAX_ORDER),
            ("startSeasonalP", self.start_seasonal_p, arima::MAX_SEASONAL_ORDER),
            ("startSeasonalQ", self.start_seasonal_q, arima::MAX_SEASONAL_ORDER),
            ("maxOrder", self.max_order, 4 * arima::MAX_ORDER),
        ] {
            if value > max {
                return invalid(format!("{name} must be <= {max}, got {value}"));
            }
        }
        if let Some(d) = self.d.filter(|&d| d > arima::MAX_D) {
            return invalid(format!("d must be <= {}, got {d}", arima::MAX_D));
        }
        if let Some(d) = self.seasonal_d.filter(|&d| d > arima::MAX_SEASONAL_D) {
            return invalid(format!("seasonalD must be <= {}, got {d}", arima::MAX_SEASONAL_D));
        }
        for term in &self.fourier {
            term.validate()?;
        }
        if self.nmodels == 0 {
            return invalid("nmodels must be >= 1, got 0");
        }
        if let Some(BoxCoxLambda::Fixed(l)) = self.lambda {
            crate::stats::boxcox::model_lambda(l)?;
        }
        for (name, value) in [("unitRootAlpha", self.alpha), ("seasonalTestAlpha", self.seasonal_alpha)] {
            if !(value > 0.0 && value < 1.0) {
                return invalid(format!("{name} must be in (0, 1), got {value}"));
            }
        }
        Ok(())
    }
}
