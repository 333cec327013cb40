//! Single-threaded benchmark of any model family by its spec text.
//!
//! Usage: `spec_bench IN.csv NAMES OUT.csv [MIN_CPU_SECONDS]` where IN.csv is `id,m,h,train`
//! (train space-separated, as `scripts/bench/AutoArimaBench.java` reads) and NAMES a
//! `;`-separated list of spec names (`auto_theta;theta;tsb(0.1,0.1)`). Each name is fitted to
//! every series one after another on the calling thread, as `name[m]` when the series has a
//! period above 1 and the family takes one (else `name`): one untimed pass over every series,
//! then timed passes until they have used MIN_CPU_SECONDS (default 1) of CPU time together.
//! Writes `spec,id,step,mean` and prints one
//! `{"spec": ..., "seconds": S, "passes": p, "failed": n}` line per name, S being the process CPU
//! time (user + system) of one pass: the fit and forecast of every series (`Spec::fit_forecast`,
//! the batch forecast's path, which keeps no model), nothing else.

mod common;

use common::{cpu_seconds, read_series};
use std::io::Write;

use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::Spec;


fn spec_for(name: &str, m: usize) -> Result<ModelSpec, String> {
    if m > 1 {
        if let Ok(spec) = ModelSpec::parse(&format!("{name}[{m}]")) {
            return Ok(spec);
        }
    }
    ModelSpec::parse(name).map_err(|e| e.to_string())
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 && args.len() != 5 {
        return Err("usage: spec_bench IN.csv NAMES OUT.csv [MIN_CPU_SECONDS]".into());
    }
    let min_seconds: f64 = match args.get(4) {
        Some(v) => v.parse().map_err(|e| format!("MIN_CPU_SECONDS: {e}"))?,
        None => 1.0,
    };
    let series = read_series(&args[1])?;
    let mut out = std::fs::File::create(&args[3]).map_err(|e| e.to_string())?;
    writeln!(out, "spec,id,step,mean").map_err(|e| e.to_string())?;
    for name in args[2].split(';') {
        let specs: Vec<ModelSpec> = series.iter().map(|s| spec_for(name, s.m)).collect::<Result<_, _>>()?;
        // `forecast_all`'s work for one series: fit and forecast, keeping no model.
        let pass = || -> Vec<_> { series.iter().zip(&specs).map(|(s, spec)| spec.fit_forecast(&s.y, s.h, &[], None).map(|(_, f)| f)).collect() };
        let results = pass();
        let (mut used, mut passes) = (0.0, 0usize);
        while passes == 0 || used < min_seconds {
            let start = cpu_seconds();
            std::hint::black_box(pass());
            used += cpu_seconds() - start;
            passes += 1;
        }
        let seconds = used / passes as f64;
        let mut failed = 0;
        for (s, r) in series.iter().zip(&results) {
            match r {
                Ok(f) => {
                    for (k, v) in f.mean.iter().enumerate() {
                        writeln!(out, "\"{name}\",{},{},{v:?}", s.id, k + 1).map_err(|e| e.to_string())?;
                    }
                }
                Err(_) => failed += 1,
            }
        }
        println!("{{\"spec\": \"{name}\", \"seconds\": {seconds}, \"passes\": {passes}, \"failed\": {failed}}}");
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("spec_bench: {e}");
        std::process::exit(2);
    }
}
