//! Native side of `io.lagrs.Arima`, `io.lagrs.ArimaModel` and `io.lagrs.ArimaBatch`.
//!
//! Fitted models live in [`MODELS`] and batches in [`BATCHES`]; Java holds only their handles.
//! Series are copied out of Java before fitting: a fit takes far too long to hold a critical
//! section (the GC would wait for it).

use jni::objects::{JByteArray, JClass, JDoubleArray, JIntArray, JObject, JObjectArray, JString};
use jni::sys::{jboolean, jdouble, jint, jlong};
use jni::JNIEnv;
use lagrs_core::arima::{self, ArimaFit, ArimaSpec, FitOptions, Forecast};
use lagrs_core::error::{CoreError, CoreResult};
use rayon::prelude::*;

use crate::contract::{ForecastPart, ModelScalar, ModelVector, OrderSlot};
use crate::convert::{count, doubles_from_java, doubles_to_java, fixed_ints_from_java, ints_to_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::handles::Registry;
use crate::interruptible;

pub(crate) static MODELS: Registry<ArimaFit> = Registry::new(1, "ArimaModel");
pub(crate) static BATCHES: Registry<Vec<CoreResult<ArimaFit>>> = Registry::new(2, "ArimaBatch");

/// Builds a specification from Java's order array (layout [`OrderSlot`]); the core validates it.
pub(crate) fn spec(env: &JNIEnv, order: &JIntArray, include_mean: jboolean, include_drift: jboolean) -> BridgeResult<ArimaSpec> {
    let order = fixed_ints_from_java::<7>(env, order, "order")?;
    let slot = |slot: OrderSlot, name: &str| count(order[slot.code() as usize], name);
    let spec = ArimaSpec {
        p: slot(OrderSlot::P, "p")?,
        d: slot(OrderSlot::D, "d")?,
        q: slot(OrderSlot::Q, "q")?,
        seasonal_p: slot(OrderSlot::SeasonalP, "P")?,
        seasonal_d: slot(OrderSlot::SeasonalD, "D")?,
        seasonal_q: slot(OrderSlot::SeasonalQ, "Q")?,
        period: slot(OrderSlot::Period, "period")?,
        include_mean: include_mean != 0,
        include_drift: include_drift != 0,
    };
    spec.validate()?;
    Ok(spec)
}

/// Java's packed forecast layout: the [`ForecastPart`] blocks in code order, h values each.
pub(crate) fn packed(forecast: &Forecast) -> Vec<f64> {
    let mut out = Vec::with_capacity(3 * forecast.mean.len());
    for part in ForecastPart::ALL {
        out.extend_from_slice(match part {
            ForecastPart::Mean => &forecast.mean,
            ForecastPart::Lower => &forecast.lower,
            ForecastPart::Upper => &forecast.upper,
        });
    }
    out
}

/// The rules on the orders alone, when Java builds a specification (mean and drift are
/// checked when fitting, once the whole specification is known).
#[no_mangle]
pub extern "system" fn Java_io_lagrs_Arima_checkOrders0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, order: JIntArray<'local>) {
    run_ffi_safe(&mut env, |env| spec(env, &order, 0, 0).map(|_| ()))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_fit0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    order: JIntArray<'local>,
    include_mean: jboolean,
    include_drift: jboolean,
    y: JDoubleArray<'local>,
    cancel: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec(env, &order, include_mean, include_drift)?;
        let y = doubles_from_java(env, &y, "y")?;
        let cancel = interruptible::flag(cancel)?;
        let fit = arima::fit_with(&spec, &y, &FitOptions { cancel: Some(&cancel), ..FitOptions::default() })?;
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
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let which = ModelVector::try_from(which)?;
        let fit = MODELS.get(handle)?;
        let values: Vec<f64> = match which {
            ModelVector::Ar => fit.ar().to_vec(),
            ModelVector::Ma => fit.ma().to_vec(),
            ModelVector::SeasonalAr => fit.seasonal_ar().to_vec(),
            ModelVector::SeasonalMa => fit.seasonal_ma().to_vec(),
            ModelVector::Residuals => fit.residuals().to_vec(),
            ModelVector::Fitted => fit.fitted(),
            ModelVector::StandardErrors => fit.standard_errors().to_vec(),
            ModelVector::Coefficients => fit.coefficients(),
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
        let which = ModelScalar::try_from(which)?;
        let fit = MODELS.get(handle)?;
        Ok(match which {
            ModelScalar::Mean => fit.mean().unwrap_or(f64::NAN),
            ModelScalar::Drift => fit.drift().unwrap_or(f64::NAN),
            ModelScalar::Sigma2 => fit.sigma2(),
            ModelScalar::LogLikelihood => fit.log_likelihood(),
            ModelScalar::Aic => fit.aic(),
            ModelScalar::Aicc => fit.aicc(),
            ModelScalar::Bic => fit.bic(),
            ModelScalar::Lambda => fit.lambda().unwrap_or(f64::NAN),
            ModelScalar::Ic => fit.selection().ic.unwrap_or(f64::NAN),
            ModelScalar::Sigma => fit.sigma(),
        })
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_order0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> JIntArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let fit = MODELS.get(handle)?;
        let s = fit.spec();
        let order: Vec<jint> = OrderSlot::ALL
            .iter()
            .map(|slot| match slot {
                OrderSlot::P => s.p,
                OrderSlot::D => s.d,
                OrderSlot::Q => s.q,
                OrderSlot::SeasonalP => s.seasonal_p,
                OrderSlot::SeasonalD => s.seasonal_d,
                OrderSlot::SeasonalQ => s.seasonal_q,
                OrderSlot::Period => s.period,
            })
            // Orders are validated to be small.
            .map(|v| v as jint)
            .collect();
        ints_to_java(env, &order)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_forecast0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    h: jint,
    level: jdouble,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let h = count(h, "h")?;
        let fit = MODELS.get(handle)?;
        let forecast = fit.forecast(h, level)?;
        doubles_to_java(env, &packed(&forecast))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_toBytes0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> JByteArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let fit = MODELS.get(handle)?;
        Ok(env.byte_array_from_slice(&fit.to_bytes())?)
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
) -> JString<'local> {
    run_ffi_safe(&mut env, |env| {
        let batch = BATCHES.get(handle)?;
        match batch_entry(&batch, i)? {
            Ok(_) => Ok(JString::default()),
            Err(why) => Ok(env.new_string(why.to_string())?),
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
) -> JObjectArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let h = count(h, "h")?;
        let batch = BATCHES.get(handle)?;
        // Forecasts are computed in parallel first; Java arrays are then made on this thread.
        // A series that was fitted forecasts or fails the call as ArimaModel.forecast would
        // (an h above the core's cap is the same IllegalArgumentException); only a series
        // that was not fitted gets null.
        let forecasts: Vec<Option<CoreResult<Forecast>>> =
            batch.par_iter().map(|fit| fit.as_ref().ok().map(|f| f.forecast(h, level))).collect();
        let result = env.new_object_array(java_len(forecasts.len())?, "[D", JObject::null())?;
        for (i, forecast) in forecasts.into_iter().enumerate() {
            if let Some(forecast) = forecast {
                let forecast = forecast.map_err(|e| match e {
                    CoreError::Numerical(m) => BridgeError::Internal(format!("series {i}: {m}")),
                    request => BridgeError::from(request),
                })?;
                let array = doubles_to_java(env, &packed(&forecast))?;
                env.set_object_array_element(&result, i as jint, &array)?;
                env.delete_local_ref(array)?;
            }
        }
        Ok(result)
    })
}

fn java_len(len: usize) -> BridgeResult<jint> {
    jint::try_from(len).map_err(|_| BridgeError::Internal(format!("{len} elements do not fit in a Java array")))
}
