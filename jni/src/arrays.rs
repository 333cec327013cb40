//! Access to Java arrays and direct buffers for the computations of the bridge.
//!
//! Three ways in, chosen by [`crate::sections`] per call:
//! - [`ArrayPair::with_critical`]: `GetPrimitiveArrayCritical` over an input and an output
//!   array around a closure. The JNI rules for a critical section (no JNI call, no Java allocation, no
//!   blocking, keep it short: the GC may wait for it) are kept by construction: the helper
//!   takes the env by `&mut`, so the closure cannot use it, and it reads the lengths before
//!   opening anything. Inputs are released with `JNI_ABORT` (nothing to copy back), outputs
//!   with mode 0 (written back if the VM copied).
//! - [`read_region`] / [`write_region`]: `Get/SetDoubleArrayRegion` copies, cut into pieces
//!   short enough that no single copy delays a safepoint noticeably.
//! - [`direct_doubles`]: the memory of a direct `java.nio.DoubleBuffer`, which the GC never
//!   moves, so nothing is pinned at all.

use std::marker::PhantomData;
use std::ptr::NonNull;

use jni::objects::{JByteBuffer, JDoubleArray, JObject, JPrimitiveArray, TypeArray};
use jni::sys::{jint, jsize, JNI_ABORT};
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

/// An input and an output array of one call, checked once (not null, not the same array,
/// lengths read), then opened critical as often as the call needs.
pub struct ArrayPair<'a, 'local> {
    pub input: &'a JDoubleArray<'local>,
    pub output: &'a JDoubleArray<'local>,
    pub input_len: usize,
    pub output_len: usize,
}

impl<'a, 'local> ArrayPair<'a, 'local> {
    pub fn new(
        env: &JNIEnv,
        input: &'a JDoubleArray<'local>,
        input_name: &'static str,
        output: &'a JDoubleArray<'local>,
        output_name: &'static str,
    ) -> BridgeResult<Self> {
        let input_len = length(env, input, input_name)?;
        let output_len = length(env, output, output_name)?;
        distinct(env, input, output, output_name)?;
        Ok(ArrayPair { input, output, input_len, output_len })
    }

    /// Runs `body` over the elements of both arrays, held critical for exactly the duration
    /// of `body`. `body` cannot call JNI: `env` is borrowed mutably for the whole call.
    pub fn with_critical<R>(&self, env: &mut JNIEnv, body: impl FnOnce(&[f64], &mut [f64]) -> R) -> BridgeResult<R> {
        // SAFETY: both lengths were read when the pair was made, nothing below calls JNI until
        // both guards drop (`body` cannot reach `env`), and the arrays are distinct objects, so
        // the slices do not alias.
        unsafe {
            let read = Critical::read(env, self.input, self.input_len)?;
            let mut write = Critical::write(env, self.output, self.output_len)?;
            Ok(body(read.as_slice(), write.as_mut_slice()))
        }
    }
}

/// The most elements one region copy moves: 1 MiB, well under a millisecond, because the VM
/// cannot reach a safepoint while a copy runs.
const REGION_PIECE: usize = 128 * 1024;

/// Copies `array[start .. start + buf.len()]` into `buf`, piece by piece.
pub fn read_region(env: &JNIEnv, array: &JDoubleArray, start: usize, buf: &mut [f64]) -> BridgeResult<()> {
    for (i, piece) in buf.chunks_mut(REGION_PIECE).enumerate() {
        env.get_double_array_region(array, index(start + i * REGION_PIECE)?, piece)?;
    }
    Ok(())
}

/// Copies `buf` into `array[start .. start + buf.len()]`, piece by piece.
pub fn write_region(env: &JNIEnv, array: &JDoubleArray, start: usize, buf: &[f64]) -> BridgeResult<()> {
    for (i, piece) in buf.chunks(REGION_PIECE).enumerate() {
        env.set_double_array_region(array, index(start + i * REGION_PIECE)?, piece)?;
    }
    Ok(())
}

fn index(i: usize) -> BridgeResult<jsize> {
    jsize::try_from(i).map_err(|_| BridgeError::Internal(format!("array index {i} exceeds a Java int")))
}

/// The `len` doubles of a direct `DoubleBuffer` starting at element `position`, checked
/// against its capacity. Java passes position and length and has checked that the buffer is
/// direct and in native byte order.
pub fn direct_doubles(env: &JNIEnv, buffer: &JObject, position: jint, len: jint, name: &'static str) -> BridgeResult<DirectDoubles> {
    if buffer.is_null() {
        return Err(BridgeError::Null(name));
    }
    // GetDirectBufferAddress/Capacity work on any java.nio.Buffer; the jni crate types them
    // for ByteBuffer only. Capacity is counted in the buffer's own elements (doubles here).
    // SAFETY: `buffer` is a live local reference; the new wrapper is not deleted by us.
    let as_buffer = unsafe { JByteBuffer::from_raw(buffer.as_raw()) };
    let address = env
        .get_direct_buffer_address(&as_buffer)
        .map_err(|_| BridgeError::InvalidArgument(format!("{name} must be a direct buffer")))?;
    let capacity = env.get_direct_buffer_capacity(&as_buffer)?;
    let (position, len) = match (usize::try_from(position), usize::try_from(len)) {
        (Ok(p), Ok(l)) if p.checked_add(l).is_some_and(|end| end <= capacity) => (p, l),
        _ => return Err(BridgeError::InvalidArgument(format!("{name}: range {position}+{len} exceeds its capacity {capacity}"))),
    };
    if !(address as usize).is_multiple_of(std::mem::align_of::<f64>()) {
        return Err(BridgeError::InvalidArgument(format!("{name} must be aligned to 8 bytes")));
    }
    // SAFETY: position + len <= capacity, so the range lies inside the buffer.
    let start = unsafe { (address as *mut f64).add(position) };
    Ok(DirectDoubles { start, len })
}

/// A range of a direct buffer's memory. The buffer object must stay reachable for as long as
/// this is used: it is an argument of the running native call, so Java keeps it alive.
pub struct DirectDoubles {
    start: *mut f64,
    len: usize,
}

impl DirectDoubles {
    pub fn overlaps(&self, other: &DirectDoubles) -> bool {
        let (a0, a1) = (self.start as usize, self.start as usize + 8 * self.len);
        let (b0, b1) = (other.start as usize, other.start as usize + 8 * other.len);
        self.len > 0 && other.len > 0 && a0 < b1 && b0 < a1
    }

    pub fn as_slice(&self) -> &[f64] {
        // SAFETY: a direct buffer's memory is valid for its capacity while the buffer lives.
        unsafe { std::slice::from_raw_parts(self.start, self.len) }
    }

    pub fn as_mut_slice(&mut self) -> &mut [f64] {
        // SAFETY: as above; callers check `overlaps` before taking an input and an output.
        unsafe { std::slice::from_raw_parts_mut(self.start, self.len) }
    }
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
    unsafe fn write(env: &JNIEnv, array: &'a JPrimitiveArray<T>, len: usize) -> BridgeResult<Self> {
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

    fn as_mut_slice(&mut self) -> &mut [T] {
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
