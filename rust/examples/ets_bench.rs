//! Single-threaded automatic ETS benchmark.
//!
//! Usage: `ets_bench IN.csv [PASSES]` where IN.csv has the columns
//! `source,id,m,h,train,test` of `testdata/auto_arima/export_competition_series.py` (train
//! space-separated). Runs R's `ets(y)` defaults with the series' period on every series, one
//! after another on the calling thread, PASSES times (default 1) after one untimed warm-up
//! over the first 20 series, and prints `{"seconds_per_series": [...], "failed": n}`.

use lagrs_core::ets::{ets, Options, Request};
use std::time::Instant;

fn read(path: &str) -> Result<Vec<(usize, Vec<f64>)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.splitn(6, ',').collect();
        if cols.len() < 5 {
            return Err(format!("line {}: expected source,id,m,h,train,test", i + 1));
        }
        let m = cols[2]
            .parse::<usize>()
            .map_err(|e| format!("line {}: m: {e}", i + 1))?;
        let y = cols[4]
            .split_whitespace()
            .map(|v| v.parse::<f64>().map_err(|e| format!("line {}: train: {e}", i + 1)))
            .collect::<Result<Vec<_>, _>>()?;
        out.push((m, y));
    }
    Ok(out)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: ets_bench IN.csv [PASSES]");
    let passes: usize = args.get(2).map_or(1, |p| p.parse().expect("PASSES"));
    let all = read(path).unwrap_or_else(|e| panic!("{e}"));
    let (req, opts) = (Request::auto(), Options::default());
    for (m, y) in all.iter().take(20) {
        let _ = ets(y, *m, &req, &opts);
    }
    let mut per_series = Vec::new();
    let mut failed = 0;
    for _ in 0..passes {
        failed = 0;
        let t0 = Instant::now();
        for (m, y) in &all {
            if ets(y, *m, &req, &opts).is_err() {
                failed += 1;
            }
        }
        per_series.push(t0.elapsed().as_secs_f64() / all.len() as f64);
    }
    println!("{{\"seconds_per_series\": {per_series:?}, \"failed\": {failed}}}");
}
