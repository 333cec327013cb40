//! Native side of `io.lagrs.AutoArima`'s own call, the search with its trace: the options
//! arrive as the spec text (`auto_arima(stepwise=false,ic=bic)[12]`), read by name by the
//! core's parser; the chosen model goes into the registry of every fitted model. Batches take
//! the path of every spec (`specs.rs`).

use jni::objects::{JClass, JDoubleArray, JLongArray, JString};
use jni::sys::jlong;
use jni::JNIEnv;
use lagrs_core::auto::{self, AutoArimaFit, AutoArimaOptions};
use lagrs_core::engine::text;

use crate::convert::{doubles_from_java, doubles_to_java};
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::specs::text_from_java;
use crate::{interruptible, models};

/// Values per trace entry: p, d, q, P, D, Q, period, constant, ic, approximate.
const TRACE_WIDTH: usize = 10;

/// The options of an `auto_arima` spec text; the core checks and words every setting.
fn options(env: &mut JNIEnv, spec: &JString) -> BridgeResult<AutoArimaOptions> {
    let spec = text_from_java(env, spec)?;
    options_of(&spec)
}

/// Exactly one `auto_arima` call: these entry points hand out ARIMA models and the search's
/// trace, which a fallback chain or another family would not give (those go through `ModelSpecs`).
fn options_of(spec: &str) -> BridgeResult<AutoArimaOptions> {
    let mut calls = text::parse(spec)?;
    match calls.pop() {
        Some(call) if calls.is_empty() && call.name == "auto_arima" => Ok(auto::text::from_call(call)?),
        _ => Err(BridgeError::InvalidArgument(format!("spec must be one auto_arima call, got \"{spec}\""))),
    }
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

#[no_mangle]
pub extern "system" fn Java_io_lagrs_AutoArima_fit0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    spec: JString<'local>,
    y: JDoubleArray<'local>,
    handle_out: JLongArray<'local>,
    cancel: jlong,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let options = options(env, &spec)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_read_by_name() {
        let o = options_of("auto_arima(max_p=3,stepwise=false,ic=bic,lambda=0)[12]").expect("valid");
        let defaults = AutoArimaOptions::default();
        assert_eq!((o.period, o.max_p, o.stepwise), (12, 3, false));
        assert_eq!((o.max_q, o.nmodels, o.alpha), (defaults.max_q, defaults.nmodels, defaults.alpha));
        assert_eq!(options_of("auto_arima").expect("valid"), defaults);
    }

    #[test]
    fn anything_but_one_auto_arima_call_is_refused_with_the_cores_words() {
        let message = |spec: &str| match options_of(spec) {
            Err(BridgeError::InvalidArgument(m)) => m,
            other => panic!("{spec}: expected an invalid argument, got {other:?}"),
        };
        assert!(message("auto_arima(max_p=50)").contains("maxP must be <= "));
        assert!(message("auto_arima(window=3)").contains("takes no option 'window'"));
        assert!(message("naive").contains("one auto_arima call"));
        assert!(message("auto_arima|naive").contains("one auto_arima call"));
        assert!(message("auto_arima(").contains("at position"));
    }
}
