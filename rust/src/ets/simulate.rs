//! Prediction intervals by simulation, where R's `forecast.ets` simulates them (the forms
//! outside model classes 1 to 3: a multiplicative trend, or an additive error with a
//! multiplicative season): [`PATHS`] sample paths from the final state with normal
//! innovations of variance sigma^2 (cut at -1 for a multiplicative error, as R's
//! `simulate.ets`), and each bound the type-8 sample quantile of the paths at that step, as
//! R's `pegelsfcast.C`.
//!
//! R draws its innovations from its own generator, so the bounds agree with R's only
//! statistically (within the Monte-Carlo error of 5,000 paths). lagrs' are reproducible: path
//! k always draws from the stream [`SEED`] and k select (xoshiro256++, normal by inversion), so
//! the same model gives the same bounds, and a shorter horizon gives the first steps of a
//! longer one.

use super::forecast::Origin;
use super::form::Component;
use super::recursion::{simulate, Smoothing};
use crate::error::{invalid, CoreResult};
use crate::numerics::distributions::qnorm;

/// R's `npaths` default.
pub const PATHS: usize = 5000;

/// The seed every simulated interval starts from.
pub const SEED: u64 = 20_081_208;

/// Lower and upper bounds: one row of h values per level.
pub type Bands = (Vec<Vec<f64>>, Vec<Vec<f64>>);

/// Bounds `(lower[k], upper[k])` per level `k` (in (0, 1)) for `h` steps, from [`PATHS`] paths.
pub fn simulated_bounds(origin: &Origin, h: usize, levels: &[f64]) -> CoreResult<Bands> {
    let mut steps = paths(origin, h, PATHS, SEED)?;
    let mut lower = vec![Vec::with_capacity(h); levels.len()];
    let mut upper = vec![Vec::with_capacity(h); levels.len()];
    for step in steps.iter_mut() {
        // R's quantile(..., na.rm = TRUE).
        step.retain(|v| !v.is_nan());
        step.sort_unstable_by(f64::total_cmp);
        for (k, level) in levels.iter().enumerate() {
            lower[k].push(quantile8(step, 0.5 - level / 2.0));
            upper[k].push(quantile8(step, 0.5 + level / 2.0));
        }
    }
    Ok((lower, upper))
}

/// `npaths` simulated paths, step by step: `out[i][k]` is path k's value i + 1 steps ahead.
pub fn paths(origin: &Origin, h: usize, npaths: usize, seed: u64) -> CoreResult<Vec<Vec<f64>>> {
    let form = origin.form;
    let m = if form.season == Component::None { 1 } else { origin.m };
    let par = Smoothing {
        alpha: origin.par.alpha,
        beta: origin.par.beta.unwrap_or(0.0),
        gamma: origin.par.gamma.unwrap_or(0.0),
        phi: origin.par.phi.unwrap_or(1.0),
    };
    let sd = origin.sigma2.sqrt();
    let multiplicative = form.error == Component::Multiplicative;
    let mut out = vec![Vec::with_capacity(npaths); h];
    let mut e = vec![0.0; h];
    let mut y = vec![0.0; h];
    for k in 0..npaths {
        let mut rng = Xoshiro::stream(seed, k as u64);
        for ei in e.iter_mut() {
            let z = sd * rng.normal();
            *ei = if multiplicative { z.max(-1.0) } else { z };
        }
        if !simulate(origin.state, m, form, &par, &e, &mut y) {
            return invalid(format!(
                "model: a simulated path of {} has a negative multiplicative growth; no intervals (R stops: \"Problem with multiplicative damped trend\")",
                form.label()
            ));
        }
        for (step, v) in out.iter_mut().zip(&y) {
            step.push(*v);
        }
    }
    Ok(out)
}

/// R's `quantile(x, p, type = 8)` (median-unbiased, Hyndman and Fan 1996) of sorted values.
pub fn quantile8(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    let a = 1.0 / 3.0;
    let fuzz = 4.0 * f64::EPSILON;
    let nppm = a + p * (n as f64 + 1.0 - 2.0 * a);
    let j = (nppm + fuzz).floor();
    let mut g = nppm - j;
    if g.abs() < fuzz {
        g = 0.0;
    }
    // R pads the sorted values with two copies of each end: x[j] for j < 1 is x[1].
    let at = |i: f64| sorted[(i.max(1.0) as usize).min(n) - 1];
    let (lo, hi) = (at(j), at(j + 1.0));
    if g == 0.0 {
        lo
    } else if g == 1.0 {
        hi
    } else {
        (1.0 - g) * lo + g * hi
    }
}

/// xoshiro256++ (Blackman and Vigna), seeded through splitmix64.
struct Xoshiro([u64; 4]);

impl Xoshiro {
    /// Stream `k` of `seed`: the state splitmix64 makes from the seed and the stream's number.
    fn stream(seed: u64, k: u64) -> Xoshiro {
        let mut x = seed ^ k.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Xoshiro([next(), next(), next(), next()])
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A standard normal draw by inversion (as R's default `rnorm`), from a uniform strictly
    /// inside (0, 1).
    fn normal(&mut self) -> f64 {
        let u = ((self.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64);
        qnorm(u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile8_is_r_type_8() {
        // quantile(1:10, c(0, .025, .1, .5, .9, .975, 1), type = 8) in R.
        let x: Vec<f64> = (1..=10).map(f64::from).collect();
        let r = [1.0, 1.0, 1.366_666_666_666_666, 5.5, 9.633_333_333_333_333, 10.0, 10.0];
        for (p, want) in [0.0, 0.025, 0.1, 0.5, 0.9, 0.975, 1.0].iter().zip(r) {
            assert!((quantile8(&x, *p) - want).abs() < 1e-12, "p {p}: {} vs {want}", quantile8(&x, *p));
        }
        assert!(quantile8(&[], 0.5).is_nan());
    }

    #[test]
    fn normals_have_mean_zero_and_unit_variance() {
        let mut rng = Xoshiro::stream(SEED, 0);
        let n = 200_000;
        let draws: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let var = draws.iter().map(|z| (z - mean) * (z - mean)).sum::<f64>() / n as f64;
        // Standard errors: 1/sqrt(n) = 0.0022 for the mean, sqrt(2/n) = 0.0032 for the variance.
        assert!(mean.abs() < 0.011, "mean {mean}");
        assert!((var - 1.0).abs() < 0.016, "variance {var}");
        let below = draws.iter().filter(|z| **z < -1.959_963_985).count() as f64 / n as f64;
        assert!((below - 0.025).abs() < 0.0018, "P(z < -1.96) {below}");
    }
}
