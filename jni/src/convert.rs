//! Copies between Java arrays and Rust values, for data that must outlive the call or that the
//! computation would otherwise hold a critical section too long for (model fitting).

use jni::objects::{JDoubleArray, JIntArray};
use jni::sys::{jdoubleArray, jsize};
use jni::JNIEnv;

use crate::arrays::length;
use crate::error::{BridgeError, BridgeResult};

/// A copy of a Java `double[]` (a region copy: as fast as critical access for a copy).
pub fn doubles_from_java(env: &JNIEnv, array: &JDoubleArray, name: &'static str) -> BridgeResult<Vec<f64>> {
    let n = length(env, array, name)?;
    let mut values = vec![0.0; n];
    env.get_double_array_region(array, 0, &mut values)?;
    Ok(values)
}

/// A copy of a Java `int[]` that must have exactly `expected` elements.
pub fn ints_from_java<const N: usize>(env: &JNIEnv, array: &JIntArray, name: &'static str) -> BridgeResult<[i32; N]> {
    let n = length(env, array, name)?;
    if n != N {
        return Err(BridgeError::InvalidArgument(format!("{name} must have {N} elements, got {n}")));
    }
    let mut values = [0; N];
    env.get_int_array_region(array, 0, &mut values)?;
    Ok(values)
}

/// A new Java `double[]` holding `values`.
pub fn doubles_to_java(env: &mut JNIEnv, values: &[f64]) -> BridgeResult<jdoubleArray> {
    let len = jsize::try_from(values.len())
        .map_err(|_| BridgeError::Internal(format!("{} values do not fit in a Java array", values.len())))?;
    let array = env.new_double_array(len)?;
    env.set_double_array_region(&array, 0, values)?;
    Ok(array.into_raw())
}
