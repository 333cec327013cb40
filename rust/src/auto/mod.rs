//! Automatic ARIMA (R's `forecast::auto.arima`) and the tests it relies on.

pub mod adf;
pub mod boxcox;
pub mod ch;
pub mod ocsb;
pub mod ols;
pub mod pp;
pub mod unit_root;

#[cfg(test)]
mod test_fixtures;
