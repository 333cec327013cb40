//! Statistical tools on series that every model family may use (none of them fits a model):
//!
//! * `boxcox` — the Box-Cox transform, its inverse (bias-adjusted or not) and Guerrero's lambda;

pub mod boxcox;

#[cfg(test)]
pub(crate) mod test_fixtures;
