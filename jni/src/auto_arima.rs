//! Native side of `io.lagrs.AutoArima`: the options arrive as one `int[]` and one `double[]`
//! (layout fixed by `AutoArima.java`), the chosen model goes into the `ArimaModel` registry
//! and a batch into the `ArimaBatch` registry, so Java uses them like any fitted model.

use jni::objects::{JClass, JDoubleArray, JIntArray, JLongArray, JObjectArray};
use jni::sys::jlong;
use jni::JNIEnv;
use lagrs_core::arima::ArimaFit;
use lagrs_core::auto::{self, AutoArimaFit, AutoArimaOptions, InformationCriterion};
use lagrs_core::error::{CoreError, CoreResult};

use crate::arima::{BATCHES, MODELS};
use crate::convert::{doubles_from_java, doubles_to_java, fixed_ints_from_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;

/// Number of `int` options; their order is `AutoArima.java`'s `intOptions()`.
const INT_OPTIONS: usize = 22;
/// Number of `double` options: alpha.
const DOUBLE_OPTIONS: usize = 1;
/// Values per trace entry: p, d, q, P, D, Q, period, constant, ic, approximate.
const TRACE_WIDTH: usize = 10;

fn options(env: &JNIEnv, ints: &JIntArray, doubles: &JDoubleArray) -> BridgeResult<AutoArimaOptions> {
    let i = fixed_ints_from_java::<INT_OPTIONS>(env, ints, "intOptions")?;
    let d = doubles_from_java(env, doubles, "doubleOptions")?;
    if d.len() != DOUBLE_OPTIONS {
        return Err(BridgeError::InvalidArgument(format!("doubleOptions must have {DOUBLE_OPTIONS} elements, got {}", d.len())));
    }
    let count = |k: usize, name: &str| {
        usize::try_from(i[k]).map_err(|_| BridgeError::InvalidArgument(format!("{name} must be >= 0, got {}", i[k])))
    };
    // -1 means "chosen" (d, D) or "R's default" (approximation).
    let optional = |k: usize, name: &str| if i[k] < 0 { Ok(None) } else { count(k, name).map(Some) };
    let flag = |k: usize| i[k] != 0;
    let options = AutoArimaOptions {
        period: count(0, "seasonalPeriod")?,
        d: optional(1, "d")?,
        seasonal_d: optional(2, "seasonalD")?,
        max_p: count(3, "maxP")?,
        max_q: count(4, "maxQ")?,
        max_seasonal_p: count(5, "maxSeasonalP")?,
        max_seasonal_q: count(6, "maxSeasonalQ")?,
        max_order: count(7, "maxOrder")?,
        max_d: count(8, "maxD")?,
        max_seasonal_d: count(9, "maxSeasonalD")?,
        start_p: count(10, "startP")?,
        start_q: count(11, "startQ")?,
        start_seasonal_p: count(12, "startSeasonalP")?,
        start_seasonal_q: count(13, "startSeasonalQ")?,
        stationary: flag(14),
        seasonal: flag(15),
        ic: match i[16] {
            0 => InformationCriterion::Aicc,
            1 => InformationCriterion::Aic,
            2 => InformationCriterion::Bic,
            other => return Err(BridgeError::InvalidArgument(format!("unknown information criterion code {other}"))),
        },
        stepwise: flag(17),
        nmodels: count(18, "nmodels")?,
        approximation: if i[19] < 0 { None } else { Some(flag(19)) },
        allow_drift: flag(20),
        allow_mean: flag(21),
        alpha: d[0],
    };
    options.validate()?;
    Ok(options)
}

/// The trace flattened for Java, [`TRACE_WIDTH`] values per candidate.
fn packed_trace(fit: &AutoArimaFit) -> Vec<f64> {
    let mut out = Vec::with_capacity(fit.trace.len() * TRACE_WIDTH);
    for e in &fit.trace {
        let s = &e.spec;
        out.extend_from_slice(&[
            s.p as f64,
            s.d as f64,
            s.q as f64,
            s.seasonal_p as f64,
            s.seasonal_d as f64,
            s.seasonal_q as f64,
            s.period as f64,
            f64::from(u8::from(e.constant)),
            e.ic,
            f64::from(u8::from(e.approximate)),
        ]);
    }
    out
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_AutoArima_fit0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    ints: JIntArray<'local>,
    doubles: JDoubleArray<'local>,
    y: JDoubleArray<'local>,
    handle_out: JLongArray<'local>,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let options = options(env, &ints, &doubles)?;
        let y = doubles_from_java(env, &y, "y")?;
        if handle_out.is_null() || env.get_array_length(&handle_out)? != 1 {
            return Err(BridgeError::InvalidArgument("handleOut must be a long[1]".into()));
        }
        let chosen = auto::auto_arima(&y, &options)?;
        let trace = packed_trace(&chosen);
        let handle = MODELS.insert(chosen.fit)?;
        if let Err(e) = env.set_long_array_region(&handle_out, 0, &[handle]) {
            MODELS.remove(handle)?;
            return Err(e.into());
        }
        doubles_to_java(env, &trace)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_AutoArima_fitAll0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    ints: JIntArray<'local>,
    doubles: JDoubleArray<'local>,
    series: JObjectArray<'local>,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let options = options(env, &ints, &doubles)?;
        if series.is_null() {
            return Err(BridgeError::Null("series"));
        }
        let n = env.get_array_length(&series)?;
        let mut copies: Vec<Option<Vec<f64>>> = Vec::with_capacity(n as usize);
        for i in 0..n {
            let element = env.get_object_array_element(&series, i)?;
            if element.is_null() {
                copies.push(None);
                continue;
            }
            let row = JDoubleArray::from(element);
            copies.push(Some(doubles_from_java(env, &row, "series")?));
            env.delete_local_ref(row)?;
        }
        let present: Vec<&[f64]> = copies.iter().filter_map(|c| c.as_deref()).collect();
        let mut fitted = auto::auto_arima_many(&present, &options).into_iter();
        let results: Vec<CoreResult<ArimaFit>> = copies
            .iter()
            .enumerate()
            .map(|(i, copy)| match copy {
                Some(_) => fitted.next().expect("one result per series").map(|f| f.fit),
                None => Err(CoreError::InvalidArgument(format!("series[{i}] is null"))),
            })
            .collect();
        BATCHES.insert(results)
    })
}
