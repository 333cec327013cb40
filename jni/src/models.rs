//! Native side of `io.lagrs.NativeModels`: every fitted model of every family, in one registry,
//! behind one set of entry points. A family's own accessors (ARIMA's coefficients) live in its
//! own bridge file and reach its model with `lagrs_core::engine::find`.

use std::sync::Arc;

use jni::objects::{JByteArray, JClass, JDoubleArray, JString};
use jni::sys::{jdouble, jint, jlong};
use jni::JNIEnv;
use lagrs_core::catalog;
use lagrs_core::engine::{envelope, FittedModel};

use crate::contract::{FittedScalar, FittedVector};
use crate::convert::{count, doubles_from_java, doubles_to_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::handles::Registry;
use crate::interruptible;

pub(crate) static MODELS: Registry<dyn FittedModel> = Registry::new(1, "a FittedModel");

/// Stores a fitted model for Java.
pub(crate) fn insert(model: Box<dyn FittedModel>) -> BridgeResult<jlong> {
    MODELS.insert_arc(Arc::from(model))
}

/// The model behind a handle.
pub(crate) fn get(handle: jlong) -> BridgeResult<Arc<dyn FittedModel>> {
    MODELS.get(handle)
}

/// Interval levels from Java (fractions in (0, 1); the core checks them).
pub(crate) fn levels_from_java(env: &JNIEnv, levels: &JDoubleArray) -> BridgeResult<Vec<f64>> {
    doubles_from_java(env, levels, "levels")
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_free0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) {
    run_ffi_safe(&mut env, |_| MODELS.remove(handle).map(|_| ()))
}

/// The family code of the model (its class in Java): see `FittedModel::code`.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_family0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> jint {
    run_ffi_safe(&mut env, |_| {
        let model = get(handle)?;
        // A wrapper (Box-Cox) is the family it wraps, as Java sees it.
        let mut inner: &dyn FittedModel = model.as_ref();
        while let Some(next) = inner.inner() {
            inner = next;
        }
        Ok(jint::from(inner.code()))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_label0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> JString<'local> {
    run_ffi_safe(&mut env, |env| {
        let label = get(handle)?.label();
        Ok(env.new_string(label)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_forecast0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    h: jint,
    levels: JDoubleArray<'local>,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let h = count(h, "h")?;
        let levels = levels_from_java(env, &levels)?;
        let model = get(handle)?;
        // The family checks h and the levels (the core's rule, worded there).
        let packed = model.forecast(h, &levels)?.packed();
        doubles_to_java(env, &packed)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_vector0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    which: jint,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let which = FittedVector::try_from(which)?;
        let model = get(handle)?;
        let values = match which {
            FittedVector::Fitted => model.fitted(),
            FittedVector::Residuals => model.residuals(),
        };
        doubles_to_java(env, &values)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_scalar0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    which: jint,
) -> jdouble {
    run_ffi_safe(&mut env, |_| {
        let which = FittedScalar::try_from(which)?;
        let model = get(handle)?;
        let criteria = model.criteria();
        let pick = |f: fn(&lagrs_core::engine::Criteria) -> f64| criteria.as_ref().map_or(f64::NAN, f);
        Ok(match which {
            FittedScalar::Sigma2 => model.sigma2().unwrap_or(f64::NAN),
            FittedScalar::LogLikelihood => pick(|c| c.log_likelihood),
            FittedScalar::Aic => pick(|c| c.aic),
            FittedScalar::Aicc => pick(|c| c.aicc),
            FittedScalar::Bic => pick(|c| c.bic),
        })
    })
}

/// The model carried over the series `y` with its parameters fixed (`FittedModel::forward`): a
/// new handle; a family that cannot is the core's error, which names it.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_forward0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    y: JDoubleArray<'local>,
    cancel: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let y = doubles_from_java(env, &y, "y")?;
        let cancel = interruptible::flag(cancel)?;
        let model = get(handle)?;
        insert(model.forward(&y, Some(&cancel))?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_toBytes0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> JByteArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let bytes = envelope::wrap(get(handle)?.as_ref());
        Ok(env.byte_array_from_slice(&bytes)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_fromBytes0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, bytes: JByteArray<'local>) -> jlong {
    run_ffi_safe(&mut env, |env| {
        if bytes.is_null() {
            return Err(BridgeError::Null("bytes"));
        }
        let bytes = env.convert_byte_array(&bytes)?;
        insert(catalog::decode(&bytes)?)
    })
}
