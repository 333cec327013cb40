//! Autocovariances gamma_x(0..len) of the pure AR process `x = e / phi(B)` (unit innovation
//! variance), the AR half of the ARMA autocovariances behind each likelihood's stationary
//! start (Brockwell & Davis 1991, §3.3 and §5.2): the partial autocorrelations of phi by the
//! Durbin–Levinson step-down, then the Yule–Walker equations order by order up to lag p, then
//! the AR recursion.
//!
//! They depend on phi alone, and consecutive likelihood evaluations often share it: the
//! points of a central-difference gradient or Hessian that move only MA or regression
//! coordinates, and the optimiser's accepted point evaluated again. So the results for the
//! last few phi are remembered, keyed by phi's bits: a hit returns exactly what the
//! computation would. With seasonal AR terms (degree 26 for P = 2, s = 12) the step-down and
//! the Yule–Walker sums are O(p^2) and their additions one long dependent chain, the larger
//! part of the stationary set-up.
//!
//! Beyond lag p the recursion `gamma_x(k) = sum_i phi_i gamma_x(k - i)` skips phi's zero
//! coefficients (most of an expanded seasonal polynomial) while every gamma_x so far is
//! finite (`numerics::sparse_sum`). A result can then differ from the plain loop's only in
//! the sign of a zero, which no later step can tell apart (each use is a product added to a
//! sum that starts at +0).

use crate::numerics::bits::same_bits;
use crate::numerics::sparse_sum::sum_skipping_zeros;

/// How many phi are remembered: the gradient's MA points come after its AR points, so the
/// accepted point's phi has to survive a few AR points' misses in between.
const SLOTS: usize = 8;

/// The remembered autocovariances and the step-down's workspace.
#[derive(Debug, Clone, Default)]
pub(super) struct ArAutocovariances {
    /// levels[k * p .. k * p + k]: the order-k coefficients a_{k,1..k}, k = 1..=p.
    levels: Vec<f64>,
    slots: Vec<Slot>,
    clock: u64,
}

#[derive(Debug, Clone, Default)]
struct Slot {
    phi: Vec<f64>,
    /// False when some partial autocorrelation is not inside (-1, 1).
    stationary: bool,
    acvf: Vec<f64>,
    used: u64,
}

impl ArAutocovariances {
    /// gamma_x(0..len) for `phi` (`len` > p), or None when phi is not stationary. `nz` lists
    /// phi's non-zero coefficients (0-based, ascending).
    pub(super) fn get(&mut self, phi: &[f64], nz: &[usize], len: usize) -> Option<&[f64]> {
        debug_assert!(len > phi.len());
        self.clock += 1;
        let found = self.slots.iter().position(|s| same_bits(&s.phi, phi));
        let i = match found {
            Some(i) => i,
            None => {
                let i = if self.slots.len() < SLOTS {
                    self.slots.push(Slot::default());
                    self.slots.len() - 1
                } else {
                    (0..SLOTS).min_by_key(|&i| self.slots[i].used).unwrap_or(0)
                };
                let slot = &mut self.slots[i];
                slot.phi.clear();
                slot.phi.extend_from_slice(phi);
                slot.acvf.clear();
                slot.stationary = step_down(&mut self.levels, phi);
                if slot.stationary {
                    yule_walker(&self.levels, phi, &mut slot.acvf);
                }
                i
            }
        };
        let slot = &mut self.slots[i];
        slot.used = self.clock;
        if !slot.stationary {
            return None;
        }
        extend(&mut slot.acvf, phi, nz, len);
        Some(&slot.acvf[..len])
    }
}

/// The Durbin–Levinson step-down of phi into `levels`; false when some partial
/// autocorrelation kappa_k = a_{k,k} is not inside (-1, 1). Its divisions are independent
/// within an order, so AVX takes four at a time (each correctly rounded: the same bits).
fn step_down(levels: &mut Vec<f64>, phi: &[f64]) -> bool {
    let p = phi.len();
    // Every entry read is written first (row k by the step from order k + 1), so a buffer
    // from an earlier phi needs no clearing.
    if levels.len() < (p + 1) * p {
        levels.resize((p + 1) * p, 0.0);
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the processor has AVX (checked just above).
        return unsafe { step_down_avx(levels, phi) };
    }
    step_down_rows(levels, phi)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn step_down_avx(levels: &mut [f64], phi: &[f64]) -> bool {
    step_down_rows(levels, phi)
}

#[inline(always)]
fn step_down_rows(lev: &mut [f64], phi: &[f64]) -> bool {
    let p = phi.len();
    lev[p * p..p * p + p].copy_from_slice(phi);
    for k in (1..=p).rev() {
        let kappa = lev[k * p + k - 1];
        if !kappa.is_finite() || kappa.abs() >= 1.0 {
            return false;
        }
        let den = 1.0 - kappa * kappa;
        // a_{k-1,j} = (a_{k,j} + kappa a_{k,k-j}) / (1 - kappa^2).
        let (lower, upper) = lev.split_at_mut(k * p);
        let cur = &upper[..k - 1];
        let prev = &mut lower[(k - 1) * p..(k - 1) * p + k - 1];
        for ((out, &x), &y) in prev.iter_mut().zip(cur).zip(cur.iter().rev()) {
            *out = (x + kappa * y) / den;
        }
    }
    true
}

/// gamma_x(0..=p) into `acvf`: gamma_x(0) = 1 / prod (1 - kappa_k^2), then Yule–Walker at
/// each order, gamma_x(k) = sum_{j=1}^{k} a_{k,j} gamma_x(k - j).
fn yule_walker(levels: &[f64], phi: &[f64], acvf: &mut Vec<f64>) {
    let p = phi.len();
    let mut inv_var = 1.0;
    for k in (1..=p).rev() {
        let kappa = levels[k * p + k - 1];
        inv_var *= 1.0 - kappa * kappa;
    }
    acvf.clear();
    acvf.push(1.0 / inv_var);
    for k in 1..=p {
        let coef = &levels[k * p..k * p + k];
        let v = coef.iter().zip(acvf.iter().rev()).map(|(a, g)| a * g).sum::<f64>();
        acvf.push(v);
    }
}

/// Extends `acvf` (at least p + 1 long) to `len` by the AR recursion, skipping phi's zero
/// coefficients while every gamma_x so far is finite.
fn extend(acvf: &mut Vec<f64>, phi: &[f64], nz: &[usize], len: usize) {
    if acvf.len() >= len {
        return;
    }
    let mut finite = acvf.iter().all(|g| g.is_finite());
    for k in acvf.len()..len {
        let done = &acvf[..k];
        let v = sum_skipping_zeros(-0.0, nz.iter().copied(), 0..phi.len(), finite, |i| phi[i] * done[k - 1 - i]);
        finite &= v.is_finite();
        acvf.push(v);
    }
}
