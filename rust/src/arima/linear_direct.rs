//! The points of a grouped evaluation (`linear`) that are evaluated as they are, and what
//! lets `linear` skip the filter pass of a point the objective has just evaluated.

use super::css::css_value;
use super::css_models::{css_sums_many, Model};
use super::lane_rows::PackedSeries;
use super::linear::{value, Kind};
use super::objective::Problem;
use crate::numerics::bits::same_bits;

/// What the grouped evaluations keep between calls: the residual buffers of the last group
/// (their lengths set by the filters), and the fit's rotated regressors packed for the
/// side-by-side passes (they do not change during a fit, while a fit runs dozens of
/// grouped evaluations over all of them).
#[derive(Default)]
pub(crate) struct LinearScratch {
    pub(super) resid: Vec<Vec<f64>>,
    pub(super) packed: Option<PackedSeries>,
}

/// `rotated` packed (once, into `slot`) when `moved` is every one of its columns, in order.
pub(super) fn packed_columns<'s>(slot: &'s mut Option<PackedSeries>, rotated: &[Vec<f64>], moved: &[usize]) -> Option<&'s PackedSeries> {
    if moved.len() != rotated.len() || moved.iter().enumerate().any(|(a, &i)| a != i) {
        return None;
    }
    Some(slot.get_or_insert_with(|| PackedSeries::new(&rotated.iter().map(|c| c.as_slice()).collect::<Vec<_>>())))
}

/// What the objective found at the last point it evaluated on a complete series (the
/// likelihood's sums; the CSS sums, kept with their residuals in `CssScratch`): a gradient's
/// centre is the point the line search has just accepted, so the reference of its
/// regression points (the centre itself) need not be filtered again.
#[derive(Debug, Clone)]
pub(crate) struct LastPoint<T>(Option<(Vec<f64>, T)>);

impl<T> Default for LastPoint<T> {
    fn default() -> Self {
        LastPoint(None)
    }
}

impl<T: Copy> LastPoint<T> {
    pub(crate) fn remember(&mut self, raw: &[f64], found: Option<T>) {
        match found {
            Some(found) => {
                let mut kept = self.0.take().map(|k| k.0).unwrap_or_default();
                kept.clear();
                kept.extend_from_slice(raw);
                self.0 = Some((kept, found));
            }
            None => self.0 = None,
        }
    }

    /// What was found at `raw` (bit for bit) when it was the last point.
    pub(super) fn at(&self, raw: &[f64]) -> Option<T> {
        let (x, found) = self.0.as_ref()?;
        same_bits(x, raw).then_some(*found)
    }

    /// Nothing remembered: what was found no longer describes the last point.
    pub(super) fn forget(&mut self) {
        self.0 = None;
    }
}

/// The points `direct` evaluated as they are: those of the CSS objective that keep the
/// centre's regression coordinates (the steps in ARMA coordinates alone) side by side
/// through [`css_sums_many`], the same values as one by one; the others one by one.
pub(super) fn direct_values(prob: &mut Problem<'_>, kind: Kind, center: &[f64], points: &[Vec<f64>], direct: &[usize], out: &mut [f64]) {
    let narma = prob.narma;
    let mut batch = Vec::new();
    for &i in direct {
        let same_regression = same_bits(&points[i][narma..], &center[narma..]);
        if kind == Kind::Css && same_regression {
            batch.push(i);
        } else {
            out[i] = value(prob, kind, &points[i]);
        }
    }
    let (p, q) = (prob.phi.len(), prob.theta.len());
    if batch.len() < 2 || p + q == 0 || prob.cancelled() {
        for &i in &batch {
            out[i] = value(prob, kind, &points[i]);
        }
        return;
    }
    let mut polys = Vec::with_capacity(batch.len() * (p + q));
    for &i in &batch {
        prob.nat.copy_from_slice(&points[i]);
        prob.expand();
        polys.extend_from_slice(&prob.phi);
        polys.extend_from_slice(&prob.theta);
    }
    let models: Vec<Model<'_>> = polys.chunks_exact(p + q).map(|c| c.split_at(p)).collect();
    let w = prob.work.at_rotated(&prob.dx, &prob.reg.dcols, &prob.reg, &center[narma..], true);
    let mut sums = vec![(0.0, 0); batch.len()];
    css_sums_many(w, &models, prob.ar_degree, &mut sums, &mut prob.css.lanes);
    for (&i, &(ssq, nu)) in batch.iter().zip(&sums) {
        out[i] = css_value(ssq, nu);
    }
}
