//! Native side of batch runs (`io.lagrs.BatchRun`) and of the "fit all" calls that use them.
//!
//! A run's [`BatchControl`] lives in [`CONTROLS`]; Java holds its handle, reads the counters
//! from a watcher thread while the fitting call blocks, and cancels through it. Series are
//! copied out of Java a chunk at a time (at most [`CHUNK_VALUES`] values, 16 MiB), each chunk fitted
//! on the run's private pool before the next is copied: a million series never need a second
//! full copy of their values in native memory, and no critical section is held while fitting.
//!
//! For another "fit all" entry point (e.g. auto-ARIMA): take the control with [`control`],
//! then call [`for_each_chunk_of_rows`] or [`for_each_chunk_of_flat`] with a closure that fits
//! one chunk's series (normally with `lagrs_core::batch::run` on that control).

use std::sync::Arc;

use jni::objects::{JClass, JDoubleArray, JIntArray, JObjectArray};
use jni::sys::{jint, jintArray, jlong};
use jni::JNIEnv;
use lagrs_core::batch::BatchControl;
use lagrs_core::error::{CoreError, CoreResult};

use crate::arrays::length;
use crate::convert::doubles_from_java;
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::handles::Registry;

pub(crate) static CONTROLS: Registry<BatchControl> = Registry::new(9, "a BatchRun");

/// Most values copied out of Java at once (16 MiB of doubles): small next to the fitted
/// models, large enough (e.g. 35,000 series of 60 values) that the pause between chunks,
/// while the last series of a chunk finish, costs little.
pub(crate) const CHUNK_VALUES: usize = 1 << 21;

/// The control behind a `BatchRun` handle.
pub(crate) fn control(handle: jlong) -> BridgeResult<Arc<BatchControl>> {
    CONTROLS.get(handle)
}

/// Calls `fit_chunk` on consecutive chunks of the rows of a Java `double[][]`, and returns
/// every row's result in order. A null row fails alone (`"series[i] is null"`).
pub(crate) fn for_each_chunk_of_rows<T>(
    env: &mut JNIEnv,
    series: &JObjectArray,
    mut fit_chunk: impl FnMut(&[&[f64]]) -> Vec<CoreResult<T>>,
) -> BridgeResult<Vec<CoreResult<T>>> {
    if series.is_null() {
        return Err(BridgeError::Null("series"));
    }
    let n = usize::try_from(env.get_array_length(series)?).expect("Java array lengths are not negative");
    let mut results = Vec::with_capacity(n);
    let mut start = 0;
    while start < n {
        let mut copies: Vec<Option<Vec<f64>>> = Vec::new();
        let mut values = 0;
        while start + copies.len() < n && (copies.is_empty() || values < CHUNK_VALUES) {
            let i = (start + copies.len()) as jint;
            let element = env.get_object_array_element(series, i)?;
            if element.is_null() {
                copies.push(None);
                continue;
            }
            let row = JDoubleArray::from(element);
            let copy = doubles_from_java(env, &row, "series")?;
            // A million series must not fill the local reference table.
            env.delete_local_ref(row)?;
            values += copy.len();
            copies.push(Some(copy));
        }
        // A null row is fitted as an empty series (it fails, and is counted as failed) and its
        // error is then replaced by the real reason.
        let slices: Vec<&[f64]> = copies.iter().map(|c| c.as_deref().unwrap_or(&[])).collect();
        let fitted = fit_chunk(&slices);
        assert_eq!(fitted.len(), slices.len(), "a chunk fit returns one result per series");
        for (k, (result, copy)) in fitted.into_iter().zip(&copies).enumerate() {
            results.push(match copy {
                Some(_) => result,
                None if result.is_ok() => unreachable!("an empty series cannot be fitted"),
                None if matches!(result, Err(CoreError::Cancelled)) => result,
                None => Err(CoreError::InvalidArgument(format!("series[{}] is null", start + k))),
            });
        }
        start += copies.len();
    }
    Ok(results)
}

/// Calls `fit_chunk` on consecutive chunks of the series of a flat `values + offsets` pair
/// (Arrow list layout: series `j` is `values[offsets[j] .. offsets[j+1])`).
pub(crate) fn for_each_chunk_of_flat<T>(
    env: &mut JNIEnv,
    values: &JDoubleArray,
    offsets: &JIntArray,
    mut fit_chunk: impl FnMut(&[&[f64]]) -> Vec<CoreResult<T>>,
) -> BridgeResult<Vec<CoreResult<T>>> {
    let mut chunks = FlatChunks::new(env, values, offsets)?;
    let mut results = Vec::with_capacity(chunks.series());
    while let Some((_, slices)) = chunks.next(env, values)? {
        let fitted = fit_chunk(&slices);
        assert_eq!(fitted.len(), slices.len(), "a chunk fit returns one result per series");
        results.extend(fitted);
    }
    Ok(results)
}

/// The index of a chunk's first series, and its series.
pub(crate) type Chunk<'a> = (usize, Vec<&'a [f64]>);

/// The series of a flat `values + offsets` pair, copied out of Java one chunk at a time (at
/// least one series per chunk, then as many as fit in [`CHUNK_VALUES`]), for callers that
/// must call JNI between chunks (to write each chunk's results out as it finishes).
pub(crate) struct FlatChunks {
    bounds: Vec<usize>,
    buffer: Vec<f64>,
    first: usize,
    end: usize,
}

impl FlatChunks {
    /// Reads and checks the offsets against the values' length.
    pub(crate) fn new(env: &mut JNIEnv, values: &JDoubleArray, offsets: &JIntArray) -> BridgeResult<FlatChunks> {
        let n_values = length(env, values, "values")?;
        let n_offsets = length(env, offsets, "offsets")?;
        let mut bounds = vec![0; n_offsets];
        env.get_int_array_region(offsets, 0, &mut bounds)?;
        let bounds = checked_offsets(&bounds, n_values)?;
        let end = bounds.len() - 1;
        Ok(FlatChunks { bounds, buffer: Vec::new(), first: 0, end })
    }

    /// Narrows the chunks to series `from .. to` (Java's own bounds of a streamed chunk, so out
    /// of range is a bug of ours), returned as usizes.
    pub(crate) fn limit(&mut self, from: jint, to: jint) -> BridgeResult<(usize, usize)> {
        match (usize::try_from(from), usize::try_from(to)) {
            (Ok(a), Ok(b)) if a <= b && b <= self.series() => {
                (self.first, self.end) = (a, b);
                Ok((a, b))
            }
            _ => Err(BridgeError::Internal(format!("series {from} .. {to} of {}", self.series()))),
        }
    }

    /// The number of series.
    pub(crate) fn series(&self) -> usize {
        self.bounds.len() - 1
    }

    /// The next chunk (the index of its first series, and its series), or None after the last;
    /// `values` must be the array given to [`FlatChunks::new`].
    pub(crate) fn next(&mut self, env: &mut JNIEnv, values: &JDoubleArray) -> BridgeResult<Option<Chunk<'_>>> {
        let (n, first, bounds) = (self.end, self.first, &self.bounds);
        if first >= n {
            return Ok(None);
        }
        let mut last = first + 1;
        while last < n && bounds[last + 1] - bounds[first] <= CHUNK_VALUES {
            last += 1;
        }
        let (a, b) = (bounds[first], bounds[last]);
        self.buffer.clear();
        self.buffer.resize(b - a, 0.0);
        env.get_double_array_region(values, a as jint, &mut self.buffer)?;
        self.first = last;
        let buffer = &self.buffer;
        Ok(Some((first, (first..last).map(|j| &buffer[bounds[j] - a..bounds[j + 1] - a]).collect())))
    }
}

/// Offsets as usizes after the rules of the flat layout: start at 0, never decrease, end at
/// the number of values.
pub(crate) fn checked_offsets(offsets: &[i32], n_values: usize) -> BridgeResult<Vec<usize>> {
    let bad = |m: String| Err(BridgeError::InvalidArgument(m));
    if offsets.first() != Some(&0) {
        return bad("offsets must start with 0".into());
    }
    let mut out = Vec::with_capacity(offsets.len());
    for (j, &o) in offsets.iter().enumerate() {
        if j > 0 && o < offsets[j - 1] {
            return bad(format!("offsets must not decrease: offsets[{j}]={o} < offsets[{}]={}", j - 1, offsets[j - 1]));
        }
        out.push(o as usize);
    }
    let end = *out.last().expect("offsets is not empty");
    if end != n_values {
        return bad(format!("offsets must end at values.length ({n_values}), got {end}"));
    }
    Ok(out)
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_BatchRun_create0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    total: jint,
    threads: jint,
) -> jlong {
    run_ffi_safe(&mut env, |_| {
        let total = usize::try_from(total).map_err(|_| BridgeError::InvalidArgument(format!("total must be >= 0, got {total}")))?;
        let threads = usize::try_from(threads)
            .ok()
            .filter(|&t| t >= 1)
            .ok_or_else(|| BridgeError::InvalidArgument(format!("threads must be >= 1, got {threads}")))?;
        CONTROLS.insert(BatchControl::new(total, threads)?)
    })
}

/// `{done, failed, cancelled, total}`.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_BatchRun_progress0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jintArray {
    run_ffi_safe(&mut env, |env| {
        let p = control(handle)?.progress();
        let counts = [p.done, p.failed, p.cancelled, p.total].map(|c| jint::try_from(c).unwrap_or(jint::MAX));
        let array = env.new_int_array(counts.len() as jint)?;
        env.set_int_array_region(&array, 0, &counts)?;
        Ok(array.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_BatchRun_cancel0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) {
    run_ffi_safe(&mut env, |_| {
        control(handle)?.cancel();
        Ok(())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_BatchRun_free0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) {
    run_ffi_safe(&mut env, |_| CONTROLS.remove(handle).map(|_| ()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_the_flat_layout_rules() {
        assert_eq!(checked_offsets(&[0, 2, 2, 5], 5).expect("valid"), vec![0, 2, 2, 5]);
        assert!(checked_offsets(&[], 0).is_err());
        assert!(checked_offsets(&[1, 5], 5).is_err());
        assert!(checked_offsets(&[0, 3, 2, 5], 5).is_err());
        assert!(checked_offsets(&[0, 4], 5).is_err());
        assert!(checked_offsets(&[0, -1, 5], 5).is_err());
        assert_eq!(checked_offsets(&[0], 0).expect("no series").len(), 1);
    }
}
