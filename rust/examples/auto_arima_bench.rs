//! Single-threaded automatic ARIMA benchmark.
//!
//! Usage: `auto_arima_bench IN.csv [PASSES] [OUT.csv]` where IN.csv is the
//! input of `scripts/bench/AutoArimaBench.java` (`id,m,h,train`, train
//! space-separated). Runs `auto_arima` with R's defaults and the series'
//! period on every series, one after another on the calling thread, PASSES
//! times (default 1) after one untimed warm-up over the first 20 series, and
//! prints `{"seconds_per_series": [...], "failed": n}` (one entry per pass).
//! With OUT.csv, writes `id,order,ic,loglik` of the last pass, so two builds
//! can be compared model by model.

use lagrs_core::auto::{auto_arima, AutoArimaOptions};
use std::io::Write;
use std::time::Instant;

struct Series {
    id: String,
    m: usize,
    y: Vec<f64>,
}

fn read(path: &str) -> Result<Vec<Series>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let mut cols = line.splitn(4, ',');
        let mut next = |what: &str| cols.next().ok_or_else(|| format!("line {}: no {what}", i + 1));
        let id = next("id")?.to_string();
        let m = next("m")?.parse::<usize>().map_err(|e| format!("line {}: m: {e}", i + 1))?;
        let _h = next("h")?;
        let y = next("train")?
            .split_whitespace()
            .map(|v| v.parse::<f64>().map_err(|e| format!("line {}: train: {e}", i + 1)))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(Series { id, m, y });
    }
    Ok(out)
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: auto_arima_bench IN.csv [PASSES] [OUT.csv]")?;
    let passes = match args.get(2) {
        Some(p) => p.parse::<usize>().map_err(|e| format!("PASSES: {e}"))?,
        None => 1,
    };
    let all = read(path)?;
    let options = |m: usize| AutoArimaOptions { period: m, ..AutoArimaOptions::default() };
    for s in all.iter().take(20) {
        let _ = auto_arima(&s.y, &options(s.m));
    }
    let mut per_series = Vec::new();
    let mut rows = Vec::new();
    let mut failed = 0;
    for _ in 0..passes {
        rows.clear();
        failed = 0;
        let t0 = Instant::now();
        for s in &all {
            match auto_arima(&s.y, &options(s.m)) {
                Ok(fit) => {
                    let sp = fit.fit.spec();
                    let order = format!(
                        "({},{},{})({},{},{})[{}] mean={} drift={}",
                        sp.p, sp.d, sp.q, sp.seasonal_p, sp.seasonal_d, sp.seasonal_q, sp.period, sp.include_mean,
                        sp.include_drift
                    );
                    rows.push(format!("{},{},{},{}", s.id, order, fit.ic, fit.fit.log_likelihood()));
                }
                Err(e) => {
                    failed += 1;
                    rows.push(format!("{},error,{},", s.id, e.to_string().replace(',', ";")));
                }
            }
        }
        per_series.push(t0.elapsed().as_secs_f64() / all.len().max(1) as f64);
    }
    if let Some(out) = args.get(3) {
        let mut f = std::fs::File::create(out).map_err(|e| format!("cannot write {out}: {e}"))?;
        writeln!(f, "id,order,ic,loglik").map_err(|e| e.to_string())?;
        for r in &rows {
            writeln!(f, "{r}").map_err(|e| e.to_string())?;
        }
    }
    println!("{{\"seconds_per_series\": {per_series:?}, \"failed\": {failed}}}");
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("auto_arima_bench: {e}");
        std::process::exit(2);
    }
}
