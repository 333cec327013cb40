//! Singular value decomposition of a tall matrix given by its columns, by one-sided
//! (Hestenes) Jacobi rotations: accurate singular values down to the rounding level of the
//! largest (what a rank check on `svd(X)$d` needs) and the right singular vectors (what R's
//! `arima` rotates a multi-column `xreg` by). For the few columns of a regression only.

/// Most sweeps; each sweep rotates every pair of columns once. Convergence is quadratic,
/// a handful of sweeps is typical.
const MAX_SWEEPS: usize = 60;

/// Right singular vectors and singular values of the matrix whose columns are `cols`
/// (all of one length), largest singular value first: `(v, d)` with `v[j][i]` the j-th
/// component of the i-th right singular vector. Zero columns give zero singular values.
pub(crate) fn svd_right(cols: &[Vec<f64>]) -> (Vec<Vec<f64>>, Vec<f64>) {
    let k = cols.len();
    let mut u: Vec<Vec<f64>> = cols.to_vec();
    let mut v: Vec<Vec<f64>> = (0..k).map(|j| (0..k).map(|i| if i == j { 1.0 } else { 0.0 }).collect()).collect();
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    for _ in 0..MAX_SWEEPS {
        let mut rotated = false;
        for i in 0..k {
            for j in i + 1..k {
                let (a, b, c) = three_dots(&u[i], &u[j]);
                if c == 0.0 || c.abs() <= f64::EPSILON * (a * b).sqrt() {
                    continue;
                }
                rotated = true;
                // The rotation that makes columns i and j orthogonal (Rutishauser's form,
                // the smaller of the two angles).
                let zeta = (b - a) / (2.0 * c);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let t = if zeta == 0.0 { 1.0 } else { t };
                let cs = 1.0 / (1.0 + t * t).sqrt();
                let sn = cs * t;
                for m in [&mut u, &mut v] {
                    let (lo, hi) = m.split_at_mut(j);
                    for (x, y) in lo[i].iter_mut().zip(hi[0].iter_mut()) {
                        let (xi, yj) = (*x, *y);
                        *x = cs * xi - sn * yj;
                        *y = sn * xi + cs * yj;
                    }
                }
            }
        }
        if !rotated {
            break;
        }
    }
    let d: Vec<f64> = u.iter().map(|c| dot(c, c).sqrt()).collect();
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&x, &y| d[y].total_cmp(&d[x]));
    // v is stored by vector here (v[i] = i-th right singular vector); transpose on the way out.
    let vt: Vec<Vec<f64>> = (0..k).map(|comp| order.iter().map(|&i| v[i][comp]).collect()).collect();
    (vt, order.iter().map(|&i| d[i]).collect())
}

/// `(x.x, y.y, x.y)`, each summed in order from -0.0 as `Iterator::sum` does (the same
/// bits), in one pass: three independent sums instead of three passes, each waiting on its
/// previous addition.
fn three_dots(x: &[f64], y: &[f64]) -> (f64, f64, f64) {
    let (mut a, mut b, mut c) = (-0.0, -0.0, -0.0);
    for (p, q) in x.iter().zip(y) {
        a += p * p;
        b += q * q;
        c += p * q;
    }
    (a, b, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_dots_are_the_iterator_sums_to_the_bit() {
        let sum = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(p, q)| p * q).sum::<f64>().to_bits();
        let x: Vec<f64> = (0..37).map(|t| ((t * 31 % 17) as f64 / 3.0).sin() * 1e3).collect();
        let y: Vec<f64> = (0..37).map(|t| ((t * 7 % 13) as f64 / 5.0).cos() / 7.0).collect();
        for (x, y) in [(&x[..], &y[..]), (&[0.0][..], &[-0.0][..]), (&[][..], &[][..])] {
            let (a, b, c) = three_dots(x, y);
            assert_eq!((a.to_bits(), b.to_bits(), c.to_bits()), (sum(x, x), sum(y, y), sum(x, y)));
        }
    }

    #[test]
    fn reconstructs_and_orders() {
        let n = 30;
        let cols: Vec<Vec<f64>> = vec![
            vec![1.0; n],
            (1..=n).map(|t| t as f64).collect(),
            (1..=n).map(|t| (t as f64 * 0.7).sin()).collect(),
        ];
        let (v, d) = svd_right(&cols);
        assert!(d[0] >= d[1] && d[1] >= d[2] && d[2] > 0.0, "{d:?}");
        // V is orthogonal and X V has orthogonal columns of norms d.
        for a in 0..3 {
            for b in 0..3 {
                let vv: f64 = (0..3).map(|j| v[j][a] * v[j][b]).sum();
                assert!((vv - f64::from(u8::from(a == b))).abs() < 1e-12, "{vv}");
                let xa: Vec<f64> = (0..n).map(|t| (0..3).map(|j| cols[j][t] * v[j][a]).sum()).collect();
                let xb: Vec<f64> = (0..n).map(|t| (0..3).map(|j| cols[j][t] * v[j][b]).sum()).collect();
                let g: f64 = xa.iter().zip(&xb).map(|(p, q)| p * q).sum();
                let want = if a == b { d[a] * d[a] } else { 0.0 };
                assert!((g - want).abs() < 1e-9 * d[0] * d[0], "{a} {b} {g} {want}");
            }
        }
    }

    #[test]
    fn exact_collinearity_gives_a_singular_value_at_rounding_level() {
        let n = 40;
        let a: Vec<f64> = (0..n).map(|t| ((t * 7) % 5) as f64).collect();
        let b: Vec<f64> = (0..n).map(|t| (t % 3) as f64).collect();
        let c: Vec<f64> = a.iter().zip(&b).map(|(x, y)| 2.0 * x - y).collect();
        let (_, d) = svd_right(&[vec![1.0; n], a, b, c]);
        let sum: f64 = d.iter().sum();
        assert!(d[3] / sum < f64::EPSILON, "{d:?}");
        assert!(d[2] / sum > 1e-3, "{d:?}");
    }
}
