//! Starts along the MA unit circle. Where an ML end point has an MA root on the unit circle
//! the likelihood's optimum in that block is a supremum on the boundary of the invertible
//! region, and along the circle (the angle of a root pair) the likelihood can have several
//! such suprema: an ARIMA(3,0,2) of the comparison set has them at four angles, 2.7
//! log-likelihood units apart, and which one the search reaches depends on where it
//! started. The angle is one real coordinate, so the scan is a fixed grid of it: the two
//! roots of the block nearest the circle are replaced by a conjugate pair just outside it
//! at each angle of the grid, the rest of the end point kept, and ML restarted from each
//! with the MA part kept invertible (`ls_start`'s coordinates): there the pair cannot cross
//! the circle, so the search moves along it to a supremum near the start's angle. In lagrs'
//! coordinates (MA coefficients free) it crosses, and where it ends bore no relation to the
//! start's angle on the comparison set.

use super::roots::{lag_polynomial_roots, Complex};
use super::transform::{lag_coefficients, undo_pars, Layout};

/// An MA root of modulus below `1 + ON_CIRCLE` (MA part made invertible) counts as on the
/// unit circle, as for `restart`'s boundary restarts.
const ON_CIRCLE: f64 = 1e-3;

/// Modulus of the started root pair: just outside the circle, so that the start is
/// invertible and its likelihood smooth, and close enough to it that the search stays in
/// that angle's basin.
const START_MODULUS: f64 = 1.02;

/// The angles of the started pairs, in degrees: the midpoints of six equal sectors of the
/// upper half plane (the conjugate root covers the lower one). Real roots (0 and 180
/// degrees) are left out: a pair there is two real roots, the end point's own kind.
const ANGLES: [f64; 6] = [15.0, 45.0, 75.0, 105.0, 135.0, 165.0];

/// The scan's starts from the end point `end` (optimizer coordinates, MA blocks
/// invertible): for each MA block with at least two coefficients and a root on the unit
/// circle, one start per angle of [`ANGLES`]. None when no block has such a root.
pub(crate) fn circle_starts(layout: &Layout, end: &[f64]) -> Vec<Vec<f64>> {
    let mut starts = Vec::new();
    for block in [layout.ma(), layout.sma()] {
        if block.len() < 2 {
            continue;
        }
        let roots = lag_polynomial_roots(&end[block.clone()], 1.0);
        if roots.iter().any(|r| !r.abs().is_finite()) {
            continue;
        }
        let Some((first, second)) = pair_on_circle(&roots) else { continue };
        for degrees in ANGLES {
            let angle = degrees.to_radians();
            let pair = Complex::new(START_MODULUS * angle.cos(), START_MODULUS * angle.sin());
            let mut replaced = roots.clone();
            replaced[first] = pair;
            replaced[second] = Complex::new(pair.re, -pair.im);
            let mut start = end.to_vec();
            start[block.clone()].copy_from_slice(&lag_coefficients(&replaced, block.len()));
            starts.push(start);
        }
    }
    starts
}

/// The indices of the two roots the scan replaces: the root nearest the unit circle, when it
/// is on it, and its conjugate or, for a real root, the other real root nearest the circle
/// (so that the rest stay real or in conjugate pairs). None when no root is on the circle or
/// a real root on it has no real partner.
fn pair_on_circle(roots: &[Complex]) -> Option<(usize, usize)> {
    let first = argmin(0..roots.len(), |i| roots[i].abs())?;
    let r = roots[first];
    if !(r.abs() < 1.0 + ON_CIRCLE) {
        return None;
    }
    let is_real = |z: Complex| z.im.abs() <= REAL_TOLERANCE * z.abs();
    let others = (0..roots.len()).filter(|&i| i != first);
    let second = if is_real(r) {
        argmin(others.filter(|&i| is_real(roots[i])), |i| roots[i].abs())?
    } else {
        let conjugate = Complex::new(r.re, -r.im);
        argmin(others, |i| roots[i].sub(conjugate).abs())?
    };
    Some((first, second))
}

/// The index of `indices` with the smallest `key`.
fn argmin(indices: impl Iterator<Item = usize>, key: impl Fn(usize) -> f64) -> Option<usize> {
    indices.min_by(|&a, &b| key(a).total_cmp(&key(b)))
}

/// A root whose imaginary part is below this share of its modulus is real (the root finder
/// leaves rounding-level imaginary parts on real roots).
const REAL_TOLERANCE: f64 = 1e-9;

/// True when the end point `raw` (optimizer coordinates) of a scan's start may replace the
/// fit's: every AR and seasonal AR root off the unit circle by [`ON_CIRCLE`] at least. On the
/// comparison set the scan also reached end points with an AR root within 2e-6 to 2e-4 of
/// the circle (a unit root, or one next to -1) whose reported likelihood was 0.6 to 30 units
/// above the exact one (checked in 60-digit arithmetic): there the stationary covariance
/// of the filter's start is too ill-conditioned for double precision to rank optima.
pub(crate) fn ar_off_circle(layout: &Layout, raw: &[f64]) -> bool {
    let mut coef = vec![0.0; raw.len()];
    undo_pars(layout, raw, &mut coef);
    [layout.ar(), layout.sar()].into_iter().all(|block| {
        lag_polynomial_roots(&coef[block], -1.0).iter().all(|r| r.abs() >= 1.0 + ON_CIRCLE)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARMA12: Layout = Layout { p: 1, q: 2, sp: 0, sq: 0 };

    #[test]
    fn an_ma_root_on_the_circle_gives_one_start_per_angle() {
        // MA (1 - B)(1 + 0.3 B) = 1 - 0.7 B - 0.3 B^2: a root at 1.
        let end = [0.4, -0.7, -0.3, 5.0];
        let starts = circle_starts(&ARMA12, &end);
        assert_eq!(starts.len(), ANGLES.len());
        for (start, degrees) in starts.iter().zip(ANGLES) {
            assert!(start[0] == 0.4 && start[3] == 5.0, "{start:?}");
            let roots = lag_polynomial_roots(&start[1..3], 1.0);
            for r in roots {
                assert!((r.abs() - START_MODULUS).abs() < 1e-12, "{r:?}");
                assert!((r.im.abs().atan2(r.re).to_degrees() - degrees).abs() < 1e-9, "{r:?} {degrees}");
            }
        }
    }

    #[test]
    fn no_start_without_a_root_on_the_circle_or_a_pair_to_place() {
        // Roots 1/0.5 and -1/0.3 (1 - 0.2 B - 0.15 B^2), well outside the circle.
        assert!(circle_starts(&ARMA12, &[0.4, -0.2, -0.15, 5.0]).is_empty());
        // One MA coefficient at -1: a root on the circle, but no angle to scan.
        assert!(circle_starts(&Layout { p: 1, q: 1, sp: 0, sq: 0 }, &[0.4, -1.0, 5.0]).is_empty());
    }

    #[test]
    fn an_end_point_with_an_ar_root_on_the_circle_does_not_count() {
        // AR(2) with partial autocorrelations tanh(u): roots of 1 - phi1 B - phi2 B^2.
        let layout = Layout { p: 2, q: 2, sp: 0, sq: 0 };
        let at = |pacf: [f64; 2]| [pacf[0].atanh(), pacf[1].atanh(), -1.5, 0.9, 1.0];
        assert!(ar_off_circle(&layout, &at([0.5, -0.3])));
        // A real root at 1 / 0.9999 (AR(1) part 0.9999, second partial autocorrelation 0).
        assert!(!ar_off_circle(&layout, &at([0.9999, 0.0])));
        // A complex pair of modulus 1 / sqrt(0.99999): phi2 = -0.99999.
        assert!(!ar_off_circle(&layout, &at([0.5, -0.99999])));
        // Seasonal AR root at 1 / 0.9995; modulus 1 / 0.998 = 1.002 is off the circle.
        let seasonal = Layout { p: 0, q: 2, sp: 1, sq: 0 };
        assert!(!ar_off_circle(&seasonal, &[-1.5, 0.9, 0.9995f64.atanh(), 1.0]));
        assert!(ar_off_circle(&seasonal, &[-1.5, 0.9, 0.998f64.atanh(), 1.0]));
    }

    #[test]
    fn a_real_root_on_the_circle_pairs_with_a_real_root_and_a_complex_one_with_its_conjugate() {
        let real = |x: f64| Complex::new(x, 0.0);
        // A real root at -1, a complex pair at modulus 1.5, a real root at 3.
        let roots = [Complex::new(0.0, 1.5), real(-1.0), Complex::new(0.0, -1.5), real(3.0)];
        assert_eq!(pair_on_circle(&roots), Some((1, 3)));
        // A pair on the circle and a real root.
        let roots = [real(2.0), Complex::new(0.6, -0.8), Complex::new(0.6, 0.8)];
        let (a, b) = pair_on_circle(&roots).expect("a pair on the circle");
        assert!((a, b) == (1, 2) || (a, b) == (2, 1), "{a} {b}");
        // A real root on the circle with only a complex pair beside it: no start.
        assert_eq!(pair_on_circle(&[real(1.0), Complex::new(0.0, 1.5), Complex::new(0.0, -1.5)]), None);
        assert_eq!(pair_on_circle(&[real(1.5), real(-2.0)]), None);
    }

    #[test]
    fn other_roots_are_kept() {
        // MA(3): (1 - B)(1 + 0.3 B)(1 - 0.5 B); the two roots nearest the circle are 1 and 2.
        let layout = Layout { p: 0, q: 3, sp: 0, sq: 0 };
        let c = lag_coefficients(&[Complex::new(1.0, 0.0), Complex::new(-1.0 / 0.3, 0.0), Complex::new(2.0, 0.0)], 3);
        let starts = circle_starts(&layout, &c);
        let mut moduli: Vec<f64> = lag_polynomial_roots(&starts[0], 1.0).iter().map(|r| r.abs()).collect();
        moduli.sort_by(f64::total_cmp);
        assert!((moduli[2] - 1.0 / 0.3).abs() < 1e-9 && (moduli[0] - START_MODULUS).abs() < 1e-9, "{moduli:?}");
    }
}
