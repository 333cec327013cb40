//! JNI bridge for lagrs: converts Java arguments, checks them, calls lagrs-core, and maps
//! every error and panic to a Java exception. One module per Java class it serves.
//!
//! Conventions every entry point follows:
//! - it runs its body through [`ffi::run_ffi_safe`], the one place errors and panics become
//!   Java exceptions;
//! - array lengths and argument checks happen before any critical section; inside one
//!   ([`arrays`]) no JNI function is called.

mod arima;
mod arrays;
mod batch;
mod convert;
mod diagnostics;
mod error;
mod ffi;
mod handles;
mod lags;
mod native_memory;
mod rolling;
mod self_test;
