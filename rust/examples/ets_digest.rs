//! A digest of the bits of the ETS family's results on the series of
//! `testdata/ets/competition_subset.csv`: `ets(y)` with R's defaults, every form fitted alone,
//! and every optimisation criterion, bounds setting and the multiplicative trend on every
//! tenth series. A speed-up of the fit must leave the line unchanged: equal digests mean every
//! parameter, state, residual and information criterion has the same bits.
//!
//! Usage: `cargo run --release -p lagrs-core --example ets_digest` prints `ets HASH COUNT`.

mod common;

use lagrs_core::ets::fit::{fit_form, EtsFit};
use lagrs_core::ets::{ets, Bounds, Component, Form, OptCrit, Options, Request};

use common::Digest as H;

/// The ETS results that go into the digest.
impl H {
    fn fit(&mut self, f: &EtsFit) {
        self.bytes(f.form.label().as_bytes());
        let p = &f.par;
        self.fs(&[p.alpha, p.beta.unwrap_or(-1.0), p.gamma.unwrap_or(-1.0), p.phi.unwrap_or(-1.0)]);
        self.fs(&f.initial_states);
        self.fs(&f.states);
        self.fs(&f.residuals);
        self.fs(&f.fitted);
        self.fs(&[f.loglik, f.aic, f.bic, f.aicc, f.mse, f.amse, f.sigma2]);
    }
    fn result<T>(&mut self, r: &Result<T, lagrs_core::error::CoreError>, f: impl Fn(&mut H, &T)) {
        match r {
            Ok(v) => f(self, v),
            Err(e) => self.bytes(format!("{e:?}").as_bytes()),
        }
    }
}

fn read() -> Vec<(usize, Vec<f64>)> {
    common::competition_training("testdata/ets/competition_subset.csv")
}

fn main() {
    use Component::*;
    let mut h = H::new();
    let defaults = Options::default();
    for (k, (m, y)) in read().iter().enumerate() {
        let m = *m;
        h.result(&ets(y, m, &Request::auto(), &defaults), |h, s| h.fit(&s.fit));
        if k % 10 != 0 {
            continue;
        }
        for e in [Additive, Multiplicative] {
            for t in [None, Additive, Multiplicative] {
                for s in [None, Additive, Multiplicative] {
                    for d in [false, true] {
                        if (t == None && d) || (s != None && m == 1) {
                            continue;
                        }
                        let form = Form { error: e, trend: t, damped: d, season: s };
                        h.result(&fit_form(y, form, m, &defaults), |h, f| h.fit(f));
                    }
                }
            }
        }
        let mut variants = Vec::new();
        for crit in [OptCrit::Mse, OptCrit::Amse, OptCrit::Sigma, OptCrit::Mae] {
            variants.push(Options { opt_crit: crit, ..defaults.clone() });
        }
        for bounds in [Bounds::Usual, Bounds::Admissible] {
            variants.push(Options { bounds, ..defaults.clone() });
        }
        variants.push(Options { allow_multiplicative_trend: true, ..defaults.clone() });
        variants.push(Options { alpha: Some(0.2), ..defaults.clone() });
        let shifted: Vec<f64> = y.iter().map(|v| v - y[0]).collect();
        for o in &variants {
            h.result(&ets(y, m, &Request::auto(), o), |h, s| h.fit(&s.fit));
        }
        h.result(&ets(&shifted, m, &Request::auto(), &defaults), |h, s| h.fit(&s.fit));
    }
    println!("ets {:016x} {}", h.0, h.1);
}
