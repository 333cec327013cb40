//! Quick timing of the rolling kernels (the official benchmarks are JMH).
//!
//! cargo run -p lagrs-core --release --example rolling_bench [mean|median|many]
//!
//! With an argument only that group runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use lagrs_core::rolling::{ewm_mean, rolling, rolling_many, rolling_parallel, Statistic, Window};

/// Best of `reps` runs (the minimum is the least noisy estimate on a shared machine).
fn best(reps: usize, mut f: impl FnMut()) -> Duration {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .expect("reps >= 1")
}

fn data(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        })
        .collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let threads = rayon::current_num_threads();
    println!("rayon threads: {threads}");
    let only = std::env::args().nth(1);
    let wants = |group: &str| only.as_deref().is_none_or(|o| o == group);

    if wants("mean") {
        mean_1e7();
    }
    if wants("chunked") {
        mean_chunked();
    }
    if wants("ewm") {
        ewm_1e7();
    }
    if wants("median") {
        median_1e6();
    }
    if wants("many") {
        many_short();
    }
}

fn mean_1e7() {

    let n = 10_000_000;
    let x = data(n, 1);
    let mut out = vec![0.0; n];
    let w50 = Window::new(50, 50).expect("window");
    let copy = best(7, || out.copy_from_slice(black_box(&x)));
    let seq = best(5, || rolling(Statistic::Mean, black_box(&x), w50, &mut out).expect("mean"));
    let par = best(5, || rolling_parallel(Statistic::Mean, black_box(&x), w50, &mut out).expect("mean"));
    println!("memcpy 1e7 f64:                  {:8.2} ms", ms(copy));
    println!("rolling mean 1e7 w=50 sequential: {:8.2} ms  ({:.2}x memcpy)", ms(seq), seq.as_secs_f64() / copy.as_secs_f64());
    println!("rolling mean 1e7 w=50 parallel:   {:8.2} ms  ({:.2}x memcpy)", ms(par), par.as_secs_f64() / copy.as_secs_f64());
    let seq = best(5, || rolling(Statistic::Sum, black_box(&x), w50, &mut out).expect("sum"));
    let par = best(5, || rolling_parallel(Statistic::Sum, black_box(&x), w50, &mut out).expect("sum"));
    println!("rolling sum  1e7 w=50 sequential: {:8.2} ms  ({:.2}x memcpy)", ms(seq), seq.as_secs_f64() / copy.as_secs_f64());
    println!("rolling sum  1e7 w=50 parallel:   {:8.2} ms  ({:.2}x memcpy)", ms(par), par.as_secs_f64() / copy.as_secs_f64());
}

/// The rolling mean as the JNI bridge runs it on a Java array: the outputs in chunks of
/// `2^k` values, each computed by its own `rolling_parallel` call from the chunk plus the
/// `w - 1` values before it, the warm-up outputs saved and restored (`jni/src/sections.rs`).
fn mean_chunked() {
    let n = 10_000_000;
    let x = data(n, 1);
    let mut out = vec![0.0; n];
    let w = 50;
    let w50 = Window::new(w, w).expect("window");
    let copy = best(7, || out.copy_from_slice(black_box(&x)));
    println!("memcpy 1e7 f64:                  {:8.2} ms", ms(copy));
    let whole = best(7, || rolling_parallel(Statistic::Mean, black_box(&x), w50, &mut out).expect("mean"));
    println!("rolling mean 1e7 w=50, one call:  {:8.2} ms  ({:.2}x memcpy)", ms(whole), whole.as_secs_f64() / copy.as_secs_f64());
    let mut saved = Vec::new();
    for log2 in [17, 18, 19, 20, 21, 22] {
        let chunk = 1usize << log2;
        let t = best(7, || {
            let mut a = 0;
            while a < n {
                let b = n.min(a + chunk);
                let a0 = a.saturating_sub(w - 1);
                saved.clear();
                saved.extend_from_slice(&out[a0..a]);
                rolling_parallel(Statistic::Mean, black_box(&x[a0..b]), w50, &mut out[a0..b]).expect("mean");
                out[a0..a].copy_from_slice(&saved);
                a = b;
            }
        });
        println!("rolling mean 1e7 w=50, chunks 2^{log2}: {:8.2} ms  ({:.2}x memcpy)", ms(t), t.as_secs_f64() / copy.as_secs_f64());
    }
}

fn ewm_1e7() {
    let n = 10_000_000;
    let x = data(n, 1);
    let mut out = vec![0.0; n];
    let copy = best(7, || out.copy_from_slice(black_box(&x)));
    let t = best(5, || ewm_mean(black_box(&x), 0.1, &mut out).expect("ewm"));
    println!("memcpy 1e7 f64:                  {:8.2} ms", ms(copy));
    println!("ewm mean 1e7 alpha=0.1:           {:8.2} ms  ({:.2} ns per value)", ms(t), t.as_secs_f64() * 1e9 / n as f64);
}

fn median_1e6() {

    let n = 1_000_000;
    let x = data(n, 2);
    let mut out = vec![0.0; n];
    let w101 = Window::new(101, 101).expect("window");
    let seq = best(3, || rolling(Statistic::Median, black_box(&x), w101, &mut out).expect("median"));
    let par = best(3, || rolling_parallel(Statistic::Median, black_box(&x), w101, &mut out).expect("median"));
    println!("rolling median 1e6 w=101 sequential: {:8.2} ms", ms(seq));
    println!("rolling median 1e6 w=101 parallel:   {:8.2} ms", ms(par));
}

fn many_short() {

    let series = 1_000_000;
    let len = 60;
    let x = data(series * len, 3);
    let offsets: Vec<i32> = (0..=series).map(|j| (j * len) as i32).collect();
    let mut out = vec![0.0; x.len()];
    let w20 = Window::new(20, 1).expect("window");
    for stat in [Statistic::Mean, Statistic::Std, Statistic::Max, Statistic::Median] {
        let t = best(3, || rolling_many(stat, black_box(&x), &offsets, w20, &mut out).expect("many"));
        println!("rolling_many {stat:?} 1e6 series x 60, w=20: {:8.2} ms", ms(t));
    }
}
