//! `FitMethod::Css` against R's `stats::arima(method = "CSS")` (a drift as the regressor
//! t = 1..n), fixtures made by `testdata/arima_css/make_arima_css_fixtures.R`.
//!
//! R's optimizer stops at `reltol = 1.5e-8` on the objective `0.5 log(sigma2)`
//! and ours follows its own path to the same tolerance, so the two optima agree
//! to a small fraction of a standard error, not to the last digit: coefficients
//! are compared in units of their standard error, and our conditional sum of
//! squares must be at least as small as R's (up to that tolerance).

mod common;

use common::{fixture_cases, num, nums};
use lagrs_core::arima::{fit_with, ArimaSpec, FitMethod, FitOptions};
use serde_json::Value;

fn spec_of(c: &Value) -> ArimaSpec {
    let o: Vec<usize> = nums(&c["order"]).iter().map(|&v| v as usize).collect();
    let s: Vec<usize> = nums(&c["seasonal"]).iter().map(|&v| v as usize).collect();
    ArimaSpec {
        p: o[0],
        d: o[1],
        q: o[2],
        seasonal_p: s[0],
        seasonal_d: s[1],
        seasonal_q: s[2],
        period: num(&c["period"]) as usize,
        include_mean: c["include_mean"].as_bool().expect("bool"),
        include_drift: c["include_drift"].as_bool().expect("bool"),
    }
}

#[test]
fn css_matches_r() {
    let all = fixture_cases("arima_css/cases.json");
    assert!(all.len() >= 6);
    for c in &all {
        let name = c["name"].as_str().expect("name");
        let y = nums(&c["y"]);
        let spec = spec_of(c);
        let f = fit_with(&spec, &y, &FitOptions { method: FitMethod::Css, ..Default::default() })
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let (coef, se) = (nums(&c["coef"]), nums(&c["se"]));
        let (sigma2, loglik) = (num(&c["sigma2"]), num(&c["loglik"]));
        assert_eq!(f.n_used(), num(&c["nobs"]) as usize, "{name}: n.used");
        assert_eq!(f.coefficients().len(), coef.len(), "{name}");
        eprintln!(
            "{name}: coef {:?} vs {coef:?}; se {:?} vs {se:?}; sigma2 {} vs {sigma2}; loglik {} vs {loglik}",
            f.coefficients(),
            f.standard_errors(),
            f.sigma2(),
            f.log_likelihood()
        );
        for (i, ((got, want), s)) in f.coefficients().iter().zip(&coef).zip(&se).enumerate() {
            assert!((got - want).abs() <= 0.02 * s, "{name}: coef {i} {got} vs R {want} (se {s})");
        }
        for (i, (got, want)) in f.standard_errors().iter().zip(&se).enumerate() {
            assert!((got - want).abs() <= 0.02 * want, "{name}: se {i} {got} vs R {want}");
        }
        // At least as good an optimum as R's, and the same one.
        assert!(f.sigma2() <= sigma2 * (1.0 + 1e-7), "{name}: sigma2 {} vs R {sigma2}", f.sigma2());
        assert!((f.sigma2() - sigma2).abs() <= 1e-5 * sigma2, "{name}: sigma2 {} vs R {sigma2}", f.sigma2());
        // R's CSS log-likelihood from its sigma2, exactly: -0.5 n (log(2 pi sigma2) + 1).
        let n = f.n_used() as f64;
        let want_ll = -0.5 * n * ((2.0 * std::f64::consts::PI * f.sigma2()).ln() + 1.0);
        assert!((f.log_likelihood() - want_ll).abs() <= 1e-9 * want_ll.abs(), "{name}: loglik definition");
        assert!((f.log_likelihood() - loglik).abs() <= 1e-5 * n, "{name}: loglik {} vs R {loglik}", f.log_likelihood());
        // Conditional residuals: zero over the conditioning period, NaN where R has NaN.
        let resid = nums(&c["residuals"]);
        assert_eq!(f.residuals().len(), resid.len(), "{name}");
        let scale = sigma2.sqrt();
        for (t, (got, want)) in f.residuals().iter().zip(&resid).enumerate() {
            if want.is_nan() {
                assert!(got.is_nan(), "{name}: residual {t} {got}, R NaN");
            } else {
                assert!((got - want).abs() <= 0.02 * scale, "{name}: residual {t} {got} vs R {want}");
            }
        }
        let fc = f.forecast(6, 0.95).expect("forecast");
        for (h, (got, want)) in fc.mean.iter().zip(nums(&c["forecast"])).enumerate() {
            assert!((got - want).abs() <= 0.02 * scale, "{name}: forecast {h} {got} vs R {want}");
        }
    }
}
