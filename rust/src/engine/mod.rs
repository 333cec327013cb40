//! The engine every model family plugs into. A family (ARIMA, the baselines, later ETS or
//! Theta) lives in a folder of its own and gives the engine three things: a specification that
//! fits a series ([`Spec`]), a fitted model ([`FittedModel`]) and a decoder of its saved state.
//! The engine owns what is the same for every family:
//!
//! * [`Forecast`]: point forecasts with intervals at several levels from one call;
//! * [`text`]: the grammar of specification texts (`arima(0,1,1)(0,1,1)[12]`, `snaive[12]`),
//!   which families read their arguments from;
//! * [`transform`]: Box-Cox (fixed lambda, Guerrero, bias adjustment) around any family;
//! * [`envelope`]: the one versioned, checksummed format every saved model is wrapped in;
//! * [`batch`]: fit many series and keep the models, or fit and forecast them without keeping
//!   anything, on a batch's private pool.
//!
//! The closed list of families, and the parsing and decoding that dispatch over it, is
//! `crate::catalog`, the one module that knows every family. The engine imports no family.

pub mod batch;
pub mod bytes;
pub mod envelope;
mod fitted;
mod forecast;
pub mod text;
pub mod transform;

pub use batch::Spec;
pub use fitted::{find, Criteria, FittedModel};
pub use forecast::{check_request, Forecast, MAX_HORIZON};
