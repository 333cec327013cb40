//! ETS's own accessors of `io.lagrs.EtsModel`; everything else a model answers is `models.rs`'s.

use std::sync::Arc;

use jni::objects::{JClass, JDoubleArray, JObject, JObjectArray};
use jni::sys::jlong;
use jni::JNIEnv;
use lagrs_core::engine::{find, FittedModel};
use lagrs_core::ets::EtsModel;

use crate::convert::doubles_to_java;
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::model_batches::object_array;
use crate::models;

/// What `pick` reads of the ETS model behind a handle (looking through a Box-Cox wrapper).
fn values<T>(handle: jlong, pick: impl FnOnce(&EtsModel) -> T) -> BridgeResult<T> {
    let model: Arc<dyn FittedModel> = models::get(handle)?;
    let ets = find::<EtsModel>(model.as_ref())
        .ok_or_else(|| BridgeError::InvalidArgument(format!("{handle} is not a handle of an EtsModel")))?;
    Ok(pick(ets))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_EtsModel_parameters0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let v = values(handle, |m| {
            let p = &m.par;
            vec![p.alpha, p.beta.unwrap_or(f64::NAN), p.gamma.unwrap_or(f64::NAN), p.phi.unwrap_or(f64::NAN)]
        })?;
        doubles_to_java(env, &v)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_EtsModel_initialStates0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let v = values(handle, |m| m.initial_states.clone())?;
        doubles_to_java(env, &v)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_EtsModel_finalState0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let v = values(handle, |m| m.final_state.clone())?;
        doubles_to_java(env, &v)
    })
}

/// R's warnings on the way to the model, in the core's words; `object_array` drops each
/// string's local reference as it goes.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_EtsModel_notes0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JObjectArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let notes = values(handle, |m| m.notes.clone())?;
        object_array(env, "java/lang/String", notes, |env, note| Ok(Some(JObject::from(env.new_string(note)?))))
    })
}
