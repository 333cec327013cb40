//! The codes that cross the bridge, written once: each is a `#[repr(i32)]` enum whose value is
//! the ordinal of the Java enum of the same meaning, decoded with `TryFrom<jint>`.
//!
//! Java cannot see these definitions, so [`Java_io_lagrs_NativeContract_names0`] hands their
//! names to Java in code order (and the core limits Java documents), and `NativeContractTest`
//! compares them with the Java enums: reordering or renaming either side fails that test.

use jni::objects::{JClass, JObject, JObjectArray};
use jni::sys::jint;
use jni::JNIEnv;

use crate::error::{BridgeError, BridgeResult};
use crate::ffi::run_ffi_safe;

/// Defines a contract enum: discriminants are Java ordinals (0, 1, 2, ... in declaration
/// order), the Java name of a variant is its Rust name in SCREAMING_SNAKE_CASE.
macro_rules! contract_enum {
    ($(#[$meta:meta])* $name:ident, java = $java:literal, { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(i32)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            /// Every variant, in code order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The Java type whose ordinals these codes are.
            pub const JAVA: &'static str = $java;

            /// The code Java passes for this variant.
            pub const fn code(self) -> jint {
                self as jint
            }

            /// The variant's name as Java spells it.
            pub fn java_name(self) -> String {
                match self {
                    $($name::$variant => screaming_snake(stringify!($variant))),+
                }
            }
        }

        impl TryFrom<jint> for $name {
            type Error = BridgeError;

            fn try_from(code: jint) -> BridgeResult<Self> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.code() == code)
                    .ok_or_else(|| BridgeError::InvalidArgument(format!("unknown {} code {code}", $java)))
            }
        }
    };
}

contract_enum!(
    /// `io.lagrs.RollingStatistic.Kind`.
    RollingKind, java = "RollingStatistic.Kind", { Mean, Sum, Var, Std, Min, Max, Median, Quantile }
);

contract_enum!(
    /// `io.lagrs.Lags.Kind`.
    LagKind, java = "Lags.Kind", { Lag, Diff, PctChange }
);

contract_enum!(
    /// `io.lagrs.ArimaModel.Vector`: the arrays a fitted model hands out.
    ModelVector, java = "ArimaModel.Vector",
    { Ar, Ma, SeasonalAr, SeasonalMa, StandardErrors, Coefficients }
);

contract_enum!(
    /// `io.lagrs.ArimaModel.Scalar`: the numbers a fitted model hands out.
    ModelScalar, java = "ArimaModel.Scalar", { Mean, Drift, Lambda, Ic, Sigma }
);

contract_enum!(
    /// `io.lagrs.NativeModels.Vector`: the arrays every fitted model hands out.
    FittedVector, java = "NativeModels.Vector", { Fitted, Residuals }
);

contract_enum!(
    /// `io.lagrs.NativeModels.Scalar`: the numbers every fitted model hands out (NaN where its
    /// family defines none).
    FittedScalar, java = "NativeModels.Scalar", { Sigma2, LogLikelihood, Aic, Aicc, Bic }
);

contract_enum!(
    /// `io.lagrs.ArimaModel.OrderSlot`: the positions in the `int[7]` order array.
    OrderSlot, java = "ArimaModel.OrderSlot", { P, D, Q, SeasonalP, SeasonalD, SeasonalQ, Period }
);

contract_enum!(
    /// `io.lagrs.DemandPattern`: Syntetos, Boylan and Croston's demand classes.
    DemandPattern, java = "DemandPattern", { Smooth, Erratic, Intermittent, Lumpy, NoDemand }
);

/// `SeasonalAr` -> `SEASONAL_AR`, `Sigma2` -> `SIGMA2`, `P` -> `P`.
fn screaming_snake(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

macro_rules! describe {
    ($($name:ident),+) => {
        vec![$(format!(
            "{}={}",
            $name::JAVA,
            $name::ALL.iter().map(|v| v.java_name()).collect::<Vec<_>>().join(",")
        )),+]
    };
}

/// One line per contract enum, `JavaType=NAME0,NAME1,...` with names in code order, then one
/// per core limit that Java documents as a constant, `JavaType.CONSTANT=value`.
pub fn describe() -> Vec<String> {
    let mut lines = describe!(
        RollingKind,
        LagKind,
        ModelVector,
        ModelScalar,
        FittedVector,
        FittedScalar,
        OrderSlot,
        DemandPattern
    );
    lines.push(format!("ArimaModel.MAX_HORIZON={}", lagrs_core::arima::MAX_HORIZON));
    lines.push(format!("NativeModels.ARIMA_FAMILY={}", lagrs_core::arima::CODE));
    lines.push(format!("NativeModels.ETS_FAMILY={}", lagrs_core::ets::CODE));
    lines
}

#[no_mangle]
pub extern "system" fn Java_io_lagrs_NativeContract_names0<'local>(mut env: JNIEnv<'local>, _class: JClass<'local>) -> JObjectArray<'local> {
    run_ffi_safe(&mut env, |env| {
        let lines = describe();
        let array: JObjectArray = env.new_object_array(lines.len() as jint, "java/lang/String", JObject::null())?;
        for (i, line) in lines.iter().enumerate() {
            let text = env.new_string(line)?;
            env.set_object_array_element(&array, i as jint, &text)?;
            env.delete_local_ref(text)?;
        }
        Ok(array)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_ordinals_and_decode_back() {
        for (i, v) in ModelVector::ALL.iter().enumerate() {
            assert_eq!(v.code(), i as jint);
            assert_eq!(ModelVector::try_from(i as jint).expect("valid code"), *v);
        }
        assert!(matches!(RollingKind::try_from(8), Err(BridgeError::InvalidArgument(_))));
        assert!(matches!(LagKind::try_from(-1), Err(BridgeError::InvalidArgument(_))));
    }

    #[test]
    fn java_names_are_screaming_snake_case() {
        assert_eq!(ModelVector::SeasonalAr.java_name(), "SEASONAL_AR");
        assert_eq!(FittedScalar::Sigma2.java_name(), "SIGMA2");
        assert_eq!(OrderSlot::P.java_name(), "P");
        assert_eq!(LagKind::PctChange.java_name(), "PCT_CHANGE");
        assert_eq!(FittedScalar::LogLikelihood.java_name(), "LOG_LIKELIHOOD");
        assert_eq!(describe()[0], "RollingStatistic.Kind=MEAN,SUM,VAR,STD,MIN,MAX,MEDIAN,QUANTILE");
    }
}
