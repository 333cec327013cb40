//! Zero-copy access to Java primitive arrays through `GetPrimitiveArrayCritical`.
//!
//! The JNI rules for critical sections: no JNI call, allocation of Java objects or blocking
//! while one is open, and keep it short (the GC may wait for it). So lengths are read and
//! arguments checked first ([`length`]), then the sections are opened with raw `jni::sys`
//! calls (jni 0.21's own wrapper borrows the env mutably, which rules out holding an input and
//! an output at once), the pure computation runs, and the guards release on drop: inputs
//! with `JNI_ABORT` (nothing to copy back), outputs with mode 0 (written back if the VM copied).

use std::marker::PhantomData;
use std::ptr::NonNull;

use jni::objects::{JObject, JPrimitiveArray, TypeArray};
use jni::sys::{jint, JNI_ABORT};
use jni::JNIEnv;

use crate::error::{BridgeError, BridgeResult};

/// The length of a Java array argument; `NullPointerException` naming it when it is null.
pub fn length<T: TypeArray>(env: &JNIEnv, array: &JPrimitiveArray<T>, name: &'static str) -> BridgeResult<usize> {
    if array.is_null() {
        return Err(BridgeError::Null(name));
    }
    let len = env.get_array_length(array)?;
    usize::try_from(len).map_err(|_| BridgeError::Internal(format!("{name} has a negative length")))
}

/// Rejects an output array that is the same object as an input: the computation reads the
/// input while writing the output, so the two must not overlap.
pub fn distinct(env: &JNIEnv, input: &JObject, output: &JObject, output_name: &str) -> BridgeResult<()> {
    if env.is_same_object(input, output)? {
        return Err(BridgeError::InvalidArgument(format!("{output_name} must be a different array from the input")));
    }
    Ok(())
}

/// One open critical section over a Java primitive array of known length.
pub struct Critical<'a, T: TypeArray> {
    env: *mut jni::sys::JNIEnv,
    array: jni::sys::jarray,
    elements: NonNull<T>,
    len: usize,
    release_mode: jint,
    _borrow: PhantomData<&'a T>,
}

impl<'a, T: TypeArray> Critical<'a, T> {
    /// Opens a section for reading; released without copy-back.
    ///
    /// # Safety
    /// `len` must be the array's length, read by [`length`] before any section was opened,
    /// and no JNI function may be called until the guard is dropped.
    pub unsafe fn read(env: &JNIEnv, array: &'a JPrimitiveArray<T>, len: usize) -> BridgeResult<Self> {
        Self::open(env, array, len, JNI_ABORT)
    }

    /// Opens a section for writing; released with copy-back.
    ///
    /// # Safety
    /// As [`Critical::read`].
    pub unsafe fn write(env: &JNIEnv, array: &'a JPrimitiveArray<T>, len: usize) -> BridgeResult<Self> {
        Self::open(env, array, len, 0)
    }

    unsafe fn open(env: &JNIEnv, array: &'a JPrimitiveArray<T>, len: usize, release_mode: jint) -> BridgeResult<Self> {
        let raw_env = env.get_raw();
        let get = (**raw_env)
            .GetPrimitiveArrayCritical
            .ok_or_else(|| BridgeError::Internal("JNI function table lacks GetPrimitiveArrayCritical".into()))?;
        let raw_array = array.as_raw();
        let pointer = get(raw_env, raw_array, std::ptr::null_mut()) as *mut T;
        // A null pointer means the VM could not pin or copy the array (out of memory).
        let elements = NonNull::new(pointer)
            .ok_or_else(|| BridgeError::Internal("the JVM could not give access to an array (out of memory)".into()))?;
        Ok(Critical { env: raw_env, array: raw_array, elements, len, release_mode, _borrow: PhantomData })
    }

    pub fn as_slice(&self) -> &[T] {
        // SAFETY: the VM guarantees `len` valid elements at `elements` until release.
        unsafe { std::slice::from_raw_parts(self.elements.as_ptr(), self.len) }
    }

    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: as above; `distinct` ruled out another guard over the same array.
        unsafe { std::slice::from_raw_parts_mut(self.elements.as_ptr(), self.len) }
    }
}

impl<T: TypeArray> Drop for Critical<'_, T> {
    fn drop(&mut self) {
        // SAFETY: releases exactly the section `open` acquired, on the same thread.
        unsafe {
            if let Some(release) = (**self.env).ReleasePrimitiveArrayCritical {
                release(self.env, self.array, self.elements.as_ptr().cast(), self.release_mode);
            }
        }
    }
}
