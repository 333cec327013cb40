//! Native side of `io.lagrs.Arima` and ARIMA's own accessors of `io.lagrs.ArimaModel`.
//!
//! ARIMA models live in the one registry of fitted models ([`models::MODELS`]) and batches in
//! [`model_batches::BATCHES`]; what every model answers (forecasts, labels, saved bytes) is
//! `models.rs`'s. Series are copied out of Java before fitting: a fit takes far too long to
//! hold a critical section (the GC would wait for it).

use std::sync::Arc;

use jni::objects::{JClass, JDoubleArray, JIntArray, JObjectArray};
use jni::sys::{jboolean, jdouble, jint, jlong};
use jni::JNIEnv;
use lagrs_core::arima::{self, ArimaFit, ArimaSpec, FitOptions};
use lagrs_core::engine::transform::Transformed;
use lagrs_core::engine::{find, FittedModel};
use lagrs_core::error::CoreResult;

use crate::contract::{ModelScalar, ModelVector, OrderSlot};
use crate::convert::{count, doubles_from_java, doubles_to_java, fixed_ints_from_java, ints_to_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::{interruptible, model_batches, models};

/// The ARIMA model behind a handle of the models' registry (looking through a Box-Cox wrapper).
fn with_arima<R>(handle: jlong, f: impl FnOnce(&dyn FittedModel, &ArimaFit) -> BridgeResult<R>) -> BridgeResult<R> {
    let model: Arc<dyn FittedModel> = models::get(handle)?;
    let fit = find::<ArimaFit>(model.as_ref())
        .ok_or_else(|| BridgeError::InvalidArgument(format!("{handle} is not a handle of an ArimaModel")))?;
    f(model.as_ref(), fit)
}

/// Builds a specification from Java's order array (layout [`OrderSlot`]); the core validates it.
pub(crate) fn spec(env: &JNIEnv, order: &JIntArray, include_mean: jboolean, include_drift: jboolean) -> BridgeResult<ArimaSpec> {
    let order = fixed_ints_from_java::<7>(env, order, "order")?;
    let slot = |slot: OrderSlot, name: &str| count(order[slot.code() as usize], name);
    let spec = ArimaSpec {
        p: slot(OrderSlot::P, "p")?,
        d: slot(OrderSlot::D, "d")?,
        q: slot(OrderSlot::Q, "q")?,
        seasonal_p: slot(OrderSlot::SeasonalP, "P")?,
        seasonal_d: slot(OrderSlot::SeasonalD, "D")?,
        seasonal_q: slot(OrderSlot::SeasonalQ, "Q")?,
        period: slot(OrderSlot::Period, "period")?,
        include_mean: include_mean != 0,
        include_drift: include_drift != 0,
    };
    spec.validate()?;
    Ok(spec)
}

/// The rules on the orders alone, when Java builds a specification (mean and drift are
/// checked when fitting, once the whole specification is known).
#[no_mangle]
pub extern "system" fn Java_io_lagrs_Arima_checkOrders0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, order: JIntArray<'local>) {
    run_ffi_safe(&mut env, |env| spec(env, &order, 0, 0).map(|_| ()))
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_fit0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    order: JIntArray<'local>,
    include_mean: jboolean,
    include_drift: jboolean,
    y: JDoubleArray<'local>,
    cancel: jlong,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec(env, &order, include_mean, include_drift)?;
        let y = doubles_from_java(env, &y, "y")?;
        let cancel = interruptible::flag(cancel)?;
        let fit = arima::fit_with(&spec, &y, &FitOptions { cancel: Some(&cancel), ..FitOptions::default() })?;
        models::insert(Box::new(fit))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_vector0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    which: jint,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let which = ModelVector::try_from(which)?;
        let values: Vec<f64> = with_arima(handle, |_, fit| {
            Ok(match which {
                ModelVector::Ar => fit.ar().to_vec(),
                ModelVector::Ma => fit.ma().to_vec(),
                ModelVector::SeasonalAr => fit.seasonal_ar().to_vec(),
                ModelVector::SeasonalMa => fit.seasonal_ma().to_vec(),
                ModelVector::StandardErrors => fit.standard_errors().to_vec(),
                ModelVector::Coefficients => fit.coefficients(),
            })
        })?;
        doubles_to_java(env, &values)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_scalar0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    which: jint,
) -> jdouble {
    run_ffi_safe(&mut env, |_| {
        let which = ModelScalar::try_from(which)?;
        with_arima(handle, |model, fit| Ok(match which {
            ModelScalar::Mean => fit.mean().unwrap_or(f64::NAN),
            ModelScalar::Drift => fit.drift().unwrap_or(f64::NAN),
            ModelScalar::Lambda => find::<Transformed>(model).map(Transformed::lambda).or(fit.lambda()).unwrap_or(f64::NAN),
            ModelScalar::Ic => fit.selection().ic.unwrap_or(f64::NAN),
            ModelScalar::Sigma => fit.sigma(),
        }))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaModel_order0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>, handle: jlong) -> JIntArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let s = with_arima(handle, |_, fit| Ok(fit.spec().clone()))?;
        let order: Vec<jint> = OrderSlot::ALL
            .iter()
            .map(|slot| match slot {
                OrderSlot::P => s.p,
                OrderSlot::D => s.d,
                OrderSlot::Q => s.q,
                OrderSlot::SeasonalP => s.seasonal_p,
                OrderSlot::SeasonalD => s.seasonal_d,
                OrderSlot::SeasonalQ => s.seasonal_q,
                OrderSlot::Period => s.period,
            })
            // Orders are validated to be small.
            .map(|v| v as jint)
            .collect();
        ints_to_java(env, &order)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_ArimaBatch_fitAll0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    order: JIntArray<'local>,
    include_mean: jboolean,
    include_drift: jboolean,
    series: JObjectArray<'local>,
) -> jlong {
    run_ffi_safe(&mut env, |env| {
        let spec = spec(env, &order, include_mean, include_drift)?;
        if series.is_null() {
            return Err(BridgeError::Null("series"));
        }
        let n = env.get_array_length(&series)?;
        // A null series fails alone; it is marked and given no data.
        let mut copies: Vec<Option<Vec<f64>>> = Vec::with_capacity(n as usize);
        for i in 0..n {
            let element = env.get_object_array_element(&series, i)?;
            if element.is_null() {
                copies.push(None);
                continue;
            }
            let row = JDoubleArray::from(element);
            copies.push(Some(doubles_from_java(env, &row, "series")?));
            // A million series must not fill the local reference table.
            env.delete_local_ref(row)?;
        }
        let present: Vec<&[f64]> = copies.iter().filter_map(|c| c.as_deref()).collect();
        let mut fitted = arima::fit_many(&spec, &present).into_iter();
        let results: Vec<CoreResult<ArimaFit>> = copies
            .iter()
            .enumerate()
            .map(|(i, copy)| match copy {
                Some(_) => fitted.next().expect("fit_many returns one result per series"),
                None => Err(lagrs_core::error::CoreError::InvalidArgument(format!("series[{i}] is null"))),
            })
            .collect();
        model_batches::insert_fits(results)
    })
}
