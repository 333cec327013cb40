//! Minimisers, each reproducing the R routine whose results the models are checked against.

pub(crate) mod bfgs;
pub mod brent;
pub mod clamped_simplex;
pub mod nelder_mead;
