//! Fixed-order fits whose end point is flagged (a root next to the unit circle, a nearly
//! cancelling AR/MA root pair, a Hessian showing a ridge, five or more ARMA coefficients) try
//! further starts (`arima::second_start`: with an AR root next to -1 or +1, or the end
//! point with its ARMA signs flipped and zero ARMA coefficients; statsmodels' kind of
//! start, `arima::ls_start`: least-squares estimates, MA kept invertible; and, from end
//! points with an MA root on the unit circle, starts along it, `arima::circle_scan`). On
//! these pairs of the optimum comparison set, R and lagrs without them ended 1.3 to 202
//! log-likelihood units below statsmodels' optimum (re-scored under R's likelihood), or R
//! failed; now within 0.01 of it or above. auto-ARIMA's candidates (R's "CSS-ML", strict)
//! keep R's single start, so their criteria stay R's.

mod common;

use common::{fixture_cases, num, nums, spec_of_case};
use lagrs_core::arima::{fit, fit_with, FitMethod, FitOptions};
use serde_json::Value;

fn case(cases: &[Value], name: &str) -> Value {
    cases.iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("{name} in the fixture")).clone()
}

#[test]
fn fixed_order_fits_reach_the_optimum_statsmodels_found() {
    let cases = fixture_cases("arima_optimum/cases.json");
    let names = [
        "fixed_029_overfit",
        "fixed_116_random",
        "fixed_141_near_cancelling",
        "fixed_241_overfit",
        "fixed_345_random",
        "fixed_436_near_cancelling",
        "fixed_463_random",
        "fixed_478_random",
    ];
    reach_statsmodels(&cases, &names);
}

/// These fits end at an interior-looking point (roots of modulus 1.06 to 1.7, AR and MA
/// roots 0.2 to 1.8 apart) that the root tests of `arima::end_point` do not flag; they stayed
/// 1.5 to 17 units below statsmodels' optimum. Now flagged by the Hessian at the end point
/// (fixed_035: AR/MA estimates correlated at 0.985; fixed_157: 0.938; fixed_188: not positive
/// definite) or by their size (fixed_373: five ARMA coefficients, correlation at most 0.78).
#[test]
fn unflagged_fits_reach_the_optimum_statsmodels_found() {
    let cases = fixture_cases("arima_optimum/cases.json");
    reach_statsmodels(&cases, &["fixed_035_random", "fixed_157_near_cancelling", "fixed_188_overfit", "fixed_373_overfit"]);
}

fn reach_statsmodels(cases: &[Value], names: &[&str]) {
    for &name in names {
        let c = case(cases, name);
        let f = fit(&spec_of_case(&c), &nums(&c["y"])).unwrap_or_else(|e| panic!("{name}: {e}"));
        let sm = num(&c["statsmodels"]["loglik"]);
        assert!(f.log_likelihood() >= sm - 0.01, "{name}: loglik {} vs statsmodels {sm}, coef {:?}", f.log_likelihood(), f.coefficients());
    }
}

/// The start from least-squares estimates with the MA part kept invertible (`arima::ls_start`)
/// reaches statsmodels' optimum where lagrs' other starts did not: fixed_152 (ARIMA(3,1,3)
/// (1,0,2)[12], an interior optimum 1.3 units above the one they found; now above
/// statsmodels' by 0.1) and fixed_472 (ARIMA(2,0,2) without mean, an AR root next to 1;
/// they stayed 2.2 units below).
#[test]
fn least_squares_start_reaches_the_optimum_statsmodels_found() {
    let cases = fixture_cases("arima_optimum/cases.json");
    reach_statsmodels(&cases, &["fixed_152_random", "fixed_472_near_cancelling"]);
}

/// fixed_347 (ARIMA(3,0,2) with mean, 56 values): the likelihood has suprema at several
/// angles of an MA root pair on the unit circle; the other starts end with an MA root at +1,
/// 2.7 units below statsmodels' optimum (its MA pair at 33.7 degrees). The scan along the MA
/// unit circle (`arima::circle_scan`) reaches it.
#[test]
fn the_scan_along_the_ma_unit_circle_reaches_the_optimum_statsmodels_found() {
    let cases = fixture_cases("arima_optimum/cases.json");
    reach_statsmodels(&cases, &["fixed_347_random"]);
}

/// On these pairs the scan along the MA unit circle ends 0.75 to 1.35 units above both R's
/// and statsmodels' optima (lagrs' log-likelihood at its new estimates agrees with one in
/// 60-digit arithmetic to 1e-4); before it, lagrs stopped at R's optimum.
#[test]
fn the_scan_along_the_ma_unit_circle_passes_r_and_statsmodels() {
    let cases = fixture_cases("arima_optimum/cases.json");
    for name in ["fixed_084_random", "fixed_349_random", "fixed_359_random"] {
        let c = case(&cases, name);
        let f = fit(&spec_of_case(&c), &nums(&c["y"])).unwrap_or_else(|e| panic!("{name}: {e}"));
        let best = num(&c["r"]["loglik_exact"]).max(num(&c["statsmodels"]["loglik"]));
        assert!(f.log_likelihood() >= best + 0.5, "{name}: loglik {} vs best reference {best}, coef {:?}", f.log_likelihood(), f.coefficients());
    }
}

/// R's optimum lies next to the unit circle (ARIMA(2,0,2): AR and MA roots cancelling at -1;
/// ARIMA(1,0,3): the AR coefficient at 0.99999999); without the second starts lagrs stopped
/// 6.5 and 4.1 units below R's estimates (re-scored with the exact diffuse start).
#[test]
fn fits_whose_r_optimum_is_at_the_unit_circle_reach_r() {
    let cases = fixture_cases("arima_optimum/cases.json");
    for name in ["fixed_472_near_cancelling", "fixed_488_overfit"] {
        let c = case(&cases, name);
        let f = fit(&spec_of_case(&c), &nums(&c["y"])).unwrap_or_else(|e| panic!("{name}: {e}"));
        let r = num(&c["r"]["loglik_exact"]);
        assert!(f.log_likelihood() >= r - 0.01, "{name}: loglik {} vs R {r}, coef {:?}", f.log_likelihood(), f.coefficients());
    }
}

#[test]
fn auto_arima_candidates_keep_r_start() {
    let cases = fixture_cases("arima_optimum/cases.json");
    // Pairs whose end points are flagged (near the unit circle, near-cancelling, both) and
    // where the second starts gain 1.5 to 7 units in a fixed-order fit.
    for name in ["fixed_463_random", "fixed_029_overfit", "fixed_345_random"] {
        let c = case(&cases, name);
        let options = FitOptions { method: FitMethod::CssMlStrict, ..FitOptions::default() };
        let f = fit_with(&spec_of_case(&c), &nums(&c["y"]), &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        let r = num(&c["r"]["loglik_exact"]);
        assert!((f.log_likelihood() - r).abs() < 0.01, "{name}: loglik {} vs R {r}", f.log_likelihood());
    }
}
