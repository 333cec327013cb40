//! Native side of `io.lagrs.NativeBatches`: the models of many series fitted at once, of any
//! family, in one registry. A model handed out on its own shares the batch's copy.

use std::sync::Arc;

use jni::objects::{JClass, JDoubleArray, JObject, JObjectArray, JString};
use jni::sys::{jint, jlong};
use jni::JNIEnv;
use lagrs_core::engine::{FittedModel, Forecast};
use lagrs_core::error::{CoreError, CoreResult};
use rayon::prelude::*;

use crate::convert::{count, doubles_to_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::handles::Registry;
use crate::models;

/// One result per series, in input order.
pub(crate) type Fits = Vec<CoreResult<Arc<dyn FittedModel>>>;

pub(crate) static BATCHES: Registry<Fits> = Registry::new(2, "a ModelBatch");

/// The results of a family's own batch fit (ARIMA's), stored as a batch of any family.
pub(crate) fn insert_fits<T: FittedModel>(fits: Vec<CoreResult<T>>) -> BridgeResult<jlong> {
    BATCHES.insert(fits.into_iter().map(|r| r.map(|f| Arc::new(f) as Arc<dyn FittedModel>)).collect())
}

fn entry(batch: &Fits, i: jint) -> BridgeResult<&CoreResult<Arc<dyn FittedModel>>> {
    usize::try_from(i)
        .ok()
        .and_then(|i| batch.get(i))
        .ok_or_else(|| BridgeError::InvalidArgument(format!("series index {i} out of range for {} series", batch.len())))
}

/// A Java `Object[]` of `n` elements of `class`, filled by `element` (null where it gives none).
pub(crate) fn object_array<'local, T>(
    env: &mut JNIEnv<'local>,
    class: &str,
    items: Vec<T>,
    mut element: impl FnMut(&mut JNIEnv<'local>, T) -> BridgeResult<Option<JObject<'local>>>,
) -> BridgeResult<JObjectArray<'local>> {
    let n = jint::try_from(items.len()).map_err(|_| BridgeError::Internal(format!("{} elements do not fit in a Java array", items.len())))?;
    let array = env.new_object_array(n, class, JObject::null())?;
    for (i, item) in items.into_iter().enumerate() {
        if let Some(object) = element(env, item)? {
            env.set_object_array_element(&array, i as jint, &object)?;
            // A million series must not fill the local reference table.
            env.delete_local_ref(object)?;
        }
    }
    Ok(array)
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeBatches_free0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) {
    run_ffi_safe(&mut env, |_| BATCHES.remove(handle).map(|_| ()))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeBatches_error0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong, i: jint) -> JString<'local> {
    run_ffi_safe(&mut env, |env| {
        let batch = BATCHES.get(handle)?;
        match entry(&batch, i)? {
            Ok(_) => Ok(JString::default()),
            Err(why) => Ok(env.new_string(why.to_string())?),
        }
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeBatches_model0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong, i: jint) -> jlong {
    run_ffi_safe(&mut env, |_| {
        let batch = BATCHES.get(handle)?;
        match entry(&batch, i)? {
            Ok(model) => models::MODELS.insert_arc(Arc::clone(model)),
            Err(why) => Err(BridgeError::IllegalState(format!("series {i} could not be fitted: {why}"))),
        }
    })
}

/// Every model's label, null where the series was not fitted.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeBatches_labels0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> JObjectArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let batch = BATCHES.get(handle)?;
        let labels: Vec<Option<String>> = batch.iter().map(|r| r.as_ref().ok().map(|m| m.label())).collect();
        object_array(env, "java/lang/String", labels, |env, label| Ok(label.map(|l| env.new_string(l)).transpose()?.map(JObject::from)))
    })
}

/// Forecasts of every fitted series, computed in parallel, each in the packed layout; null
/// where the series was not fitted. A fitted series that cannot forecast fails the call as a
/// single model's forecast would.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeBatches_forecast0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    h: jint,
    levels: JDoubleArray<'local>,
) -> JObjectArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let h = count(h, "h")?;
        let levels = models::levels_from_java(env, &levels)?;
        lagrs_core::engine::check_request(h, &levels)?;
        let batch = BATCHES.get(handle)?;
        let forecasts: Vec<Option<CoreResult<Forecast>>> =
            batch.par_iter().map(|fit| fit.as_ref().ok().map(|m| m.forecast(h, &levels))).collect();
        let mut packed = Vec::with_capacity(forecasts.len());
        for (i, forecast) in forecasts.into_iter().enumerate() {
            packed.push(match forecast {
                Some(f) => Some(f.map_err(|e| match e {
                    CoreError::Numerical(m) => BridgeError::Internal(format!("series {i}: {m}")),
                    request => BridgeError::from(request),
                })?),
                None => None,
            });
        }
        object_array(env, "[D", packed, |env, f| Ok(f.map(|f| doubles_to_java(env, &f.packed())).transpose()?.map(JObject::from)))
    })
}
