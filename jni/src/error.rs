//! The bridge's one error type and its one mapping to Java exception classes
//! (in the manner of lance's `error.rs`).

use jni::JNIEnv;
use lagrs_core::error::CoreError;

/// Why a native call failed, and so which Java exception it throws.
#[derive(Debug)]
pub enum BridgeError {
    /// A required argument was null: `NullPointerException`.
    Null(&'static str),
    /// A bad argument: `IllegalArgumentException`.
    InvalidArgument(String),
    /// A call on something no longer usable (a closed model): `IllegalStateException`.
    IllegalState(String),
    /// A failure on valid input or inside the library: `io.lagrs.LagrsException`.
    Internal(String),
    /// The call was cancelled (its thread was interrupted):
    /// `java.util.concurrent.CancellationException`. (A batch call reports cancelled series
    /// in its results instead, and `BatchRun.java` throws for the whole call.)
    Cancelled,
    /// A Java exception is already pending (thrown by a JNI call); it is left as it is.
    JavaPending,
}

pub type BridgeResult<T> = Result<T, BridgeError>;

impl From<CoreError> for BridgeError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::InvalidArgument(m) => BridgeError::InvalidArgument(m),
            CoreError::Numerical(m) => BridgeError::Internal(m),
            CoreError::Cancelled => BridgeError::Cancelled,
        }
    }
}

impl From<jni::errors::Error> for BridgeError {
    fn from(e: jni::errors::Error) -> Self {
        match e {
            jni::errors::Error::JavaException => BridgeError::JavaPending,
            other => BridgeError::Internal(format!("JNI call failed: {other}")),
        }
    }
}

impl BridgeError {
    /// Throws the matching Java exception, unless one is already pending: the first
    /// exception is the one that explains what went wrong.
    pub fn throw(self, env: &mut JNIEnv) {
        if env.exception_check().unwrap_or(true) {
            return;
        }
        let (class, message) = match self {
            BridgeError::Null(name) => ("java/lang/NullPointerException", format!("{name} must not be null")),
            BridgeError::InvalidArgument(m) => ("java/lang/IllegalArgumentException", m),
            BridgeError::IllegalState(m) => ("java/lang/IllegalStateException", m),
            BridgeError::Internal(m) => ("io/lagrs/LagrsException", m),
            BridgeError::Cancelled => {
                ("java/util/concurrent/CancellationException", "cancelled: the calling thread was interrupted".to_string())
            }
            BridgeError::JavaPending => return,
        };
        // If even this fails, the JVM has left its own exception (e.g. NoClassDefFoundError) pending.
        let _ = env.throw_new(class, message);
    }
}
