//! The one error type of the core. The JNI bridge maps each variant to a Java exception.

use std::fmt;

/// Why a core computation refused its input or could not finish.
#[derive(Debug, Clone, PartialEq)]
pub enum CoreError {
    /// The caller passed something out of range; the message names the argument.
    InvalidArgument(String),
    /// The computation failed on valid input (e.g. an optimizer that found no finite point).
    Numerical(String),
    /// The caller's cancellation flag was set while the computation ran.
    Cancelled,
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoreError::InvalidArgument(m) | CoreError::Numerical(m) => f.write_str(m),
            CoreError::Cancelled => f.write_str("cancelled"),
        }
    }
}

impl std::error::Error for CoreError {}

pub type CoreResult<T> = Result<T, CoreError>;

/// Shorthand for an `InvalidArgument` error with a formatted message.
pub fn invalid<T>(message: impl Into<String>) -> CoreResult<T> {
    Err(CoreError::InvalidArgument(message.into()))
}
