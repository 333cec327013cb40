//! Exponentially weighted mean, pandas `Series.ewm(alpha=a, adjust=True).mean()`.
//!
//! With `adjust=True` the value at `t` is `sum_i w_i x_i / sum_i w_i` over the
//! observed `x_i` so far, with `w_i = (1 - alpha)^(t - i)`. pandas (`ewm` in
//! `pandas/_libs/window/aggregations.pyx`) evaluates it by the recurrence below,
//! which we follow step for step so the rounding agrees:
//! * `ignore_na=False`: weights decay by position, so a missing value still ages
//!   the previous weights;
//! * before the first observation the output is NaN (`min_periods=0` is treated as 1);
//! * at a missing position the previous mean is carried forward;
//! * if the new value equals the current mean, the mean is kept exactly.
//!
//! As everywhere in pandas windows, +-inf count as missing.
//!
//! The recurrence carries its state from the first value to the last, so long inputs
//! are processed piece by piece with [`EwmMean`], which keeps that state between
//! pieces: the results are the same bits as one pass over the whole input.

use super::window::{check_out, usable};
use crate::error::{invalid, CoreResult};

/// pandas `ewm(alpha, adjust=True).mean()`; `alpha` must lie in (0, 1].
pub fn ewm_mean(x: &[f64], alpha: f64, out: &mut [f64]) -> CoreResult<()> {
    let mut ewm = EwmMean::new(alpha)?;
    check_out(x.len(), out.len())?;
    ewm.run(x, out)
}

/// The state of [`ewm_mean`] between consecutive pieces of one series: feeding the
/// pieces in order to [`EwmMean::run`] gives exactly the outputs of one call.
#[derive(Debug, Clone, Copy)]
pub struct EwmMean {
    decay: f64,
    /// Total weight of the observations so far (each enters with weight 1).
    old_wt: f64,
    mean: f64,
    /// Whether an observation has been seen (before it, the output is NaN).
    seen: bool,
}

impl EwmMean {
    /// A series not started yet; `alpha` must lie in (0, 1] (else `InvalidArgument`
    /// naming "alpha").
    pub fn new(alpha: f64) -> CoreResult<EwmMean> {
        // Written so that NaN fails the check.
        if !(alpha > 0.0 && alpha <= 1.0) {
            return invalid(format!("alpha must be in (0, 1], got {alpha}"));
        }
        Ok(EwmMean { decay: 1.0 - alpha, old_wt: 1.0, mean: f64::NAN, seen: false })
    }

    /// The outputs for the next `x.len()` values of the series, into `out` (of the same
    /// length, else `InvalidArgument` naming "out", with the state unchanged).
    pub fn run(&mut self, x: &[f64], out: &mut [f64]) -> CoreResult<()> {
        check_out(x.len(), out.len())?;
        // With adjust=True every new observation enters with weight 1.
        let new_wt = 1.0;
        let EwmMean { decay, mut old_wt, mut mean, mut seen } = *self;
        for (o, &v) in out.iter_mut().zip(x) {
            let obs = usable(v);
            if !seen {
                if obs {
                    mean = v;
                    seen = true;
                }
            } else {
                old_wt *= decay;
                if obs {
                    if mean != v {
                        mean = (old_wt * mean + new_wt * v) / (old_wt + new_wt);
                    }
                    old_wt += new_wt;
                }
            }
            *o = if seen { mean } else { f64::NAN };
        }
        *self = EwmMean { decay, old_wt, mean, seen };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(n: usize, seed: u64) -> Vec<f64> {
        let mut s = seed;
        (0..n)
            .map(|i| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let u = (s >> 11) as f64 / (1u64 << 53) as f64;
                // Leading and inner runs of missing values, infinities, repeats, huge values.
                match i {
                    0..=6 => f64::NAN,
                    40..=90 => f64::NAN,
                    _ if u < 0.05 => f64::INFINITY,
                    _ if u < 0.10 => -f64::INFINITY,
                    _ if u < 0.15 => 3.25,
                    _ if u < 0.16 => 1e300,
                    _ => u * 100.0 - 50.0,
                }
            })
            .collect()
    }

    #[test]
    fn pieces_give_the_bits_of_one_pass() {
        let x = series(2_000, 11);
        for alpha in [1.0, 0.5, 0.1, 1e-3, 1e-9] {
            let mut whole = vec![0.0; x.len()];
            ewm_mean(&x, alpha, &mut whole).expect("valid alpha");
            // Cuts inside the leading NaNs, inside the inner NaN run, at every length 1..=7,
            // and with empty pieces.
            for cuts in [vec![3, 3, 45, 91, 500], vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], (0..x.len()).step_by(7).collect::<Vec<_>>()] {
                let mut ewm = EwmMean::new(alpha).expect("valid alpha");
                let mut got = vec![0.0; x.len()];
                let mut a = 0;
                for &b in cuts.iter().chain(std::iter::once(&x.len())) {
                    ewm.run(&x[a..b], &mut got[a..b]).expect("same lengths");
                    a = b;
                }
                for i in 0..x.len() {
                    assert_eq!(got[i].to_bits(), whole[i].to_bits(), "alpha={alpha} i={i} cuts={cuts:?}");
                }
            }
        }
    }

    #[test]
    fn all_missing_pieces_keep_the_state_waiting() {
        let mut ewm = EwmMean::new(0.5).expect("valid alpha");
        let mut out = [0.0; 3];
        ewm.run(&[f64::NAN, f64::INFINITY, f64::NAN], &mut out).expect("same lengths");
        assert!(out.iter().all(|v| v.is_nan()));
        ewm.run(&[4.0, f64::NAN, 2.0], &mut out).expect("same lengths");
        assert_eq!(out, [4.0, 4.0, (0.25 * 4.0 + 2.0) / 1.25]);
    }

    #[test]
    fn a_wrong_output_length_is_refused_and_changes_nothing() {
        let mut ewm = EwmMean::new(0.5).expect("valid alpha");
        let mut out = [0.0; 1];
        ewm.run(&[1.0], &mut out).expect("same lengths");
        let before = format!("{ewm:?}");
        assert!(ewm.run(&[1.0, 2.0], &mut out).is_err());
        assert_eq!(format!("{ewm:?}"), before);
        assert!(EwmMean::new(f64::NAN).is_err() && EwmMean::new(0.0).is_err() && EwmMean::new(1.5).is_err());
    }
}
