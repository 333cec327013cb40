//! A digest of the bits of the optimised intermittent methods' results, and their CPU time.
//!
//! Usage: `cargo run --release -p lagrs-core --example intermittent_digest [PASSES]` from `rust/`.
//! On the benchmark's simulated series (`scripts/bench/intermittent_series.csv`) and on 3,000
//! random ones (lengths 2 to 600, 0 to 95% zeros, scales 1e-3 to 1e12, offsets, random walks
//! that move the minimum across the lower bound), digests the forecast of `croston_optimized`,
//! `adida` and `imapa` (the batch path, `forecast_mean`) and the alphas `croston_optimized`'s fit
//! chose. Prints one `method hash count` line per method (two builds print the same lines
//! exactly when every result has the same bits), then, with PASSES > 0, the CPU milliseconds of
//! the fastest and the median of PASSES passes of `forecast_mean` over the benchmark's series.

mod common;

use common::{cpu_seconds, Digest};
use lagrs_core::intermittent::Intermittent;

fn benchmark_series() -> Vec<Vec<f64>> {
    let text = std::fs::read_to_string("../scripts/bench/intermittent_series.csv").expect("run from rust/");
    text.lines().skip(1).map(|line| line.rsplit(',').next().unwrap().split_whitespace().map(|v| v.parse().unwrap()).collect()).collect()
}

fn random_series() -> Vec<Vec<f64>> {
    let mut s = 0x2545_f491_4f6c_dd1du64;
    let mut u = move || {
        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..3000)
        .map(|_| {
            let n = 2 + (u() * u() * 600.0) as usize;
            let zeros = u() * 0.95;
            let scale = [1e-3, 1.0, 37.0, 1e6, 1e12][(u() * 5.0) as usize];
            let offset = [0.0, 0.0, 10.0, 1e4][(u() * 4.0) as usize];
            let walk = [0.0, 0.0, 0.01, 0.03, 0.05, 0.08, 0.1, 0.2][(u() * 8.0) as usize] * (0.5 + u());
            let round = u() < 0.5;
            let mut level = 0.0f64;
            (0..n)
                .map(|_| {
                    level = (level + walk * (u() - 0.5)).abs();
                    let v = if u() < zeros { 0.0 } else { ((u() + level + offset) * scale).max(0.0) };
                    if round { v.round() } else { v }
                })
                .collect()
        })
        .collect()
}

fn main() {
    let passes: usize = std::env::args().nth(1).map_or(0, |v| v.parse().expect("PASSES"));
    let bench = benchmark_series();
    let all: Vec<Vec<f64>> = bench.iter().cloned().chain(random_series()).collect();
    for method in [Intermittent::CrostonOptimized, Intermittent::Adida, Intermittent::Imapa] {
        let mut h = Digest::new();
        for y in &all {
            h.f(method.forecast_mean(y).expect("valid series"));
            if method == Intermittent::CrostonOptimized {
                let fit = method.fit(y).expect("valid series");
                h.f(fit.mean());
                let (a, b) = fit.optimised_alphas().unwrap_or((f64::NAN, f64::NAN));
                h.f(a);
                h.f(b);
            }
        }
        println!("{} {:016x} {}", method.name(), h.0, h.1);
    }
    if passes == 0 {
        return;
    }
    let method = Intermittent::CrostonOptimized;
    let mut times = Vec::with_capacity(passes);
    let mut sink = 0.0;
    for _ in 0..passes {
        let start = cpu_seconds();
        for y in &bench {
            sink += method.forecast_mean(y).unwrap();
        }
        times.push((cpu_seconds() - start) * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!("croston_optimized ms per pass: fastest {:.4} median {:.4} ({passes} passes, sum {sink:e})", times[0], times[passes / 2]);
}
