//! The CSS residuals (`css`) of several complete series under one ARMA model, side by
//! side: what `arima::linear` needs for the regressors of a group of points.

use super::lane_rows::{blocks, row, LaneIn, LaneOut};

/// The CSS residuals of several complete series of one length (as `CssScratch::sums_at`
/// leaves them: zero before `ncond`) into `out`. The MA recursion of one series waits on
/// its previous residual, so the series are filtered side by side, up to sixteen at a
/// time (four AVX registers a row) where the processor has AVX. Each residual is computed
/// by the operations of `css_sums_complete` in its order, never fused, whatever the
/// number of series beside it: the same bits on every path.
/// `buf` is scratch space, kept between calls.
pub(crate) fn css_residuals_many(series: LaneIn<'_>, phi: &[f64], theta: &[f64], ncond: usize, mut out: LaneOut<'_>, buf: &mut Vec<f64>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the processor has AVX (checked just above).
        unsafe { residuals_many_avx(series, phi, theta, ncond, &mut out, buf) };
        return;
    }
    residuals_many(series, phi, theta, ncond, &mut out, buf);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn residuals_many_avx(series: LaneIn<'_>, phi: &[f64], theta: &[f64], ncond: usize, out: &mut LaneOut<'_>, buf: &mut Vec<f64>) {
    residuals_many(series, phi, theta, ncond, out, buf);
}

#[inline(always)]
fn residuals_many(series: LaneIn<'_>, phi: &[f64], theta: &[f64], ncond: usize, out: &mut LaneOut<'_>, buf: &mut Vec<f64>) {
    let n = series.n();
    let nonzero = |c: &[f64]| -> Vec<(usize, f64)> { c.iter().enumerate().filter(|(_, c)| **c != 0.0).map(|(j, &c)| (j + 1, c)).collect() };
    let (ar, ma) = (nonzero(phi), nonzero(theta));
    for (index, (first, end, lanes)) in blocks(series.count()).enumerate() {
        let (w, e) = match lanes {
            16 => series.block_rows::<16>(index, first, end, buf),
            8 => series.block_rows::<8>(index, first, end, buf),
            _ => series.block_rows::<4>(index, first, end, buf),
        };
        match lanes {
            16 => residual_block::<16>(w, e, &ar, &ma, n, ncond, out, first, end),
            8 => residual_block::<8>(w, e, &ar, &ma, n, ncond, out, first, end),
            _ => residual_block::<4>(w, e, &ar, &ma, n, ncond, out, first, end),
        }
    }
}

/// The series `first..end` of [`residuals_many`] side by side: `w` holds their rows, `e`
/// receives the residuals' (`[l * L + c]`: time l of the c-th series).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn residual_block<const L: usize>(
    w: &[f64],
    e: &mut [f64],
    ar: &[(usize, f64)],
    ma: &[(usize, f64)],
    n: usize,
    ncond: usize,
    out: &mut LaneOut<'_>,
    first: usize,
    end: usize,
) {
    // The residuals before ncond are zero, as in `css_sums_complete`; every later one is
    // written below.
    e[..ncond.min(n) * L].fill(0.0);
    // Pre-sample residuals (before ncond) are zero, as in `css_sums_complete`: lags
    // reaching back before ncond contribute nothing until `warm`.
    let warm = (ncond + ma.last().map_or(0, |m| m.0)).min(n);
    for l in ncond..n {
        let mut acc = row::<L>(w, l);
        for &(lag, coef) in ar {
            let past = row::<L>(w, l - lag);
            for c in 0..L {
                acc[c] -= coef * past[c];
            }
        }
        if l < warm {
            for &(lag, coef) in ma {
                if lag <= l && l - lag >= ncond {
                    let past = row::<L>(e, l - lag);
                    for c in 0..L {
                        acc[c] -= coef * past[c];
                    }
                }
            }
        } else {
            for &(lag, coef) in ma {
                let past = row::<L>(e, l - lag);
                for c in 0..L {
                    acc[c] -= coef * past[c];
                }
            }
        }
        e[l * L..(l + 1) * L].copy_from_slice(&acc);
    }
    out.write::<L>(first, end, e, n);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arima::css::{css_sums_kept, CssScratch};
    use crate::arima::lane_rows::PackedSeries;

    #[test]
    fn many_series_residuals_match_one_by_one() {
        let w: Vec<Vec<f64>> =
            (0..6).map(|k| (0..150).map(|t| ((t * (31 + k) % 97) as f64 / 13.0).sin() + 0.01 * (t * k) as f64).collect()).collect();
        let refs: Vec<&[f64]> = w.iter().map(|v| v.as_slice()).collect();
        let mut theta = [0.0; 13];
        theta[0] = 0.4;
        theta[11] = -0.6;
        theta[12] = -0.24;
        for (phi, theta, ncond) in [(&[0.5, -0.2][..], &theta[..], 2), (&[][..], &theta[..1], 0), (&[0.3][..], &[][..], 1)] {
            let mut out = vec![Vec::new(); w.len()];
            css_residuals_many(LaneIn::Series(&refs), phi, theta, ncond, LaneOut::Residuals(&mut out), &mut Vec::new());
            for (series, got) in w.iter().zip(&out) {
                let mut sc = CssScratch::default();
                let (_, _, want) = css_sums_kept(series, phi, theta, ncond, &mut sc);
                for (g, x) in got.iter().zip(want) {
                    assert!((g - x).abs() <= 1e-12 * (1.0 + x.abs()), "{g} vs {x}");
                }
            }
        }
    }

    #[test]
    fn dots_are_the_residuals_summed_bit_for_bit() {
        use crate::arima::linear::dot;
        let w: Vec<Vec<f64>> = (0..19).map(|k| (0..91).map(|t| ((t * (5 + k) % 37) as f64 / 7.0).sin() * (1.0 + k as f64)).collect()).collect();
        let refs: Vec<&[f64]> = w.iter().map(|v| v.as_slice()).collect();
        let reference: Vec<f64> = (0..91).map(|t| (t as f64 * 0.3).cos()).collect();
        let (phi, theta) = ([0.5, 0.0, -0.2], [0.4, 0.0, 0.0, -0.3]);
        for count in [19, 11, 6, 3] {
            let mut resid = vec![Vec::new(); count];
            css_residuals_many(LaneIn::Series(&refs[..count]), &phi, &theta, 3, LaneOut::Residuals(&mut resid), &mut Vec::new());
            let (mut b, mut diag) = (vec![f64::NAN; count], vec![f64::NAN; count]);
            let out = LaneOut::Dots { reference: &reference, b: &mut b, diag: &mut diag };
            css_residuals_many(LaneIn::Series(&refs[..count]), &phi, &theta, 3, out, &mut Vec::new());
            for (i, r) in resid.iter().enumerate() {
                assert_eq!(b[i].to_bits(), dot(&reference, r).to_bits(), "{count} series, b[{i}]");
                assert_eq!(diag[i].to_bits(), dot(r, r).to_bits(), "{count} series, diag[{i}]");
            }
        }
    }

    #[test]
    fn many_series_residuals_do_not_depend_on_the_series_beside_them() {
        // Blocks of 16, 8 and 4 series: each series' residuals to the bit as alone.
        let w: Vec<Vec<f64>> = (0..19).map(|k| (0..90).map(|t| ((t * (7 + k) % 41) as f64 / 5.0).cos() * (1.0 + k as f64)).collect()).collect();
        let refs: Vec<&[f64]> = w.iter().map(|v| v.as_slice()).collect();
        let (phi, theta) = ([0.5, 0.0, -0.2], [0.4, 0.0, 0.0, -0.3]);
        for count in [19, 11, 6, 3] {
            let mut many = vec![Vec::new(); count];
            css_residuals_many(LaneIn::Series(&refs[..count]), &phi, &theta, 3, LaneOut::Residuals(&mut many), &mut vec![f64::NAN; 5000]);
            // Packed once beforehand: the same bits.
            let packed = PackedSeries::new(&refs[..count]);
            let mut from_packed = vec![Vec::new(); count];
            css_residuals_many(LaneIn::Packed(&packed), &phi, &theta, 3, LaneOut::Residuals(&mut from_packed), &mut vec![f64::NAN; 5000]);
            assert_eq!(from_packed, many, "{count} series, packed");
            for (series, got) in refs.iter().zip(&many) {
                let mut alone = vec![Vec::new()];
                css_residuals_many(LaneIn::Series(&[series]), &phi, &theta, 3, LaneOut::Residuals(&mut alone), &mut Vec::new());
                assert!(got.iter().zip(&alone[0]).all(|(a, b)| a.to_bits() == b.to_bits()), "{count} series");
            }
        }
    }
}
