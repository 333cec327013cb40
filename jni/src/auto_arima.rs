//! Native side of `io.lagrs.AutoArima`: the options arrive as one `int[]` and one `double[]`
//! (layout fixed by `AutoArima.java`), the chosen model goes into the `ArimaModel` registry
//! and a batch into the `ArimaBatch` registry, so Java uses them like any fitted model.
//! Batches run under a `BatchRun` control (threads, progress, cancellation), chunk by chunk
//! as `Arima.fitAll` (see `batch`).

use jni::objects::{JClass, JDoubleArray, JIntArray, JLongArray, JObjectArray, JString};
use jni::sys::jlong;
use jni::JNIEnv;
use lagrs_core::arima::ArimaFit;
use lagrs_core::auto::{
    self, AutoArimaFit, AutoArimaOptions, BoxCoxLambda, InformationCriterion, SeasonalTestKind, UnitRootTestKind,
};
use lagrs_core::batch::BatchControl;
use lagrs_core::error::CoreResult;

use crate::batch;
use crate::contract::{Criterion, SeasonalTest, UnitRootTest};
use crate::convert::{doubles_from_java, doubles_to_java, fixed_ints_from_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::{interruptible, model_batches, models};

/// Number of `int` options; their order is `AutoArima.java`'s `intOptions()`.
const INT_OPTIONS: usize = 26;
/// Number of `double` options: unit-root alpha, lambda, seasonal-test alpha.
const DOUBLE_OPTIONS: usize = 3;
/// Values per trace entry: p, d, q, P, D, Q, period, constant, ic, approximate.
const TRACE_WIDTH: usize = 10;

fn options(env: &JNIEnv, ints: &JIntArray, doubles: &JDoubleArray) -> BridgeResult<AutoArimaOptions> {
    let i = fixed_ints_from_java::<INT_OPTIONS>(env, ints, "intOptions")?;
    let d = doubles_from_java(env, doubles, "doubleOptions")?;
    if d.len() != DOUBLE_OPTIONS {
        return Err(BridgeError::InvalidArgument(format!("doubleOptions must have {DOUBLE_OPTIONS} elements, got {}", d.len())));
    }
    let count = |k: usize, name: &str| {
        usize::try_from(i[k]).map_err(|_| BridgeError::InvalidArgument(format!("{name} must be >= 0, got {}", i[k])))
    };
    // -1 means "chosen" (d, D) or "R's default" (approximation).
    let optional = |k: usize, name: &str| if i[k] < 0 { Ok(None) } else { count(k, name).map(Some) };
    let flag = |k: usize| i[k] != 0;
    let options = AutoArimaOptions {
        period: count(0, "seasonalPeriod")?,
        d: optional(1, "d")?,
        seasonal_d: optional(2, "seasonalD")?,
        max_p: count(3, "maxP")?,
        max_q: count(4, "maxQ")?,
        max_seasonal_p: count(5, "maxSeasonalP")?,
        max_seasonal_q: count(6, "maxSeasonalQ")?,
        max_order: count(7, "maxOrder")?,
        max_d: count(8, "maxD")?,
        max_seasonal_d: count(9, "maxSeasonalD")?,
        start_p: count(10, "startP")?,
        start_q: count(11, "startQ")?,
        start_seasonal_p: count(12, "startSeasonalP")?,
        start_seasonal_q: count(13, "startSeasonalQ")?,
        stationary: flag(14),
        seasonal: flag(15),
        ic: match Criterion::try_from(i[16])? {
            Criterion::Aicc => InformationCriterion::Aicc,
            Criterion::Aic => InformationCriterion::Aic,
            Criterion::Bic => InformationCriterion::Bic,
        },
        stepwise: flag(17),
        nmodels: count(18, "nmodels")?,
        approximation: if i[19] < 0 { None } else { Some(flag(19)) },
        allow_drift: flag(20),
        allow_mean: flag(21),
        alpha: d[0],
        // 0: no transform, 1: fixed lambda (doubleOptions[1]), 2: Guerrero's lambda.
        lambda: match i[22] {
            0 => None,
            1 => Some(BoxCoxLambda::Fixed(d[1])),
            2 => Some(BoxCoxLambda::Auto),
            other => return Err(BridgeError::InvalidArgument(format!("unknown lambda mode {other}"))),
        },
        biasadj: flag(23),
        unit_root_test: match UnitRootTest::try_from(i[24])? {
            UnitRootTest::Kpss => UnitRootTestKind::Kpss,
            UnitRootTest::Adf => UnitRootTestKind::Adf,
            UnitRootTest::Pp => UnitRootTestKind::Pp,
        },
        seasonal_test: match SeasonalTest::try_from(i[25])? {
            SeasonalTest::SeasonalStrength => SeasonalTestKind::SeasonalStrength,
            SeasonalTest::Ocsb => SeasonalTestKind::Ocsb,
            SeasonalTest::CanovaHansen => SeasonalTestKind::CanovaHansen,
        },
        seasonal_alpha: d[2],
    };
    options.validate()?;
    Ok(options)
}

/// The trace flattened for Java, [`TRACE_WIDTH`] values per candidate.
fn packed_trace(fit: &AutoArimaFit) -> Vec<f64> {
    let mut out = Vec::with_capacity(fit.trace.len() * TRACE_WIDTH);
    for e in &fit.trace {
        let s = &e.spec;
        out.extend_from_slice(&[
            s.p as f64,
            s.d as f64,
            s.q as f64,
            s.seasonal_p as f64,
            s.seasonal_d as f64,
            s.seasonal_q as f64,
            s.period as f64,
            f64::from(u8::from(e.constant)),
            e.ic,
            f64::from(u8::from(e.approximate)),
        ]);
    }
    out
}

/// The spec text of the options (`auto_arima(stepwise=false)[12]`), written by the core.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_AutoArima_text0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    ints: JIntArray<'local>,
    doubles: JDoubleArray<'local>,
) -> JString<'local> {
    run_ffi_safe(&mut env, |env| {
        let options = options(env, &ints, &doubles)?;
        Ok(env.new_string(lagrs_core::auto::text::to_text(&options))?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_AutoArima_fit0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    ints: JIntArray<'local>,
    doubles: JDoubleArray<'local>,
    y: JDoubleArray<'local>,
    handle_out: JLongArray<'local>,
    cancel: jlong,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let options = options(env, &ints, &doubles)?;
        let y = doubles_from_java(env, &y, "y")?;
        if handle_out.is_null() || env.get_array_length(&handle_out)? != 1 {
            return Err(BridgeError::InvalidArgument("handleOut must be a long[1]".into()));
        }
        let cancel = interruptible::flag(cancel)?;
        let chosen = auto::auto_arima_with(&y, &options, Some(&cancel))?;
        let trace = packed_trace(&chosen);
        let handle = models::insert(Box::new(chosen.fit))?;
        if let Err(e) = env.set_long_array_region(&handle_out, 0, &[handle]) {
            models::MODELS.remove(handle)?;
            return Err(e.into());
        }
        doubles_to_java(env, &trace)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_AutoArima_fitRows0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    ints: JIntArray<'local>,
    doubles: JDoubleArray<'local>,
    series: JObjectArray<'local>,
    run: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let options = options(env, &ints, &doubles)?;
        let control = batch::control(run)?;
        let fits = batch::for_each_chunk_of_rows(env, &series, |chunk| fit_chunk(chunk, &options, &control))?;
        model_batches::insert_fits(fits)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_AutoArima_fitFlat0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    ints: JIntArray<'local>,
    doubles: JDoubleArray<'local>,
    values: JDoubleArray<'local>,
    offsets: JIntArray<'local>,
    run: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let options = options(env, &ints, &doubles)?;
        let control = batch::control(run)?;
        let fits = batch::for_each_chunk_of_flat(env, &values, &offsets, |chunk| fit_chunk(chunk, &options, &control))?;
        model_batches::insert_fits(fits)
    })
}

/// One chunk of a batch: the chosen models (their search traces are dropped).
fn fit_chunk(chunk: &[&[f64]], options: &AutoArimaOptions, control: &BatchControl) -> Vec<CoreResult<ArimaFit>> {
    auto::auto_arima_batch(chunk, options, control).into_iter().map(|r| r.map(|f| f.fit)).collect()
}
