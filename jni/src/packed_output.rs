//! Output arrays that Java allocates once for a batch of forecasts and the native side fills
//! chunk by chunk (`ModelSpec.forecastAll`): the results of a chunk are written out and
//! dropped as soon as it is done, so a million series never hold their forecasts twice (a
//! native copy beside the Java array) nor pile up until the end.

use std::collections::HashMap;

use jni::objects::{GlobalRef, JDoubleArray, JObject, JObjectArray};
use jni::sys::jint;
use jni::JNIEnv;
use lagrs_core::engine::Forecast;
use lagrs_core::error::CoreResult;

use crate::arrays::length;
use crate::error::{BridgeError, BridgeResult};

/// At most this many distinct labels are kept as shared Java strings; the rest get a string
/// each. Automatic selection names a few dozen models at most, so a million series share a
/// handful of strings instead of a million copies.
const SHARED_LABELS: usize = 256;

/// `double[] packed`, `String[] errors` and `String[] labels` of a batch of `series` forecasts,
/// `stride` packed values each (the layout of `Forecast::packed`).
pub(crate) struct PackedOutput<'a, 'local> {
    packed: &'a JDoubleArray<'local>,
    errors: &'a JObjectArray<'local>,
    labels: &'a JObjectArray<'local>,
    stride: usize,
    shared: HashMap<String, GlobalRef>,
    /// The chunk's packed values before they are copied to Java; reused chunk after chunk.
    buffer: Vec<f64>,
}

impl<'a, 'local> PackedOutput<'a, 'local> {
    /// Checks that the arrays have the lengths `series` forecasts of `stride` values need.
    pub(crate) fn new(
        env: &JNIEnv,
        packed: &'a JDoubleArray<'local>,
        errors: &'a JObjectArray<'local>,
        labels: &'a JObjectArray<'local>,
        series: usize,
        stride: usize,
    ) -> BridgeResult<Self> {
        let total = stride
            .checked_mul(series)
            .filter(|&t| t <= i32::MAX as usize)
            .ok_or_else(|| BridgeError::InvalidArgument(format!("{series} series of {stride} forecast values each do not fit in one Java array")))?;
        let objects = |array: &JObjectArray, name: &str| -> BridgeResult<usize> {
            if array.is_null() {
                return Err(BridgeError::Internal(format!("{name} output array is null")));
            }
            Ok(usize::try_from(env.get_array_length(array)?).expect("Java array lengths are not negative"))
        };
        let sizes = (length(env, packed, "packed")?, objects(errors, "errors")?, objects(labels, "labels")?);
        if sizes != (total, series, series) {
            return Err(BridgeError::Internal(format!("output arrays of lengths {sizes:?}, expected ({total}, {series}, {series})")));
        }
        Ok(PackedOutput { packed, errors, labels, stride, shared: HashMap::new(), buffer: Vec::new() })
    }

    /// Writes the results of series `first ..` (NaN values and an error for a failed one, the
    /// forecast and its model's label otherwise).
    pub(crate) fn write(&mut self, env: &mut JNIEnv<'local>, first: usize, results: Vec<CoreResult<(String, Forecast)>>) -> BridgeResult<()> {
        self.buffer.clear();
        self.buffer.resize(results.len() * self.stride, f64::NAN);
        for (k, result) in results.into_iter().enumerate() {
            let index = jint::try_from(first + k).expect("the series count was checked against Java's limits");
            match result {
                Ok((label, forecast)) => {
                    let values = forecast.packed();
                    assert_eq!(values.len(), self.stride, "a forecast has h values per band");
                    self.buffer[k * self.stride..(k + 1) * self.stride].copy_from_slice(&values);
                    self.set_label(env, index, label)?;
                }
                Err(e) => {
                    let message = env.new_string(e.to_string())?;
                    env.set_object_array_element(self.errors, index, &message)?;
                    // A million series must not fill the local reference table.
                    env.delete_local_ref(message)?;
                }
            }
        }
        let start = jint::try_from(first * self.stride).expect("the packed length was checked against Java's limits");
        env.set_double_array_region(self.packed, start, &self.buffer)?;
        Ok(())
    }

    fn set_label(&mut self, env: &mut JNIEnv<'local>, index: jint, label: String) -> BridgeResult<()> {
        if let Some(shared) = self.shared.get(&label) {
            env.set_object_array_element(self.labels, index, shared.as_obj())?;
            return Ok(());
        }
        let string = JObject::from(env.new_string(&label)?);
        env.set_object_array_element(self.labels, index, &string)?;
        if self.shared.len() < SHARED_LABELS {
            let global = env.new_global_ref(&string)?;
            self.shared.insert(label, global);
        }
        env.delete_local_ref(string)?;
        Ok(())
    }
}
