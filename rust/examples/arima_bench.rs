//! Single-threaded ARIMA fitting benchmark.
//!
//! Usage: `arima_bench INPUT.json` where INPUT.json is
//! `{"order":[p,d,q],"seasonal":[P,D,Q,s],"include_mean":bool|null,
//!   "include_drift":bool|null,"series":[[...],...]}`
//! (null = default: mean when d+D == 0, no drift). Fits every series
//! sequentially on the calling thread and prints one JSON object:
//! `{"seconds_total": x, "seconds_per_series": x, "loglik": [...], "failed": n}`
//! (loglik is null for a failed fit).

use lagrs_core::arima::{fit, ArimaSpec};
use serde_json::{json, Value};
use std::time::Instant;

fn usizes(v: &Value, what: &str) -> Result<Vec<usize>, String> {
    v.as_array()
        .ok_or_else(|| format!("{what} must be an array"))?
        .iter()
        .map(|x| x.as_u64().map(|u| u as usize).ok_or_else(|| format!("{what} must hold integers")))
        .collect()
}

fn run() -> Result<(), String> {
    let path = std::env::args().nth(1).ok_or("usage: arima_bench INPUT.json")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| format!("invalid JSON: {e}"))?;
    let order = usizes(&doc["order"], "order")?;
    let seasonal = if doc["seasonal"].is_null() { vec![0, 0, 0, 0] } else { usizes(&doc["seasonal"], "seasonal")? };
    if order.len() != 3 || seasonal.len() != 4 {
        return Err("order needs 3 entries and seasonal 4".into());
    }
    let total_d = order[1] + seasonal[1];
    let spec = ArimaSpec {
        p: order[0],
        d: order[1],
        q: order[2],
        seasonal_p: seasonal[0],
        seasonal_d: seasonal[1],
        seasonal_q: seasonal[2],
        period: seasonal[3],
        include_mean: doc["include_mean"].as_bool().unwrap_or(total_d == 0),
        include_drift: doc["include_drift"].as_bool().unwrap_or(false),
    };
    spec.validate().map_err(|e| format!("invalid model: {e}"))?;
    let series: Vec<Vec<f64>> = doc["series"]
        .as_array()
        .ok_or("series must be an array of arrays")?
        .iter()
        .map(|s| {
            s.as_array()
                .ok_or_else(|| "each series must be an array".to_string())
                .map(|a| a.iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect())
        })
        .collect::<Result<_, _>>()?;
    let start = Instant::now();
    let mut loglik = Vec::with_capacity(series.len());
    let mut failed = 0usize;
    for y in &series {
        match fit(&spec, y) {
            Ok(f) => loglik.push(json!(f.log_likelihood())),
            Err(_) => {
                failed += 1;
                loglik.push(Value::Null);
            }
        }
    }
    let total = start.elapsed().as_secs_f64();
    let per = if series.is_empty() { 0.0 } else { total / series.len() as f64 };
    println!("{}", json!({"seconds_total": total, "seconds_per_series": per, "loglik": loglik, "failed": failed}));
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("arima_bench: {e}");
        std::process::exit(2);
    }
}
