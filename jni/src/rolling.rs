//! Native side of `io.lagrs.Rolling`.
//!
//! Array entry points compute in bounded chunks ([`crate::sections`]) so a long call never
//! holds the GC off for long; direct-buffer entry points compute in place in one go, since a
//! direct buffer is never pinned. Every rule on the arguments (window, minPeriods, q, alpha,
//! lengths, offsets) is the core's: the bridge converts, asks the core, and only then cuts.

use jni::objects::{JClass, JDoubleArray, JIntArray, JObject};
use jni::sys::{jdouble, jint};
use jni::JNIEnv;
use lagrs_core::rolling::{self, Statistic, Window};

use crate::arrays::{direct_doubles, ArrayPair};
use crate::contract::RollingKind;
use crate::convert::{count, ints_from_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::sections::{run_chunked, run_one, Access, Plan, Scratch};

fn statistic(code: jint, q: jdouble) -> BridgeResult<Statistic> {
    Ok(match RollingKind::try_from(code)? {
        RollingKind::Mean => Statistic::Mean,
        RollingKind::Sum => Statistic::Sum,
        RollingKind::Var => Statistic::Var,
        RollingKind::Std => Statistic::Std,
        RollingKind::Min => Statistic::Min,
        RollingKind::Max => Statistic::Max,
        RollingKind::Median => Statistic::Median,
        RollingKind::Quantile => Statistic::Quantile(q),
    })
}

/// The statistic and window, validated by the core before any data is touched: a call on
/// empty input checks everything except the lengths.
fn request(code: jint, q: jdouble, window_size: jint, min_periods: jint) -> BridgeResult<(Statistic, Window)> {
    let stat = statistic(code, q)?;
    let window = Window::new(count(window_size, "window")?, count(min_periods, "minPeriods")?)?;
    rolling::rolling(stat, &[], window, &mut [])?;
    Ok((stat, window))
}

/// Values per critical chunk for the sum/mean kernel, the one fast enough (~0.8 ns per value on
/// one thread with AVX-512, ~1.3 ns with AVX2) that a copy would cost it noticeably: under a
/// millisecond of work on an idle machine, so that a GC kept waiting by it stays far below
/// 10 ms on a busy one. (2^19 with the AVX2 kernel held the GC 2.8 ms at most on a quiet
/// machine; this is about the same time of work, in half as many chunks.) The other kernels
/// cost 5-60 ns per value: their chunks are copied, and never hold the GC at all.
fn critical_chunk(stat: Statistic) -> Option<usize> {
    match stat {
        Statistic::Mean | Statistic::Sum => Some(1 << 20),
        _ => None,
    }
}

/// Values per critical chunk of `applyMany` over sum/mean: short series run the scalar kernel
/// (~2-5 ns per value), so a chunk of whole series is kept to about a millisecond of work too.
const MANY_CRITICAL_CHUNK: usize = 1 << 19;

/// Outputs per copied chunk: long enough that the copies and the warm-up of each chunk's
/// first window stay small next to the work.
const COPY_CHUNK: usize = 1 << 17;

fn plan(stat: Statistic, window: Window) -> Plan {
    let lead = window.size - 1;
    match critical_chunk(stat) {
        // A window much shorter than the chunk: the warm-up and the saved outputs are cheap.
        Some(chunk) if lead <= chunk / 8 => Plan { access: Access::Critical, chunk, lead },
        _ => Plan { access: Access::Copy, chunk: COPY_CHUNK.max(lead.saturating_mul(4)), lead },
    }
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_RollingNatives_rolling0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    code: jint,
    q: jdouble,
    x: JDoubleArray<'local>,
    window_size: jint,
    min_periods: jint,
    out: JDoubleArray<'local>,
) {
    run_ffi_safe(&mut env, |env| {
        let (stat, window) = request(code, q, window_size, min_periods)?;
        let arrays = ArrayPair::new(env, &x, "x", &out, "out")?;
        if arrays.input_len != arrays.output_len {
            // The core words the length rule; it refuses before computing anything.
            return arrays.with_critical(env, |x, out| rolling::rolling(stat, x, window, out))?.map_err(Into::into);
        }
        let n = arrays.input_len;
        run_chunked(env, &arrays, 0..n, plan(stat, window), &mut Scratch::default(), &mut |x, out| {
            Ok(rolling::rolling_parallel(stat, x, window, out)?)
        })
    })
}

/// Whether `offsets` describe `n` values in the Arrow list layout (the core's rule; this
/// only decides whether the bridge may cut along them).
fn well_formed(offsets: &[i32], n: usize) -> bool {
    offsets.first() == Some(&0)
        && offsets.windows(2).all(|p| p[0] <= p[1])
        && offsets.last().and_then(|&last| usize::try_from(last).ok()) == Some(n)
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_RollingNatives_rollingMany0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    code: jint,
    q: jdouble,
    values: JDoubleArray<'local>,
    offsets: JIntArray<'local>,
    window_size: jint,
    min_periods: jint,
    out: JDoubleArray<'local>,
) {
    run_ffi_safe(&mut env, |env| {
        let (stat, window) = request(code, q, window_size, min_periods)?;
        let arrays = ArrayPair::new(env, &values, "values", &out, "out")?;
        // A copy: Java could change the array during the call, and the cuts depend on it.
        let offsets = ints_from_java(env, &offsets, "offsets")?;
        let n = arrays.input_len;
        if n != arrays.output_len || !well_formed(&offsets, n) {
            // The core words these rules; it refuses before computing anything.
            return arrays
                .with_critical(env, |x, out| rolling::rolling_many(stat, x, &offsets, window, out))?
                .map_err(Into::into);
        }
        let mut plan = plan(stat, window);
        if plan.access == Access::Critical {
            plan.chunk = plan.chunk.min(MANY_CRITICAL_CHUNK);
        }
        let mut scratch = Scratch::default();
        let bounds: Vec<usize> = offsets.iter().map(|&o| o as usize).collect();
        let mut j = 0;
        while j + 1 < bounds.len() {
            let start = bounds[j];
            if bounds[j + 1] - start > plan.chunk {
                // One series longer than a chunk is cut like a single series.
                run_chunked(env, &arrays, start..bounds[j + 1], plan, &mut scratch, &mut |x, out| {
                    Ok(rolling::rolling_parallel(stat, x, window, out)?)
                })?;
                j += 1;
                continue;
            }
            // Whole series, as many as fit in one chunk.
            let mut k = j + 1;
            while k + 1 < bounds.len() && bounds[k + 1] - start <= plan.chunk {
                k += 1;
            }
            let group: Vec<i32> = offsets[j..=k].iter().map(|&o| o - offsets[j]).collect();
            run_one(env, &arrays, start, start..bounds[k], plan.access, &mut scratch, &mut |x, out| {
                Ok(rolling::rolling_many(stat, x, &group, window, out)?)
            })?;
            j = k;
        }
        Ok(())
    })
}

/// Values per chunk of the exponentially weighted mean. Its recurrence divides once per value
/// (~8 ns per value), so the region copies cost little next to the work, and a chunk is about
/// a millisecond of it.
const EWM_CHUNK: usize = 1 << 17;

/// The exponentially weighted mean carries its state from the first value to the last:
/// [`rolling::EwmMean`] keeps it from one copied chunk to the next, so nothing is pinned.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_RollingNatives_ewmMean0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    x: JDoubleArray<'local>,
    alpha: jdouble,
    out: JDoubleArray<'local>,
) {
    run_ffi_safe(&mut env, |env| {
        // The core checks alpha before reading any data.
        let mut ewm = rolling::EwmMean::new(alpha)?;
        let arrays = ArrayPair::new(env, &x, "x", &out, "out")?;
        if arrays.input_len != arrays.output_len {
            // The core words the length rule; it refuses before computing anything.
            return arrays.with_critical(env, |x, out| ewm.run(x, out))?.map_err(Into::into);
        }
        let plan = Plan { access: Access::Copy, chunk: EWM_CHUNK, lead: 0 };
        run_chunked(env, &arrays, 0..arrays.input_len, plan, &mut Scratch::default(), &mut |x, out| {
            Ok(ewm.run(x, out)?)
        })
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_RollingNatives_rollingDirect0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    code: jint,
    q: jdouble,
    x: JObject<'local>,
    x_position: jint,
    x_length: jint,
    window_size: jint,
    min_periods: jint,
    out: JObject<'local>,
    out_position: jint,
    out_length: jint,
) {
    run_ffi_safe(&mut env, |env| {
        let (stat, window) = request(code, q, window_size, min_periods)?;
        let input = direct_doubles(env, &x, x_position, x_length, "x")?;
        let mut output = direct_doubles(env, &out, out_position, out_length, "out")?;
        if input.overlaps(&output) {
            return Err(BridgeError::InvalidArgument("out must not overlap x".into()));
        }
        Ok(rolling::rolling_parallel(stat, input.as_slice(), window, output.as_mut_slice())?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_RollingNatives_ewmMeanDirect0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    x: JObject<'local>,
    x_position: jint,
    x_length: jint,
    alpha: jdouble,
    out: JObject<'local>,
    out_position: jint,
    out_length: jint,
) {
    run_ffi_safe(&mut env, |env| {
        let input = direct_doubles(env, &x, x_position, x_length, "x")?;
        let mut output = direct_doubles(env, &out, out_position, out_length, "out")?;
        if input.overlaps(&output) {
            return Err(BridgeError::InvalidArgument("out must not overlap x".into()));
        }
        Ok(rolling::ewm_mean(input.as_slice(), alpha, output.as_mut_slice())?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sum_and_mean_with_short_windows_go_critical_the_rest_is_copied() {
        let w = |size| Window::new(size, 1).expect("valid window");
        assert_eq!(plan(Statistic::Mean, w(50)).access, Access::Critical);
        assert_eq!(plan(Statistic::Max, w(50)).access, Access::Copy);
        assert_eq!(plan(Statistic::Median, w(50)).access, Access::Copy);
        let long = plan(Statistic::Mean, w(1 << 20));
        assert_eq!(long.access, Access::Copy);
        assert!(long.chunk >= 4 * long.lead, "a chunk is long next to its warm-up");
    }

    #[test]
    fn offsets_are_cut_only_when_well_formed() {
        assert!(well_formed(&[0, 2, 2, 5], 5));
        assert!(!well_formed(&[], 0));
        assert!(!well_formed(&[1, 5], 5));
        assert!(!well_formed(&[0, 3, 2, 5], 5));
        assert!(!well_formed(&[0, 4], 5));
        assert!(!well_formed(&[0, -1], 5));
    }
}
