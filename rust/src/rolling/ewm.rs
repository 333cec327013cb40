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

use super::window::{check_out, usable};
use crate::error::{invalid, CoreResult};

/// pandas `ewm(alpha, adjust=True).mean()`; `alpha` must lie in (0, 1].
pub fn ewm_mean(x: &[f64], alpha: f64, out: &mut [f64]) -> CoreResult<()> {
    // Written so that NaN fails the check.
    if !(alpha > 0.0 && alpha <= 1.0) {
        return invalid(format!("alpha must be in (0, 1], got {alpha}"));
    }
    check_out(x.len(), out.len())?;
    let decay = 1.0 - alpha;
    // With adjust=True every new observation enters with weight 1.
    let new_wt = 1.0;
    let mut old_wt = 1.0;
    let mut mean = f64::NAN;
    let mut seen = false;
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
    Ok(())
}
