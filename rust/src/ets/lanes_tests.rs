//! Tests of `lanes`: each lane against a one-lane pass of its own form and against the recursion.

use super::*;
use crate::ets::recursion::run;

fn form(e: Component, t: Component, s: Component) -> Form {
    Form { error: e, trend: t, damped: t != Component::None, season: s }
}

#[test]
fn lanes_agree_with_one_lane_and_with_the_recursion() {
    use Component::*;
    let m = 4;
    let y: Vec<f64> = (0..700).map(|i| 50.0 + 0.1 * i as f64 + [3.0, -1.0, 4.0, -6.0][i % 4] + ((i * 7919) % 13) as f64 * 0.3).collect();
    let pars = [
        Smoothing { alpha: 0.3, beta: 0.05, gamma: 0.1, phi: 0.95 },
        Smoothing { alpha: 0.6, beta: 0.2, gamma: 0.2, phi: 0.9 },
        Smoothing { alpha: 0.1, beta: 0.01, gamma: 0.3, phi: 0.98 },
        Smoothing { alpha: 0.9, beta: 0.5, gamma: 0.05, phi: 0.85 },
    ];
    for e in [Additive, Multiplicative] {
        for t in [None, Additive, Multiplicative] {
            for s in [None, Additive, Multiplicative] {
                let f = form(e, t, s);
                let mut x0 = vec![50.0];
                if t == Additive {
                    x0.push(0.1);
                } else if t == Multiplicative {
                    x0.push(1.002);
                }
                if s == Additive {
                    x0.extend([3.0, -1.0, 4.0, -6.0]);
                } else if s == Multiplicative {
                    x0.extend([1.06, 0.98, 1.08, 0.88]);
                }
                let x0s = [&x0[..]; MAX_LANES];
                let mut ring = Vec::new();
                let mut all = [Option::None; MAX_LANES];
                let em = e == Multiplicative;
                likelihoods(&y, &x0s, m, &f, &[em; 4], &[t != None; 4], &pars, &[f64::INFINITY; 4], &mut ring, &mut all);
                // Lanes 1 and 3 with the other error: a pass of mixed errors.
                let mixed_em = [em, !em, em, !em];
                let mut mixed = [Option::None; MAX_LANES];
                likelihoods(&y, &x0s, m, &f, &mixed_em, &[t != None; 4], &pars, &[f64::INFINITY; 4], &mut ring, &mut mixed);
                for k in 0..MAX_LANES {
                    let mut one = [Option::None];
                    likelihoods(&y, &x0s[..1], m, &f, &[em], &[t != None], &pars[k..k + 1], &[f64::INFINITY], &mut ring, &mut one);
                    let (a, b) = (all[k].unwrap(), one[0].unwrap());
                    assert_eq!(a.to_bits(), b.to_bits(), "{} lane {k}", f.label());
                    let mut other = [Option::None];
                    let em_k = [mixed_em[k]];
                    likelihoods(&y, &x0s[..1], m, &f, &em_k, &[t != None], &pars[k..k + 1], &[f64::INFINITY], &mut ring, &mut other);
                    assert_eq!(mixed[k].unwrap().to_bits(), other[0].unwrap().to_bits(), "{} mixed lane {k}", f.label());
                    let mut err = vec![0.0; y.len()];
                    let r = run(&y, &x0, m, &f, &pars[k], 0, &mut err, Option::None).lik.unwrap();
                    // The product of |yhat| against R's sum of logarithms: the last bits only.
                    assert!((a - r).abs() <= 1e-13 * r.abs(), "{} lane {k}: {a} vs {r}", f.label());
                    if e == Additive {
                        assert_eq!(a.to_bits(), r.to_bits());
                    }
                }
            }
        }
    }
}

#[test]
fn lanes_with_and_without_trend_agree_with_one_lane() {
    use Component::*;
    let m = 4;
    let y: Vec<f64> = (0..300).map(|i| 40.0 + 0.2 * i as f64 + [2.0, -1.5, 3.0, -3.5][i % 4] + ((i * 7919) % 11) as f64 * 0.4).collect();
    let pars = [
        Smoothing { alpha: 0.3, beta: 0.0, gamma: 0.1, phi: 1.0 },
        Smoothing { alpha: 0.6, beta: 0.2, gamma: 0.2, phi: 0.9 },
        Smoothing { alpha: 0.1, beta: 0.0, gamma: 0.3, phi: 1.0 },
        Smoothing { alpha: 0.9, beta: 0.5, gamma: 0.05, phi: 1.0 },
    ];
    // Lanes: (error, trend) of ANx, MAdx, MNx, AAx.
    let kinds = [(Additive, None), (Multiplicative, Additive), (Multiplicative, None), (Additive, Additive)];
    for s in [None, Additive, Multiplicative] {
        let x0: Vec<Vec<f64>> = kinds
            .iter()
            .map(|(_, t)| {
                let mut x = vec![40.0];
                if *t == Additive {
                    x.push(0.2);
                }
                match s {
                    Additive => x.extend([2.0, -1.5, 3.0, -3.5]),
                    Multiplicative => x.extend([1.05, 0.96, 1.07, 0.92]),
                    None => {}
                }
                x
            })
            .collect();
        let x0s: Vec<&[f64]> = x0.iter().map(|x| &x[..]).collect();
        let shared = form(Additive, Additive, s);
        let em = kinds.map(|(e, _)| e == Multiplicative);
        let tr = kinds.map(|(_, t)| t != None);
        // A finite limit on the additive lanes: both stop early, alone as together.
        let limits = [f64::INFINITY, f64::INFINITY, f64::INFINITY, 10.0];
        let (mut ring, mut all) = (Vec::new(), [Option::None; MAX_LANES]);
        likelihoods(&y, &x0s, m, &shared, &em, &tr, &pars, &limits, &mut ring, &mut all);
        for k in 0..MAX_LANES {
            let own = form(kinds[k].0, kinds[k].1, s);
            let mut one = [Option::None];
            likelihoods(&y, &x0s[k..k + 1], m, &own, &em[k..k + 1], &tr[k..k + 1], &pars[k..k + 1], &limits[k..k + 1], &mut ring, &mut one);
            assert_eq!(all[k].map(f64::to_bits), one[0].map(f64::to_bits), "{} lane {k}", own.label());
        }
        assert_eq!(all[3], Some(f64::INFINITY));
    }
}
