//! Native side of `io.lagrs.InterruptibleCall`: the cancel flag of one single-series call
//! (`Arima.fit`, `AutoArima.fit`). Java creates a flag, hands its handle to the fitting call,
//! and sets it from its interrupt watcher when the calling thread is interrupted; the core
//! polls it (`FitOptions::cancel`) and stops with `CoreError::Cancelled`, which `error.rs`
//! maps to `java.util.concurrent.CancellationException`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use jni::objects::JClass;
use jni::sys::jlong;
use jni::JNIEnv;

use crate::error::BridgeResult;
use crate::ffi::run_ffi_safe;
use crate::handles::Registry;

static FLAGS: Registry<AtomicBool> = Registry::new(10, "an InterruptibleCall");

/// The flag behind a handle from `InterruptibleCall.create0`.
pub(crate) fn flag(handle: jlong) -> BridgeResult<Arc<AtomicBool>> {
    FLAGS.get(handle)
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_InterruptibleCall_create0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>) -> jlong {
    run_ffi_safe(&mut env, |_| FLAGS.insert(AtomicBool::new(false)))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_InterruptibleCall_cancel0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) {
    run_ffi_safe(&mut env, |_| {
        flag(handle)?.store(true, Ordering::Relaxed);
        Ok(())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_InterruptibleCall_free0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) {
    run_ffi_safe(&mut env, |_| FLAGS.remove(handle).map(|_| ()))
}
