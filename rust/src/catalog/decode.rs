//! A saved model of any family back from its bytes.

use crate::arima::{self, ArimaFit};
use crate::baseline::{self, BaselineFit};
use crate::combine::conformal::ConformalFit;
use crate::combine::mean::Combination;
use crate::combine::{COMBINATION_CODE, CONFORMAL_CODE};
use crate::engine::text::MAX_NESTING;
use crate::engine::envelope;
use crate::ets::{self, EtsModel};
use crate::engine::transform::{self, Transformed};
use crate::engine::FittedModel;
use crate::error::{invalid, CoreResult};
use crate::intermittent::{self, IntermittentFit};
use crate::theta::{self, ThetaFit, ThetafFit};

/// Decodes [`envelope::wrap`] output of any family, and the ARIMA-only format of earlier
/// versions (magic `LAGRSARM`). Anything else, or a model that fails its family's checks, is
/// an `InvalidArgument` error.
pub fn decode(bytes: &[u8]) -> CoreResult<Box<dyn FittedModel>> {
    decode_at(bytes, 0)
}

/// `depth`: how many combinations contain this model; bounded so crafted bytes cannot
/// recurse deeply.
fn decode_at(bytes: &[u8], depth: usize) -> CoreResult<Box<dyn FittedModel>> {
    if depth > MAX_NESTING {
        return invalid(format!("saved model is corrupt: models nested more than {MAX_NESTING} deep"));
    }
    let member = |inner: &[u8]| decode_at(inner, depth + 1);
    if !envelope::is_envelope(bytes) && bytes.starts_with(b"LAGRSARM") {
        return Ok(Box::new(ArimaFit::from_bytes(bytes)?));
    }
    let (code, payload) = envelope::open(bytes)?;
    Ok(match code {
        arima::CODE => Box::new(ArimaFit::from_bytes(payload)?),
        baseline::CODE => Box::new(BaselineFit::decode(payload)?),
        ets::CODE => Box::new(EtsModel::decode(payload)?),
        intermittent::CODE => Box::new(IntermittentFit::decode(payload)?),
        theta::CODE => Box::new(ThetaFit::decode(payload)?),
        theta::THETAF_CODE => Box::new(ThetafFit::decode(payload)?),
        // One transform around a family's model: a nested one is refused before it is
        // decoded, so crafted bytes cannot recurse deeply.
        transform::CODE => Box::new(Transformed::decode(payload, |inner| match envelope::open(inner)?.0 {
            transform::CODE => invalid("saved model is corrupt: a Box-Cox model inside another"),
            _ => decode_at(inner, depth),
        })?),
        COMBINATION_CODE => Box::new(Combination::decode(payload, &member)?),
        CONFORMAL_CODE => Box::new(ConformalFit::decode(payload, &member)?),
        other => return invalid(format!("saved model has an unknown family code {other}")),
    })
}
