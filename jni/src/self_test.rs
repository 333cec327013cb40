//! Native side of `io.lagrs.BridgeSelfTest`: entry points that fail on purpose, so tests can
//! prove that each kind of native failure reaches Java as the right exception.

use jni::objects::{JClass, JDoubleArray, JString};
use jni::sys::jint;
use jni::JNIEnv;

use crate::arrays::{length, Critical};
use crate::error::BridgeError;
use crate::ffi::run_ffi_safe;

/// Fails in the way `mode` names: 0 panics, 1 bad argument, 2 illegal state, 3 internal error,
/// 4 null argument; any other mode returns `mode` unchanged.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_BridgeSelfTest_fail0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    mode: jint,
    message: JString<'local>,
) -> jint {
    run_ffi_safe(&mut env, |env| {
        let text: String = if message.is_null() { String::new() } else { env.get_string(&message)?.into() };
        match mode {
            0 => panic!("{text}"),
            1 => Err(BridgeError::InvalidArgument(text)),
            2 => Err(BridgeError::IllegalState(text)),
            3 => Err(BridgeError::Internal(text)),
            4 => Err(BridgeError::Null("message")),
            other => Ok(other),
        }
    })
}

/// Breaks the critical-section rule on purpose (a JNI call while an array is held critical),
/// so the build can prove that its -Xcheck:jni run would notice such a mistake.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_BridgeSelfTest_misuseCriticalSection0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    array: JDoubleArray<'local>,
) -> jint {
    run_ffi_safe(&mut env, |env| {
        let n = length(env, &array, "array")?;
        // SAFETY: deliberately not upheld: the length call below happens inside the section.
        let held = unsafe { Critical::read(env, &array, n)? };
        let again = env.get_array_length(&array)?;
        drop(held);
        Ok(again)
    })
}
