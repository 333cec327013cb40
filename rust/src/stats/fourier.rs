//! Fourier terms as R's `forecast::fourier(x, K, h)`: for each seasonal period (any
//! positive real, 52.18 or 365.25 included) the pairs `sin(2 pi k t / period)`,
//! `cos(2 pi k t / period)`, k = 1..K, at times t = 1..n (the fit) or n+1..n+h (the
//! forecast). As R: a frequency shared by two periods is kept once, a sine that is zero
//! at every integer time (k / period = 1/2) is left out, and the columns are named
//! `S1-7`, `C1-7`, ... with the period rounded.

use crate::error::{invalid, CoreResult};

/// One seasonal period and its number of sine/cosine pairs (R's `K`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FourierTerm {
    pub period: f64,
    pub k: usize,
}

impl FourierTerm {
    /// R's rule `2 K <= period`, for a finite positive period.
    pub fn validate(&self) -> CoreResult<()> {
        if !(self.period.is_finite() && self.period > 0.0) {
            return invalid(format!("fourier: period must be a positive number, got {}", self.period));
        }
        if 2.0 * self.k as f64 > self.period {
            return invalid(format!(
                "fourier: K must not be greater than period/2, got K = {} for period {}",
                self.k, self.period
            ));
        }
        Ok(())
    }
}

/// The terms of a spec text's `fourier=[period:K,...]` list (`value` is what the brackets
/// hold, `at` its position for messages): each period a positive number (52.18, 365.25), K
/// a whole number with 2 K <= period. The text forms of `arima` and `auto_arima` read it.
pub fn parse_terms(value: &str, at: usize) -> CoreResult<Vec<FourierTerm>> {
    let bad = || {
        invalid(format!("at position {at}: fourier must be a list [period:K,...] such as [7:3,365.25:10], got '{value}'"))
    };
    let mut terms = Vec::new();
    for item in value.split(',') {
        let Some((period, k)) = item.split_once(':') else { return bad() };
        let (Ok(period), Ok(k)) = (period.parse::<f64>(), k.parse::<usize>()) else { return bad() };
        let term = FourierTerm { period, k };
        term.validate().map_err(|e| crate::error::CoreError::InvalidArgument(format!("at position {at}: {e}")))?;
        terms.push(term);
    }
    Ok(terms)
}

/// The canonical text of `terms`, `[7:3,365.25:10]`, which [`parse_terms`] reads back.
pub fn terms_text(terms: &[FourierTerm]) -> String {
    let items: Vec<String> = terms.iter().map(|t| format!("{}:{}", t.period, t.k)).collect();
    format!("[{}]", items.join(","))
}

/// `sin(pi x)` with `x` reduced exactly modulo 2 into (-1, 1] first and the exact values
/// at multiples of 1/2 (R's `sinpi`), so that large times lose no more accuracy than the
/// product `2 k t / period` itself.
fn sinpi(x: f64) -> f64 {
    let mut r = x % 2.0;
    if r <= -1.0 {
        r += 2.0;
    } else if r > 1.0 {
        r -= 2.0;
    }
    match r {
        r if r == 0.0 || r == 1.0 => 0.0,
        0.5 => 1.0,
        -0.5 => -1.0,
        r => (std::f64::consts::PI * r).sin(),
    }
}

/// `cos(pi x)` as R's `cospi`: |x| reduced modulo 2, exact at multiples of 1/2.
fn cospi(x: f64) -> f64 {
    let r = x.abs() % 2.0;
    if r % 1.0 == 0.5 {
        0.0
    } else if r == 1.0 {
        -1.0
    } else if r == 0.0 {
        1.0
    } else {
        (std::f64::consts::PI * r).cos()
    }
}

/// The columns (with R's names) of the Fourier terms at the given times (1-based).
pub fn fourier_at(terms: &[FourierTerm], times: impl Iterator<Item = f64> + Clone) -> CoreResult<(Vec<String>, Vec<Vec<f64>>)> {
    let mut freqs: Vec<(f64, usize, usize)> = Vec::new(); // (k / period, k, index of the term)
    for (j, term) in terms.iter().enumerate() {
        term.validate()?;
        for k in 1..=term.k {
            let p = k as f64 / term.period;
            if !freqs.iter().any(|f| f.0 == p) {
                freqs.push((p, k, j));
            }
        }
    }
    let mut names = Vec::with_capacity(2 * freqs.len());
    let mut cols = Vec::with_capacity(2 * freqs.len());
    for &(p, k, j) in &freqs {
        let label = terms[j].period.round_ties_even();
        if (2.0 * p - (2.0 * p).round()).abs() > f64::EPSILON {
            names.push(format!("S{k}-{label}"));
            cols.push(times.clone().map(|t| sinpi(2.0 * p * t)).collect());
        }
        names.push(format!("C{k}-{label}"));
        cols.push(times.clone().map(|t| cospi(2.0 * p * t)).collect());
    }
    Ok((names, cols))
}

/// R's `fourier(x, K)`: the terms over the n observations, t = 1..n.
pub fn fourier(terms: &[FourierTerm], n: usize) -> CoreResult<(Vec<String>, Vec<Vec<f64>>)> {
    fourier_at(terms, (1..=n).map(|t| t as f64))
}

/// R's `fourier(x, K, h)`: the terms at the h times after the n observations.
pub fn fourier_future(terms: &[FourierTerm], n: usize, h: usize) -> CoreResult<(Vec<String>, Vec<Vec<f64>>)> {
    fourier_at(terms, (n + 1..=n + h).map(|t| t as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_duplicates_and_the_nyquist_sine() {
        // Period 4 with K = 2: k / period = 1/2 has no sine; 2 and 4 share 1/4 and 1/2.
        let terms = [FourierTerm { period: 4.0, k: 2 }, FourierTerm { period: 2.0, k: 1 }];
        let (names, cols) = fourier(&terms, 8).expect("valid");
        assert_eq!(names, ["S1-4", "C1-4", "C2-4"]);
        assert_eq!(cols[2], [-1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0]);
        assert_eq!(cols[0][..4], [1.0, 0.0, -1.0, 0.0]);
        let (_, future) = fourier_future(&terms, 8, 2).expect("valid");
        assert_eq!(future[1], [0.0, -1.0]);
        assert!(fourier(&[FourierTerm { period: 7.0, k: 4 }], 10).is_err());
        assert!(fourier(&[FourierTerm { period: f64::NAN, k: 1 }], 10).is_err());
    }
}
