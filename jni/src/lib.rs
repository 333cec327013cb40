//! JNI bridge for lagrs: converts Java arguments, checks them, calls lagrs-core, and maps
//! every error and panic to a Java exception. One module per Java class it serves.
//!
//! Conventions every entry point follows:
//! - it runs its body through [`ffi::run_ffi_safe`], the one place errors and panics become
//!   Java exceptions;
//! - codes that cross the bridge are the enums of [`contract`], never bare numbers;
//! - rules on arguments and their messages are the core's; the bridge converts (a negative
//!   Java `int` is the one thing it refuses itself) and checks only nulls and lengths;
//! - arrays are reached through [`arrays::ArrayPair::with_critical`] (a closure that cannot call JNI) or
//!   region copies, and long computations are cut into bounded pieces ([`sections`]).

mod arima;
mod arrays;
mod auto_arima;
mod batch;
mod contract;
mod convert;
mod demand;
mod cv;
#[cfg(feature = "test-hooks")]
mod diagnostics;
mod error;
mod ets;
mod ffi;
mod handles;
mod interruptible;
mod lags;
mod model_batches;
mod models;
mod native_memory;
mod packed_output;
mod rolling;
mod sections;
mod specs;
mod xreg;
mod xreg_batch;
#[cfg(feature = "test-hooks")]
mod self_test;
