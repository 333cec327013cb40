//! R's CSS sums (`css`) of several ARMA models over one complete series, side by side:
//! the points of a numerical gradient or Hessian that move only ARMA coordinates all
//! filter the same regression-adjusted series, and one model's MA recursion waits on its
//! previous residual, so models in the lanes of a vector register run at the cost of one.
//!
//! Each model's sums are `css_sums_complete`'s to the bit. That function skips the zero
//! coefficients and applies its MA terms in an order that depends on the model (the
//! oldest lag first for MA polynomials of degree at most four, else the newest first): a
//! block here holds models of one such order, and the zero coefficients of a model beside
//! others that use a lag change nothing (`x - 0 * y` is `x` for finite `y`, up to the sign
//! of a zero, which no square sees; a model whose residuals overflow has no value either
//! way).

use super::lane_rows::row;

/// An ARMA model as `css_sums_complete` takes it: expanded AR and MA polynomials.
pub(crate) type Model<'m> = (&'m [f64], &'m [f64]);

/// `css_sums_complete(w, phi, theta, ncond)`'s `(ssq, nu)` for every model into `out`
/// (all models of one AR and one MA length); `buf` is scratch space kept between calls.
pub(crate) fn css_sums_many(w: &[f64], models: &[Model<'_>], ncond: usize, out: &mut [(f64, usize)], buf: &mut Vec<f64>) {
    let n = w.len();
    if ncond >= n {
        out.fill((0.0, 0));
        return;
    }
    // Blocks of models whose MA terms run in one order (see `MaOrder`), in their order.
    let orders: Vec<MaOrder> = models.iter().map(|m| MaOrder::of(m.1)).collect();
    let mut done = vec![false; models.len()];
    let mut block = Vec::with_capacity(16);
    for first in 0..models.len() {
        if done[first] {
            continue;
        }
        block.clear();
        for i in first..models.len() {
            if !done[i] && orders[i] == orders[first] {
                done[i] = true;
                block.push(i);
            }
        }
        for chunk in block.chunks(16) {
            let picked: Vec<Model<'_>> = chunk.iter().map(|&i| models[i]).collect();
            let mut sums = [0.0; 16];
            run(w, &picked, orders[first], ncond, &mut sums[..chunk.len()], buf);
            for (&i, &ssq) in chunk.iter().zip(&sums) {
                out[i] = (ssq, n - ncond);
            }
        }
    }
}

/// The order `css_sums_complete` applies a model's MA terms in once every lag reaches
/// past the conditioning residuals.
#[derive(Clone, Copy, PartialEq, Debug)]
enum MaOrder {
    /// Largest non-zero lag q <= 4: lags q, q - 1, .., 1 (zeros included).
    Window(usize),
    /// Largest non-zero lag above 4: the non-zero lags from the newest.
    Sparse,
}

impl MaOrder {
    fn of(theta: &[f64]) -> MaOrder {
        match theta.iter().rposition(|c| *c != 0.0).map_or(0, |j| j + 1) {
            q if q <= 4 => MaOrder::Window(q),
            _ => MaOrder::Sparse,
        }
    }
}

fn run(w: &[f64], models: &[Model<'_>], order: MaOrder, ncond: usize, ssq: &mut [f64], buf: &mut Vec<f64>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the processor has AVX (checked just above).
        unsafe { run_avx(w, models, order, ncond, ssq, buf) };
        return;
    }
    run_lanes(w, models, order, ncond, ssq, buf);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn run_avx(w: &[f64], models: &[Model<'_>], order: MaOrder, ncond: usize, ssq: &mut [f64], buf: &mut Vec<f64>) {
    run_lanes(w, models, order, ncond, ssq, buf);
}

#[inline(always)]
fn run_lanes(w: &[f64], models: &[Model<'_>], order: MaOrder, ncond: usize, ssq: &mut [f64], buf: &mut Vec<f64>) {
    match models.len() {
        9.. => block::<16>(w, models, order, ncond, ssq, buf),
        5..=8 => block::<8>(w, models, order, ncond, ssq, buf),
        _ => block::<4>(w, models, order, ncond, ssq, buf),
    }
}

/// Per lag, the lanes' coefficients (zero in unused lanes and where a model has none).
#[inline(always)]
fn lanes<const L: usize>(models: &[Model<'_>], lags: impl Iterator<Item = usize>, coef: impl Fn(&Model<'_>, usize) -> f64) -> Vec<(usize, [f64; L])> {
    lags.map(|lag| {
        let mut c = [0.0; L];
        for (slot, m) in c.iter_mut().zip(models) {
            *slot = coef(m, lag);
        }
        (lag, c)
    })
    .collect()
}

/// The lags at which at least one model's AR (`ma` false) or MA coefficient is non-zero,
/// ascending.
fn used_lags<'m>(models: &[Model<'m>], ma: bool) -> std::vec::IntoIter<usize> {
    let poly = |m: &Model<'m>| -> &'m [f64] { if ma { m.1 } else { m.0 } };
    let len = models.first().map_or(0, |m| poly(m).len());
    let used: Vec<usize> = (1..=len).filter(|&lag| models.iter().any(|m| poly(m)[lag - 1] != 0.0)).collect();
    used.into_iter()
}

/// Up to `L` models side by side: `e[l * L + c]` the residual at time l of the c-th.
#[inline(always)]
fn block<const L: usize>(w: &[f64], models: &[Model<'_>], order: MaOrder, ncond: usize, ssq: &mut [f64], buf: &mut Vec<f64>) {
    let n = w.len();
    let ar = lanes::<L>(models, used_lags(models, false), |m, lag| m.0[lag - 1]);
    let ma = lanes::<L>(models, used_lags(models, true), |m, lag| m.1[lag - 1]);
    // `css_sums_complete` runs its conditioned loop (the non-zero lags from the newest,
    // those reaching before `ncond` left out) up to `ncond` plus the largest lag.
    let (warm, window) = match order {
        MaOrder::Window(q) => ((ncond + q).min(n), lanes::<L>(models, (1..=q).rev(), |m, lag| m.1[lag - 1])),
        MaOrder::Sparse => ((ncond + ma.last().map_or(0, |m| m.0)).min(n), Vec::new()),
    };
    let steady = if matches!(order, MaOrder::Window(_)) { &window } else { &ma };
    if buf.len() < n * L {
        buf.resize(n * L, 0.0);
    }
    let e = &mut buf[..n * L];
    for l in ncond..n {
        let mut acc = [w[l]; L];
        for &(lag, ref c) in &ar {
            let past = w[l - lag];
            for j in 0..L {
                acc[j] -= c[j] * past;
            }
        }
        let terms = if l < warm { &ma } else { steady };
        for &(lag, ref c) in terms {
            if l >= warm || (lag <= l && l - lag >= ncond) {
                let past = row::<L>(e, l - lag);
                for j in 0..L {
                    acc[j] -= c[j] * past[j];
                }
            }
        }
        e[l * L..(l + 1) * L].copy_from_slice(&acc);
    }
    // Four partial sums over the residuals from `ncond`, then the remainder one by one,
    // as `css_sums_complete` adds them.
    let tail = n - ncond;
    let mut part = [[0.0; L]; 4];
    for i in 0..tail - tail % 4 {
        let x = row::<L>(e, ncond + i);
        for j in 0..L {
            part[i % 4][j] += x[j] * x[j];
        }
    }
    let mut sum: [f64; L] = std::array::from_fn(|j| (part[0][j] + part[1][j]) + (part[2][j] + part[3][j]));
    for i in tail - tail % 4..tail {
        let x = row::<L>(e, ncond + i);
        for j in 0..L {
            sum[j] += x[j] * x[j];
        }
    }
    ssq.copy_from_slice(&sum[..ssq.len()]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arima::css::{css_sums_kept, CssScratch};

    #[test]
    fn many_models_give_each_model_alone_to_the_bit() {
        let w: Vec<f64> = (0..230).map(|t| ((t * 37 % 101) as f64 / 17.0).sin() + 0.01 * t as f64).collect();
        // Models of every MA order beside one another: dense, sparse (seasonal), zero
        // coefficients among non-zero ones, and none at all.
        let mut models: Vec<(Vec<f64>, Vec<f64>)> = Vec::new();
        for k in 0..23 {
            let x = k as f64 / 23.0;
            let mut phi = vec![0.0; 14];
            let mut theta = vec![0.0; 13];
            if k % 3 != 0 {
                phi[0] = 0.5 - x;
            }
            if k % 4 == 1 {
                phi[1] = -0.2 * x;
                phi[12] = 0.1;
            }
            match k % 5 {
                0 => {}
                1 => theta[0] = 0.4 + x * 0.3,
                2 => {
                    theta[1] = -0.3 * x;
                    theta[3] = 0.2;
                }
                3 => {
                    theta[0] = 0.3;
                    theta[11] = -0.6 + 0.1 * x;
                    theta[12] = -0.18;
                }
                _ => theta[4] = 0.25 - x,
            }
            models.push((phi, theta));
        }
        for (p, q, ncond) in [(14, 13, 14), (2, 5, 2), (0, 13, 0), (14, 0, 14), (1, 4, 1), (14, 13, 229), (2, 2, 300)] {
            let refs: Vec<Model<'_>> = models.iter().map(|(a, b)| (&a[..p], &b[..q])).collect();
            for count in [23, 9, 5, 1] {
                let mut out = vec![(f64::NAN, 7); count];
                css_sums_many(&w, &refs[..count], ncond, &mut out, &mut vec![f64::NAN; 17]);
                for (&(phi, theta), got) in refs.iter().zip(&out) {
                    let (ssq, nu) = if ncond >= w.len() {
                        (0.0, 0)
                    } else {
                        let (ssq, nu, _) = css_sums_kept(&w, phi, theta, ncond, &mut CssScratch::default());
                        (ssq, nu)
                    };
                    assert_eq!(got.1, nu);
                    assert_eq!(got.0.to_bits(), ssq.to_bits(), "p {p} q {q} ncond {ncond} count {count}: {phi:?} {theta:?}");
                }
            }
        }
    }
}
