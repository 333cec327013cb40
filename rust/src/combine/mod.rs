//! Specs made of other specs, for any family: the member chosen per series by its
//! cross-validated accuracy ([`best::BestOf`], `best_of(...)`), the mean or median of the
//! members' forecasts ([`mean::Combine`], `mean_of(...)`, `median_of(...)`), and conformal
//! prediction intervals from a member's cross-validation errors ([`conformal::Conformal`],
//! `conformal(...)`). They are generic over the engine's [`crate::engine::Spec`]; the catalog
//! gives them its `ModelSpec` as members and reads and writes their text.

pub mod best;
pub mod conformal;
pub mod mean;

use crate::engine::bytes::Reader;
use crate::engine::FittedModel;
use crate::error::CoreResult;

/// The saved-model code of a combination of members' models.
pub const COMBINATION_CODE: u16 = 0xFF00;
/// The saved-model code of a model with conformal intervals.
pub const CONFORMAL_CODE: u16 = 0xFF01;

/// How a saved member model is read back (the catalog's decoder, one level deeper).
pub type DecodeMember<'a> = &'a dyn Fn(&[u8]) -> CoreResult<Box<dyn FittedModel>>;

fn read_member(r: &mut Reader<'_>, decode: DecodeMember<'_>) -> CoreResult<Box<dyn FittedModel>> {
    decode(r.bytes()?)
}

#[cfg(test)]
mod tests;
