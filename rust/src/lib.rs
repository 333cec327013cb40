//! lagrs-core: the numerical core of lagrs. Plain functions over slices; no JNI types.

pub mod arima;
pub mod auto;
pub mod baseline;
pub mod batch;
pub mod cancel_scope;
pub mod catalog;
pub mod combine;
pub mod cv;
pub mod engine;
pub mod error;
pub mod ets;
pub mod intermittent;
pub mod lags;
pub mod numerics;
pub mod rolling;
pub mod smoothing;
pub mod stats;
pub mod theta;
