//! `prepare` (sparse sums over the expanded polynomials' non-zero coefficients, the AR part
//! remembered per phi, the last model remembered whole) against the plain computation it
//! replaced, written out here loop for loop: the same bits, whatever the order of calls.

use super::stationary::ArmaWorkspace;
use super::state_dim;
use crate::arima::transform::partrans;

/// The plain psi-weights: every coefficient of phi in every sum.
fn plain_psi(phi: &[f64], theta: &[f64]) -> Vec<f64> {
    let (p, q) = (phi.len(), theta.len());
    let r = state_dim(p, q);
    let mut psi = vec![0.0; r + 1];
    for j in 0..=r {
        let mut v = if j == 0 { 1.0 } else if j <= q { theta[j - 1] } else { 0.0 };
        let (done, _) = psi.split_at(j);
        for (ph, ps) in phi[..p.min(j)].iter().zip(done.iter().rev()) {
            v += ph * ps;
        }
        psi[j] = v;
    }
    psi
}

/// The plain gamma(0..=r): the step-down and the Yule–Walker sums over every coefficient,
/// c(h) over every pair. None when phi is not stationary.
fn plain_gamma(phi: &[f64], theta: &[f64]) -> Option<Vec<f64>> {
    let (p, q) = (phi.len(), theta.len());
    let r = state_dim(p, q);
    let mut lev = vec![0.0; (p + 1) * p];
    lev[p * p..].copy_from_slice(phi);
    let mut inv_var = 1.0;
    for k in (1..=p).rev() {
        let kappa = lev[k * p + k - 1];
        if !kappa.is_finite() || kappa.abs() >= 1.0 {
            return None;
        }
        let den = 1.0 - kappa * kappa;
        inv_var *= den;
        for j in 0..k - 1 {
            lev[(k - 1) * p + j] = (lev[k * p + j] + kappa * lev[k * p + k - 2 - j]) / den;
        }
    }
    let mut gx = vec![0.0; r + q + 1];
    gx[0] = 1.0 / inv_var;
    for k in 1..gx.len() {
        let coef = if k <= p { &lev[k * p..k * p + k] } else { phi };
        gx[k] = coef.iter().zip(gx[..k].iter().rev()).map(|(a, g)| a * g).sum::<f64>();
    }
    let th = |j: usize| if j == 0 { 1.0 } else { theta[j - 1] };
    let c: Vec<(usize, f64)> =
        (0..=q).map(|h| (h, (0..=q - h).map(|j| th(j) * th(j + h)).sum::<f64>())).filter(|&(_, c)| c != 0.0).collect();
    let gamma = (0..=r)
        .map(|k| {
            let mut v = 0.0;
            for &(h, c) in &c {
                v += c * gx[k + h];
                if h > 0 {
                    v += c * gx[k.abs_diff(h)];
                }
            }
            v
        })
        .collect();
    Some(gamma)
}

/// The plain first row of Q0 over every lag, and `prepare`'s verdict on it.
fn plain_first(phi: &[f64], theta: &[f64], gamma: &[f64], psi: &[f64]) -> (bool, Vec<f64>) {
    let r = state_dim(phi.len(), theta.len());
    let mut phi_r = phi.to_vec();
    phi_r.resize(r, 0.0);
    let mut rvec = vec![1.0];
    rvec.extend_from_slice(theta);
    rvec.resize(r, 0.0);
    let mut first = vec![0.0; r + 1];
    for mm in 0..r {
        let mut v = 0.0;
        for (((ph, g), rv), ps) in phi_r[mm..].iter().zip(&gamma[1..]).zip(&rvec[mm..]).zip(psi) {
            v += ph * g + rv * ps;
        }
        first[mm] = v;
    }
    first[0] = gamma[0];
    let ok = gamma[0].is_finite() && gamma[0] > 0.0 && first.iter().all(|v| v.is_finite());
    (ok, first)
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

/// psi may differ from the plain loop's in the sign of a zero (a theta_j of -0 that no
/// product has touched), which no later step can tell: each use is a product added to a sum
/// that starts at +0.
fn same_psi(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits() || (*x == 0.0 && *y == 0.0))
}

/// `prepare` on `ws` (which may hold earlier models) against the plain computation; a
/// non-stationary phi goes to the dense solve (unchanged code, reading psi) in both.
fn check(ws: &mut ArmaWorkspace, phi: &[f64], theta: &[f64]) {
    let got = ws.prepare(phi, theta);
    let psi = plain_psi(phi, theta);
    assert!(same_psi(&ws.psi, &psi), "psi of {phi:?} {theta:?}: {:?} vs {psi:?}", ws.psi);
    let gamma = match plain_gamma(phi, theta) {
        Some(g) => g,
        None => {
            let mut dense = ArmaWorkspace::default();
            dense.psi = psi.clone();
            dense.gamma = vec![0.0; state_dim(phi.len(), theta.len()) + 1];
            if !dense.dense_acvf(phi, theta) {
                assert!(!got, "{phi:?} {theta:?}: the dense system is singular");
                return;
            }
            dense.gamma
        }
    };
    assert_eq!(bits(&ws.gamma), bits(&gamma), "gamma of {phi:?} {theta:?}");
    let (ok, first) = plain_first(phi, theta, &gamma, &psi);
    assert_eq!(got, ok, "{phi:?} {theta:?}");
    if ok {
        assert_eq!(bits(&ws.first), bits(&first), "first row of {phi:?} {theta:?}");
    }
}

/// Deterministic uniform draws in (-1, 1).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
    fn below(&mut self, n: usize) -> usize {
        ((self.next().abs() * n as f64) as usize).min(n - 1)
    }
}

/// `(1 -+ sum a_i B^i)(1 -+ sum b_j B^{sj})` as the coefficients after the 1 (AR: phi's sign).
fn expand(a: &[f64], b: &[f64], s: usize, ma: bool) -> Vec<f64> {
    let sign = if ma { 1.0 } else { -1.0 };
    let mut out = vec![0.0; a.len() + b.len() * s + 1];
    let x: Vec<f64> = std::iter::once(1.0).chain(a.iter().map(|v| sign * v)).collect();
    for (i, xi) in x.iter().enumerate() {
        out[i] += xi;
        for (j, bj) in b.iter().enumerate() {
            out[i + (j + 1) * s] += xi * sign * bj;
        }
    }
    out[1..].iter().map(|v| sign * v).collect()
}

/// A random seasonal model in R's parametrisation: stationary AR parts unless `wild`, some
/// coefficients exactly zero, as the optimisers' gradient points put them.
fn model(rng: &mut Lcg, wild: bool) -> (Vec<f64>, Vec<f64>) {
    let s = [1usize, 4, 12][rng.below(3)];
    let ar = |rng: &mut Lcg, k: usize| -> Vec<f64> {
        let raw: Vec<f64> = (0..k).map(|_| if rng.below(5) == 0 { 0.0 } else { (0.97 * rng.next()).atanh() }).collect();
        let mut out = vec![0.0; k];
        partrans(&raw, &mut out);
        if wild {
            out.iter_mut().for_each(|v| *v *= 3.0);
        }
        out
    };
    let ma = |rng: &mut Lcg, k: usize| -> Vec<f64> {
        (0..k).map(|_| [0.0, -0.0, 1.5 * rng.next(), 1.5 * rng.next(), 1.5 * rng.next()][rng.below(5)]).collect()
    };
    let (p, q) = (rng.below(4), rng.below(4));
    let (sp, sq) = if s > 1 { (rng.below(3), rng.below(3)) } else { (0, 0) };
    let (a, sa, m, sm) = (ar(rng, p), ar(rng, sp), ma(rng, q), ma(rng, sq));
    (expand(&a, &sa, s, false), expand(&m, &sm, s, true))
}

#[test]
fn prepare_gives_the_plain_computations_bits() {
    let mut rng = Lcg(20261207);
    let mut ws = ArmaWorkspace::default();
    let mut earlier: Vec<(Vec<f64>, Vec<f64>)> = Vec::new();
    for case in 0..1500 {
        let (mut phi, mut theta) = model(&mut rng, case % 7 == 0);
        // Gradient-like neighbours: the same phi or theta as an earlier model (cache hits),
        // or the very same model again (the whole result remembered).
        if !earlier.is_empty() && rng.below(2) == 0 {
            let (ephi, etheta) = earlier[rng.below(earlier.len())].clone();
            match rng.below(3) {
                0 => phi = ephi,
                1 => theta = etheta,
                _ => (phi, theta) = (ephi, etheta),
            }
        }
        check(&mut ws, &phi, &theta);
        check(&mut ArmaWorkspace::default(), &phi, &theta);
        earlier.push((phi, theta));
    }
}

#[test]
fn non_finite_coefficients_spread_as_in_the_plain_computation() {
    let mut ws = ArmaWorkspace::default();
    let mut phi = expand(&[0.5, 0.0], &[0.3], 12, false);
    let theta = expand(&[0.4], &[-0.6], 12, true);
    check(&mut ws, &phi, &theta);
    for bad in [f64::NAN, f64::INFINITY, 1e300] {
        let mut t = theta.clone();
        t[5] = bad;
        check(&mut ws, &phi, &t);
        let mut big = theta.clone();
        big[0] = bad;
        check(&mut ws, &phi, &big);
    }
    phi[3] = f64::NAN;
    check(&mut ws, &phi, &theta);
    check(&mut ws, &[0.999_999_999_999_9, 0.0, 0.0], &[0.0, 0.5]);
}
