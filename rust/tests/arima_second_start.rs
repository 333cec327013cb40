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

/// Innovation variances of `DIFFUSE_GAIN` = 1e4 innovation variances or more are left out of
/// the likelihood (R's `ARIMA_Like`), and the rest scaled to all observations; next to an AR
/// unit root the first innovations are, and the value is inflated. On these pairs R's path
/// ends with every innovation counted, and a second start with an AR root next to the unit
/// circle (fixed_146: gamma(0) / sigma2 3.6e5) left two out: lagrs reported 360.01 and
/// -3052.86, 115 and 36
/// units above the best reference, while the exact likelihood at those estimates is -640.10
/// and -3590.66, 885 and 502 below it. A second start is now compared also by its likelihood
/// over every innovation; the end point counts all of them (for a complete series the first
/// innovation's variance is the ARMA's, gamma(0) / sigma2, and none later is larger), so the
/// value reported is the exact one, and it is the best reference's.
#[test]
fn second_starts_do_not_win_by_leaving_innovations_out() {
    every_innovation_counted_at_the_best_reference(&["fixed_146_near_unit_root", "fixed_051_overfit"]);
}

/// The same for the restart off an AR unit root (`restart_off_unit_root`), which ranks its
/// candidates the same way now: on fixed_032 (ARIMA(1,0,1) with mean, 20 values) and
/// fixed_467 (AR(1) with mean, 12 values) it left one innovation out and reported 2.6 and 2.0
/// above the best reference, exactly 2.0 and 2.1 below it.
#[test]
fn unit_root_restarts_do_not_win_by_leaving_innovations_out() {
    every_innovation_counted_at_the_best_reference(&["fixed_032_near_unit_root", "fixed_467_near_unit_root"]);
}

/// Non-seasonal pairs without missing values: the fit's end point counts every innovation
/// and its log-likelihood is within 0.01 of the best of R's and statsmodels' exact values.
fn every_innovation_counted_at_the_best_reference(names: &[&str]) {
    let cases = fixture_cases("arima_optimum/cases.json");
    for &name in names {
        let c = case(&cases, name);
        let f = fit(&spec_of_case(&c), &nums(&c["y"])).unwrap_or_else(|e| panic!("{name}: {e}"));
        let first_variance = arma_variance(f.ar(), f.ma());
        assert!(first_variance < 1e4, "{name}: gamma(0) / sigma2 {first_variance:e} at {:?}", f.coefficients());
        let best = ["r", "statsmodels"].iter().map(|w| num(&c[*w]["loglik_high_precision"])).fold(f64::NEG_INFINITY, f64::max);
        assert!((f.log_likelihood() - best).abs() < 0.01, "{name}: loglik {} vs the best reference {best}", f.log_likelihood());
    }
}

/// gamma(0) / sigma2 of the ARMA (R's signs: phi on past values, theta on past innovations),
/// the sum of its squared psi weights over a million lags (NaN or huge next to a unit root).
fn arma_variance(phi: &[f64], theta: &[f64]) -> f64 {
    let n = 1_000_000;
    let mut psi = vec![0.0; n];
    let mut sum = 0.0;
    for j in 0..n {
        let mut v = if j == 0 { 1.0 } else { theta.get(j - 1).copied().unwrap_or(0.0) };
        for (i, p) in phi.iter().enumerate().filter(|(i, _)| *i < j) {
            v += p * psi[j - 1 - i];
        }
        psi[j] = v;
        sum += v * v;
    }
    sum
}
