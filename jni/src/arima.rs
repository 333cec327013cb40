//! Native side of `io.lagrs.Arima`, `io.lagrs.ArimaModel` and `io.lagrs.ArimaBatch`.
//!
//! Fitted models live in [`MODELS`] and batches in [`BATCHES`]; Java holds only their handles.
//! Series are copied out of Java before fitting: a fit takes far too long to hold a critical
//! section (the GC would wait for it).

use jni::objects::{JByteArray, JClass, JDoubleArray, JIntArray, JObject, JObjectArray};
use jni::sys::{jboolean, jbyteArray, jdouble, jdoubleArray, jint, jintArray, jlong, jobjectArray, jstring};
use jni::JNIEnv;
use lagrs_core::arima::{self, ArimaFit, ArimaSpec, Forecast};
use lagrs_core::error::CoreResult;
use rayon::prelude::*;

use crate::convert::{doubles_from_java, doubles_to_java, ints_from_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::handles::Registry;

pub(crate) static MODELS: Registry<ArimaFit> = Registry::new(1, "ArimaModel");
pub(crate) static BATCHES: Registry<Vec<CoreResult<ArimaFit>>> = Registry::new(2, "ArimaBatch");

/// Builds a specification from Java's `{p, d, q, P, D, Q, period}`; the core validates it.
pub(crate) fn spec(env: &JNIEnv, order: &JIntArray, include_mean: jboolean, include_drift: jboolean) -> BridgeResult<ArimaSpec> {
    let [p, d, q, sp, sd, sq, period] = ints_from_java::<7>(env, order, "order")?;
    let count = |value: i32, name: &str| {
        usize::try_from(value).map_err(|_| BridgeError::InvalidArgument(format!("{name} must be >= 0, got {value}")))
    };
    let spec = ArimaSpec {
        p: count(p, "p")?,
        d: count(d, "d")?,
        q: count(q, "q")?,
        seasonal_p: count(sp, "P")?,
        seasonal_d: count(sd, "D")?,
        seasonal_q: count(sq, "Q")?,
        period: count(period, "period")?,
        include_mean: include_mean != 0,
        include_drift: include_drift != 0,
    };
    spec.validate()?;
    Ok(spec)
}

fn forecast_request(h: jint, level: jdouble) -> BridgeResult<usize> {
    let h = usize::try_from(h).ok().filter(|&h| h >= 1)
        .ok_or_else(|| BridgeError::InvalidArgument(format!("h must be >= 1, got {h}")))?;
    if !(level > 0.0 && level < 1.0) {
        return Err(BridgeError::InvalidArgument(format!("level must be in (0, 1), got {level}")));
    }
    Ok(h)
}

/// Java's packed forecast layout: mean, then lower, then upper, h values each.
fn packed(forecast: &Forecast) -> Vec<f64> {
    let mut out = Vec::with_capacity(3 * forecast.mean.len());
    out.extend_from_slice(&forecast.mean);
    out.extend_from_slice(&forecast.lower);
    out.extend_from_slice(&forecast.upper);
    out
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_fit0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    order: JIntArray<'local>,
    include_mean: jboolean,
    include_drift: jboolean,
    y: JDoubleArray<'local>,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec(env, &order, include_mean, include_drift)?;
        let y = doubles_from_java(env, &y, "y")?;
        let fit = arima::fit(&spec, &y)?;
        MODELS.insert(fit)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_free0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) {
    run_ffi_safe(&mut env, |_| MODELS.remove(handle).map(|_| ()))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_vector0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    which: jint,
) -> jdoubleArray {
    run_ffi_safe(&mut env, |env| {
        let fit = MODELS.get(handle)?;
        // Codes fixed by ArimaModel.java.
        let values: Vec<f64> = match which {
            0 => fit.ar().to_vec(),
            1 => fit.ma().to_vec(),
            2 => fit.seasonal_ar().to_vec(),
            3 => fit.seasonal_ma().to_vec(),
            4 => fit.residuals().to_vec(),
            5 => fit.fitted(),
            6 => fit.standard_errors().to_vec(),
            7 => fit.coefficients(),
            other => return Err(BridgeError::InvalidArgument(format!("unknown ArimaModel vector code {other}"))),
        };
        doubles_to_java(env, &values)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_scalar0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    which: jint,
) -> jdouble {
    run_ffi_safe(&mut env, |_| {
        let fit = MODELS.get(handle)?;
        // Codes fixed by ArimaModel.java.
        Ok(match which {
            0 => fit.mean().unwrap_or(f64::NAN),
            1 => fit.drift().unwrap_or(f64::NAN),
            2 => fit.sigma2(),
            3 => fit.log_likelihood(),
            4 => fit.aic(),
            5 => fit.aicc(),
            6 => fit.bic(),
            other => return Err(BridgeError::InvalidArgument(format!("unknown ArimaModel scalar code {other}"))),
        })
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_order0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> jintArray {
    run_ffi_safe(&mut env, |env| {
        let fit = MODELS.get(handle)?;
        let s = fit.spec();
        let order = [s.p, s.d, s.q, s.seasonal_p, s.seasonal_d, s.seasonal_q, s.period].map(|v| v as jint);
        let array = env.new_int_array(order.len() as jint)?;
        env.set_int_array_region(&array, 0, &order)?;
        Ok(array.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_forecast0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    h: jint,
    level: jdouble,
) -> jdoubleArray {
    run_ffi_safe(&mut env, |env| {
        let h = forecast_request(h, level)?;
        let fit = MODELS.get(handle)?;
        let forecast = fit.forecast(h, level)?;
        doubles_to_java(env, &packed(&forecast))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_toBytes0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> jbyteArray {
    run_ffi_safe(&mut env, |env| {
        let fit = MODELS.get(handle)?;
        Ok(env.byte_array_from_slice(&fit.to_bytes())?.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_fromBytes0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    bytes: JByteArray<'local>,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        if bytes.is_null() {
            return Err(BridgeError::Null("bytes"));
        }
        let bytes = env.convert_byte_array(&bytes)?;
        MODELS.insert(ArimaFit::from_bytes(&bytes)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaBatch_fitAll0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    order: JIntArray<'local>,
    include_mean: jboolean,
    include_drift: jboolean,
    series: JObjectArray<'local>,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec(env, &order, include_mean, include_drift)?;
        if series.is_null() {
            return Err(BridgeError::Null("series"));
        }
        let n = env.get_array_length(&series)?;
        // A null series fails alone; it is marked and given no data.
        let mut copies: Vec<Option<Vec<f64>>> = Vec::with_capacity(n as usize);
        for i in 0..n {
            let element = env.get_object_array_element(&series, i)?;
            if element.is_null() {
                copies.push(None);
                continue;
            }
            let row = JDoubleArray::from(element);
            copies.push(Some(doubles_from_java(env, &row, "series")?));
            // A million series must not fill the local reference table.
            env.delete_local_ref(row)?;
        }
        let present: Vec<&[f64]> = copies.iter().filter_map(|c| c.as_deref()).collect();
        let mut fitted = arima::fit_many(&spec, &present).into_iter();
        let results: Vec<CoreResult<ArimaFit>> = copies
            .iter()
            .enumerate()
            .map(|(i, copy)| match copy {
                Some(_) => fitted.next().expect("fit_many returns one result per series"),
                None => Err(lagrs_core::error::CoreError::InvalidArgument(format!("series[{i}] is null"))),
            })
            .collect();
        BATCHES.insert(results)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaBatch_free0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) {
    run_ffi_safe(&mut env, |_| BATCHES.remove(handle).map(|_| ()))
}

fn batch_entry(batch: &[CoreResult<ArimaFit>], i: jint) -> BridgeResult<&CoreResult<ArimaFit>> {
    usize::try_from(i)
        .ok()
        .and_then(|i| batch.get(i))
        .ok_or_else(|| BridgeError::InvalidArgument(format!("series index {i} out of range for {} series", batch.len())))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaBatch_error0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    i: jint,
) -> jstring {
    run_ffi_safe(&mut env, |env| {
        let batch = BATCHES.get(handle)?;
        match batch_entry(&batch, i)? {
            Ok(_) => Ok(JObject::null().into_raw()),
            Err(why) => Ok(env.new_string(why.to_string())?.into_raw()),
        }
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaBatch_model0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    i: jint,
) -> jlong {
    run_ffi_safe(&mut env, |_| {
        let batch = BATCHES.get(handle)?;
        match batch_entry(&batch, i)? {
            Ok(fit) => MODELS.insert(fit.clone()),
            Err(why) => Err(BridgeError::IllegalState(format!("series {i} could not be fitted: {why}"))),
        }
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaBatch_forecast0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    h: jint,
    level: jdouble,
) -> jobjectArray {
    run_ffi_safe(&mut env, |env| {
        let h = forecast_request(h, level)?;
        let batch = BATCHES.get(handle)?;
        // Forecasts are computed in parallel first; Java arrays are then made on this thread.
        let forecasts: Vec<Option<Vec<f64>>> = batch
            .par_iter()
            .map(|fit| fit.as_ref().ok().and_then(|f| f.forecast(h, level).ok()).map(|f| packed(&f)))
            .collect();
        let result = env.new_object_array(forecasts.len() as jint, "[D", JObject::null())?;
        for (i, forecast) in forecasts.iter().enumerate() {
            if let Some(values) = forecast {
                let array = unsafe { JObject::from_raw(doubles_to_java(env, values)?) };
                env.set_object_array_element(&result, i as jint, &array)?;
                env.delete_local_ref(array)?;
            }
        }
        Ok(result.into_raw())
    })
}
