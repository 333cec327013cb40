//! Filters against each other and against dense Gaussian likelihoods.

mod filters {
    use super::super::*;
    use crate::arima::kalman::state_dim;

    /// Q0 from iterating P <- T P T' + V to convergence (dense reference).
    fn q0_reference(phi: &[f64], theta: &[f64]) -> Vec<f64> {
        let r = state_dim(phi.len(), theta.len());
        let mut t = vec![0.0; r * r];
        for i in 0..r {
            if i < phi.len() {
                t[i * r] = phi[i];
            }
            if i + 1 < r {
                t[i * r + i + 1] = 1.0;
            }
        }
        let mut rv = vec![0.0; r];
        rv[0] = 1.0;
        rv[1..=theta.len()].copy_from_slice(theta);
        let mut p = vec![0.0; r * r];
        for _ in 0..5000 {
            let mut tp = vec![0.0; r * r];
            for i in 0..r {
                for j in 0..r {
                    tp[i * r + j] = (0..r).map(|k| t[i * r + k] * p[k * r + j]).sum();
                }
            }
            let mut np = vec![0.0; r * r];
            for i in 0..r {
                for j in 0..r {
                    np[i * r + j] = (0..r).map(|k| tp[i * r + k] * t[j * r + k]).sum::<f64>() + rv[i] * rv[j];
                }
            }
            p = np;
        }
        p
    }

    #[test]
    fn q0_matches_lyapunov_iteration() {
        for (phi, theta) in [
            (vec![0.5], vec![]),
            (vec![0.5, -0.3], vec![0.4]),
            (vec![0.2], vec![0.4, 0.3, -0.2]),
            (vec![], vec![0.7, 0.1]),
            (vec![1.1, -0.3, 0.05], vec![-0.5, 0.2]),
        ] {
            let mut ws = ArmaWorkspace::default();
            assert!(ws.prepare(&phi, &theta));
            let q0 = ws.q0();
            let reference = q0_reference(&phi, &theta);
            for (a, b) in q0.iter().zip(&reference) {
                assert!((a - b).abs() < 1e-10 * (1.0 + b.abs()), "{phi:?} {theta:?}: {a} vs {b}");
            }
        }
    }

    #[test]
    fn steady_state_switch_matches_full_filter_on_long_series() {
        // Long series so the gain converges and the steady-state recursion
        // covers most of it; state dimensions on the unrolled paths (1, 3,
        // 14) and on the generic one (20). The objective must agree with the
        // O(r^2) filter (no steady-state shortcut) to 1e-9.
        let y: Vec<f64> =
            (0..3000).map(|t| ((t as f64) * 0.37).sin() + 0.3 * (t as f64 * 1.3).cos() + 0.01 * ((t * 7919 % 113) as f64)).collect();
        let mut seasonal_phi = vec![0.0; 14];
        seasonal_phi[0] = 0.5;
        seasonal_phi[1] = -0.2;
        seasonal_phi[11] = 0.3;
        seasonal_phi[12] = -0.15;
        seasonal_phi[13] = 0.06;
        let mut seasonal_theta = vec![0.0; 13];
        seasonal_theta[0] = 0.4;
        seasonal_theta[11] = -0.6;
        seasonal_theta[12] = -0.24;
        let mut long_phi = vec![0.0; 20];
        long_phi[0] = 0.4;
        long_phi[19] = 0.3;
        let cases: Vec<(Vec<f64>, Vec<f64>)> = vec![
            (vec![0.7], vec![]),
            (vec![1.3, -0.6], vec![0.5, 0.3]),
            (seasonal_phi, seasonal_theta),
            (long_phi, vec![0.5]),
        ];
        for (phi, theta) in cases {
            let mut ws = ArmaWorkspace::default();
            let fast = ws.loglik(&phi, &theta, &y).expect("stationary");
            let slow = arma_filter_states(&mut ws, &phi, &theta, &y, &|| false).expect("stationary").sums;
            assert_eq!(fast.nu, slow.nu);
            let (fo, so) = (fast.objective(), slow.objective());
            assert!((fo - so).abs() < 1e-9 / y.len() as f64, "r = {}: {fo} vs {so}", ws.r());
            assert!((fast.ssq - slow.ssq).abs() < 1e-10 * slow.ssq, "{fast:?} {slow:?}");
            assert!((fast.sumlog - slow.sumlog).abs() < 1e-9, "{fast:?} {slow:?}");
        }
    }

    #[test]
    fn chandrasekhar_matches_full_filter() {
        let phi = [0.6, -0.2, 0.1];
        let theta = [0.3, 0.25];
        let y: Vec<f64> = (0..200).map(|t| ((t as f64) * 0.37).sin() + 0.1 * (t as f64 * 1.3).cos()).collect();
        let mut ws = ArmaWorkspace::default();
        let fast = ws.loglik(&phi, &theta, &y).expect("stationary");
        let mut full = FullFilter::new(&mut ws, &phi, &theta, &[]).expect("stationary");
        let slow = full.run(&y, false).sums;
        assert_eq!(fast.nu, slow.nu);
        assert!((fast.ssq - slow.ssq).abs() < 1e-9 * slow.ssq);
        assert!((fast.sumlog - slow.sumlog).abs() < 1e-9);
    }
}

/// Autocovariances gamma(0..=max_lag) from the first `terms` psi-weights,
/// gamma(h) = sum_j psi_j psi_{j+h} (Brockwell & Davis 1991, (3.2.3)): a
/// reference independent of `prepare`, exact once psi has decayed.
fn acov_by_psi(phi: &[f64], theta: &[f64], max_lag: usize, terms: usize) -> Vec<f64> {
    let mut psi = vec![0.0; terms];
    for j in 0..terms {
        let mut v = if j == 0 { 1.0 } else if j <= theta.len() { theta[j - 1] } else { 0.0 };
        for i in 1..=phi.len().min(j) {
            v += phi[i - 1] * psi[j - i];
        }
        psi[j] = v;
    }
    (0..=max_lag).map(|h| (0..terms - h).map(|j| psi[j] * psi[j + h]).sum()).collect()
}

mod dense {
    use super::super::*;
    use super::acov_by_psi;

    /// Exact (ssq, log det) of a zero-mean Gaussian series by dense Cholesky.
    fn dense(y: &[f64], acov: &[f64]) -> (f64, f64) {
        let n = y.len();
        let mut l = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..=i {
                let mut s = acov[i - j];
                for k in 0..j {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = if i == j { s.sqrt() } else { s / l[j * n + j] };
            }
        }
        let mut z = vec![0.0; n];
        for i in 0..n {
            let mut s = y[i];
            for k in 0..i {
                s -= l[i * n + k] * z[k];
            }
            z[i] = s / l[i * n + i];
        }
        let ssq = z.iter().map(|v| v * v).sum();
        let logdet = (0..n).map(|i| 2.0 * l[i * n + i].ln()).sum();
        (ssq, logdet)
    }

    #[test]
    fn kalman_equals_dense_gaussian_likelihood() {
        let y: Vec<f64> = (0..60).map(|t| ((t * 7 % 13) as f64 - 6.0) * 0.3 + (t as f64 * 0.2).sin()).collect();
        for (phi, theta) in [
            (vec![0.7], vec![]),
            (vec![], vec![0.6, -0.3]),
            (vec![0.5, -0.3], vec![0.4]),
            (vec![0.3, 0.0, 0.0, 0.5, -0.15], vec![-0.4]),
            (vec![0.9], vec![-0.8]),
        ] {
            let acov = acov_by_psi(&phi, &theta, y.len(), 4000);
            let (ssq, logdet) = dense(&y, &acov);
            let mut ws = ArmaWorkspace::default();
            let s = ws.loglik(&phi, &theta, &y).expect("stationary");
            assert!((s.ssq - ssq).abs() < 1e-9 * ssq, "{phi:?} {theta:?}: ssq {} vs {ssq}", s.ssq);
            assert!((s.sumlog - logdet).abs() < 1e-9, "{phi:?} {theta:?}: logdet {} vs {logdet}", s.sumlog);
            let mut full = FullFilter::new(&mut ws, &phi, &theta, &[]).expect("stationary");
            let f = full.run(&y, false).sums;
            assert!((f.ssq - ssq).abs() < 1e-9 * ssq && (f.sumlog - logdet).abs() < 1e-9);
        }
    }

    #[test]
    fn missing_values_equal_dense_likelihood_of_observed_subset() {
        let phi = [0.6, -0.2];
        let theta = [0.3];
        let mut y: Vec<f64> = (0..50).map(|t| ((t * 5 % 11) as f64 - 5.0) * 0.4).collect();
        for i in [0, 7, 8, 30, 49] {
            y[i] = f64::NAN;
        }
        let acov = acov_by_psi(&phi, &theta, y.len(), 4000);
        let idx: Vec<usize> = (0..y.len()).filter(|&i| !y[i].is_nan()).collect();
        // Dense covariance of the observed subset.
        let n = idx.len();
        let mut l = vec![0.0; n * n];
        for a in 0..n {
            for b in 0..=a {
                let mut s = acov[idx[a] - idx[b]];
                for k in 0..b {
                    s -= l[a * n + k] * l[b * n + k];
                }
                l[a * n + b] = if a == b { s.sqrt() } else { s / l[b * n + b] };
            }
        }
        let mut z = vec![0.0; n];
        for a in 0..n {
            let mut s = y[idx[a]];
            for k in 0..a {
                s -= l[a * n + k] * z[k];
            }
            z[a] = s / l[a * n + a];
        }
        let ssq: f64 = z.iter().map(|v| v * v).sum();
        let logdet: f64 = (0..n).map(|i| 2.0 * l[i * n + i].ln()).sum();
        let mut ws = ArmaWorkspace::default();
        let mut full = FullFilter::new(&mut ws, &phi, &theta, &[]).expect("stationary");
        let out = full.run(&y, true);
        assert_eq!(out.sums.nu, n);
        assert!((out.sums.ssq - ssq).abs() < 1e-9 * ssq);
        assert!((out.sums.sumlog - logdet).abs() < 1e-9);
        assert!(out.residuals[7].is_nan() && out.residuals[1].is_finite());
    }
}

mod autocovariances {
    use super::super::*;
    use crate::arima::kalman::state_dim;
    use crate::arima::transform::partrans;

    /// Deterministic uniform draws in (-1, 1) (no test-only dependency).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> f64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        }
    }

    /// `(1 - sum a_i B^i)(1 - sum b_j B^{sj})` as `1 - sum c_k B^k` (AR sign),
    /// or with `+` signs for MA polynomials.
    fn expand(a: &[f64], b: &[f64], s: usize, ma: bool) -> Vec<f64> {
        let sign = if ma { 1.0 } else { -1.0 };
        let mut x = vec![0.0; a.len() + 1];
        x[0] = 1.0;
        for (i, v) in a.iter().enumerate() {
            x[i + 1] = sign * v;
        }
        let mut y = vec![0.0; b.len() * s + 1];
        y[0] = 1.0;
        for (j, v) in b.iter().enumerate() {
            y[(j + 1) * s] = sign * v;
        }
        let mut out = vec![0.0; x.len() + y.len() - 1];
        for (i, xi) in x.iter().enumerate() {
            for (j, yj) in y.iter().enumerate() {
                out[i + j] += xi * yj;
            }
        }
        out[1..].iter().map(|v| sign * v).collect()
    }

    /// gamma(0..=r) by the dense (p+1) x (p+1) solve and by the structured
    /// path, for the same workspace state.
    fn both(phi: &[f64], theta: &[f64]) -> (Vec<f64>, Option<Vec<f64>>) {
        let mut ws = ArmaWorkspace::default();
        assert!(ws.prepare(phi, theta), "{phi:?} {theta:?}");
        let r = state_dim(phi.len(), theta.len());
        ws.gamma.clear();
        ws.gamma.resize(r + 1, 0.0);
        assert!(ws.dense_acvf(phi, theta));
        let dense = ws.gamma.clone();
        ws.gamma.fill(0.0);
        let structured = ws.levinson_acvf(phi, theta).then(|| ws.gamma.clone());
        (dense, structured)
    }

    #[test]
    fn structured_path_equals_dense_solve_on_random_seasonal_arma() {
        let mut rng = Lcg(20261125);
        let mut cases = 0;
        for s in [1usize, 4, 7, 12] {
            for _ in 0..60 {
                let p = (rng.next().abs() * 4.0) as usize;
                let q = (rng.next().abs() * 4.0) as usize;
                let (sp, sq) = if s > 1 { ((rng.next().abs() * 3.0) as usize, (rng.next().abs() * 3.0) as usize) } else { (0, 0) };
                // Stationary by construction (PACF in (-0.97, 0.97)); MA free.
                let draw = |rng: &mut Lcg, k: usize| -> Vec<f64> {
                    let raw: Vec<f64> = (0..k).map(|_| (0.97 * rng.next()).atanh()).collect();
                    let mut out = vec![0.0; k];
                    partrans(&raw, &mut out);
                    out
                };
                let ar = draw(&mut rng, p);
                let sar = draw(&mut rng, sp);
                let ma: Vec<f64> = (0..q).map(|_| 1.5 * rng.next()).collect();
                let sma: Vec<f64> = (0..sq).map(|_| 1.5 * rng.next()).collect();
                let phi = expand(&ar, &sar, s, false);
                let theta = expand(&ma, &sma, s, true);
                let (dense, structured) = both(&phi, &theta);
                let structured = structured.expect("stationary AR part");
                let scale = dense[0].abs();
                for (k, (a, b)) in structured.iter().zip(&dense).enumerate() {
                    assert!((a - b).abs() <= 1e-10 * scale, "s={s} {phi:?} {theta:?} lag {k}: {a} vs {b}");
                }
                cases += 1;
            }
        }
        assert_eq!(cases, 240);
    }

    #[test]
    fn structured_path_equals_truncated_psi_sums() {
        let phi = expand(&[0.5, -0.3], &[0.6, 0.2], 12, false);
        let theta = expand(&[0.4], &[-0.7], 12, true);
        let (_, structured) = both(&phi, &theta);
        let structured = structured.expect("stationary");
        let reference = super::acov_by_psi(&phi, &theta, structured.len() - 1, 20000);
        for (h, (g, want)) in structured.iter().zip(&reference).enumerate() {
            assert!((g - want).abs() < 1e-10 * structured[0], "lag {h}: {g} vs {want}");
        }
    }

    #[test]
    fn non_stationary_ar_keeps_the_dense_outcome() {
        // The structured path refuses these; `prepare` then returns what the
        // dense solve gives (false for a unit root or a negative gamma(0),
        // otherwise its finite solution), as before the structured path.
        for phi in [vec![1.0], vec![2.0], vec![-1.0], vec![0.5, 0.5], vec![1.5, -0.2], vec![0.2, 0.3, 0.9], vec![2.5, -1.8, 0.4]] {
            for theta in [vec![], vec![0.4], vec![0.3, -0.2, 0.1, 0.5]] {
                let mut ws = ArmaWorkspace::default();
                let got = ws.prepare(&phi, &theta);
                let got_gamma = ws.gamma.clone();
                let r = state_dim(phi.len(), theta.len());
                ws.gamma.clear();
                ws.gamma.resize(r + 1, 0.0);
                assert!(!ws.levinson_acvf(&phi, &theta), "{phi:?} is not stationary");
                let solved = ws.dense_acvf(&phi, &theta);
                let want = solved && ws.gamma[0].is_finite() && ws.gamma[0] > 0.0;
                assert_eq!(got, want, "{phi:?} {theta:?}");
                if solved {
                    assert_eq!(got_gamma, ws.gamma, "{phi:?} {theta:?}");
                }
            }
        }
    }
}
