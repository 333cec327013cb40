//! Forecast means and variances of model class 3 (multiplicative error and season, trend
//! N/A/Ad), R's `class3`: the level-and-growth part and the seasonal part evolve as the
//! matrix `M_h` (their outer product's expectation) and its covariance `V_h`, through the
//! Kronecker products of the two parts' transition and gain matrices.

use super::forecast::{MeanVar, Origin};
use super::form::Component;

/// Dense row-major matrix.
#[derive(Clone, Debug)]
struct Mat {
    r: usize,
    c: usize,
    v: Vec<f64>,
}

impl Mat {
    fn zeros(r: usize, c: usize) -> Mat {
        Mat {
            r,
            c,
            v: vec![0.0; r * c],
        }
    }
    fn at(&self, i: usize, j: usize) -> f64 {
        self.v[i * self.c + j]
    }
    fn set(&mut self, i: usize, j: usize, x: f64) {
        self.v[i * self.c + j] = x;
    }
    fn mul(&self, o: &Mat) -> Mat {
        let mut out = Mat::zeros(self.r, o.c);
        for i in 0..self.r {
            for k in 0..self.c {
                let a = self.at(i, k);
                if a != 0.0 {
                    for j in 0..o.c {
                        out.v[i * o.c + j] += a * o.at(k, j);
                    }
                }
            }
        }
        out
    }
    fn t(&self) -> Mat {
        let mut out = Mat::zeros(self.c, self.r);
        for i in 0..self.r {
            for j in 0..self.c {
                out.set(j, i, self.at(i, j));
            }
        }
        out
    }
    fn kron(&self, o: &Mat) -> Mat {
        let mut out = Mat::zeros(self.r * o.r, self.c * o.c);
        for i in 0..self.r {
            for j in 0..self.c {
                for k in 0..o.r {
                    for l in 0..o.c {
                        out.set(i * o.r + k, j * o.c + l, self.at(i, j) * o.at(k, l));
                    }
                }
            }
        }
        out
    }
    fn add(&self, o: &Mat) -> Mat {
        Mat {
            r: self.r,
            c: self.c,
            v: self.v.iter().zip(&o.v).map(|(a, b)| a + b).collect(),
        }
    }
    fn scale(&self, s: f64) -> Mat {
        Mat {
            r: self.r,
            c: self.c,
            v: self.v.iter().map(|a| a * s).collect(),
        }
    }
}

pub fn class3(fit: &Origin, h: usize) -> MeanVar {
    let x = fit.state;
    let p = x.len();
    let m = fit.m;
    let trend = fit.form.trend != Component::None;
    let q = 1 + usize::from(trend);
    let (alpha, beta) = (fit.par.alpha, fit.par.beta.unwrap_or(0.0));
    let phi = fit.par.phi.unwrap_or(1.0);
    let s2 = fit.sigma2;
    let h1 = Mat {
        r: 1,
        c: q,
        v: vec![1.0; q],
    };
    let mut h2 = Mat::zeros(1, m);
    h2.set(0, m - 1, 1.0);
    let (f1, g1) = if trend {
        (
            Mat {
                r: 2,
                c: 2,
                v: vec![1.0, 1.0, 0.0, phi],
            },
            Mat {
                r: 2,
                c: 2,
                v: vec![alpha, alpha, beta, beta],
            },
        )
    } else {
        (
            Mat {
                r: 1,
                c: 1,
                v: vec![1.0],
            },
            Mat {
                r: 1,
                c: 1,
                v: vec![alpha],
            },
        )
    };
    let mut f2 = Mat::zeros(m, m);
    f2.set(0, m - 1, 1.0);
    for k in 1..m {
        f2.set(k, k - 1, 1.0);
    }
    let mut g2 = Mat::zeros(m, m);
    g2.set(0, m - 1, fit.par.gamma.unwrap_or(0.0));
    let mut mh = Mat::zeros(q, m);
    for i in 0..q {
        for j in 0..m {
            mh.set(i, j, x[i] * x[p - m + j]);
        }
    }
    let qm = q * m;
    let mut vh = Mat::zeros(qm, qm);
    let h21 = h2.kron(&h1);
    let f21 = f2.kron(&f1);
    let g21 = g2.kron(&g1);
    let k = g2.kron(&f1).add(&f2.kron(&g1));
    let (f21t, g21t, kt, h21t) = (f21.t(), g21.t(), k.t(), h21.t());
    let (f2t, g2t) = (f2.t(), g2.t());
    let mut mean = vec![0.0; h];
    let mut var = vec![0.0; h];
    for i in 0..h {
        mean[i] = h1.mul(&mh).mul(&h2.t()).v[0];
        var[i] = (1.0 + s2) * h21.mul(&vh).mul(&h21t).v[0] + s2 * mean[i] * mean[i];
        // vec(M_h), column-major as R's c().
        let mut vec_m = Mat::zeros(qm, 1);
        for c in 0..m {
            for r in 0..q {
                vec_m.v[c * q + r] = mh.at(r, c);
            }
        }
        let outer = vec_m.mul(&vec_m.t());
        let inner = f21
            .mul(&vh)
            .mul(&g21t)
            .add(&g21.mul(&vh).mul(&f21t))
            .add(&k.mul(&vh.add(&outer)).mul(&kt))
            .add(&g21.mul(&vh.scale(3.0).add(&outer.scale(2.0))).mul(&g21t).scale(s2));
        vh = f21.mul(&vh).mul(&f21t).add(&inner.scale(s2));
        mh = f1.mul(&mh).mul(&f2t).add(&g1.mul(&mh).mul(&g2t).scale(s2));
    }
    MeanVar { mean, var }
}
