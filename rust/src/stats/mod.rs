//! Statistical tools on series that every model family may use (none of them fits a model):
//!
//! * `boxcox` — the Box-Cox transform, its inverse (bias-adjusted or not) and Guerrero's lambda;
//! * `stl` — R's `stl` (plain and robust); `na_interp` — `forecast::na.interp`;
//! * `seasonal` — the strength of seasonality of `mstl` and `nsdiffs(test = "seas")`;
//! * `fourier` — Fourier terms for long and multiple seasonal periods (R's `fourier`);
//! * `series` — R's `is.constant`, `diff` and `var(na.rm = TRUE)`;
//! * `unit_root/` — the tests of `forecast::ndiffs` (KPSS, ADF, PP) and `nsdiffs` (OCSB,
//!   Canova-Hansen), and the differencing loops around them.

pub mod boxcox;
pub mod fourier;
pub mod na_interp;
pub mod seasonal;
pub mod series;
pub mod stl;
pub mod unit_root;

#[cfg(test)]
pub(crate) mod test_fixtures;
