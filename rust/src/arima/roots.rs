//! Complex roots of a real polynomial (R's `polyroot` role), by the
//! Aberth–Ehrlich simultaneous iteration (Aberth 1973, Ehrlich 1967), used by
//! the MA invertibility step. Degrees here are small (<= 20).

/// A minimal complex number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub(crate) const fn new(re: f64, im: f64) -> Self {
        Complex { re, im }
    }
    pub(crate) fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }
    pub(crate) fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }
    pub(crate) fn mul(self, o: Complex) -> Complex {
        Complex::new(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)
    }
    pub(crate) fn div(self, o: Complex) -> Complex {
        // Smith's algorithm, robust against overflow.
        if o.re.abs() >= o.im.abs() {
            let r = o.im / o.re;
            let den = o.re + o.im * r;
            Complex::new((self.re + self.im * r) / den, (self.im - self.re * r) / den)
        } else {
            let r = o.re / o.im;
            let den = o.re * r + o.im;
            Complex::new((self.re * r + self.im) / den, (self.im * r - self.re) / den)
        }
    }
    pub(crate) fn abs(self) -> f64 {
        self.re.hypot(self.im)
    }
    pub(crate) fn recip(self) -> Complex {
        Complex::new(1.0, 0.0).div(self)
    }
}

/// Value and derivative of `sum coef[i] z^i` at `z` (Horner).
fn eval(coef: &[f64], z: Complex) -> (Complex, Complex) {
    let mut p = Complex::new(0.0, 0.0);
    let mut dp = Complex::new(0.0, 0.0);
    for &c in coef.iter().rev() {
        dp = dp.mul(z).add(p);
        p = p.mul(z).add(Complex::new(c, 0.0));
    }
    (p, dp)
}

/// Roots of the lag polynomial `1 + sign * (c[0] z + c[1] z^2 + ...)` (sign -1 for an AR
/// part, +1 for an MA part), trailing zero coefficients dropped; none when all are zero.
pub(crate) fn lag_polynomial_roots(c: &[f64], sign: f64) -> Vec<Complex> {
    let Some(last) = c.iter().rposition(|&v| v != 0.0) else { return Vec::new() };
    let mut poly = Vec::with_capacity(last + 2);
    poly.push(1.0);
    poly.extend(c[..=last].iter().map(|v| sign * v));
    polyroot(&poly)
}

/// Roots of `coef[0] + coef[1] z + ... + coef[n] z^n` (increasing powers, as
/// R's `polyroot`). The leading coefficient must be non-zero; returns an empty
/// vector for degree 0.
pub(crate) fn polyroot(coef: &[f64]) -> Vec<Complex> {
    let n = coef.len().saturating_sub(1);
    if n == 0 {
        return Vec::new();
    }
    let lead = coef[n];
    if n == 1 {
        return vec![Complex::new(-coef[0] / lead, 0.0)];
    }
    // Initial guesses on a circle whose radius is the geometric mean of the
    // roots' moduli, rotated off the real axis to break symmetry.
    let radius = (coef[0] / lead).abs().powf(1.0 / n as f64).max(1e-3);
    let mut z: Vec<Complex> = (0..n)
        .map(|k| {
            let ang = 2.0 * std::f64::consts::PI * k as f64 / n as f64 + 0.4;
            Complex::new(radius * ang.cos(), radius * ang.sin())
        })
        .collect();
    for _ in 0..500 {
        let mut max_step: f64 = 0.0;
        for k in 0..n {
            let (p, dp) = eval(coef, z[k]);
            if p.abs() == 0.0 {
                continue;
            }
            let ratio = p.div(dp);
            let mut sum = Complex::new(0.0, 0.0);
            for j in 0..n {
                if j != k {
                    let diff = z[k].sub(z[j]);
                    if diff.abs() > 0.0 {
                        sum = sum.add(diff.recip());
                    }
                }
            }
            let denom = Complex::new(1.0, 0.0).sub(ratio.mul(sum));
            let step = if denom.abs() > 0.0 { ratio.div(denom) } else { ratio };
            if step.re.is_finite() && step.im.is_finite() {
                z[k] = z[k].sub(step);
                max_step = max_step.max(step.abs() / z[k].abs().max(1e-300));
            }
        }
        if max_step < 1e-15 {
            break;
        }
    }
    z
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadratic_and_cubic() {
        // (1 - 2z)(1 + z) = 1 - z - 2 z^2 -> roots 0.5, -1
        let mut r: Vec<f64> = polyroot(&[1.0, -1.0, -2.0]).iter().map(|c| c.re).collect();
        r.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
        assert!((r[0] + 1.0).abs() < 1e-12 && (r[1] - 0.5).abs() < 1e-12);
        // z^2 + 1 -> +-i
        let r = polyroot(&[1.0, 0.0, 1.0]);
        for c in r {
            assert!(c.re.abs() < 1e-12 && (c.im.abs() - 1.0).abs() < 1e-12);
        }
    }
}
