//! A digest of the bits of the core's results: ARIMA fits (CSS-ML, ML, CSS) and forecasts,
//! auto-ARIMA with every test and Box-Cox variant, the unit-root and seasonal tests, STL,
//! na.interp, OLS, Box-Cox and Guerrero's lambda, R's optimize, and rolling statistics, on the
//! competition series of `testdata/auto_arima/competition_subset.csv`.
//!
//! Usage: `cargo run --release -p lagrs-core --example result_digest [SECTION]`. Prints one
//! `section hash count` line per section. Two builds (a refactoring, another profile) give the
//! same lines exactly when every result has the same bits.

mod common;

use lagrs_core::arima::{fit_with, ArimaSpec, FitMethod, FitOptions};
use lagrs_core::auto::{auto_arima, AutoArimaOptions, BoxCoxLambda, SeasonalTestKind, UnitRootTestKind};
use lagrs_core::numerics::ols::ols;
use lagrs_core::numerics::optim::brent::r_optimize;
use lagrs_core::rolling::{rolling, Statistic, Window};
use lagrs_core::stats::boxcox::{box_cox, box_cox_lambda_guerrero, guerrero_cv, inv_box_cox, inv_box_cox_bias_adjusted};
use lagrs_core::stats::na_interp::na_interp;
use lagrs_core::stats::seasonal::{nsdiffs_seas, seasonal_strength};
use lagrs_core::stats::stl::{stl, StlParams};
use lagrs_core::stats::unit_root::adf::{adf_test, Deterministic};
use lagrs_core::stats::unit_root::ch::ch_test;
use lagrs_core::stats::unit_root::kpss::kpss_statistic;
use lagrs_core::stats::unit_root::ocsb::ocsb_test;
use lagrs_core::stats::unit_root::pp::pp_test;

use common::Digest as H;

fn read() -> Vec<(usize, Vec<f64>)> {
    common::competition_training("testdata/auto_arima/competition_subset.csv")
}

fn main() {
    let series = read();
    let only: Option<String> = std::env::args().nth(1);
    let want = |s: &str| only.as_deref().is_none_or(|o| o == s);
    if want("tests") {
        let mut h = H::new();
        for (m, y) in &series {
            let m = *m;
            h.f(kpss_statistic(y, 4));
            for d in [Deterministic::Level, Deterministic::Trend] {
                h.s(&format!("{:?}", adf_test(y, d, 3).map(|t| (t.statistic.to_bits(), t.p_value().to_bits()))));
                h.s(&format!("{:?}", pp_test(y, d).map(|t| (t.statistic.to_bits(), t.p_value().to_bits()))));
            }
            if m > 1 {
                h.s(&format!("{:?}", ocsb_test(y, m, 3).map(|t| format!("{t:?}"))));
                h.s(&format!("{:?}", ch_test(y, m).map(|t| (t.statistic.to_bits(), t.p_value.to_bits(), t.nw_order))));
                h.s(&format!("{:?}", seasonal_strength(y, m).map(f64::to_bits)));
                h.bytes(&nsdiffs_seas(y, m, 1).to_le_bytes());
            }
        }
        println!("tests {:016x} {}", h.0, h.1);
    }
    if want("stl") {
        let mut h = H::new();
        for (m, y) in series.iter().filter(|(m, y)| *m > 1 && y.len() > 2 * m + 1) {
            let (s, t) = stl(y, &StlParams::r_defaults(*m, 11));
            h.fs(&s);
            h.fs(&t);
            let (s, t) = stl(y, &StlParams::r_robust(*m, 7));
            h.fs(&s);
            h.fs(&t);
            let mut z = y.clone();
            for i in (3..z.len()).step_by(7) {
                z[i] = f64::NAN;
            }
            h.s(&format!("{:?}", na_interp(&z, *m).map(|v| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>())));
            h.s(&format!("{:?}", seasonal_strength(&z, *m).map(f64::to_bits)));
        }
        println!("stl {:016x} {}", h.0, h.1);
    }
    if want("ols") {
        let mut h = H::new();
        for (_, y) in &series {
            let n = y.len();
            let cols = vec![vec![1.0; n], (1..=n).map(|t| t as f64).collect(), (1..=n).map(|t| ((t as f64) * 0.7).sin()).collect(), vec![0.0; n]];
            let f = ols(y, &cols).expect("shapes agree");
            h.fs(&f.coef);
            h.fs(&f.se);
            h.fs(&f.residuals);
            h.f(f.rss);
            h.f(f.aic());
        }
        println!("ols {:016x} {}", h.0, h.1);
    }
    if want("boxcox") {
        let mut h = H::new();
        for (m, y) in &series {
            for (lo, hi) in [(-1.0, 2.0), (-0.9, 2.0)] {
                h.s(&format!("{:?}", box_cox_lambda_guerrero(y, *m, lo, hi).map(f64::to_bits)));
            }
            for lam in [-0.5, 0.0, 0.3, 1.0] {
                let mut out = vec![0.0; y.len()];
                box_cox(y, lam, &mut out).expect("finite lambda");
                h.fs(&out);
                let mut back = vec![0.0; y.len()];
                inv_box_cox(&out, lam, &mut back).expect("finite lambda");
                h.fs(&back);
                let fvar: Vec<f64> = out.iter().map(|v| v.abs() * 0.01).collect();
                inv_box_cox_bias_adjusted(&out, lam, &fvar, &mut back).expect("finite lambda");
                h.fs(&back);
                h.f(guerrero_cv(lam, y, *m));
            }
        }
        for k in 0..200 {
            let c = k as f64 * 0.013 - 1.0;
            h.f(r_optimize(|v| (v - c).powi(2) + (3.0 * v).sin(), -1.0, 2.0, 1.220_703_125e-4));
        }
        println!("boxcox {:016x} {}", h.0, h.1);
    }
    if want("arima") {
        let mut h = H::new();
        for (i, (m, y)) in series.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
            let m = *m;
            let specs = [
                ArimaSpec { p: 1, d: 1, q: 1, seasonal_p: 0, seasonal_d: 0, seasonal_q: 0, period: 1, include_mean: false, include_drift: true },
                ArimaSpec { p: 2, d: 0, q: 1, seasonal_p: 0, seasonal_d: 0, seasonal_q: 0, period: 1, include_mean: true, include_drift: true },
                ArimaSpec { p: 0, d: 1, q: 1, seasonal_p: 0, seasonal_d: 1, seasonal_q: 1, period: m.max(2), include_mean: false, include_drift: false },
            ];
            for (j, s) in specs.iter().enumerate() {
                let method = [FitMethod::CssMl, FitMethod::Ml, FitMethod::Css][(i + j) % 3];
                match fit_with(s, y, &FitOptions { method, cancel: None }) {
                    Ok(f) => {
                        h.bytes(&f.to_bytes());
                        h.fs(f.standard_errors());
                        match f.forecast(12, 0.95) {
                            Ok(fc) => {
                                h.fs(&fc.mean);
                                h.fs(&fc.lower);
                                h.fs(&fc.upper);
                            }
                            Err(e) => h.s(&format!("{e:?}")),
                        }
                    }
                    Err(e) => h.s(&format!("{e:?}")),
                }
            }
        }
        println!("arima {:016x} {}", h.0, h.1);
    }
    if want("auto") {
        let mut h = H::new();
        for (i, (m, y)) in series.iter().enumerate() {
            let mut o = AutoArimaOptions { period: *m, ..AutoArimaOptions::default() };
            match i % 6 {
                1 => o.unit_root_test = UnitRootTestKind::Adf,
                2 => o.unit_root_test = UnitRootTestKind::Pp,
                3 => o.seasonal_test = SeasonalTestKind::Ocsb,
                4 => o.seasonal_test = SeasonalTestKind::CanovaHansen,
                5 => {
                    o.lambda = Some(BoxCoxLambda::Auto);
                    o.biasadj = true;
                }
                _ => {}
            }
            if i % 4 == 0 {
                o.lambda = Some(BoxCoxLambda::Fixed(0.0));
            }
            match auto_arima(y, &o) {
                Ok(a) => {
                    h.bytes(&a.fit.to_bytes());
                    h.f(a.ic);
                    for t in &a.trace {
                        h.s(&format!("{:?}{}{}", t.spec, t.constant, t.approximate));
                        h.f(t.ic);
                    }
                    if let Ok(fc) = a.fit.forecast(10, 0.8) {
                        h.fs(&fc.mean);
                        h.fs(&fc.lower);
                        h.fs(&fc.upper);
                    }
                }
                Err(e) => h.s(&format!("{e:?}")),
            }
        }
        println!("auto {:016x} {}", h.0, h.1);
    }
    if want("rolling") {
        let mut h = H::new();
        let mut s = 7u64;
        let x: Vec<f64> = (0..300_000)
            .map(|i| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let u = (s >> 11) as f64 / (1u64 << 53) as f64;
                if i % 9973 == 0 { f64::NAN } else if i % 50_000 < 50 { 1e300 * u } else { u * 1e3 - 400.0 }
            })
            .collect();
        for stat in [Statistic::Sum, Statistic::Mean, Statistic::Var, Statistic::Median] {
            for w in [3usize, 30, 500] {
                let mut out = vec![0.0; x.len()];
                rolling(stat, &x, Window::new(w, 1).expect("valid window"), &mut out).expect("valid arguments");
                h.fs(&out);
            }
        }
        println!("rolling {:016x} {}", h.0, h.1);
    }
}
