//! Single-threaded benchmark of the engine's rolling-origin cross-validation by spec text.
//!
//! Usage: `cv_bench IN.csv NAMES H WINDOWS OUT.csv [MIN_CPU_SECONDS]` where IN.csv is
//! `id,m,h,train` (train space-separated; the `h` column is not used) and NAMES a `;`-separated
//! list of spec names. Each name is cross-validated on every series one after another on the
//! calling thread (`cv::run::evaluate`: WINDOWS windows of H steps, H apart, expanding,
//! refitted every window, no intervals, as statsforecast's `cross_validation(h, step_size = h,
//! n_windows)` without `level`), as `name[m]` when the series has a period above 1 and the
//! family takes one. An untimed pass over the first few series first, then timed passes over
//! every series until they have used MIN_CPU_SECONDS (default 1) of CPU time together.
//! Writes `spec,id,cutoff,step,mean` (cutoff: 1-based time of the window's last training
//! value, as statsforecast's with 1-based times) and prints one
//! `{"spec": ..., "seconds": S, "passes": p, "fits": f, "failed": n}` line per name, S being
//! the process CPU time (user + system) of one pass, f the fits of one pass.

mod common;

use common::{cpu_seconds, read_series};
use std::io::Write;

use lagrs_core::catalog::ModelSpec;
use lagrs_core::cv::run::{evaluate, SeriesCv};
use lagrs_core::cv::{Refit, Settings};
use lagrs_core::engine::Spec;
use lagrs_core::error::CoreResult;

/// Series compiled and paged in before the clock starts (no JIT here: a few are enough).
const WARM_UP: usize = 5;

fn spec_for(name: &str, m: usize) -> Result<ModelSpec, String> {
    if m > 1 {
        if let Ok(spec) = ModelSpec::parse(&format!("{name}[{m}]")) {
            return Ok(spec);
        }
    }
    ModelSpec::parse(name).map_err(|e| e.to_string())
}

fn number<T: std::str::FromStr>(v: &str, what: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    v.parse().map_err(|e| format!("{what}: {e}"))
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 6 && args.len() != 7 {
        return Err("usage: cv_bench IN.csv NAMES H WINDOWS OUT.csv [MIN_CPU_SECONDS]".into());
    }
    let h: usize = number(&args[3], "H")?;
    let windows: usize = number(&args[4], "WINDOWS")?;
    let min_seconds: f64 = args.get(6).map_or(Ok(1.0), |v| number(v, "MIN_CPU_SECONDS"))?;
    let series = read_series(&args[1])?;
    let mut out = std::fs::File::create(&args[5]).map_err(|e| e.to_string())?;
    writeln!(out, "spec,id,cutoff,step,mean").map_err(|e| e.to_string())?;
    for name in args[2].split(';') {
        let specs: Vec<ModelSpec> = series.iter().map(|s| spec_for(name, s.m)).collect::<Result<_, _>>()?;
        let settings = |m: usize| Settings { h, step: h, windows, input_size: None, refit: Refit::Every(1), levels: vec![], period: m };
        let pass = |k: usize| -> Vec<CoreResult<SeriesCv>> {
            series.iter().zip(&specs).take(k).map(|(s, spec)| evaluate(&[spec as &dyn Spec], &s.y, &settings(s.m), None)).collect()
        };
        std::hint::black_box(pass(WARM_UP));
        let (mut used, mut passes) = (0.0, 0usize);
        let mut results = Vec::new();
        while passes == 0 || used < min_seconds {
            let start = cpu_seconds();
            results = std::hint::black_box(pass(series.len()));
            used += cpu_seconds() - start;
            passes += 1;
        }
        let (mut failed, mut fits) = (0, 0);
        for (s, r) in series.iter().zip(&results) {
            let cv = match r {
                Ok(cv) => cv,
                Err(_) => {
                    failed += windows;
                    continue;
                }
            };
            let model = &cv.models[0];
            for (w, window) in cv.windows.iter().enumerate() {
                fits += 1;
                if model.errors[w].is_some() {
                    failed += 1;
                    continue;
                }
                for k in 0..h {
                    let v = model.values[w * h + k];
                    writeln!(out, "\"{name}\",{},{},{},{v:?}", s.id, window.end, k + 1).map_err(|e| e.to_string())?;
                }
            }
        }
        let seconds = used / passes as f64;
        println!("{{\"spec\": \"{name}\", \"seconds\": {seconds}, \"passes\": {passes}, \"fits\": {fits}, \"failed\": {failed}}}");
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("cv_bench: {e}");
        std::process::exit(2);
    }
}
