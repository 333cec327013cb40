//! How evenly the engine's batch runner shares automatic ETS fits between its threads, for
//! `scripts/bench/ets_side_by_side.py`'s input (`id,m,h,train`).
//!
//! Usage: `batch_balance IN.csv THREADS`. Runs `auto_ets[m]` fit + forecast on every series
//! through `batch::run` once, timing each item with its thread's CPU clock, and prints per
//! worker the items run, their CPU seconds and when (wall seconds after the start) its last
//! item ended, then `{"cpu_spread": s, "end_spread": e}`: the busiest worker's CPU over the
//! mean worker's, less 1, and the time between the first and the last worker's last item
//! over the whole run. Both are 0 for a perfect share. The CPU figure does not depend on
//! other load on the machine as wall times do; the end figure is the idle tail a straggler
//! leaves on the other threads.

mod common;

use common::{auto_ets_specs, read_series, thread_cpu_seconds};
use std::sync::Mutex;
use std::time::Instant;

use lagrs_core::batch::{run, BatchControl};
use lagrs_core::engine::Spec;

fn run_all() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        return Err("usage: batch_balance IN.csv THREADS".into());
    }
    let series = read_series(&args[1])?;
    let threads: usize = args[2].parse().map_err(|e| format!("THREADS: {e}"))?;
    let specs = auto_ets_specs(&series)?;
    // Per worker: items, CPU seconds, end of its last item.
    let workers = Mutex::new(vec![(0usize, 0.0f64, 0.0f64); threads]);
    let control = BatchControl::new(series.len(), threads).map_err(|e| e.to_string())?;
    let start = Instant::now();
    let _ = run(series.len(), &control, |i, _| {
        let c0 = thread_cpu_seconds();
        let out = specs[i].fit(&series[i].y, None).and_then(|m| m.forecast(series[i].h, &[]));
        let cpu = thread_cpu_seconds() - c0;
        let end = start.elapsed().as_secs_f64();
        let w = rayon::current_thread_index().expect("items run on the batch pool");
        let mut all = workers.lock().expect("no item panics while holding the lock");
        all[w].0 += 1;
        all[w].1 += cpu;
        all[w].2 = all[w].2.max(end);
        out
    });
    let wall = start.elapsed().as_secs_f64();
    let all = workers.into_inner().expect("the run is over");
    for (w, (items, cpu, end)) in all.iter().enumerate() {
        println!("{{\"worker\": {w}, \"items\": {items}, \"cpu_seconds\": {cpu:.3}, \"last_end\": {end:.3}}}");
    }
    let mean = all.iter().map(|w| w.1).sum::<f64>() / threads as f64;
    let busiest = all.iter().map(|w| w.1).fold(0.0, f64::max);
    let first_end = all.iter().map(|w| w.2).fold(f64::INFINITY, f64::min);
    let last_end = all.iter().map(|w| w.2).fold(0.0, f64::max);
    println!(
        "{{\"cpu_spread\": {:.4}, \"end_spread\": {:.4}, \"wall_seconds\": {wall:.3}}}",
        busiest / mean - 1.0,
        (last_end - first_end) / wall
    );
    Ok(())
}

fn main() {
    if let Err(e) = run_all() {
        eprintln!("batch_balance: {e}");
        std::process::exit(2);
    }
}
