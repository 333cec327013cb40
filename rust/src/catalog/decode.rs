//! A saved model of any family back from its bytes.

use crate::arima::{self, ArimaFit};
use crate::baseline::{self, BaselineFit};
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
            _ => decode(inner),
        })?),
        other => return invalid(format!("saved model has an unknown family code {other}")),
    })
}
