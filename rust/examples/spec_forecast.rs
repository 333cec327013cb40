//! Forecasts with intervals of spec templates over many series, on the calling thread.
//!
//! Usage: `spec_forecast IN.csv TEMPLATES LEVELS OUT.csv` where IN.csv is `id,m,h,train`
//! (train space-separated), TEMPLATES an `&`-separated list (`;` is part of spec texts) of spec texts in which `{m}` stands
//! for the series' period and `{h}` for its horizon (`conformal(auto_ets[{m}]; h = {h},
//! windows = 10)`), and LEVELS a `,`-separated list of interval levels in percent (`80,95`).
//! Each template is fitted to every series and forecast over its `h` steps. Writes
//! `spec,id,step,mean,lower_L,upper_L...` (spec: the template) and prints one
//! `{"spec": ..., "seconds": S, "failed": n}` line per template, S being the process CPU time
//! (user + system) of the pass. A series that fails has no rows; the first few reasons go to
//! stderr.

mod common;

use common::{cpu_seconds, read_series};
use std::io::Write;

use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::Spec;

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 5 {
        return Err("usage: spec_forecast IN.csv TEMPLATES LEVELS OUT.csv".into());
    }
    let series = read_series(&args[1])?;
    let levels: Vec<f64> = args[3]
        .split(',')
        .map(|v| v.trim().parse::<f64>().map(|p| p / 100.0).map_err(|e| format!("LEVELS: {e}")))
        .collect::<Result<_, _>>()?;
    let mut out = std::fs::File::create(&args[4]).map_err(|e| e.to_string())?;
    let bounds: Vec<String> = args[3].split(',').map(|l| format!(",lower_{0},upper_{0}", l.trim())).collect();
    writeln!(out, "spec,id,step,mean{}", bounds.concat()).map_err(|e| e.to_string())?;
    for template in args[2].split('&') {
        let start = cpu_seconds();
        let mut failed = 0;
        for s in &series {
            let text = template.replace("{m}", &s.m.to_string()).replace("{h}", &s.h.to_string());
            let spec = ModelSpec::parse(&text).map_err(|e| format!("{text}: {e}"))?;
            let f = match spec.fit(&s.y, None).and_then(|m| m.forecast(s.h, &levels)) {
                Ok(f) => f,
                Err(e) => {
                    if failed < 5 {
                        eprintln!("spec_forecast: {text} on {}: {e}", s.id);
                    }
                    failed += 1;
                    continue;
                }
            };
            for k in 0..s.h {
                let mut row = format!("\"{template}\",{},{},{:?}", s.id, k + 1, f.mean[k]);
                for j in 0..levels.len() {
                    row.push_str(&format!(",{:?},{:?}", f.lower[j][k], f.upper[j][k]));
                }
                writeln!(out, "{row}").map_err(|e| e.to_string())?;
            }
        }
        let seconds = cpu_seconds() - start;
        println!("{{\"spec\": \"{template}\", \"seconds\": {seconds}, \"failed\": {failed}}}");
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("spec_forecast: {e}");
        std::process::exit(2);
    }
}
