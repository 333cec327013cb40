//! Native side of `io.lagrs.CrossValidation`: every spec over the windows of every series of
//! the flat layout, written straight into the long table's columns chunk by chunk, so the
//! per-series results never pile up beside the table.

use jni::objects::{JClass, JDoubleArray, JIntArray, JObject, JObjectArray, JString};
use jni::sys::{jint, jlong};
use jni::JNIEnv;
use lagrs_core::catalog::ModelSpec;
use lagrs_core::cv::run::evaluate_all;
use lagrs_core::cv::{Refit, Settings};
use lagrs_core::engine::Spec;

use crate::batch::{control, for_each_chunk_of_flat};
use crate::convert::{count, doubles_to_java, ints_to_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::model_batches::object_array;
use crate::models;
use crate::specs::spec_from_java;

/// One spec's columns of the long table and its per-window and per-series results.
struct ModelColumns {
    /// Mean, then lower and upper for each level: one column each, a value per row.
    columns: Vec<Vec<f64>>,
    window_errors: Vec<Option<String>>,
    /// Per series, [`lagrs_core::cv::accuracy::Measures::to_row`]; NaN for a failed series.
    accuracy: Vec<f64>,
}

/// Settings from the Java call: `input_size` 0 is an expanding window, `refit_every` 0 never.
fn settings(h: jint, step: jint, windows: jint, input_size: jint, refit_every: jint, levels: Vec<f64>, period: jint) -> BridgeResult<Settings> {
    let input_size = count(input_size, "inputSize")?;
    let refit_every = count(refit_every, "refitEvery")?;
    let s = Settings {
        h: count(h, "h")?,
        step: count(step, "stepSize")?,
        windows: count(windows, "windows")?,
        input_size: (input_size > 0).then_some(input_size),
        refit: if refit_every == 0 { Refit::Never } else { Refit::Every(refit_every) },
        levels,
        period: count(period, "period")?,
    };
    s.check()?;
    Ok(s)
}

/// Returns `{int[] windowSeries, int[] windowStart, int[] windowEnd, String[] seriesErrors,
/// double[] actual, Object[] perModel}`, each element of `perModel` being `{double[][]
/// columns, String[] windowErrors, double[] accuracy}`.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_CrossValidation_run0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    spec_texts: JObjectArray<'local>,
    values: JDoubleArray<'local>,
    offsets: JIntArray<'local>,
    h: jint,
    step: jint,
    windows: jint,
    input_size: jint,
    refit_every: jint,
    levels: JDoubleArray<'local>,
    period: jint,
    run: jlong,
) -> JObjectArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let n_specs = usize::try_from(env.get_array_length(&spec_texts)?).expect("not negative");
        let mut specs: Vec<ModelSpec> = Vec::with_capacity(n_specs);
        for i in 0..n_specs {
            let text = JString::from(env.get_object_array_element(&spec_texts, i as jint)?);
            specs.push(spec_from_java(env, &text)?);
        }
        let levels = models::levels_from_java(env, &levels)?;
        let s = settings(h, step, windows, input_size, refit_every, levels, period)?;
        let control = control(run)?;
        let dyn_specs: Vec<&dyn Spec> = specs.iter().map(|s| s as &dyn Spec).collect();
        let n_columns = 1 + 2 * s.levels.len();
        let n_measures = s.levels.len() * 2 + lagrs_core::cv::accuracy::NAMES.len();
        // Sized for every series succeeding: growing by doubling would hold up to twice the table.
        let n_series = crate::arrays::length(env, &offsets, "offsets")?.saturating_sub(1);
        let n_windows = n_series.saturating_mul(s.windows);
        let n_rows = n_windows.saturating_mul(s.h).min(i32::MAX as usize);
        let mut window_series: Vec<i32> = Vec::with_capacity(n_windows);
        let mut window_start: Vec<i32> = Vec::with_capacity(n_windows);
        let mut window_end: Vec<i32> = Vec::with_capacity(n_windows);
        let mut actual: Vec<f64> = Vec::with_capacity(n_rows);
        let mut per_model: Vec<ModelColumns> = (0..specs.len())
            .map(|_| ModelColumns {
                columns: (0..n_columns).map(|_| Vec::with_capacity(n_rows)).collect(),
                window_errors: Vec::with_capacity(n_windows),
                accuracy: Vec::with_capacity(n_series.saturating_mul(n_measures)),
            })
            .collect();
        let mut next_series = 0usize;
        let results = for_each_chunk_of_flat(env, &values, &offsets, |chunk| {
            let cvs = evaluate_all(&dyn_specs, chunk, &s, &control);
            let mut outcome = Vec::with_capacity(cvs.len());
            for (k, cv) in cvs.into_iter().enumerate() {
                let y = chunk[k];
                let series = next_series + k;
                match cv {
                    Ok(cv) => {
                        for w in &cv.windows {
                            window_series.push(series as i32);
                            window_start.push(w.start as i32);
                            window_end.push(w.end as i32);
                            actual.extend_from_slice(&y[w.end..w.end + s.h]);
                        }
                        for (m, model) in cv.models.into_iter().enumerate() {
                            let out = &mut per_model[m];
                            for (w, error) in model.errors.into_iter().enumerate() {
                                let block = &model.values[w * n_columns * s.h..(w + 1) * n_columns * s.h];
                                for (c, column) in out.columns.iter_mut().enumerate() {
                                    column.extend_from_slice(&block[c * s.h..(c + 1) * s.h]);
                                }
                                out.window_errors.push(error.map(|e| e.to_string()));
                            }
                            out.accuracy.extend(model.accuracy.to_row());
                        }
                        outcome.push(Ok(()));
                    }
                    Err(e) => {
                        for out in per_model.iter_mut() {
                            out.accuracy.extend(std::iter::repeat_n(f64::NAN, n_measures));
                        }
                        outcome.push(Err(e));
                    }
                }
            }
            next_series += outcome.len();
            outcome
        })?;
        if actual.len() > i32::MAX as usize {
            return Err(BridgeError::InvalidArgument(format!("{} rows do not fit in a Java array", actual.len())));
        }
        let series_errors: Vec<Option<String>> = results.into_iter().map(|r| r.err().map(|e| e.to_string())).collect();
        let strings = |env: &mut JNIEnv<'local>, items: Vec<Option<String>>| {
            object_array(env, "java/lang/String", items, |env, s| Ok(s.map(|s| env.new_string(s)).transpose()?.map(JObject::from)))
        };
        let mut out: Vec<JObject<'local>> = vec![
            ints_to_java(env, &window_series)?.into(),
            ints_to_java(env, &window_start)?.into(),
            ints_to_java(env, &window_end)?.into(),
            strings(env, series_errors)?.into(),
            doubles_to_java(env, &actual)?.into(),
        ];
        drop(actual);
        let mut models_out = Vec::with_capacity(per_model.len());
        for model in per_model {
            let columns = object_array(env, "[D", model.columns, |env, c| Ok(Some(JObject::from(doubles_to_java(env, &c)?))))?;
            let errors = strings(env, model.window_errors)?;
            let accuracy = doubles_to_java(env, &model.accuracy)?;
            let parts = vec![JObject::from(columns), JObject::from(errors), JObject::from(accuracy)];
            models_out.push(object_array(env, "java/lang/Object", parts, |_, o| Ok(Some(o)))?);
        }
        out.push(object_array(env, "java/lang/Object", models_out, |_, o| Ok(Some(JObject::from(o))))?.into());
        object_array(env, "java/lang/Object", out, |_, o| Ok(Some(o)))
    })
}
