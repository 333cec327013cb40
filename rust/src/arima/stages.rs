//! What the stages of a fit (`fit`, and the restarts of `restart`) share: the optimiser
//! settings of the CSS and ML stages, and the cancellation check after each optimisation.

use super::objective::Problem;
use crate::error::{CoreError, CoreResult};
use crate::numerics::optim::bfgs::BfgsOptions;

/// Options of the CSS stage: R's `optim` defaults (`vmmin`, central
/// differences with `ndeps = 1e-3`, `maxit = 100`). Exactly R's because R's
/// "CSS-ML" starts ML from the CSS estimates only when this search converged:
/// near a unit root, where CSS hardly determines the mean, R's search runs
/// out of iterations and ML starts from zero ARMA coefficients. A search that
/// stopped earlier (forward differences, no restart before stopping) started
/// ML at a near-unit-root point with the mean far off, where ML stayed.
pub(crate) const CSS_OPTIONS: BfgsOptions =
    BfgsOptions { max_iter: 100, reltol: 1.490_116_119_384_765_6e-8, abstol: 0.0, grad_step: 1e-3, forward_step: None, vmmin_restarts: true };

/// Options of the ML stage: tighter than R's default so the optimum is at
/// least as good as R's (and statsmodels'). Central differences throughout:
/// forward differences with a central polish saved few evaluations here and
/// left the optimum ~1e-9 lower.
pub(crate) const ML_OPTIONS: BfgsOptions = BfgsOptions { max_iter: 250, reltol: 1e-12, abstol: 0.0, grad_step: 1e-4, forward_step: None, vmmin_restarts: false };

/// `Err(Cancelled)` once the caller's flag is set.
pub(crate) fn check_cancel(prob: &Problem<'_>) -> CoreResult<()> {
    if prob.cancelled() {
        Err(CoreError::Cancelled)
    } else {
        Ok(())
    }
}
