//! Native side of `io.lagrs.NativeDiagnostics`: counts of live native objects, so tests can
//! prove that closing and the Cleaner free what they should.

use jni::objects::JClass;
use jni::sys::jlong;
use jni::JNIEnv;

use crate::model_batches::BATCHES;
use crate::models::MODELS;
use crate::ffi::run_ffi_safe;

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeDiagnostics_liveArimaModels0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>) -> jlong {
    run_ffi_safe(&mut env, |_| Ok(MODELS.live()? as jlong))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeDiagnostics_liveArimaBatches0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>) -> jlong {
    run_ffi_safe(&mut env, |_| Ok(BATCHES.live()? as jlong))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeDiagnostics_liveBatchRuns0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>) -> jlong {
    run_ffi_safe(&mut env, |_| Ok(crate::batch::CONTROLS.live()? as jlong))
}
