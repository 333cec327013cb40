//! Simulated prediction intervals of the ETS forms R simulates, against R's `forecast.ets`
//! (`testdata/ets/make_ets_simulated.R`: R's fitted model, then 5,000 paths after a fixed
//! `set.seed`). lagrs simulates from R's own final state, parameters and sigma^2, so the two
//! sets of bounds differ only by Monte-Carlo error, R drawing from its own generator.
//!
//! The tolerance needs no assumption on the paths' distribution: if R's bound at level p is a
//! sample quantile of the same distribution, the share of lagrs' paths below it differs from p
//! by the sum of two independent empirical-distribution errors at that point, each of
//! variance p(1 - p)/5000; the test allows 5 standard deviations of the sum,
//! `5 sqrt(2 p (1 - p) / 5000)` (0.0156 at p = 0.025; a false alarm on one of the ~1,100
//! comparisons has a probability under 1e-3).
//!
//! `cargo test -p lagrs-core --release --test ets_simulated -- --nocapture` prints the figures.

mod common;

use common::{fixture, num, nums};
use lagrs_core::ets::forecast::Origin;
use lagrs_core::ets::params::Values;
use lagrs_core::ets::recursion::point_forecasts;
use lagrs_core::ets::simulate::{paths, quantile8, simulated_bounds, PATHS, SEED};
use lagrs_core::ets::{Component, Form};
use serde_json::Value;

const LEVELS: [f64; 2] = [0.8, 0.95];

struct Case {
    name: String,
    form: Form,
    m: usize,
    h: usize,
    par: Values,
    state: Vec<f64>,
    sigma2: f64,
    r: Value,
}

impl Case {
    fn origin(&self) -> Origin<'_> {
        Origin { form: &self.form, m: self.m, par: &self.par, state: &self.state, sigma2: self.sigma2 }
    }
}

fn component(s: &str) -> Component {
    match s {
        "A" => Component::Additive,
        "M" => Component::Multiplicative,
        _ => Component::None,
    }
}

fn cases() -> Vec<Case> {
    let fixture = fixture("ets/ets_simulated.json");
    assert_eq!(fixture["paths"].as_u64(), Some(PATHS as u64), "R's npaths");
    let opt = |v: &Value| (!v.is_null()).then(|| num(v));
    fixture["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            let comp: Vec<&str> = c["components"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            Case {
                name: c["name"].as_str().unwrap().to_string(),
                form: Form {
                    error: component(comp[0]),
                    trend: component(comp[1]),
                    season: component(comp[2]),
                    damped: comp[3] == "TRUE",
                },
                m: num(&c["m"]) as usize,
                h: num(&c["h"]) as usize,
                par: Values { alpha: num(&c["alpha"]), beta: opt(&c["beta"]), gamma: opt(&c["gamma"]), phi: opt(&c["phi"]) },
                state: nums(&c["last_state"]),
                sigma2: num(&c["sigma2"]),
                r: c.clone(),
            }
        })
        .collect()
}

#[test]
fn the_fixture_holds_only_forms_r_simulates() {
    for c in cases() {
        assert_eq!(c.form.label(), c.r["method"].as_str().unwrap(), "{}", c.name);
        let analytic = c.form.trend != Component::Multiplicative
            && (c.form.season != Component::Multiplicative || c.form.error == Component::Multiplicative);
        assert!(!analytic, "{}: R computes these bounds analytically", c.name);
    }
}

#[test]
fn means_are_r_point_forecasts() {
    for c in cases() {
        let m = if c.form.season == Component::None { 1 } else { c.m };
        let mut mean = vec![0.0; c.h];
        assert!(point_forecasts(&c.state, m, &c.form, c.par.phi.unwrap_or(1.0), &mut mean), "{}", c.name);
        for (i, (a, b)) in mean.iter().zip(nums(&c.r["mean"])).enumerate() {
            assert!((a - b).abs() <= 1e-9 * b.abs(), "{} step {}: {a} vs R {b}", c.name, i + 1);
        }
    }
}

/// Over every case, step and bound: the largest |share of lagrs' paths below R's bound - p| in
/// standard deviations of the difference, and the largest |lagrs' bound - R's| as a share of
/// R's 95% interval width; lagrs simulates with sigma^2 times `sigma2_factor`.
fn worst_deviations(sigma2_factor: f64) -> (f64, f64, usize) {
    let (mut worst_share, mut worst_width, mut comparisons) = (0.0f64, 0.0f64, 0);
    for mut c in cases() {
        c.sigma2 *= sigma2_factor;
        let mut steps = paths(&c.origin(), c.h, PATHS, SEED).expect("paths");
        let r_lower: Vec<Vec<f64>> = c.r["lower"].as_array().unwrap().iter().map(nums).collect();
        let r_upper: Vec<Vec<f64>> = c.r["upper"].as_array().unwrap().iter().map(nums).collect();
        for (i, step) in steps.iter_mut().enumerate() {
            // simulated_bounds' own quantiles (the test below checks they are the same).
            step.sort_by(f64::total_cmp);
            let width = r_upper[1][i] - r_lower[1][i];
            for (k, level) in LEVELS.iter().enumerate() {
                for (p, r_bound) in [(0.5 - level / 2.0, r_lower[k][i]), (0.5 + level / 2.0, r_upper[k][i])] {
                    let ours = quantile8(step, p);
                    let below = step.iter().map(|v| if *v < r_bound { 1.0 } else if *v == r_bound { 0.5 } else { 0.0 }).sum::<f64>();
                    let share = below / step.len() as f64;
                    let sd = (2.0 * p * (1.0 - p) / PATHS as f64).sqrt();
                    let deviation = (share - p).abs() / sd;
                    if sigma2_factor == 1.0 && deviation > 5.0 {
                        println!("{} step {} p {p}: {share} of lagrs' paths below R's bound {r_bound} (ours {ours})", c.name, i + 1);
                    }
                    worst_share = worst_share.max(deviation);
                    worst_width = worst_width.max((ours - r_bound).abs() / width);
                    comparisons += 1;
                }
            }
        }
    }
    (worst_share, worst_width, comparisons)
}

#[test]
fn bounds_agree_with_r_within_monte_carlo_error() {
    let (share, width, comparisons) = worst_deviations(1.0);
    println!(
        "simulated ETS bounds: {comparisons} comparisons with R, worst |share - p| {share:.2} sd, \
         worst |lagrs - R| {:.2}% of R's 95% interval width",
        100.0 * width
    );
    assert!(share <= 5.0, "worst deviation {share:.2} sd");
}

#[test]
fn a_wrong_variance_is_caught() {
    // The allowance must not hide a real error: simulating with a standard deviation 10% too
    // large moves some bound past it.
    let (share, width, _) = worst_deviations(1.21);
    println!("with sigma 10% too large: worst |share - p| {share:.2} sd, worst |lagrs - R| {:.2}% of the width", 100.0 * width);
    assert!(share > 5.0, "worst deviation {share:.2} sd");
}

#[test]
fn bounds_are_the_type_8_quantiles_of_the_paths_and_reproducible() {
    let c = &cases()[0];
    let (lower, upper) = simulated_bounds(&c.origin(), c.h, &LEVELS).expect("bounds");
    assert_eq!((lower.clone(), upper.clone()), simulated_bounds(&c.origin(), c.h, &LEVELS).unwrap(), "same seed, same bounds");
    let mut steps = paths(&c.origin(), c.h, PATHS, SEED).unwrap();
    for (i, step) in steps.iter_mut().enumerate() {
        step.sort_by(f64::total_cmp);
        assert_eq!(lower[1][i], quantile8(step, 0.5 - 0.95 / 2.0));
        assert_eq!(upper[0][i], quantile8(step, 0.5 + 0.8 / 2.0));
        assert!(lower[1][i] < lower[0][i] && upper[0][i] < upper[1][i], "95% wider than 80%");
    }
    // A shorter horizon simulates the first steps of the same paths.
    let (short_lower, _) = simulated_bounds(&c.origin(), 5, &LEVELS).unwrap();
    assert_eq!(short_lower[0][..], lower[0][..5]);
    // Another seed gives other paths.
    let other = paths(&c.origin(), c.h, PATHS, SEED + 1).unwrap();
    assert_ne!(other[0], paths(&c.origin(), c.h, PATHS, SEED).unwrap()[0]);
}
