//! The Nelder–Mead simplex search of R's `optim(method = "Nelder-Mead")` (Nash 1990,
//! Algorithm 19, R's `nmmin`), reproduced step for step so that models fitted with it stop
//! where R's stop: the same initial simplex (one step of 10% of the largest |start|
//! coordinate, 0.1 when all are zero, along each axis), the same reflection, expansion and
//! contraction coefficients, the same shrink rule and its failure exit, and the same
//! convergence test on the spread of the function values over the simplex
//! (`reltol * (|f(start)| + reltol)`, fixed at the start) or on the best value (`abstol`).
//! Non-finite function values count as 1e35, as in R. Parameters are not rescaled: this is
//! `optim` with the default `parscale` and `fnscale` of 1, which is how R's `ets` calls it.

/// Controls, with `optim`'s defaults from [`Default`].
#[derive(Debug, Clone, Copy)]
pub struct NelderMeadOptions {
    /// Reflection coefficient (R's `alpha`, 1).
    pub alpha: f64,
    /// Contraction coefficient (R's `beta`, 0.5).
    pub beta: f64,
    /// Expansion coefficient (R's `gamma`, 2).
    pub gamma: f64,
    /// Stop once the best value is at most this (R's `abstol`, -Inf).
    pub abstol: f64,
    /// Relative tolerance on the simplex's function values (R's `reltol`, sqrt(eps)).
    pub reltol: f64,
    /// Maximum number of function evaluations (R's `maxit`, 500).
    pub maxit: usize,
}

impl Default for NelderMeadOptions {
    fn default() -> Self {
        NelderMeadOptions {
            alpha: 1.0,
            beta: 0.5,
            gamma: 2.0,
            abstol: f64::NEG_INFINITY,
            reltol: f64::EPSILON.sqrt(),
            maxit: 500,
        }
    }
}

/// How the search ended (R's `convergence` code in brackets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NelderMeadStatus {
    /// The convergence test passed (0).
    Converged,
    /// More than `maxit` evaluations were used (1).
    MaxIterations,
    /// A shrink did not reduce the simplex (10).
    Degenerate,
    /// The objective is not finite at the start; R's `optim` raises an error there.
    NonFiniteStart,
    /// The fit on this thread was cancelled (see `cancel_scope`); the result is not a minimum.
    Cancelled,
}

/// Result of [`minimize`]: the best vertex, its value and R's evaluation count.
#[derive(Debug, Clone)]
pub struct NelderMeadResult {
    pub x: Vec<f64>,
    pub f: f64,
    pub evaluations: usize,
    pub status: NelderMeadStatus,
}

/// Minimises `f` from `start`. With `maxit == 0` only `f(start)` is evaluated, as in R.
pub fn minimize<F: FnMut(&[f64]) -> f64>(
    mut f: F,
    start: &[f64],
    opts: &NelderMeadOptions,
) -> NelderMeadResult {
    minimize_bounded(|x: &[f64], _: f64| f(x), start, opts)
}

/// [`minimize`] for an objective that may stop early: `f(x, limit)` may return any value at
/// least `limit` (infinity, say) once it knows its value is at least `limit`, because the
/// search then takes the same step whatever the value. `limit` is infinite where the value
/// itself is kept; it is never above 1e35, which a non-finite value counts as.
pub fn minimize_bounded<F: FnMut(&[f64], f64) -> f64>(
    mut f: F,
    start: &[f64],
    opts: &NelderMeadOptions,
) -> NelderMeadResult {
    // The one search there is, fed a point per call: its evaluations come in the same order.
    super::nelder_mead_batch::minimize_grouped(
        |points: &[&[f64]], limits: &[f64], out: &mut [f64]| {
            for ((value, x), limit) in out.iter_mut().zip(points).zip(limits) {
                *value = f(x, *limit);
            }
        },
        start,
        opts,
    )
}

#[cfg(test)]
mod tests {
    //! Expected values from R 4.2's `optim(..., method = "Nelder-Mead")`, printed by
    //! `testdata/nelder_mead/nelder_mead_r.R` (the R call is repeated above each test).
    use super::*;

    fn check(r: &NelderMeadResult, par: &[f64], value: f64, count: usize, st: NelderMeadStatus) {
        assert_eq!(r.status, st);
        assert_eq!(r.evaluations, count, "function evaluations");
        for (a, b) in r.x.iter().zip(par) {
            assert!(
                (a - b).abs() <= 1e-13 * b.abs().max(1.0),
                "par {a} vs R {b}"
            );
        }
        assert!(
            (r.f - value).abs() <= 1e-13 * value.abs().max(1e-300),
            "value {} vs R {value}",
            r.f
        );
    }

    fn rosen(x: &[f64]) -> f64 {
        100.0 * (x[1] - x[0] * x[0]).powi(2) + (1.0 - x[0]).powi(2)
    }

    #[test]
    fn rosenbrock_as_r() {
        // optim(c(-1.2, 1), rosen, method = "Nelder-Mead")
        let r = minimize(rosen, &[-1.2, 1.0], &NelderMeadOptions::default());
        let par = [1.0002601387256695, 1.000505999303765];
        check(
            &r,
            &par,
            8.8252410967227472e-08,
            195,
            NelderMeadStatus::Converged,
        );
    }

    #[test]
    fn maxit_stops_as_r() {
        // optim(c(-1.2, 1), rosen, method = "Nelder-Mead", control = list(maxit = 50))
        let opts = NelderMeadOptions {
            maxit: 50,
            ..Default::default()
        };
        let r = minimize(rosen, &[-1.2, 1.0], &opts);
        let par = [-0.71460362434386515, 0.47018069267272222];
        check(
            &r,
            &par,
            3.1037095813242419,
            51,
            NelderMeadStatus::MaxIterations,
        );
    }

    #[test]
    fn zero_start_uses_step_one_tenth() {
        // optim(c(0, 0, 0), function(x) sum((x - c(1, -2, 3))^2 * c(1, 10, 100)), "Nelder-Mead")
        let q = |x: &[f64]| {
            (x[0] - 1.0).powi(2) + 10.0 * (x[1] + 2.0).powi(2) + 100.0 * (x[2] - 3.0).powi(2)
        };
        let r = minimize(q, &[0.0, 0.0, 0.0], &NelderMeadOptions::default());
        let par = [0.99996470885055633, -2.0007465162016991, 2.9998704630904633];
        check(
            &r,
            &par,
            7.2520909524519461e-06,
            130,
            NelderMeadStatus::Converged,
        );
    }

    #[test]
    fn infinite_values_count_as_big() {
        // boxed <- function(x) if (any(abs(x) > 2)) Inf else
        //   (x[1] - 1.5)^2 + (x[2] + 0.5)^4 + x[1] * x[2];  optim(c(0.3, 0.2), boxed, "Nelder-Mead")
        let boxed = |x: &[f64]| {
            if x.iter().any(|v| v.abs() > 2.0) {
                f64::INFINITY
            } else {
                (x[0] - 1.5).powi(2) + (x[1] + 0.5).powi(4) + x[0] * x[1]
            }
        };
        let r = minimize(boxed, &[0.3, 0.2], &NelderMeadOptions::default());
        let par = [1.9999999909931241, -1.2938310443776466];
        check(
            &r,
            &par,
            -1.9405507219341325,
            159,
            NelderMeadStatus::Converged,
        );
    }

    #[test]
    fn abstol_and_reltol_as_r() {
        let sq = |x: &[f64]| x[0] * x[0] + x[1] * x[1];
        let par = [-0.0081449508666946845, -0.014168548583987903];
        // optim(c(3, 4), function(x) sum(x^2), "Nelder-Mead", control = list(abstol = 1e-3))
        let opts = NelderMeadOptions {
            abstol: 1e-3,
            ..Default::default()
        };
        let r = minimize(sq, &[3.0, 4.0], &opts);
        check(
            &r,
            &par,
            0.00026708799359769609,
            35,
            NelderMeadStatus::Converged,
        );
        // optim(c(3, 4), function(x) sum(x^2) + 1, "Nelder-Mead", control = list(reltol = 1e-4))
        let opts = NelderMeadOptions {
            reltol: 1e-4,
            ..Default::default()
        };
        let r = minimize(|x: &[f64]| sq(x) + 1.0, &[3.0, 4.0], &opts);
        check(
            &r,
            &par,
            1.0002670879935978,
            39,
            NelderMeadStatus::Converged,
        );
    }

    #[test]
    fn non_finite_start_is_reported() {
        let r = minimize(|_: &[f64]| f64::NAN, &[1.0], &NelderMeadOptions::default());
        assert_eq!(r.status, NelderMeadStatus::NonFiniteStart);
    }
}
