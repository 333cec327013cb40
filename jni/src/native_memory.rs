//! Native side of `io.lagrs.NativeMemory`: how many bytes of native heap an object behind a
//! handle holds, so Java can account for state the garbage collector cannot see.

use jni::objects::JClass;
use jni::sys::jlong;
use jni::JNIEnv;

use crate::model_batches::BATCHES;
use crate::models::MODELS;
use crate::ffi::run_ffi_safe;

/// Bytes of native heap behind `handle`; 0 for a handle of a kind that is not accounted.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeMemory_bytes0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> jlong {
    run_ffi_safe(&mut env, |_| {
        // Each registry rejects a handle of another's type, so at most one lookup succeeds.
        let bytes = if let Ok(fit) = MODELS.get(handle) {
            fit.heap_bytes()
        } else if let Ok(batch) = BATCHES.get(handle) {
            let per_slot = std::mem::size_of::<lagrs_core::error::CoreResult<std::sync::Arc<dyn lagrs_core::engine::FittedModel>>>();
            // A model handed out on its own shares the batch's copy: counted in both, which
            // only makes the accounting err towards collecting early.
            batch
                .iter()
                .map(|r| per_slot + r.as_ref().map_or_else(|e| e.to_string().len(), |fit| fit.heap_bytes()))
                .sum()
        } else {
            0
        };
        Ok(jlong::try_from(bytes).unwrap_or(jlong::MAX))
    })
}
