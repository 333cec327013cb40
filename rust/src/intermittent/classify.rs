//! Syntetos, Boylan and Croston's classification of demand patterns (Syntetos, Boylan and
//! Croston 2005, "On the categorization of demand patterns", JORS 56(5)), with their cut-off
//! values: the average inter-demand interval (ADI) against 1.32 and the squared coefficient
//! of variation of the non-zero demand sizes (CV²) against 0.49.
//!
//! | | CV² < 0.49 | CV² >= 0.49 |
//! |---|---|---|
//! | ADI < 1.32 | smooth | erratic |
//! | ADI >= 1.32 | intermittent | lumpy |
//!
//! ADI is the mean number of periods from one demand to the next, the first counted from the
//! start of the series (the intervals Croston's method smooths); CV² uses the sample variance
//! (n - 1) of the sizes and is 0 with fewer than two demands. A series without demand is a
//! class of its own.

use super::ses;
use crate::error::{invalid, CoreResult};

/// The ADI cut-off.
pub const ADI_CUTOFF: f64 = 1.32;
/// The CV² cut-off.
pub const CV2_CUTOFF: f64 = 0.49;

/// A demand pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemandClass {
    Smooth,
    Erratic,
    Intermittent,
    Lumpy,
    /// Every value is zero.
    NoDemand,
}

impl DemandClass {
    /// Whether the intermittent-demand methods suit the pattern: intermittent, lumpy, no demand.
    pub fn is_intermittent(&self) -> bool {
        matches!(self, DemandClass::Intermittent | DemandClass::Lumpy | DemandClass::NoDemand)
    }

    /// The lower-case name (`smooth`, `erratic`, `intermittent`, `lumpy`, `no_demand`).
    pub fn name(&self) -> &'static str {
        match self {
            DemandClass::Smooth => "smooth",
            DemandClass::Erratic => "erratic",
            DemandClass::Intermittent => "intermittent",
            DemandClass::Lumpy => "lumpy",
            DemandClass::NoDemand => "no_demand",
        }
    }
}

/// A series' demand statistics and class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Demand {
    /// Average inter-demand interval (NaN without demand).
    pub adi: f64,
    /// Squared coefficient of variation of the non-zero sizes (NaN without demand).
    pub cv2: f64,
    /// Number of periods with demand.
    pub demands: usize,
    pub class: DemandClass,
}

/// Classifies one series. Values must be present and >= 0 (demand); anything else is an
/// `InvalidArgument` naming the first offending value.
pub fn classify(y: &[f64]) -> CoreResult<Demand> {
    if y.is_empty() {
        return invalid("y is empty");
    }
    if let Some(i) = y.iter().position(|v| !(v.is_finite() && *v >= 0.0)) {
        return invalid(format!("y[{i}] = {}: demand classification needs values that are present, finite and >= 0", y[i]));
    }
    let sizes = ses::demand(y);
    if sizes.is_empty() {
        return Ok(Demand { adi: f64::NAN, cv2: f64::NAN, demands: 0, class: DemandClass::NoDemand });
    }
    let intervals = ses::intervals(y);
    let adi = intervals.iter().sum::<f64>() / intervals.len() as f64;
    let k = sizes.len() as f64;
    let mean = sizes.iter().sum::<f64>() / k;
    let cv2 = if sizes.len() < 2 {
        0.0
    } else {
        sizes.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / (k - 1.0) / (mean * mean)
    };
    let class = match (adi < ADI_CUTOFF, cv2 < CV2_CUTOFF) {
        (true, true) => DemandClass::Smooth,
        (true, false) => DemandClass::Erratic,
        (false, true) => DemandClass::Intermittent,
        (false, false) => DemandClass::Lumpy,
    };
    Ok(Demand { adi, cv2, demands: sizes.len(), class })
}

/// Classifies every series of a batch; each answer is its series' own, an error included.
pub fn classify_all(series: &[&[f64]]) -> Vec<CoreResult<Demand>> {
    series.iter().map(|y| classify(y)).collect()
}
