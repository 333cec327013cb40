//! Intermittent demand: series that are zero in most periods (spare parts, most SKUs of a
//! store), where the forecast is a demand rate rather than a next value.
//!
//! | text | reference | forecast |
//! |---|---|---|
//! | `croston`, `croston(alpha=a)` | R's `forecast::croston` (statsforecast's `CrostonClassic` gives the same forecasts) | smoothed size / smoothed interval, alpha 0.1 |
//! | `croston_optimized` | statsforecast's `CrostonOptimized` | the same, each alpha chosen in [0.1, 0.3] |
//! | `croston_sba` | statsforecast's `CrostonSBA` | Croston times 0.95 |
//! | `tsb(a_d,a_p)` | statsforecast's `TSB(alpha_d, alpha_p)` | smoothed probability times smoothed size |
//! | `adida` | statsforecast's `ADIDA` | SES over block sums, per period |
//! | `imapa` | statsforecast's `IMAPA` | ADIDA averaged over block lengths |
//!
//! None has a likelihood, so none has intervals: every bound is NaN. Values must be >= 0 and
//! present; a series with no demand forecasts 0. [`classify`] is Syntetos, Boylan and
//! Croston's classification of a series' demand pattern.

mod aggregate;
pub mod classify;
mod count;
mod croston;
mod fitted;
mod gather;
mod golden;
mod guess;
mod lanes;
mod proof;
mod search;
mod ses;
mod tsb;
mod tsb_halves;

use crate::engine::text::Call;
use crate::error::{invalid, CoreError, CoreResult};
use crate::stats::series;

pub use fitted::{IntermittentFit, CODE};

/// The names the spec text knows, for the list of accepted forms.
pub const FORMS: &[&str] = &["croston", "croston_optimized", "croston_sba", "tsb(a_d,a_p)", "adida", "imapa"];

/// An intermittent-demand method and its arguments.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Intermittent {
    Croston { alpha: f64 },
    CrostonOptimized,
    CrostonSba,
    Tsb { alpha_demand: f64, alpha_probability: f64 },
    Adida,
    Imapa,
}

/// R's default smoothing parameter of `croston`.
const CROSTON_ALPHA: f64 = 0.1;

impl Intermittent {
    /// Whether `name` is one of these methods' text names.
    pub fn is_name(name: &str) -> bool {
        matches!(name, "croston" | "croston_optimized" | "croston_sba" | "tsb" | "adida" | "imapa")
    }

    /// Reads a method from its spec text call; anything else in the call is refused by name.
    pub fn from_call(mut call: Call) -> CoreResult<Intermittent> {
        let method = match call.name.as_str() {
            "croston" => match call.take("alpha") {
                Some(a) => Intermittent::Croston { alpha: a.number("alpha")? },
                None => Intermittent::Croston { alpha: CROSTON_ALPHA },
            },
            "croston_optimized" => Intermittent::CrostonOptimized,
            "croston_sba" => Intermittent::CrostonSba,
            "tsb" => match call.take_positional(0).as_slice() {
                [d, p] => Intermittent::Tsb {
                    alpha_demand: d.number("alpha_d")?,
                    alpha_probability: p.number("alpha_p")?,
                },
                _ => return invalid(format!("at position {}: tsb needs two smoothing parameters, as tsb(0.1,0.1)", call.at)),
            },
            "adida" => Intermittent::Adida,
            "imapa" => Intermittent::Imapa,
            other => return invalid(format!("at position {}: {other} is not an intermittent-demand method", call.at)),
        };
        let at = call.at;
        call.finish()?;
        match method.check() {
            Err(CoreError::InvalidArgument(m)) => invalid(format!("at position {at}: {m}")),
            other => other.map(|()| method),
        }
    }

    /// The rules on the arguments: smoothing parameters in [0, 1].
    pub(crate) fn check(&self) -> CoreResult<()> {
        let unit = |name: &str, v: f64| {
            if (0.0..=1.0).contains(&v) {
                Ok(())
            } else {
                invalid(format!("{} {name} must be in [0, 1], got {v}", self.name()))
            }
        };
        match *self {
            Intermittent::Croston { alpha } => unit("alpha", alpha),
            Intermittent::Tsb { alpha_demand, alpha_probability } => {
                unit("alpha_d", alpha_demand)?;
                unit("alpha_p", alpha_probability)
            }
            _ => Ok(()),
        }
    }

    /// The text name of the method.
    pub fn name(&self) -> &'static str {
        match self {
            Intermittent::Croston { .. } => "croston",
            Intermittent::CrostonOptimized => "croston_optimized",
            Intermittent::CrostonSba => "croston_sba",
            Intermittent::Tsb { .. } => "tsb",
            Intermittent::Adida => "adida",
            Intermittent::Imapa => "imapa",
        }
    }

    /// The canonical text, which [`Intermittent::from_call`] reads back to an equal method.
    pub fn to_text(&self) -> String {
        match *self {
            Intermittent::Croston { alpha } if alpha == CROSTON_ALPHA => "croston".into(),
            Intermittent::Croston { alpha } => format!("croston(alpha={alpha})"),
            Intermittent::Tsb { alpha_demand, alpha_probability } => format!("tsb({alpha_demand},{alpha_probability})"),
            other => other.name().into(),
        }
    }

    /// Fits the method to `y`: values must be >= 0 and present (R's `croston` stops on
    /// negative and missing values; statsforecast's methods give meaningless numbers).
    pub fn fit(&self, y: &[f64]) -> CoreResult<IntermittentFit> {
        self.check()?;
        self.check_series(y)?;
        let fit = self.run(y, false);
        Ok(IntermittentFit { method: *self, mean: fit.mean, y: y.to_vec(), alphas: fit.alphas })
    }

    /// The forecast of every future period of [`Intermittent::fit`]'s model, without the model.
    pub fn forecast_mean(&self, y: &[f64]) -> CoreResult<f64> {
        self.check()?;
        // Each method checks the series in its own first pass; a series it doubts is checked
        // below, for the message.
        if let Some(mean) = self.checked_forecast(y) {
            return Ok(mean);
        }
        self.check_series(y)?;
        Ok(self.run(y, false).mean)
    }

    /// The forecast of `y` when it is not empty and every value is finite and >= 0 (else
    /// `None`), the check made on the way.
    fn checked_forecast(&self, y: &[f64]) -> Option<f64> {
        if y.is_empty() {
            return None;
        }
        match *self {
            Intermittent::Tsb { alpha_demand, alpha_probability } => tsb::checked_forecast(y, alpha_demand, alpha_probability),
            Intermittent::Croston { alpha } => croston::checked_classic_forecast(y, alpha),
            Intermittent::CrostonSba => croston::checked_classic_forecast(y, 0.1).map(|mean| mean * 0.95),
            Intermittent::CrostonOptimized => croston::checked_optimised_forecast(y),
            Intermittent::Adida | Intermittent::Imapa => {
                let (demands, last) = count::demands_and_last(y)?;
                if demands == 0 {
                    return Some(0.0);
                }
                let level = aggregate::block_length_of(demands, last);
                Some(if *self == Intermittent::Adida { aggregate::adida_forecast(y, level) } else { aggregate::imapa_forecast(y, level) })
            }
        }
    }

    fn check_series(&self, y: &[f64]) -> CoreResult<()> {
        if y.is_empty() {
            return invalid("y is empty");
        }
        // One pass that the compiler vectorises finds every good series; a bad one is then
        // searched again for the first bad value of each kind, in the order of the messages.
        if all_demand(y) {
            return Ok(());
        }
        series::refuse_infinite(y)?;
        if let Some(i) = y.iter().position(|v| v.is_nan()) {
            return invalid(format!("{}: y[{i}] is missing; intermittent-demand methods need every value", self.name()));
        }
        if let Some(i) = y.iter().position(|&v| v < 0.0) {
            return invalid(format!("{}: y[{i}] = {} is negative; demand must be >= 0", self.name(), y[i]));
        }
        Ok(())
    }

    /// The forecast and, with `with_fitted`, the in-sample values of a checked series (the
    /// refits that make some methods' fitted values cost O(n²) run only then).
    fn run(&self, y: &[f64], with_fitted: bool) -> croston::Fit {
        match *self {
            Intermittent::Croston { alpha } => croston::classic(y, alpha, with_fitted),
            Intermittent::CrostonOptimized => croston::optimised(y, with_fitted),
            Intermittent::CrostonSba => croston::sba(y, with_fitted),
            Intermittent::Tsb { alpha_demand, alpha_probability } => aggregate::tsb(y, alpha_demand, alpha_probability, with_fitted),
            Intermittent::Adida => aggregate::adida(y, with_fitted),
            Intermittent::Imapa => aggregate::imapa(y, with_fitted),
        }
    }

    /// The method's name as its reference prints it.
    pub fn label(&self) -> String {
        match *self {
            Intermittent::Croston { .. } => "Croston's method".into(),
            Intermittent::CrostonOptimized => "Croston's method (optimized)".into(),
            Intermittent::CrostonSba => "Croston's method (SBA)".into(),
            Intermittent::Tsb { alpha_demand, alpha_probability } => tsb::label(alpha_demand, alpha_probability),
            Intermittent::Adida => "ADIDA".into(),
            Intermittent::Imapa => "IMAPA".into(),
        }
    }
}

/// A value every intermittent method accepts: finite and >= 0.
#[inline(always)]
fn is_demand_value(v: f64) -> bool {
    (0.0..f64::INFINITY).contains(&v)
}

/// [`is_demand_value`] of four values: all bits set in the lanes where it holds.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx")]
fn demand_lanes(v: std::arch::x86_64::__m256d) -> std::arch::x86_64::__m256d {
    use std::arch::x86_64::*;
    _mm256_and_pd(_mm256_cmp_pd::<_CMP_GE_OQ>(v, _mm256_setzero_pd()), _mm256_cmp_pd::<_CMP_LT_OQ>(v, _mm256_set1_pd(f64::INFINITY)))
}

/// Whether every value is finite and >= 0, in vector registers (compilers turn the plain
/// loop into integer code several times slower): four at a time with AVX where the processor
/// has it, else two with SSE2, which every x86-64 processor has.
#[cfg(target_arch = "x86_64")]
fn all_demand(y: &[f64]) -> bool {
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: AVX is available, checked above.
        return unsafe { all_demand_avx(y) };
    }
    // SAFETY: SSE2 is part of the x86-64 baseline, so every processor running this has it.
    unsafe { all_demand_sse2(y) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn all_demand_avx(y: &[f64]) -> bool {
    use std::arch::x86_64::*;
    let zero = _mm256_setzero_pd();
    // Two accumulators, so that the loads and compares of eight values overlap.
    let (mut ok0, mut ok1) = (_mm256_cmp_pd::<_CMP_EQ_OQ>(zero, zero), _mm256_cmp_pd::<_CMP_EQ_OQ>(zero, zero));
    let blocks = y.chunks_exact(8);
    let rest = blocks.remainder();
    for block in blocks {
        // SAFETY: the block holds eight values; unaligned loads.
        let (a, b) = unsafe { (_mm256_loadu_pd(block.as_ptr()), _mm256_loadu_pd(block.as_ptr().add(4))) };
        ok0 = _mm256_and_pd(ok0, demand_lanes(a));
        ok1 = _mm256_and_pd(ok1, demand_lanes(b));
    }
    _mm256_movemask_pd(_mm256_and_pd(ok0, ok1)) == 0b1111 && rest.iter().all(|&v| is_demand_value(v))
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn all_demand_sse2(y: &[f64]) -> bool {
    use std::arch::x86_64::*;
    let (zero, infinity) = (_mm_setzero_pd(), _mm_set1_pd(f64::INFINITY));
    let mut ok = _mm_cmpeq_pd(zero, zero);
    let pairs = y.chunks_exact(2);
    let rest = pairs.remainder();
    for pair in pairs {
        // SAFETY: the pair holds two values; an unaligned load.
        let v = unsafe { _mm_loadu_pd(pair.as_ptr()) };
        ok = _mm_and_pd(ok, _mm_and_pd(_mm_cmpge_pd(v, zero), _mm_cmplt_pd(v, infinity)));
    }
    _mm_movemask_pd(ok) == 0b11 && rest.iter().all(|&v| is_demand_value(v))
}

#[cfg(not(target_arch = "x86_64"))]
fn all_demand(y: &[f64]) -> bool {
    y.iter().all(|&v| is_demand_value(v))
}

#[cfg(test)]
mod tests;
