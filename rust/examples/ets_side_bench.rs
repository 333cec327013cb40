//! Automatic ETS over a set of series through the engine, on 1..k threads, for
//! `scripts/bench/ets_side_by_side.py`.
//!
//! Usage: `ets_side_bench IN.csv OUT.csv THREADS...` where IN.csv is `id,m,h,train` (train
//! space-separated). For each thread count: one untimed warm-up over the first 20 series,
//! then `auto_ets[m]` (`auto_ets` when m is 1) fitted and forecast `h` steps on every series
//! through the batch runner. Prints one line per thread count,
//! `{"threads": t, "wall_seconds": w, "cpu_seconds": c, "failed": n}`, where the CPU time is
//! the process's (user + system, every thread) over the timed pass; writes the forecasts
//! of the first pass as `id,step,mean`.

mod common;

use common::{auto_ets_specs, cpu_seconds, read_series};
use std::io::Write;
use std::time::Instant;

use lagrs_core::batch::{run, BatchControl};
use lagrs_core::engine::Spec;


fn run_all() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        return Err("usage: ets_side_bench IN.csv OUT.csv THREADS...".into());
    }
    let series = read_series(&args[1])?;
    let specs = auto_ets_specs(&series)?;
    let mut written = false;
    for t in &args[3..] {
        let threads: usize = t.parse().map_err(|e| format!("THREADS: {e}"))?;
        let fit = |i: usize| specs[i].fit(&series[i].y, None).and_then(|m| m.forecast(series[i].h, &[]));
        let warm = BatchControl::new(20.min(series.len()), threads).map_err(|e| e.to_string())?;
        let _ = run(20.min(series.len()), &warm, |i, _| fit(i));
        let control = BatchControl::new(series.len(), threads).map_err(|e| e.to_string())?;
        let (c0, t0) = (cpu_seconds(), Instant::now());
        let results = run(series.len(), &control, |i, _| fit(i));
        let (wall, cpu) = (t0.elapsed().as_secs_f64(), cpu_seconds() - c0);
        let failed = results.iter().filter(|r| r.is_err()).count();
        println!("{{\"threads\": {threads}, \"wall_seconds\": {wall}, \"cpu_seconds\": {cpu}, \"failed\": {failed}}}");
        if !written {
            let mut out = std::fs::File::create(&args[2]).map_err(|e| e.to_string())?;
            writeln!(out, "id,step,mean").map_err(|e| e.to_string())?;
            for (s, r) in series.iter().zip(&results) {
                if let Ok(f) = r {
                    for (k, v) in f.mean.iter().enumerate() {
                        writeln!(out, "{},{},{v:?}", s.id, k + 1).map_err(|e| e.to_string())?;
                    }
                }
            }
            written = true;
        }
    }
    Ok(())
}

fn main() {
    if let Err(e) = run_all() {
        eprintln!("ets_side_bench: {e}");
        std::process::exit(2);
    }
}
