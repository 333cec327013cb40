//! Native side of `io.lagrs.Lags`.
//!
//! Array inputs are processed in chunks ([`crate::sections`]). A short lag (the usual case)
//! pins the arrays one chunk at a time, as the rolling mean does: the kernel is a single pass
//! over memory, which a copy would slow down several times. A lag that reaches further back
//! than a fraction of a chunk gathers each chunk's inputs into scratch memory with region
//! copies instead. The core computes every value.

use jni::objects::{JClass, JDoubleArray, JObject};
use jni::sys::jint;
use jni::JNIEnv;
use lagrs_core::error::CoreResult;
use lagrs_core::lags;

use crate::arrays::{direct_doubles, read_region, write_region, ArrayPair};
use crate::contract::LagKind;
use crate::convert::count;
use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;
use crate::sections::{run_chunked, Access, Plan, Scratch};

type Transform = fn(&[f64], usize, &mut [f64]) -> CoreResult<()>;

fn transform(kind: jint) -> BridgeResult<Transform> {
    Ok(match LagKind::try_from(kind)? {
        LagKind::Lag => lags::lag,
        LagKind::Diff => lags::diff,
        LagKind::PctChange => lags::pct_change,
    })
}

/// Outputs per copied chunk.
const CHUNK: usize = 1 << 16;

/// Outputs per critical chunk: a single pass over 4 MiB in and out, well under a millisecond.
const CRITICAL_CHUNK: usize = 1 << 19;

#[no_mangle]
pub extern "system" fn Java_io_lagrs_Lags_transform0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    kind: jint,
    x: JDoubleArray<'local>,
    k: jint,
    out: JDoubleArray<'local>,
) {
    run_ffi_safe(&mut env, |env| {
        let transform = transform(kind)?;
        let k = count(k, "k")?;
        let arrays = ArrayPair::new(env, &x, "x", &out, "out")?;
        let n = arrays.input_len;
        if n != arrays.output_len {
            // The core words the length rule; it refuses before computing anything.
            return arrays.with_critical(env, |x, out| transform(x, k, out))?.map_err(Into::into);
        }
        if k <= CRITICAL_CHUNK / 8 {
            // Each chunk's outputs come from x[a - k .. b]; the first k outputs of the core's
            // call only warm up and are discarded.
            let plan = Plan { access: Access::Critical, chunk: CRITICAL_CHUNK, lead: k };
            return run_chunked(env, &arrays, 0..n, plan, &mut Scratch::default(), &mut |x, out| {
                Ok(transform(x, k, out)?)
            });
        }
        let (mut input, mut output) = (Vec::new(), Vec::new());
        let mut a = 0;
        while a < n {
            // A chunk lies wholly before k (all NaN) or wholly after it.
            let b = n.min(a + CHUNK).min(if a < k { k } else { usize::MAX });
            let c = b - a;
            // Gather the inputs so that out[a..b] are the last c outputs of the core's call.
            let k_here = if a < k {
                input.resize(c, 0.0);
                read_region(env, &x, a, &mut input)?;
                k
            } else if k <= c {
                input.resize(k + c, 0.0);
                read_region(env, &x, a - k, &mut input)?;
                k
            } else {
                // Out of reach of one contiguous piece: x[a-k .. b-k] then x[a .. b], lag c.
                input.resize(2 * c, 0.0);
                let (old, new) = input.split_at_mut(c);
                read_region(env, &x, a - k, old)?;
                read_region(env, &x, a, new)?;
                c
            };
            output.resize(input.len(), 0.0);
            transform(&input, k_here, &mut output)?;
            write_region(env, &out, a, &output[output.len() - c..])?;
            a = b;
        }
        Ok(())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_Lags_transformDirect0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    kind: jint,
    x: JObject<'local>,
    x_position: jint,
    x_length: jint,
    k: jint,
    out: JObject<'local>,
    out_position: jint,
    out_length: jint,
) {
    run_ffi_safe(&mut env, |env| {
        let transform = transform(kind)?;
        let k = count(k, "k")?;
        let input = direct_doubles(env, &x, x_position, x_length, "x")?;
        let mut output = direct_doubles(env, &out, out_position, out_length, "out")?;
        if input.overlaps(&output) {
            return Err(BridgeError::InvalidArgument("out must not overlap x".into()));
        }
        Ok(transform(input.as_slice(), k, output.as_mut_slice())?)
    })
}
