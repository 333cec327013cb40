//! R's one-dimensional minimiser `optimize()`: Brent's (1973) `localmin`, golden-section
//! steps combined with parabolic interpolation (R's `Brent_fmin`).

/// R's default `optimize()` tolerance, `.Machine$double.eps^0.25`.
pub const R_OPTIMIZE_TOL: f64 = 1.220_703_125e-4;

/// R's `optimize(f, c(lower, upper), tol = tol)$minimum`: Brent's (1973)
/// `localmin`, golden-section steps combined with parabolic interpolation, in
/// the same order of operations as R's `Brent_fmin`, so that it visits the same
/// points. As R, a non-finite objective value counts as the largest double.
pub fn r_optimize(mut f: impl FnMut(f64) -> f64, lower: f64, upper: f64, tol: f64) -> f64 {
    let mut eval = |x: f64| {
        let v = f(x);
        if v.is_finite() {
            v
        } else {
            f64::MAX
        }
    };
    // (3 - sqrt(5)) / 2: the golden-section fraction.
    let c = (3.0 - 5f64.sqrt()) * 0.5;
    let eps = f64::EPSILON.sqrt();
    let (mut a, mut b) = (lower, upper);
    let mut v = a + c * (b - a);
    let mut w = v;
    let mut x = v;
    let mut d = 0.0f64;
    let mut e = 0.0f64;
    let mut fx = eval(x);
    let mut fv = fx;
    let mut fw = fx;
    let tol3 = tol / 3.0;

    loop {
        let xm = (a + b) * 0.5;
        let tol1 = eps * x.abs() + tol3;
        let t2 = tol1 * 2.0;
        if (x - xm).abs() <= t2 - (b - a) * 0.5 {
            break;
        }
        let mut p = 0.0;
        let mut q = 0.0;
        let mut r = 0.0;
        if e.abs() > tol1 {
            // Parabola through (v, fv), (w, fw), (x, fx).
            r = (x - w) * (fx - fv);
            q = (x - v) * (fx - fw);
            p = (x - v) * q - (x - w) * r;
            q = (q - r) * 2.0;
            if q > 0.0 {
                p = -p;
            } else {
                q = -q;
            }
            r = e;
            e = d;
        }
        if p.abs() >= (q * 0.5 * r).abs() || p <= q * (a - x) || p >= q * (b - x) {
            // Golden-section step into the larger part of the bracket.
            e = if x < xm { b - x } else { a - x };
            d = c * e;
        } else {
            d = p / q;
            let u = x + d;
            // Never evaluate too close to the bracket ends.
            if u - a < t2 || b - u < t2 {
                d = if x < xm { tol1 } else { -tol1 };
            }
        }
        let u = if d.abs() >= tol1 {
            x + d
        } else if d > 0.0 {
            x + tol1
        } else {
            x - tol1
        };
        let fu = eval(u);
        if fu <= fx {
            if u < x {
                b = x;
            } else {
                a = x;
            }
            v = w;
            w = x;
            x = u;
            fv = fw;
            fw = fx;
            fx = fu;
        } else {
            if u < x {
                a = u;
            } else {
                b = u;
            }
            if fu <= fw || w == x {
                v = w;
                fv = fw;
                w = u;
                fw = fu;
            } else if fu <= fv || v == x || v == w {
                v = u;
                fv = fu;
            }
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_optimize_finds_known_minima() {
        // A smooth function with an interior minimum, and one whose minimum is an end point.
        let x = r_optimize(|v| (v - 0.3).powi(2) + 1.0, -1.0, 2.0, 1e-10);
        assert!((x - 0.3).abs() < 1e-8, "{x}");
        let x = r_optimize(|v| v, -1.0, 2.0, R_OPTIMIZE_TOL);
        assert!(x < -1.0 + 1e-3, "{x}");
        // Non-finite values are treated as +large, not as a minimum.
        let x = r_optimize(|v| if v < 0.5 { f64::NAN } else { (v - 1.0).powi(2) }, -1.0, 2.0, 1e-8);
        assert!((x - 1.0).abs() < 1e-6, "{x}");
    }
}
