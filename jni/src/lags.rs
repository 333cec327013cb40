//! Native side of `io.lagrs.Lags`.

use jni::objects::{JClass, JDoubleArray};
use jni::sys::jint;
use jni::JNIEnv;
use lagrs_core::lags;

use crate::arrays::{distinct, length, Critical};
use crate::error::BridgeError;
use crate::ffi::run_ffi_safe;

#[no_mangle]
pub extern "system" fn Java_io_lagrs_Lags_transform0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    kind: jint,
    x: JDoubleArray<'local>,
    k: jint,
    out: JDoubleArray<'local>,
) {
    run_ffi_safe(&mut env, |env| {
        // Decodes `Lags.Kind` ordinals; the order is fixed by the Java enum.
        let transform = match kind {
            0 => lags::lag,
            1 => lags::diff,
            2 => lags::pct_change,
            other => return Err(BridgeError::InvalidArgument(format!("unknown lag transform code {other}"))),
        };
        let k = usize::try_from(k).map_err(|_| BridgeError::InvalidArgument(format!("k must be >= 0, got {k}")))?;
        let n = length(env, &x, "x")?;
        let out_len = length(env, &out, "out")?;
        distinct(env, &x, &out, "out")?;
        // SAFETY: lengths were read above; nothing below calls JNI until the guards drop.
        let input = unsafe { Critical::read(env, &x, n)? };
        let mut output = unsafe { Critical::write(env, &out, out_len)? };
        transform(input.as_slice(), k, output.as_mut_slice())?;
        Ok(())
    })
}
