//! Native side of `io.lagrs.DemandClassification` (its natives are in `DemandNatives`): the core classifies, the bridge copies the
//! series in and the four numbers out.

use jni::objects::{JClass, JDoubleArray};
use jni::JNIEnv;
use lagrs_core::intermittent::classify::{classify, DemandClass};

use crate::contract::DemandPattern;
use crate::convert::{doubles_from_java, doubles_to_java};
use crate::ffi::run_ffi_safe;

fn pattern(class: DemandClass) -> DemandPattern {
    match class {
        DemandClass::Smooth => DemandPattern::Smooth,
        DemandClass::Erratic => DemandPattern::Erratic,
        DemandClass::Intermittent => DemandPattern::Intermittent,
        DemandClass::Lumpy => DemandPattern::Lumpy,
        DemandClass::NoDemand => DemandPattern::NoDemand,
    }
}

/// `{adi, cv2, demands, pattern code}` of one series.
#[no_mangle]
pub extern "system" fn Java_io_lagrs_DemandNatives_classify0<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    y: JDoubleArray<'local>,
) -> JDoubleArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let y = doubles_from_java(env, &y, "y")?;
        let d = classify(&y)?;
        doubles_to_java(env, &[d.adi, d.cv2, d.demands as f64, f64::from(pattern(d.class).code())])
    })
}
