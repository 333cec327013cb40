//! x86-64 kernels.

pub(crate) mod avx2;
pub(crate) mod avx512;

#[cfg(test)]
pub(crate) mod tests {
    use crate::rolling::running_sum::{State, LANES};

    /// A SIMD tile must do exactly what `State::replace` + `full_mean` / `full_sum`
    /// do, lane by lane, including the cases real data rarely reaches: the sign rule
    /// (a running total a hair below zero over non-negative values, and above zero
    /// over values with the sign bit set) and a run of equal values reaching exactly `w`.
    /// The special cases sit in lanes 0-3, then (`reversed`) in lanes 4-7.
    pub(crate) fn tile_matches_scalar_steps(tile: impl Fn(&[f64], &[usize; LANES], usize, usize, usize, &mut [State; LANES], &mut [f64], bool) -> bool) {
        for reversed in [false, true] {
            check(&tile, reversed);
        }
    }

    fn check(tile: &impl Fn(&[f64], &[usize; LANES], usize, usize, usize, &mut [State; LANES], &mut [f64], bool) -> bool, reversed: bool) {
        let (w, tl) = (5usize, 16usize);
        // The lane that holds special case `c`.
        let lane = |c: usize| if reversed { LANES - 1 - c } else { c };
        let len = w + tl;
        let mut seed = 1u64;
        let mut rnd = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        let mut x = Vec::new();
        let mut st: [State; LANES] = std::array::from_fn(|_| State::new());
        for (k, s) in st.iter_mut().enumerate() {
            s.nobs = w;
            s.run = 1;
            s.sum = rnd();
            s.comp = 1e-17 * rnd();
            s.neg = 2;
            let lane: Vec<f64> = match if reversed { LANES - 1 - k } else { k } {
                // Zeros only, total slightly negative: the mean must be 0, not negative.
                0 => {
                    (s.sum, s.comp, s.neg) = (-1e-30, 0.0, 0);
                    vec![0.0; len]
                }
                // -0.0 only (sign bit set), total slightly positive: the mean must be 0.
                1 => {
                    (s.sum, s.comp, s.neg) = (1e-30, 0.0, w);
                    vec![-0.0; len]
                }
                // A run of a value whose multiples round, reaching w in the tile.
                2 => {
                    (s.prev, s.run) = (0.1, w - 2);
                    vec![0.1; len]
                }
                // Equal values with the run broken once.
                3 => (0..len).map(|i| if i == w + 3 { 0.7 } else { 0.3 }).collect(),
                _ => (0..len).map(|_| rnd() * 1e6).collect(),
            };
            x.extend(lane);
        }
        let p: [usize; LANES] = std::array::from_fn(|k| k * len + w);
        for mean in [false, true] {
            let mut want = vec![f64::NAN; x.len()];
            let mut want_st: Vec<State> = st.to_vec();
            for (k, s) in want_st.iter_mut().enumerate() {
                for i in p[k]..p[k] + tl {
                    s.replace(x[i], x[i - w]);
                    want[i] = if mean { s.full_mean(1.0 / w as f64) } else { s.full_sum() };
                }
            }
            let mut got = vec![f64::NAN; x.len()];
            let mut got_st: [State; LANES] = std::array::from_fn(|k| st[k]);
            // Every p[k] >= w and p[k] + tl <= x.len() == out.len().
            let done = tile(&x, &p, tl, w, 0, &mut got_st, &mut got, mean);
            assert!(done);
            for i in 0..x.len() {
                assert_eq!(got[i].to_bits(), want[i].to_bits(), "mean={mean} i={i}: {} vs {}", got[i], want[i]);
            }
            for (g, s) in got_st.iter().zip(&want_st) {
                assert_eq!((g.sum.to_bits(), g.comp.to_bits(), g.neg, g.run, g.prev.to_bits()), (s.sum.to_bits(), s.comp.to_bits(), s.neg, s.run, s.prev.to_bits()));
            }
            // The cases above were reached.
            if mean {
                assert_eq!((got[p[lane(0)]], got[p[lane(1)]]), (0.0, 0.0));
            }
            assert_eq!(got[p[lane(2)] + 1], if mean { 0.1 } else { 0.1 * w as f64 });
        }
        // A missing entering value: the tile reports it and leaves the state alone.
        x[p[5] + 7] = f64::NAN;
        let before = (st[5].sum, st[5].comp);
        let mut out = vec![0.0; x.len()];
        assert!(!tile(&x, &p, tl, w, 0, &mut st, &mut out, true));
        assert_eq!((st[5].sum, st[5].comp), before);
    }
}
