//! Minimisers, each reproducing the R routine whose results the models are checked against.

pub(crate) mod bfgs;
pub(crate) mod bounded_1d;
pub mod brent;
pub mod clamped_simplex;
mod dcsrch;
pub(crate) mod lbfgsb_box;
pub mod nelder_mead;
pub mod nelder_mead_batch;
pub mod nelder_mead_steps;
