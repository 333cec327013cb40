//! Input reading and CPU timing shared by the benchmark and digest examples.
// Each example uses only part of this module.
#![allow(dead_code)]

/// One series of a benchmark input.
pub struct Series {
    pub id: String,
    pub m: usize,
    pub h: usize,
    pub y: Vec<f64>,
}

/// The series of a benchmark input `id,m,h,train` (train space-separated, header first), as
/// `scripts/bench/AutoArimaBench.java` reads it.
pub fn read_series(path: &str) -> Result<Vec<Series>, String> {
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

/// R's `ets(y)` defaults for each series: `auto_ets[m]`, plain `auto_ets` without a season.
pub fn auto_ets_specs(series: &[Series]) -> Result<Vec<lagrs_core::catalog::ModelSpec>, String> {
    series
        .iter()
        .map(|s| {
            let text = if s.m > 1 { format!("auto_ets[{}]", s.m) } else { "auto_ets".to_string() };
            lagrs_core::catalog::ModelSpec::parse(&text).map_err(|e| e.to_string())
        })
        .collect()
}

/// (period, training values) of every series of a committed competition subset (columns
/// `source,id,m,h,train,test`), its path relative to the repository's root.
pub fn competition_training(relative: &str) -> Vec<(usize, Vec<f64>)> {
    let path = format!("{}/../{relative}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("the competition series are committed");
    text.lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.splitn(6, ',').collect();
            let m = c[2].parse().expect("m is an integer");
            (m, c[4].split_whitespace().map(|v| v.parse().expect("train holds numbers")).collect())
        })
        .collect()
}

/// The CPU time of this process so far (user + system, every thread), in seconds; wall time
/// where it cannot be read.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
pub fn cpu_seconds() -> f64 {
    const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
    clock_seconds(CLOCK_PROCESS_CPUTIME_ID)
}

/// The CPU time of the calling thread so far (user + system), in seconds; NaN where it cannot
/// be read.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
pub fn thread_cpu_seconds() -> f64 {
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    clock_seconds(CLOCK_THREAD_CPUTIME_ID)
}

/// One of Linux's clocks in seconds, NaN where it cannot be read.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn clock_seconds(clock: i32) -> f64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec (two 64-bit fields on 64-bit Linux) into t.
    if unsafe { clock_gettime(clock, &mut t) } != 0 {
        return f64::NAN;
    }
    t.sec as f64 + t.nsec as f64 * 1e-9
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
pub fn thread_cpu_seconds() -> f64 {
    f64::NAN
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
pub fn cpu_seconds() -> f64 {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64()
}

/// FNV-1a over every value's bits, and how many values went in.
pub struct Digest(pub u64, pub usize);

impl Digest {
    pub fn new() -> Digest {
        Digest(0xcbf2_9ce4_8422_2325, 0)
    }
    pub fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= x as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.1 += 1;
    }
    pub fn f(&mut self, v: f64) {
        self.bytes(&v.to_bits().to_le_bytes());
    }
    pub fn fs(&mut self, v: &[f64]) {
        self.bytes(&(v.len() as u64).to_le_bytes());
        v.iter().for_each(|x| self.f(*x));
    }
    pub fn s(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
}
