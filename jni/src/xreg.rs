//! Regressors across the bridge (regression with ARIMA errors): fits of a spec with named
//! regressor columns, forecasts with their future values, and the names a model reports
//! (its regressors; ARIMA's coefficients). Java checks nulls and names the argument; the
//! core words every other rule, naming the column.

use jni::objects::{JClass, JDoubleArray, JObject, JObjectArray, JString};
use jni::sys::{jint, jlong};
use jni::JNIEnv;
use lagrs_core::arima::{ArimaFit, Regressors};
use lagrs_core::engine::find;

use crate::convert::{count, doubles_from_java, doubles_to_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::model_batches::object_array;
use crate::specs::spec_from_java;
use crate::{interruptible, models};

/// Copies of the rows of a Java `double[][]` (each regressor column, or its future values).
pub(crate) fn columns_from_java(env: &mut JNIEnv, columns: &JObjectArray, name: &'static str) -> BridgeResult<Vec<Vec<f64>>> {
    if columns.is_null() {
        return Err(BridgeError::Null(name));
    }
    let n = env.get_array_length(columns)?;
    let mut out = Vec::with_capacity(usize::try_from(n).unwrap_or(0));
    for j in 0..n {
        // A frame per column: whatever local references reading it makes are freed with it.
        let column = env.with_local_frame(4, |env| -> BridgeResult<Vec<f64>> {
            let element = env.get_object_array_element(columns, j)?;
            if element.is_null() {
                return Err(BridgeError::Null(name));
            }
            doubles_from_java(env, &JDoubleArray::from(element), name)
        })?;
        out.push(column);
    }
    Ok(out)
}

pub(crate) fn strings_from_java(env: &mut JNIEnv, strings: &JObjectArray) -> BridgeResult<Vec<String>> {
    if strings.is_null() {
        return Err(BridgeError::Null("names"));
    }
    let n = env.get_array_length(strings)?;
    let mut out = Vec::with_capacity(usize::try_from(n).unwrap_or(0));
    for j in 0..n {
        // A frame per name: reading a string makes local references of its own (the class
        // check), which would otherwise pile up past the JVM's 32 for many columns.
        let name = env.with_local_frame(4, |env| -> BridgeResult<String> {
            let element = JString::from(env.get_object_array_element(strings, j)?);
            if element.is_null() {
                return Err(BridgeError::Null("names"));
            }
            let name: String = env.get_string(&element)?.into();
            Ok(name)
        })?;
        out.push(name);
    }
    Ok(out)
}

fn strings_to_java<'local>(env: &mut JNIEnv<'local>, strings: Vec<String>) -> BridgeResult<JObjectArray<'local>> {
    object_array(env, "java/lang/String", strings, |env, s| Ok(Some(JObject::from(env.new_string(s)?))))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ModelSpecs_fitXreg0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    text: JString<'local>,
    y: JDoubleArray<'local>,
    names: JObjectArray<'local>,
    columns: JObjectArray<'local>,
    cancel: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec_from_java(env, &text)?;
        let y = doubles_from_java(env, &y, "y")?;
        let names = strings_from_java(env, &names)?;
        let columns = columns_from_java(env, &columns, "xreg")?;
        lagrs_core::catalog::check_regressor_rows(&names, &columns, y.len())?;
        let xreg = Regressors::new(names, columns)?;
        let cancel = interruptible::flag(cancel)?;
        models::insert(spec.fit_xreg(&y, &xreg, Some(&cancel))?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_forecastXreg0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    h: jint,
    levels: JDoubleArray<'local>,
    future: JObjectArray<'local>,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let h = count(h, "h")?;
        let levels = models::levels_from_java(env, &levels)?;
        let future = columns_from_java(env, &future, "futureXreg")?;
        let packed = models::get(handle)?.forecast_xreg(h, &levels, &future)?.packed();
        doubles_to_java(env, &packed)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeModels_regressorNames0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JObjectArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let names = models::get(handle)?.regressor_names();
        strings_to_java(env, names)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_coefficientNames0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JObjectArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let model = models::get(handle)?;
        let fit = find::<ArimaFit>(model.as_ref())
            .ok_or_else(|| BridgeError::InvalidArgument(format!("{handle} is not a handle of an ArimaModel")))?;
        strings_to_java(env, fit.coefficient_names())
    })
}
