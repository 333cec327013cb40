//! The innovation variance R reports and the one its intervals use
//! (`testdata/arima_sigma2/sigma2.json`, written by `make_sigma2_fixtures.R`):
//!
//! * a fixed-order fit (`fit`) reports `stats::arima`'s sigma2, the mean square of the
//!   standardized innovations over n.used, and its intervals are `predict(stats::arima)`'s;
//!   `forecast::Arima` divides the sum of squared residuals by `nstar - npar + 1` instead,
//!   and its intervals are wider by the square root of that ratio (pinned here so that the
//!   difference is explicit: lagrs' value times `n.used / (nstar - npar + 1)` is R's within
//!   the first residuals' share, which R's 1e6 diffuse prior leaves above zero);
//! * an automatic fit (`auto_arima`) reports `auto.arima`'s sigma2 (`nstar - npar + 1`) and
//!   its intervals are R's `forecast(auto.arima(y))`.

mod common;

use common::{nums, num};
use lagrs_core::arima::{fit, ArimaSpec};
use lagrs_core::auto::{auto_arima, AutoArimaOptions};
use serde_json::Value;

fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs()
}

fn spec_of(case: &Value) -> ArimaSpec {
    let (o, s) = (nums(&case["order"]), nums(&case["seasonal"]));
    let orders = [o[0], o[1], o[2], s[0], s[1], s[2]].map(|v| v as usize);
    let period = case["m"].as_u64().expect("m") as usize;
    // R's default: a mean without differencing, no drift.
    common::spec_from_choice(orders, period, orders[1] + orders[4] == 0, false)
}

#[test]
fn fixed_order_sigma2_is_stats_arimas_and_forecast_arimas_differs_by_its_degrees_of_freedom() {
    for case in common::fixture_cases("arima_sigma2/sigma2.json") {
        let name = case["name"].as_str().expect("name");
        let y = nums(&case["y"]);
        let spec = spec_of(&case);
        let f = fit(&spec, &y).unwrap_or_else(|e| panic!("{name}: {e}"));
        // R's diffuse prior (variance 1e6) is not diffuse next to USAccDeaths' ~9000 deaths a
        // month: its log-likelihood is 1.1e-3 above the exact one lagrs computes, its sigma2
        // 5.7e-5 (relative) below.
        assert!(rel(f.log_likelihood(), num(&case["stats_loglik"])) < 1e-5, "{name}: loglik {}", f.log_likelihood());
        assert!(rel(f.sigma2(), num(&case["stats_sigma2"])) < 1e-4, "{name}: sigma2 {} vs stats::arima {}", f.sigma2(), num(&case["stats_sigma2"]));
        let n_used = num(&case["n_used"]);
        assert_eq!(f.n_used() as f64, n_used, "{name}: n.used");
        // forecast::Arima: nstar = n.used here (no missing values), npar = coefficients + 1.
        let df = n_used - (f.coefficients().len() + 1) as f64 + 1.0;
        let theirs = f.sigma2() * n_used / df;
        assert!(rel(theirs, num(&case["arima_sigma2"])) < 1e-3, "{name}: {theirs} vs forecast::Arima {}", num(&case["arima_sigma2"]));
        assert!(rel(f.sigma2(), num(&case["arima_sigma2"])) > 0.5 * (n_used / df - 1.0), "{name}: the conventions differ");
        let h = nums(&case["stats_se"]).len();
        let fc = f.forecast(h, 0.95).expect("forecast");
        let z = 1.959_963_984_540_054;
        for (i, se) in nums(&case["stats_se"]).iter().enumerate() {
            let ours = (fc.upper[i] - fc.mean[i]) / z;
            assert!(rel(ours, *se) < 1e-4, "{name}: se[{i}] {ours} vs predict(stats::arima) {se}");
            let widened = fc.mean[i] + (fc.upper[i] - fc.mean[i]) * (n_used / df).sqrt();
            let upper = nums(&case["arima_upper"])[i];
            assert!((widened - upper).abs() < 1e-3 * upper.abs(), "{name}: upper[{i}] {widened} vs forecast::Arima {upper}");
        }
    }
}

#[test]
fn automatic_sigma2_and_intervals_are_auto_arimas() {
    for case in common::fixture_cases("arima_sigma2/sigma2.json") {
        let name = case["name"].as_str().expect("name");
        let y = nums(&case["y"]);
        let m = case["m"].as_u64().expect("m") as usize;
        let a = auto_arima(&y, &AutoArimaOptions { period: m, ..AutoArimaOptions::default() }).unwrap_or_else(|e| panic!("{name}: {e}"));
        let f = &a.fit;
        let s = f.spec();
        let arma: Vec<usize> = nums(&case["auto_arma"]).iter().map(|v| *v as usize).collect();
        let ours = [s.p, s.q, s.seasonal_p, s.seasonal_q, s.period.max(1), s.d, s.seasonal_d];
        assert_eq!(ours[..4], arma[..4], "{name}: orders");
        assert_eq!(ours[5..], arma[5..], "{name}: differences");
        assert!(rel(f.sigma2(), num(&case["auto_sigma2"])) < 1e-4, "{name}: sigma2 {} vs auto.arima {}", f.sigma2(), num(&case["auto_sigma2"]));
        let h = nums(&case["auto_mean"]).len();
        let fc = f.forecast(h, 0.95).expect("forecast");
        for (what, got, want) in [("mean", &fc.mean, nums(&case["auto_mean"])), ("lower", &fc.lower, nums(&case["auto_lower"])), ("upper", &fc.upper, nums(&case["auto_upper"]))] {
            for i in 0..h {
                assert!((got[i] - want[i]).abs() < 1e-4 * want[i].abs(), "{name}: {what}[{i}] {} vs R {}", got[i], want[i]);
            }
        }
    }
}
