//! Conversions between Java and Rust values: copies of arrays for data that must outlive the
//! call (model fitting), new Java arrays for results, and Java `int`s to Rust sizes.

use jni::objects::{JDoubleArray, JIntArray};
use jni::sys::{jint, jsize};
use jni::JNIEnv;

use crate::arrays::length;
use crate::error::{BridgeError, BridgeResult};

/// A Java `int` that the core takes as a size or count. Java has no unsigned type, so a
/// negative value is the one thing the bridge must refuse itself; every other rule on the
/// value (`window >= 1`, `h <= MAX_HORIZON`, ...) and its message belong to the core.
pub fn count(value: jint, name: &str) -> BridgeResult<usize> {
    usize::try_from(value).map_err(|_| BridgeError::InvalidArgument(format!("{name} must not be negative, got {value}")))
}

/// A copy of a Java `double[]` (a region copy: as fast as critical access for a copy).
pub fn doubles_from_java(env: &JNIEnv, array: &JDoubleArray, name: &'static str) -> BridgeResult<Vec<f64>> {
    let n = length(env, array, name)?;
    let mut values = vec![0.0; n];
    env.get_double_array_region(array, 0, &mut values)?;
    Ok(values)
}

/// A copy of a Java `int[]` of any length.
pub fn ints_from_java(env: &JNIEnv, array: &JIntArray, name: &'static str) -> BridgeResult<Vec<i32>> {
    let n = length(env, array, name)?;
    let mut values = vec![0; n];
    env.get_int_array_region(array, 0, &mut values)?;
    Ok(values)
}

/// A copy of a Java `int[]` that must have exactly `N` elements.
pub fn fixed_ints_from_java<const N: usize>(env: &JNIEnv, array: &JIntArray, name: &'static str) -> BridgeResult<[i32; N]> {
    let n = length(env, array, name)?;
    if n != N {
        return Err(BridgeError::InvalidArgument(format!("{name} must have {N} elements, got {n}")));
    }
    let mut values = [0; N];
    env.get_int_array_region(array, 0, &mut values)?;
    Ok(values)
}

/// A new Java `double[]` holding `values`.
pub fn doubles_to_java<'local>(env: &mut JNIEnv<'local>, values: &[f64]) -> BridgeResult<JDoubleArray<'local>> {
    let array = env.new_double_array(java_length(values.len())?)?;
    env.set_double_array_region(&array, 0, values)?;
    Ok(array)
}

/// A new Java `int[]` holding `values`.
pub fn ints_to_java<'local>(env: &mut JNIEnv<'local>, values: &[i32]) -> BridgeResult<JIntArray<'local>> {
    let array = env.new_int_array(java_length(values.len())?)?;
    env.set_int_array_region(&array, 0, values)?;
    Ok(array)
}

fn java_length(len: usize) -> BridgeResult<jsize> {
    jsize::try_from(len).map_err(|_| BridgeError::Internal(format!("{len} values do not fit in a Java array")))
}
