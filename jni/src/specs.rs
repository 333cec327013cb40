//! Native side of `io.lagrs.ModelSpecs`: a model specification of any family crosses the
//! bridge as its text (options by name, read by the core's one parser), never as positions.

use jni::objects::{JClass, JDoubleArray, JIntArray, JObjectArray, JString};
use jni::sys::{jint, jlong};
use jni::JNIEnv;
use lagrs_core::catalog::ModelSpec;
use lagrs_core::engine::{batch as verbs, Spec};

use crate::batch::{control, for_each_chunk_of_flat, for_each_chunk_of_rows, FlatChunks};
use crate::convert::{count, doubles_from_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::model_batches::BATCHES;
use crate::packed_output::PackedOutput;
use crate::{interruptible, models};

/// The text of a spec as a Rust string.
pub(crate) fn text_from_java(env: &mut JNIEnv, text: &JString) -> BridgeResult<String> {
    if text.is_null() {
        return Err(BridgeError::Null("spec"));
    }
    Ok(env.get_string(text)?.into())
}

/// The spec a Java string holds; the core words every rule on it.
pub(crate) fn spec_from_java(env: &mut JNIEnv, text: &JString) -> BridgeResult<ModelSpec> {
    Ok(ModelSpec::parse(&text_from_java(env, text)?)?)
}

/// The canonical text of a spec text (the same spec, written as `toString` writes it).
#[no_mangle]
pub extern "system" fn Java_io_lagrs_ModelSpecs_canonical0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, text: JString<'local>) -> JString<'local> {
    run_ffi_safe(&mut env, |env| {
        let spec = spec_from_java(env, &text)?;
        Ok(env.new_string(spec.to_string())?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ModelSpecs_fit0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    text: JString<'local>,
    y: JDoubleArray<'local>,
    cancel: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec_from_java(env, &text)?;
        let y = doubles_from_java(env, &y, "y")?;
        let cancel = interruptible::flag(cancel)?;
        models::insert(spec.fit(&y, Some(&cancel))?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ModelSpecs_fitRows0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    text: JString<'local>,
    series: JObjectArray<'local>,
    run: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec_from_java(env, &text)?;
        let control = control(run)?;
        BATCHES.insert(for_each_chunk_of_rows(env, &series, |chunk| verbs::fit_all(&spec, chunk, &control))?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ModelSpecs_fitFlat0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    text: JString<'local>,
    values: JDoubleArray<'local>,
    offsets: JIntArray<'local>,
    run: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec_from_java(env, &text)?;
        let control = control(run)?;
        BATCHES.insert(for_each_chunk_of_flat(env, &values, &offsets, |chunk| verbs::fit_all(&spec, chunk, &control))?)
    })
}

/// Fits and forecasts every series of the flat layout, keeping no model, and writes each chunk's
/// results into the arrays Java allocated (sized by `PackedOutput::new`) as the chunk finishes:
/// series i's packed forecast (mean, then lower and upper per level, h values each) at
/// `i * h * (1 + 2 * levels)`, NaN where it failed; its error or null; its model's label or null.
/// Only series `from .. to` are forecast, series `from + i` written at index i: the whole batch
/// (0, n) for `forecastAll`, one streamed chunk at a time for its sink variant.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_ModelSpecs_forecastFlat0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    text: JString<'local>,
    values: JDoubleArray<'local>,
    offsets: JIntArray<'local>,
    h: jint,
    levels: JDoubleArray<'local>,
    from: jint,
    to: jint,
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
        let control = control(run)?;
        let mut chunks = FlatChunks::new(env, &values, &offsets)?;
        let (from, to) = chunks.limit(from, to)?;
        let mut out = PackedOutput::new(env, &packed, &errors, &labels, to - from, h * (1 + 2 * levels.len()))?;
        while let Some((first, chunk)) = chunks.next(env, &values)? {
            let results = verbs::forecast_all(&spec, &chunk, h, &levels, &control);
            assert_eq!(results.len(), chunk.len(), "a chunk forecast returns one result per series");
            out.write(env, first - from, results)?;
        }
        Ok(())
    })
}
