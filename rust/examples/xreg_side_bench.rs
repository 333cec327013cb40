//! Regression with ARIMA errors over a set of series, one thread, for
//! `scripts/bench/xreg_side_by_side.py`.
//!
//! Usage: `xreg_side_bench IN.csv OUT.csv [PASSES]` where IN.csv has the columns
//! `id,m,seasonal,fourier,h,names,train,test,xreg` (numbers space-separated; `xreg` holds the
//! named regressors column by column over the training then the test rows; `fourier` is
//! `52.18:3` or `7:3 365.25:4` or empty). Each series is fitted through the engine as a user
//! would: the spec `auto_arima(seasonal=false,fourier=[...])` (or `auto_arima[m]`) with the
//! named regressors, then forecast `h` steps with their true future values (the fit builds
//! the future Fourier terms itself). One untimed warm-up over the first 5 series, then PASSES
//! (default 1) timed passes on the calling thread. Prints one line per pass,
//! `{"pass": k, "cpu_seconds": c, "wall_seconds": w, "failed": n, "digest": "..."}`, the CPU
//! time the process's (user + system) and the digest an FNV-1a hash of every forecast's bits
//! and chosen order (equal digests: bit-identical forecasts); writes the forecasts of the
//! last pass as `id,step,mean,order,cpu` (cpu: the series' CPU seconds).

mod common;

use common::{cpu_seconds, Digest};
use std::io::Write;
use std::time::Instant;

use lagrs_core::arima::{ArimaFit, Regressors};
use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::find;

struct Case {
    id: String,
    spec: ModelSpec,
    y: Vec<f64>,
    h: usize,
    xreg: Regressors,
    future: Vec<Vec<f64>>,
}

fn numbers(s: &str, what: &str, line: usize) -> Result<Vec<f64>, String> {
    s.split_whitespace().map(|v| v.parse::<f64>().map_err(|e| format!("line {line}: {what}: {e}"))).collect()
}

fn read(path: &str) -> Result<Vec<Case>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let c: Vec<&str> = line.split(',').map(|f| f.trim_matches('"')).collect();
        if c.len() != 9 {
            return Err(format!("line {}: expected 9 columns", i + 1));
        }
        let m: usize = c[1].parse().map_err(|e| format!("line {}: m: {e}", i + 1))?;
        let h: usize = c[4].parse().map_err(|e| format!("line {}: h: {e}", i + 1))?;
        let mut args = Vec::new();
        if c[2] == "false" {
            args.push("seasonal=false".to_string());
        }
        if !c[3].is_empty() {
            args.push(format!("fourier=[{}]", c[3].split_whitespace().collect::<Vec<_>>().join(",")));
        }
        let group = if args.is_empty() { String::new() } else { format!("({})", args.join(",")) };
        let period = if m > 1 { format!("[{m}]") } else { String::new() };
        let spec = ModelSpec::parse(&format!("auto_arima{group}{period}")).map_err(|e| e.to_string())?;
        let y = numbers(c[6], "train", i + 1)?;
        let names: Vec<String> = c[5].split_whitespace().map(String::from).collect();
        let all = numbers(c[8], "xreg", i + 1)?;
        let rows = y.len() + h;
        if all.len() != rows * names.len() {
            return Err(format!("line {}: xreg has {} values, expected {}", i + 1, all.len(), rows * names.len()));
        }
        let cols: Vec<&[f64]> = all.chunks(rows).collect();
        let xreg = Regressors::new(names, cols.iter().map(|c| c[..y.len()].to_vec()).collect()).map_err(|e| e.to_string())?;
        let future = cols.iter().map(|c| c[y.len()..].to_vec()).collect();
        out.push(Case { id: c[0].to_string(), spec, y, h, xreg, future });
    }
    Ok(out)
}

/// The forecast means and the chosen orders `p d q P D Q m` (R's `arimaorder`).
fn forecast(case: &Case) -> Result<(Vec<f64>, String), String> {
    let model = case.spec.fit_xreg(&case.y, &case.xreg, None).map_err(|e| e.to_string())?;
    let f = model.forecast_xreg(case.h, &[], &case.future).map_err(|e| e.to_string())?;
    let order = find::<ArimaFit>(model.as_ref()).map_or_else(String::new, |fit| {
        let s = fit.spec();
        let seasonal = format!(" {} {} {} {}", s.seasonal_p, s.seasonal_d, s.seasonal_q, s.period);
        format!("{} {} {}{}", s.p, s.d, s.q, if s.period > 1 { seasonal.as_str() } else { "" })
    });
    Ok((f.mean, order))
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        return Err("usage: xreg_side_bench IN.csv OUT.csv [PASSES]".into());
    }
    let cases = read(&args[1])?;
    let passes: usize = args.get(3).map_or(Ok(1), |p| p.parse().map_err(|e| format!("PASSES: {e}")))?;
    for case in cases.iter().take(5) {
        let _ = forecast(case);
    }
    let mut last = Vec::new();
    for pass in 1..=passes {
        let (c0, t0) = (cpu_seconds(), Instant::now());
        let results: Vec<_> = cases
            .iter()
            .map(|case| {
                let c = cpu_seconds();
                forecast(case).map(|(mean, order)| (mean, order, cpu_seconds() - c))
            })
            .collect();
        let (cpu, wall) = (cpu_seconds() - c0, t0.elapsed().as_secs_f64());
        let mut digest = Digest::new();
        for r in &results {
            match r {
                Ok((mean, order, _)) => {
                    digest.fs(mean);
                    digest.s(order);
                }
                Err(e) => digest.s(e),
            }
        }
        let failed = results.iter().filter(|r| r.is_err()).count();
        println!(
            "{{\"pass\": {pass}, \"cpu_seconds\": {cpu}, \"wall_seconds\": {wall}, \"failed\": {failed}, \"digest\": \"{:016x}\"}}",
            digest.0
        );
        last = results;
    }
    let mut out = std::fs::File::create(&args[2]).map_err(|e| format!("cannot write {}: {e}", args[2]))?;
    writeln!(out, "id,step,mean,order,cpu").map_err(|e| e.to_string())?;
    for (case, r) in cases.iter().zip(&last) {
        match r {
            Ok((mean, order, cpu)) => {
                for (k, v) in mean.iter().enumerate() {
                    writeln!(out, "{},{},{v:?},{order},{cpu}", case.id, k + 1).map_err(|e| e.to_string())?;
                }
            }
            Err(e) => eprintln!("xreg_side_bench: {}: {e}", case.id),
        }
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("xreg_side_bench: {e}");
        std::process::exit(2);
    }
}
