//! The caller's regressors (R's `xreg` beside the intercept and drift): named columns,
//! their checks, and the names of a fit's coefficients in R's order.

use super::regression::{Regression, Rotations};
use super::starts::Starts;
use super::spec::ArimaSpec;
use crate::error::{invalid, CoreResult};
use crate::numerics::ols::ols;
use crate::stats::fourier::{fourier, FourierTerm};
use super::fit::{fit_xreg, FitOptions};
use super::model::ArimaFit;

/// [`fit_xreg`] with the Fourier terms of `terms` as further regressors after `xreg`
/// (R's `Arima(y, order, xreg = cbind(xreg, fourier(y, K)))`); the fit remembers the terms
/// and builds their future values when forecasting, so only `xreg`'s are asked for.
/// Without terms, [`fit_xreg`] itself.
pub fn fit_fourier(
    spec: &ArimaSpec,
    terms: &[FourierTerm],
    y: &[f64],
    xreg: &Regressors,
    options: &FitOptions<'_>,
) -> CoreResult<ArimaFit> {
    if terms.is_empty() {
        return fit_xreg(spec, y, xreg, options);
    }
    let mut fit = fit_xreg(spec, y, &xreg.with_fourier(terms, y.len())?, options)?;
    fit.fourier = terms.to_vec();
    fit.fourier_end = y.len();
    Ok(fit)
}

/// Named regressor columns, each with one value per observation (R's `xreg`, by column).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Regressors {
    names: Vec<String>,
    columns: Vec<Vec<f64>>,
    /// The fits' rotations of these columns (every candidate of a search shares them).
    rotations: Rotations,
    /// The fits' least-squares starts on these columns (see [`Starts`]).
    starts: Starts,
}

impl Regressors {
    /// Columns with their names. Names must be non-empty and distinct (and differ from
    /// the model's own coefficient names `intercept` and `drift`); columns of one length,
    /// every value finite (a regressor is known at every time point, as R's `arima`
    /// requires for forecasting).
    pub fn new(names: Vec<String>, columns: Vec<Vec<f64>>) -> CoreResult<Regressors> {
        if names.len() != columns.len() {
            return invalid(format!("xreg: {} names for {} columns", names.len(), columns.len()));
        }
        for (j, name) in names.iter().enumerate() {
            if name.is_empty() {
                return invalid(format!("xreg: column {} has an empty name", j + 1));
            }
            if name == "intercept" || name == "drift" {
                return invalid(format!("xreg: column name '{name}' is the model's own coefficient's"));
            }
            if names[..j].contains(name) {
                return invalid(format!("xreg: column name '{name}' is used twice"));
            }
        }
        if let Some(first) = columns.first() {
            for (name, col) in names.iter().zip(&columns) {
                if col.len() != first.len() {
                    return invalid(format!(
                        "xreg: column '{name}' has {} values, column '{}' has {}",
                        col.len(),
                        names[0],
                        first.len()
                    ));
                }
                if let Some(t) = col.iter().position(|v| !v.is_finite()) {
                    return invalid(format!("xreg: column '{name}' has a non-finite value ({}) at row {}", col[t], t + 1));
                }
            }
        }
        Ok(Regressors { names, columns, rotations: Rotations::default(), starts: Starts::default() })
    }

    /// Columns named as R names an unnamed `xreg` matrix in `auto.arima`: `xreg` for one
    /// column, `xreg1`, `xreg2`, ... for several.
    pub fn unnamed(columns: Vec<Vec<f64>>) -> CoreResult<Regressors> {
        let names = match columns.len() {
            1 => vec!["xreg".to_string()],
            k => (1..=k).map(|j| format!("xreg{j}")).collect(),
        };
        Regressors::new(names, columns)
    }

    /// No regressors.
    pub fn none() -> Regressors {
        Regressors::default()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn columns(&self) -> &[Vec<f64>] {
        &self.columns
    }

    pub(crate) fn rotations(&self) -> &Rotations {
        &self.rotations
    }

    pub(crate) fn starts(&self) -> &Starts {
        &self.starts
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.columns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// Rows (observations); 0 without columns.
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, Vec::len)
    }

    /// The rows from `first` on (auto-ARIMA drops the leading missing values of y and
    /// the regressors' rows with them, as R).
    pub(crate) fn from_row(&self, first: usize) -> Regressors {
        Regressors {
            names: self.names.clone(),
            columns: self.columns.iter().map(|c| c[first..].to_vec()).collect(),
            rotations: Rotations::default(),
            starts: Starts::default(),
        }
    }

    /// These columns, then R's `fourier(y, K)` terms over `n` observations (as R binds
    /// `cbind(xreg, fourier(y, K))`): the regressors of a fit with `fourier=`.
    pub(crate) fn with_fourier(&self, terms: &[FourierTerm], n: usize) -> CoreResult<Regressors> {
        self.check_rows(n, "y")?;
        let (names, cols) = fourier(terms, n)?;
        Regressors::new(
            self.names.iter().cloned().chain(names).collect(),
            self.columns.iter().cloned().chain(cols).collect(),
        )
    }

    /// Checks that there is one row per value of `y` (`what` names y in the message).
    pub(crate) fn check_rows(&self, n: usize, what: &str) -> CoreResult<()> {
        if !self.is_empty() && self.rows() != n {
            return invalid(format!("xreg has {} rows, {what} has {n} values: they must match", self.rows()));
        }
        Ok(())
    }
}

/// Coefficient names in R's order: `ar1.., ma1.., sar1.., sma1..`, `intercept`, `drift`,
/// then the regressors' names.
pub(crate) fn coefficient_names(spec: &ArimaSpec, xreg: &[String]) -> Vec<String> {
    let mut names = Vec::with_capacity(spec.n_coef() + xreg.len());
    for (prefix, count) in [("ar", spec.p), ("ma", spec.q), ("sar", spec.seasonal_p), ("sma", spec.seasonal_q)] {
        names.extend((1..=count).map(|i| format!("{prefix}{i}")));
    }
    if spec.include_mean {
        names.push("intercept".into());
    }
    if spec.include_drift {
        names.push("drift".into());
    }
    names.extend(xreg.iter().cloned());
    names
}

/// Future regressor values for an `h`-step forecast: every named column with `h` finite
/// values, in the fit's order.
pub(crate) fn check_future(names: &[String], future: &[Vec<f64>], h: usize) -> CoreResult<()> {
    if future.len() != names.len() {
        return invalid(format!(
            "futureXreg: the model has {} regressor(s) ({}), got {} column(s) of future values",
            names.len(),
            names.join(", "),
            future.len()
        ));
    }
    for (name, col) in names.iter().zip(future) {
        if col.len() != h {
            return invalid(format!("futureXreg: column '{name}' has {} values, the horizon is {h}", col.len()));
        }
        if let Some(t) = col.iter().position(|v| !v.is_finite()) {
            return invalid(format!("futureXreg: column '{name}' has a non-finite value ({}) at step {}", col[t], t + 1));
        }
    }
    Ok(())
}

/// A regressor that, after differencing, is a linear combination of the intercept, the
/// drift and the regressors before it (a constant column beside a mean or under
/// differencing, a duplicate, a dummy for every category) is an error naming it: R's
/// `lm` gives it no coefficient and `arima` then stops on the missing starting value.
/// Aliasing is `lm`'s: QR over the rows where the differenced series is present, relative
/// tolerance 1e-7.
pub(crate) fn refuse_aliased(spec: &ArimaSpec, xreg: &Regressors, reg: &Regression, dx: &[f64]) -> CoreResult<()> {
    let rows: Vec<usize> = (0..dx.len()).filter(|&t| !dx[t].is_nan()).collect();
    let pick = |c: &[f64]| rows.iter().map(|&t| c[t]).collect::<Vec<f64>>();
    let cols: Vec<Vec<f64>> = reg.dcols.iter().map(|c| pick(c)).collect();
    let Some(fit) = ols(&pick(dx), &cols) else { return Ok(()) };
    let names = coefficient_names(spec, xreg.names());
    let names = &names[spec.n_arma()..];
    let Some(j) = fit.coef.iter().position(|c| c.is_nan()) else { return Ok(()) };
    let name = &names[j];
    let differenced = spec.d + spec.seasonal_d > 0;
    let col = &reg.cols[j];
    let constant = col.iter().all(|v| *v == col[0]);
    let why = match (constant, spec.include_mean, differenced) {
        (true, true, _) => "is constant and the model has a mean (intercept)".to_string(),
        (true, false, true) => "is constant: differencing removes it".to_string(),
        (true, false, false) if col[0] == 0.0 => "is all zeros".to_string(),
        _ => format!(
            "is a linear combination of {}{}",
            if j == 0 { "nothing (all zeros)".to_string() } else { names[..j].join(", ") },
            if differenced { " after differencing" } else { "" }
        ),
    };
    invalid(format!("xreg column '{name}' {why}: its coefficient is not identifiable (R's arima fails on it too)"))
}
