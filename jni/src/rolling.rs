//! Native side of `io.lagrs.Rolling`.

use jni::objects::{JClass, JDoubleArray, JIntArray};
use jni::sys::{jdouble, jint};
use jni::JNIEnv;
use lagrs_core::rolling::{self, Statistic, Window};

use crate::arrays::{distinct, length, Critical};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;

/// Decodes `RollingStatistic.Kind` ordinals; the order is fixed by the Java enum.
fn statistic(code: jint, q: jdouble) -> BridgeResult<Statistic> {
    Ok(match code {
        0 => Statistic::Mean,
        1 => Statistic::Sum,
        2 => Statistic::Var,
        3 => Statistic::Std,
        4 => Statistic::Min,
        5 => Statistic::Max,
        6 => Statistic::Median,
        7 => Statistic::Quantile(q),
        other => return Err(BridgeError::InvalidArgument(format!("unknown rolling statistic code {other}"))),
    })
}

fn window(window: jint, min_periods: jint) -> BridgeResult<Window> {
    let size = usize::try_from(window)
        .map_err(|_| BridgeError::InvalidArgument(format!("window must be >= 1, got {window}")))?;
    let min_periods = usize::try_from(min_periods)
        .map_err(|_| BridgeError::InvalidArgument(format!("minPeriods must be >= 0, got {min_periods}")))?;
    Ok(Window::new(size, min_periods)?)
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_Rolling_rolling0<'local>(
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
        let stat = statistic(code, q)?;
        let window = window(window_size, min_periods)?;
        let n = length(env, &x, "x")?;
        let out_len = length(env, &out, "out")?;
        distinct(env, &x, &out, "out")?;
        // SAFETY: lengths were read above; nothing below calls JNI until the guards drop.
        let input = unsafe { Critical::read(env, &x, n)? };
        let mut output = unsafe { Critical::write(env, &out, out_len)? };
        rolling::rolling_parallel(stat, input.as_slice(), window, output.as_mut_slice())?;
        Ok(())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_Rolling_rollingMany0<'local>(
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
        let stat = statistic(code, q)?;
        let window = window(window_size, min_periods)?;
        let n = length(env, &values, "values")?;
        let n_offsets = length(env, &offsets, "offsets")?;
        let out_len = length(env, &out, "out")?;
        distinct(env, &values, &out, "out")?;
        // SAFETY: lengths were read above; nothing below calls JNI until the guards drop.
        let input = unsafe { Critical::read(env, &values, n)? };
        let bounds = unsafe { Critical::read(env, &offsets, n_offsets)? };
        let mut output = unsafe { Critical::write(env, &out, out_len)? };
        rolling::rolling_many(stat, input.as_slice(), bounds.as_slice(), window, output.as_mut_slice())?;
        Ok(())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_Rolling_ewmMean0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    x: JDoubleArray<'local>,
    alpha: jdouble,
    out: JDoubleArray<'local>,
) {
    run_ffi_safe(&mut env, |env| {
        let n = length(env, &x, "x")?;
        let out_len = length(env, &out, "out")?;
        distinct(env, &x, &out, "out")?;
        // SAFETY: lengths were read above; nothing below calls JNI until the guards drop.
        let input = unsafe { Critical::read(env, &x, n)? };
        let mut output = unsafe { Critical::write(env, &out, out_len)? };
        rolling::ewm_mean(input.as_slice(), alpha, output.as_mut_slice())?;
        Ok(())
    })
}
