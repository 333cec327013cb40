//! Numerical building blocks that every model family and test shares. None of them knows
//! about time series or about a model: they take slices and closures.
//!
//! * `linalg` — the one dense linear algebra (Gaussian elimination, Cholesky, triangular);
//! * `ols` — least squares: R's `lm` (QR with aliased columns dropped) and the small
//!   normal-equations fit of ARIMA's regression start;
//! * `optim/` — minimisers: `bfgs` (R's `optim(method = "BFGS")`), `brent` (R's `optimize`);
//!   `bounded_1d` and `lbfgsb_box` (R's `optim(method = "L-BFGS-B")` on one and on a few
//!   parameters in a box);
//! * `objective` — an objective that may evaluate the points around a centre together
//!   (the finite-difference routines' interface to it);
//! * `svd` — singular values and right singular vectors of a few columns (one-sided Jacobi);
//! * `bits` — equality bit for bit, the key of memos that must return exactly what the
//!   computation would;
//! * `sparse_sum` — a sum of products over the non-zero coefficients alone, the plain loop's
//!   result but for the sign of a zero;
//! * `distributions` — the standard normal CDF and quantile; `student_t` — the Student t
//!   quantile (R's `qt`, for `meanf`).

pub(crate) mod bits;
pub(crate) mod distributions;
pub(crate) mod linalg;
pub(crate) mod objective;
pub mod ols;
pub mod optim;
pub(crate) mod sparse_sum;
pub(crate) mod student_t;
pub(crate) mod svd;
