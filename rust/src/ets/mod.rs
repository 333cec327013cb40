//! Exponential smoothing state-space models as R's `forecast::ets` (forecast 8.20): every
//! error/trend/season form, R's likelihood, initial states, bounds and criteria, optimised
//! by the Nelder–Mead of R's `optim`, automatic selection as `ets(y)` and forecasts with
//! the analytic variances of `forecast.ets`.
//!
//! * `lanes` — the likelihood alone, one loop per form, for one to four parameter vectors
//!   at once, for the optimiser;
//! * `form` — the components and R's `method` string; `options` — R's other arguments;
//! * `recursion` — the state-space pass (R's `etscalc`); `init` — initial states;
//! * `params` — starting values, bounds and the admissible region (`polyroot` for it);
//! * `fit` — one form fitted (`etsmodel`); `search` — the searches of several forms side by
//!   side, sharing the likelihood's lanes; `select` — `ets()` itself; `tiny` — its
//!   `HoltWintersZZ` fallback for series too short for a fit;
//! * `forecast` — point forecasts and variances of model classes 1 to 3 (`class3` apart);
//! * `model` — the fitted model the engine holds, its payload; `text` — its spec texts;
//! * `forward` — a fitted model carried over new data without refitting.

mod class3;
pub mod fit;
pub mod forecast;
pub mod form;
mod forward;
mod init;
mod lanes;
pub mod model;
pub mod options;
pub mod params;
mod polyroot;
pub mod recursion;
mod search;
pub mod select;
pub mod simulate;
pub mod text;
pub mod tiny;

pub use fit::EtsFit;
pub use form::{Component, Form, Request};
pub use model::{EtsModel, CODE};
pub use options::{Bounds, Ic, OptCrit, Options};
pub use select::{ets, Selected};
pub use text::EtsSpec;
