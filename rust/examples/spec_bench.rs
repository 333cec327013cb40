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
//! time (user + system) of one pass: the fit and forecast of every series, nothing else.

use std::io::Write;

use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::Spec;

struct Series {
    id: String,
    m: usize,
    h: usize,
    y: Vec<f64>,
}

fn read(path: &str) -> Result<Vec<Series>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.splitn(4, ',').collect();
        if cols.len() != 4 {
            return Err(format!("line {}: expected id,m,h,train", i + 1));
        }
        let num = |s: &str| s.parse::<usize>().map_err(|e| format!("line {}: {e}", i + 1));
        let y = cols[3]
            .split_whitespace()
            .map(|v| v.parse::<f64>().map_err(|e| format!("line {}: train: {e}", i + 1)))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(Series { id: cols[0].to_string(), m: num(cols[1])?, h: num(cols[2])?, y });
    }
    Ok(out)
}

fn spec_for(name: &str, m: usize) -> Result<ModelSpec, String> {
    if m > 1 {
        if let Ok(spec) = ModelSpec::parse(&format!("{name}[{m}]")) {
            return Ok(spec);
        }
    }
    ModelSpec::parse(name).map_err(|e| e.to_string())
}

/// The CPU time of this process so far, in seconds (wall time where it cannot be read).
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn cpu_seconds() -> f64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec (two 64-bit fields on 64-bit Linux) into t.
    if unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut t) } != 0 {
        return f64::NAN;
    }
    t.sec as f64 + t.nsec as f64 * 1e-9
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn cpu_seconds() -> f64 {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64()
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
    let series = read(&args[1])?;
    let mut out = std::fs::File::create(&args[3]).map_err(|e| e.to_string())?;
    writeln!(out, "spec,id,step,mean").map_err(|e| e.to_string())?;
    for name in args[2].split(';') {
        let specs: Vec<ModelSpec> = series.iter().map(|s| spec_for(name, s.m)).collect::<Result<_, _>>()?;
        let pass = || -> Vec<_> { series.iter().zip(&specs).map(|(s, spec)| spec.fit(&s.y, None).and_then(|m| m.forecast(s.h, &[]))).collect() };
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
