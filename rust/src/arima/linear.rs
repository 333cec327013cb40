//! The fit's objectives at many points around one centre, through their linearity in the
//! regression coefficients. For fixed ARMA coefficients the CSS residuals and the Kalman
//! innovations are linear in the regression-adjusted series `dx - X gamma` (X the
//! differenced regressors in the optimizer's rotated coordinates), so with `e` the
//! residuals at a reference `gamma_0` and `F_i` those of column `X_i` alone,
//!
//! `ssq(gamma_0 + delta) = ssq_0 - 2 sum_i delta_i <e, F_i> + sum_ij delta_i delta_j <F_i, F_j>`,
//!
//! while the likelihood's log-variance sum does not depend on `gamma` at all. A numerical
//! Hessian takes most of its `4 k^2` points in groups sharing their ARMA coordinates (all
//! of them when both steps are regression ones); each such group then costs one filter
//! pass per regression coordinate it moves instead of one regression adjustment and
//! filter pass per point (with 16 regressors, ~1000 passes become ~20 per Hessian). The
//! values are the direct ones up to rounding: the sums are taken in another order.
//! Series with missing values are evaluated point by point, and so are models whose
//! regression is at most an intercept and a drift (every model without the caller's
//! regressors): there the saving is small, and those fits stay what they were to the bit.

use super::css::css_value;
use super::css_lanes::css_residuals_many;
use super::lane_rows::{LaneIn, LaneOut, PackedSeries};
use super::linear_direct::{direct_values, packed_columns};
use super::kalman::LikSums;
use super::objective::Problem;
use super::transform::undo_pars;
use crate::numerics::objective::Objective;

/// R's `armaCSS` ([`Problem::css`]) as an [`Objective`].
pub(crate) struct Css<'p, 'a>(pub(crate) &'p mut Problem<'a>);

/// R's `armafn` ([`Problem::ml`]) as an [`Objective`].
pub(crate) struct Ml<'p, 'a>(pub(crate) &'p mut Problem<'a>);

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Css,
    Ml,
}

impl Objective for Css<'_, '_> {
    fn value(&mut self, x: &[f64]) -> f64 {
        self.0.css(x)
    }

    fn values_near(&mut self, center: &[f64], points: &[Vec<f64>]) -> Vec<f64> {
        values_near(self.0, Kind::Css, center, points)
    }
}

impl Objective for Ml<'_, '_> {
    fn value(&mut self, x: &[f64]) -> f64 {
        self.0.ml(x)
    }

    fn values_near(&mut self, center: &[f64], points: &[Vec<f64>]) -> Vec<f64> {
        values_near(self.0, Kind::Ml, center, points)
    }
}

pub(super) fn value(prob: &mut Problem<'_>, kind: Kind, x: &[f64]) -> f64 {
    match kind {
        Kind::Css => prob.css(x),
        Kind::Ml => prob.ml(x),
    }
}

/// The points grouped by their ARMA coordinates (bit for bit), each group through
/// [`linear_values`] where that is cheaper than point by point.
fn values_near(prob: &mut Problem<'_>, kind: Kind, center: &[f64], points: &[Vec<f64>]) -> Vec<f64> {
    if !prob.complete || prob.reg.k() <= 2 {
        return points.iter().map(|p| value(prob, kind, p)).collect();
    }
    let narma = prob.narma;
    let mut out = vec![f64::NAN; points.len()];
    // Groups as runs of equal ARMA parts (bit for bit) once sorted, each group's points in
    // their order. The order of the groups changes no value.
    let bits: Vec<u64> = points.iter().flat_map(|p| p[..narma].iter().map(|v| v.to_bits())).collect();
    let key = |i: usize| &bits[i * narma..(i + 1) * narma];
    // Most points keep the centre's ARMA part (they move regression coordinates only):
    // those in their order, placed among the others sorted (ties broken by position).
    let centre: Vec<u64> = center[..narma].iter().map(|v| v.to_bits()).collect();
    let (same, mut order): (Vec<usize>, Vec<usize>) = (0..points.len()).partition(|&i| key(i) == centre.as_slice());
    order.sort_unstable_by(|&a, &b| key(a).cmp(key(b)).then(a.cmp(&b)));
    let at = order.partition_point(|&i| key(i) < centre.as_slice());
    order.splice(at..at, same);
    let mut group = Vec::new();
    let mut direct = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && key(order[end]) == key(order[start]) {
            end += 1;
        }
        group.clear();
        group.extend_from_slice(&order[start..end]);
        if !linear_values(prob, kind, center, points, &group, &mut out) {
            direct.extend_from_slice(&group);
        }
        start = end;
    }
    direct_values(prob, kind, center, points, &direct, &mut out);
    out
}

/// Dot product in four partial sums (one AVX register where the processor has AVX: the
/// same sums, each by the same operations in the same order).
pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the processor has AVX (checked just above).
        return unsafe { dot_avx(a, b) };
    }
    dot_sums(a, b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn dot_avx(a: &[f64], b: &[f64]) -> f64 {
    dot_sums(a, b)
}

#[inline(always)]
fn dot_sums(a: &[f64], b: &[f64]) -> f64 {
    let mut acc = [0.0; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for j in 0..4 {
            acc[j] += x[j] * y[j];
        }
    }
    let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

/// Fills `out` at the points `group` (one ARMA part) from the residuals of the reference
/// point (that ARMA part, `center`'s regression coordinates) and of the regressors the
/// group moves. False, leaving `out` alone, where the group is too small to gain or the
/// model has no value at the reference (then every point is evaluated directly).
fn linear_values(prob: &mut Problem<'_>, kind: Kind, center: &[f64], points: &[Vec<f64>], group: &[usize], out: &mut [f64]) -> bool {
    let narma = prob.narma;
    let moved: Vec<usize> =
        (0..prob.reg.k()).filter(|&i| group.iter().any(|&p| points[p][narma + i] != center[narma + i])).collect();
    // One filter pass per moved regressor and one for the reference, against one pass
    // and one adjustment per point.
    if moved.is_empty() || group.len() <= moved.len() + 1 || prob.cancelled() {
        return false;
    }
    let mut reference = points[group[0]].clone();
    reference[narma..].copy_from_slice(&center[narma..]);
    let beta = prob.beta(&reference);
    // A gradient's points move one coordinate each: only the sums b and diag of the
    // module's formula are needed, taken without unpacking the residuals.
    let single = group.iter().all(|&p| moved.iter().filter(|&&i| points[p][narma + i] != center[narma + i]).count() <= 1);
    let mut scratch = std::mem::take(&mut prob.linear_scratch);
    let kept = if single { 1 } else { moved.len() + 1 };
    if scratch.resid.len() < kept {
        scratch.resid.resize_with(kept, Vec::new);
    }
    let (mut b, mut diag) = (vec![0.0; moved.len()], vec![0.0; moved.len()]);
    let sums = Sums { b: &mut b, diag: &mut diag, single };
    let packed = packed_columns(&mut scratch.packed, &prob.rotated, &moved);
    let resid = &mut scratch.resid[..kept];
    let done = sums_and_residuals(prob, kind, &reference, &beta, (&moved, packed), resid, sums);
    let dots = Dots { resid, b: &b, diag: &diag };
    let result = done.map(|(ssq0, nu, sumlog)| fill(kind, center, points, group, &moved, narma, &dots, ssq0, nu, sumlog, out));
    prob.linear_scratch = scratch;
    result.unwrap_or(false)
}

/// Where [`sums_and_residuals`] puts the cross sums `b` and the sums of squares `diag` of
/// the moved regressors' residuals, and whether it keeps only those (`single`).
struct Sums<'s> {
    b: &'s mut [f64],
    diag: &'s mut [f64],
    single: bool,
}

impl Sums<'_> {
    /// `b` and `diag` from unpacked residuals (the reference's first).
    fn from_residuals(&mut self, resid: &[Vec<f64>]) {
        for a in 0..self.b.len() {
            self.b[a] = dot(&resid[0], &resid[a + 1]);
            self.diag[a] = dot(&resid[a + 1], &resid[a + 1]);
        }
    }
}

/// What [`fill`] reads: the sums, and the residuals for the other products (when kept).
struct Dots<'d> {
    resid: &'d [Vec<f64>],
    b: &'d [f64],
    diag: &'d [f64],
}

/// The reference point's sums `(ssq, nu, sumlog)`, its residuals in `resid[0]` and those
/// of the moved regressors after them (the rotated columns `moved.0`, or all of them packed
/// beforehand in `moved.1`); `None` where the model has no value there.
fn sums_and_residuals(
    prob: &mut Problem<'_>,
    kind: Kind,
    reference: &[f64],
    beta: &[f64],
    moved: (&[usize], Option<&PackedSeries>),
    resid: &mut [Vec<f64>],
    mut sums_out: Sums<'_>,
) -> Option<(f64, usize, f64)> {
    match kind {
        Kind::Css => {
            prob.nat.copy_from_slice(reference);
            prob.expand();
            let w = prob.work.at(&prob.dx, &prob.reg.dcols, beta, true);
            let (ssq, nu, kept) = prob.css.sums_at(reference, w, &prob.phi, &prob.theta, prob.ar_degree);
            resid[0].clear();
            resid[0].extend_from_slice(kept);
            let cols = moved_columns(&prob.rotated, moved);
            let input = moved.1.map_or(LaneIn::Series(&cols), LaneIn::Packed);
            let (phi, theta, ncond, buf) = (&prob.phi, &prob.theta, prob.ar_degree, &mut prob.css.lanes);
            if sums_out.single {
                let out = LaneOut::Dots { reference: &resid[0], b: &mut *sums_out.b, diag: &mut *sums_out.diag };
                css_residuals_many(input, phi, theta, ncond, out, buf);
            } else {
                css_residuals_many(input, phi, theta, ncond, LaneOut::Residuals(&mut resid[1..]), buf);
                sums_out.from_residuals(resid);
            }
            Some((ssq, nu, 0.0))
        }
        Kind::Ml => {
            undo_pars(&prob.layout, reference, &mut prob.nat);
            if prob.nat.iter().any(|v| !v.is_finite()) {
                return None;
            }
            prob.expand();
            let w = prob.work.at(&prob.dx, &prob.reg.dcols, beta, true);
            let sums = match prob.last_sums.at(reference) {
                Some(sums) => sums,
                None => prob.ws.loglik(&prob.phi, &prob.theta, w)?,
            };
            let done = if sums_out.single {
                let cols = moved_columns(&prob.rotated, moved);
                let input = moved.1.map_or(LaneIn::Series(&cols), LaneIn::Packed);
                prob.ws.innovation_dots(&prob.phi, &prob.theta, w, input, &mut resid[0], sums_out.b, sums_out.diag)
            } else {
                let mut series: Vec<&[f64]> = vec![w];
                series.extend(moved.0.iter().map(|&i| prob.rotated[i].as_slice()));
                let done = prob.ws.standardized_innovations(&prob.phi, &prob.theta, &series, resid);
                if done {
                    sums_out.from_residuals(resid);
                }
                done
            };
            done.then_some((sums.ssq, sums.nu, sums.sumlog))
        }
    }
}

/// The moved rotated columns as vectors, where they are not packed (no allocation where they are).
fn moved_columns<'r>(rotated: &'r [Vec<f64>], moved: (&[usize], Option<&PackedSeries>)) -> Vec<&'r [f64]> {
    match moved.1 {
        Some(_) => Vec::new(),
        None => moved.0.iter().map(|&i| rotated[i].as_slice()).collect(),
    }
}

/// The group's values from the reference's sums and the residuals (see the module's
/// formula); false, leaving `out` alone, where the reference has no value.
#[allow(clippy::too_many_arguments)]
fn fill(
    kind: Kind,
    center: &[f64],
    points: &[Vec<f64>],
    group: &[usize],
    moved: &[usize],
    narma: usize,
    dots: &Dots<'_>,
    ssq0: f64,
    nu: usize,
    sumlog: f64,
    out: &mut [f64],
) -> bool {
    if !ssq0.is_finite() || nu == 0 {
        return false;
    }
    let m = moved.len();
    let (b, resid) = (dots.b, dots.resid);
    let mut gram = vec![f64::NAN; m * m];
    for (a, &d) in dots.diag.iter().enumerate() {
        gram[a * m + a] = d;
    }
    let mut deltas: Vec<(usize, f64)> = Vec::with_capacity(m);
    for &p in group {
        deltas.clear();
        for (a, &i) in moved.iter().enumerate() {
            let d = points[p][narma + i] - center[narma + i];
            if d != 0.0 {
                deltas.push((a, d));
            }
        }
        let mut ssq = ssq0;
        for &(a, da) in &deltas {
            ssq -= 2.0 * da * b[a];
            for &(c, dc) in &deltas {
                if gram[a * m + c].is_nan() {
                    let g = dot(&resid[a + 1], &resid[c + 1]);
                    gram[a * m + c] = g;
                    gram[c * m + a] = g;
                }
                ssq += da * dc * gram[a * m + c];
            }
        }
        out[p] = match kind {
            Kind::Css => css_value(ssq, nu),
            Kind::Ml => LikSums { ssq, sumlog, nu, ..LikSums::default() }.objective(),
        };
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arima::objective::setup_xreg;
    use crate::arima::{ArimaSpec, Regressors};

    /// A series on three regressors with AR(1) errors, and its regressors.
    fn data() -> (Vec<f64>, Regressors) {
        let n = 160;
        let cols: Vec<Vec<f64>> = vec![
            (0..n).map(|t| ((t % 7) == 0) as u8 as f64).collect(),
            (0..n).map(|t| (t as f64 * 0.3).sin()).collect(),
            (0..n).map(|t| (t as f64 * 0.05).cos() * 2.0).collect(),
        ];
        let mut e = 0.0;
        let y = (0..n)
            .map(|t| {
                e = 0.6 * e + ((t * 7919 % 113) as f64 / 113.0 - 0.5);
                10.0 + 3.0 * cols[0][t] - 2.0 * cols[1][t] + cols[2][t] + e
            })
            .collect();
        (y, Regressors::new(vec!["a".into(), "b".into(), "c".into()], cols).expect("regressors"))
    }

    #[test]
    fn grouped_values_equal_direct_ones_to_rounding() {
        let (y, xreg) = data();
        for (d, mean) in [(0, true), (1, false)] {
            let spec = ArimaSpec { p: 1, d, q: 1, seasonal_p: 0, seasonal_d: 0, seasonal_q: 0, period: 1, include_mean: mean, include_drift: false };
            let setup = setup_xreg(&spec, &y, &xreg, None).expect("setup");
            let mut prob = setup.prob;
            let mut center = setup.init.clone();
            center[0] = 0.4;
            center[1] = -0.2;
            let mut points = Vec::new();
            for i in 0..center.len() {
                for j in 0..center.len() {
                    for (di, dj) in [(1e-3, 2e-3), (-1e-3, 2e-3), (1e-3, -5e-4), (-2e-3, -1e-3)] {
                        let mut p = center.clone();
                        p[i] += di;
                        p[j] += dj;
                        points.push(p);
                    }
                }
            }
            // A central gradient's points: one coordinate each (the sums without residuals).
            for i in 0..center.len() {
                for step in [1e-3, -1e-3] {
                    let mut p = center.clone();
                    p[i] += step;
                    points.push(p);
                }
            }
            for kind in [Kind::Css, Kind::Ml] {
                let grouped = values_near(&mut prob, kind, &center, &points[points.len() - 2 * center.len()..]);
                for (p, g) in points[points.len() - 2 * center.len()..].iter().zip(&grouped) {
                    let direct = value(&mut prob, kind, p);
                    assert!((g - direct).abs() <= 1e-12 * (1.0 + direct.abs()), "d = {d}: {g} vs {direct} at {p:?}");
                }
                let grouped = values_near(&mut prob, kind, &center, &points);
                for (p, g) in points.iter().zip(&grouped) {
                    let direct = value(&mut prob, kind, p);
                    assert!((g - direct).abs() <= 1e-12 * (1.0 + direct.abs()), "d = {d}: {g} vs {direct} at {p:?}");
                }
            }
        }
    }
}
