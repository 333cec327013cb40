//! Automatic ARIMA (R's `forecast::auto.arima`) and the tests it relies on.

pub mod boxcox;

#[cfg(test)]
mod test_fixtures;
