//! The flat batch calls with regressors (`ModelSpecs.fitFlatXreg0`, `forecastFlatXreg0`):
//! the series in the flat layout, each regressor column a `double[]` laid out with the
//! series' offsets, each future column with `h` values per series. Copied out of Java a chunk
//! at a time as the flat calls without regressors are (region copies: nothing is pinned while
//! fitting), and every column is reached inside a local frame of its own, so any number of
//! columns stays within the JVM's local references.

use jni::objects::{JClass, JDoubleArray, JIntArray, JObject, JObjectArray, JString};
use jni::sys::{jint, jlong};
use jni::JNIEnv;
use lagrs_core::arima::Regressors;
use lagrs_core::catalog::{fit_all_xreg, forecast_all_xreg, ModelSpec, XregSeries};
use lagrs_core::engine::Forecast;
use lagrs_core::error::{CoreError, CoreResult};
use rayon::prelude::*;

use crate::arrays::length;
use crate::batch::{checked_offsets, control, CHUNK_VALUES};
use crate::convert::{count, doubles_to_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::model_batches::{object_array, BATCHES};
use crate::packed_output::PackedOutput;
use crate::specs::spec_from_java;
use crate::xreg::{columns_from_java, strings_from_java};
use crate::models;

/// A block of columns (`double[][]`): every column must hold `expected` values.
struct Block<'a, 'local> {
    array: &'a JObjectArray<'local>,
    name: &'static str,
    width: usize,
}

impl Block<'_, '_> {
    fn new<'a, 'local>(
        env: &mut JNIEnv,
        array: &'a JObjectArray<'local>,
        name: &'static str,
        names: &[String],
        expected: usize,
        what: &str,
    ) -> BridgeResult<Block<'a, 'local>> {
        if array.is_null() {
            return Err(BridgeError::Null(name));
        }
        let width = usize::try_from(env.get_array_length(array)?).expect("Java array lengths are not negative");
        if width != names.len() {
            return Err(BridgeError::InvalidArgument(format!("{name}: {width} columns for {} names", names.len())));
        }
        for (j, column) in names.iter().enumerate() {
            let n = Self::with_column(env, array, name, j, |env, c| length(env, c, name))?;
            if n != expected {
                return Err(BridgeError::InvalidArgument(format!("{name} column '{column}' has {n} values, {what} {expected}")));
            }
        }
        Ok(Block { array, name, width })
    }

    /// Runs `f` on column `j` inside a frame, so no reference outlives it.
    fn with_column<T>(
        env: &mut JNIEnv,
        array: &JObjectArray,
        name: &'static str,
        j: usize,
        f: impl FnOnce(&mut JNIEnv, &JDoubleArray) -> BridgeResult<T>,
    ) -> BridgeResult<T> {
        env.with_local_frame(4, |env| {
            let element = env.get_object_array_element(array, j as jint)?;
            if element.is_null() {
                return Err(BridgeError::Null(name));
            }
            f(env, &JDoubleArray::from(element))
        })
    }

    /// Copies of `[from, from + len)` of every column.
    fn read(&self, env: &mut JNIEnv, from: usize, len: usize, out: &mut Vec<Vec<f64>>) -> BridgeResult<()> {
        out.resize_with(self.width, Vec::new);
        for (j, buffer) in out.iter_mut().enumerate() {
            buffer.clear();
            buffer.resize(len, 0.0);
            Self::with_column(env, self.array, self.name, j, |env, c| Ok(env.get_double_array_region(c, from as jint, buffer)?))?;
        }
        Ok(())
    }
}

/// Calls `on_chunk` with the index of the first series and the series of consecutive chunks,
/// each with its rows of every column of `xreg` (and its `h` future values of every column of
/// `future`, if given); `env` is handed on so a chunk's results can be written out before the
/// next is read.
fn for_each_chunk<'local>(
    env: &mut JNIEnv<'local>,
    values: &JDoubleArray,
    offsets: &JIntArray,
    xreg: &Block,
    future: Option<(&Block, usize)>,
    mut on_chunk: impl FnMut(&mut JNIEnv<'local>, usize, &[XregSeries]) -> BridgeResult<()>,
) -> BridgeResult<()> {
    let n_values = length(env, values, "values")?;
    let mut bounds = vec![0; length(env, offsets, "offsets")?];
    env.get_int_array_region(offsets, 0, &mut bounds)?;
    let bounds = checked_offsets(&bounds, n_values)?;
    let n = bounds.len() - 1;
    let h = future.map_or(0, |(_, h)| h);
    let per_chunk = CHUNK_VALUES / (1 + xreg.width);
    let (mut y, mut columns, mut futures) = (Vec::new(), Vec::new(), Vec::new());
    let mut first = 0;
    while first < n {
        let mut last = first + 1;
        while last < n && bounds[last + 1] - bounds[first] + (last + 1 - first) * h <= per_chunk {
            last += 1;
        }
        let (a, b) = (bounds[first], bounds[last]);
        y.clear();
        y.resize(b - a, 0.0);
        env.get_double_array_region(values, a as jint, &mut y)?;
        xreg.read(env, a, b - a, &mut columns)?;
        if let Some((block, h)) = future {
            block.read(env, first * h, (last - first) * h, &mut futures)?;
        }
        let rows: Vec<Vec<&[f64]>> =
            (first..last).map(|i| columns.iter().map(|c| &c[bounds[i] - a..bounds[i + 1] - a]).collect()).collect();
        // Empty without a future block: the fit-only call.
        let ahead: Vec<Vec<&[f64]>> =
            (first..last).map(|i| futures.iter().map(|f| &f[(i - first) * h..(i - first + 1) * h]).collect()).collect();
        let series: Vec<XregSeries> = (first..last)
            .map(|i| XregSeries { y: &y[bounds[i] - a..bounds[i + 1] - a], columns: &rows[i - first], future: &ahead[i - first] })
            .collect();
        on_chunk(env, first, &series)?;
        first = last;
    }
    Ok(())
}

/// The column names, checked once for the whole batch (the rules of a single fit's names),
/// and a spec that takes no regressors refused once rather than by every series.
fn names_from_java(env: &mut JNIEnv, spec: &ModelSpec, names: &JObjectArray) -> BridgeResult<Vec<String>> {
    let names = strings_from_java(env, names)?;
    Regressors::new(names.clone(), vec![Vec::new(); names.len()])?;
    if !names.is_empty() {
        spec.check_takes_regressors()?;
    }
    Ok(names)
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ModelSpecs_fitFlatXreg0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    text: JString<'local>,
    values: JDoubleArray<'local>,
    offsets: JIntArray<'local>,
    names: JObjectArray<'local>,
    xreg: JObjectArray<'local>,
    run: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec_from_java(env, &text)?;
        let names = names_from_java(env, &spec, &names)?;
        let n_values = length(env, &values, "values")?;
        let xreg = Block::new(env, &xreg, "xreg", &names, n_values, "values has")?;
        let control = control(run)?;
        let mut results = Vec::new();
        for_each_chunk(env, &values, &offsets, &xreg, None, |_, _, chunk| {
            let fitted = fit_all_xreg(&spec, &names, chunk, &control);
            assert_eq!(fitted.len(), chunk.len(), "a chunk fit returns one result per series");
            results.extend(fitted);
            Ok(())
        })?;
        BATCHES.insert(results)
    })
}

/// As `forecastFlat0` (results written into the arrays Java allocated, chunk by chunk), each
/// series with its regressors and their `h` future values.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_ModelSpecs_forecastFlatXreg0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    text: JString<'local>,
    values: JDoubleArray<'local>,
    offsets: JIntArray<'local>,
    names: JObjectArray<'local>,
    xreg: JObjectArray<'local>,
    future: JObjectArray<'local>,
    h: jint,
    levels: JDoubleArray<'local>,
    run: jlong,
    packed: JDoubleArray<'local>,
    errors: JObjectArray<'local>,
    labels: JObjectArray<'local>,
) {
    run_ffi_safe(&mut env, |env| {
        let spec = spec_from_java(env, &text)?;
        let h = count(h, "h")?;
        let levels = models::levels_from_java(env, &levels)?;
        lagrs_core::engine::check_request(h, &levels)?;
        let names = names_from_java(env, &spec, &names)?;
        let n_values = length(env, &values, "values")?;
        let n_series = length(env, &offsets, "offsets")?.saturating_sub(1);
        let xreg = Block::new(env, &xreg, "xreg", &names, n_values, "values has")?;
        let future = Block::new(env, &future, "futureXreg", &names, n_series * h, "h x series is")?;
        let control = control(run)?;
        let mut out = PackedOutput::new(env, &packed, &errors, &labels, n_series, h * (1 + 2 * levels.len()))?;
        for_each_chunk(env, &values, &offsets, &xreg, Some((&future, h)), |env, first, chunk| {
            let results = forecast_all_xreg(&spec, &names, chunk, h, &levels, &control);
            assert_eq!(results.len(), chunk.len(), "a chunk forecast returns one result per series");
            out.write(env, first, results)
        })
    })
}

/// Forecasts of every fitted series of a batch, each with its `h` rows of the future columns
/// (series after series, in the order of the models' regressors), computed in parallel; null
/// where the series was not fitted. A fitted series that cannot forecast fails the call, named.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeBatches_forecastXreg0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    h: jint,
    levels: JDoubleArray<'local>,
    future: JObjectArray<'local>,
) -> JObjectArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let h = count(h, "h")?;
        let levels = models::levels_from_java(env, &levels)?;
        lagrs_core::engine::check_request(h, &levels)?;
        let future = columns_from_java(env, &future, "futureXreg")?;
        let batch = BATCHES.get(handle)?;
        if let Some(c) = future.iter().find(|c| c.len() != h * batch.len()) {
            return Err(BridgeError::InvalidArgument(format!("futureXreg: a column has {} values, h x series is {}", c.len(), h * batch.len())));
        }
        let forecasts: Vec<Option<CoreResult<Forecast>>> = batch
            .par_iter()
            .enumerate()
            .map(|(i, fit)| {
                let rows: Vec<Vec<f64>> = future.iter().map(|c| c[i * h..(i + 1) * h].to_vec()).collect();
                fit.as_ref().ok().map(|m| m.forecast_xreg(h, &levels, &rows))
            })
            .collect();
        let mut packed = Vec::with_capacity(forecasts.len());
        for (i, forecast) in forecasts.into_iter().enumerate() {
            packed.push(match forecast {
                Some(f) => Some(f.map_err(|e| match e {
                    CoreError::InvalidArgument(m) => BridgeError::InvalidArgument(format!("series {i}: {m}")),
                    CoreError::Numerical(m) => BridgeError::Internal(format!("series {i}: {m}")),
                    other => BridgeError::from(other),
                })?),
                None => None,
            });
        }
        object_array(env, "[D", packed, |env, f| Ok(f.map(|f| doubles_to_java(env, &f.packed())).transpose()?.map(JObject::from)))
    })
}
