//! AVX-512 step of the rolling sum/mean lane kernel (`rolling::sum::lanes`): all eight
//! add-and-remove chains in one vector, the same floating-point operations in the same
//! order as the scalar `State::replace` + `full_mean` / `full_sum` (and as the AVX2
//! tile, which holds four chains per vector and so needs twice the instructions).

use std::arch::x86_64::*;

use crate::rolling::running_sum::{State, CANCELLATION, LANES};

/// The eight chains' state, one chain per vector lane.
struct Group {
    sum: __m512d,
    comp: __m512d,
    neg: __m512i,
    run: __m512i,
    prev: __m512d,
    /// Lanes where the sum cancelled while holding rounding debris (`State::suspect`).
    suspect: __mmask8,
}

#[inline(always)]
unsafe fn load(st: &[State; LANES]) -> Group {
    let f = |get: fn(&State) -> f64| _mm512_loadu_pd(st.map(|s| get(&s)).as_ptr());
    let i = |get: fn(&State) -> usize| _mm512_loadu_si512(st.map(|s| get(&s) as i64).as_ptr().cast());
    Group { sum: f(|s| s.sum), comp: f(|s| s.comp), neg: i(|s| s.neg), run: i(|s| s.run), prev: f(|s| s.prev), suspect: 0 }
}

#[inline(always)]
unsafe fn store(g: &Group, st: &mut [State; LANES]) {
    let (mut sum, mut comp, mut neg, mut run, mut prev) = ([0.0; LANES], [0.0; LANES], [0i64; LANES], [0i64; LANES], [0.0; LANES]);
    _mm512_storeu_pd(sum.as_mut_ptr(), g.sum);
    _mm512_storeu_pd(comp.as_mut_ptr(), g.comp);
    _mm512_storeu_si512(neg.as_mut_ptr().cast(), g.neg);
    _mm512_storeu_si512(run.as_mut_ptr().cast(), g.run);
    _mm512_storeu_pd(prev.as_mut_ptr(), g.prev);
    for k in 0..LANES {
        st[k].sum = sum[k];
        st[k].comp = comp[k];
        st[k].neg = neg[k] as usize;
        st[k].run = run[k] as usize;
        st[k].prev = prev[k];
    }
}

/// Qword picks of `_mm512_permutex2var_pd` (0..8 from the first vector, 8..16 from the
/// second) joining 128-bit blocks 0 and 2, or 1 and 3, of two vectors alternately.
struct Picks {
    even: __m512i,
    odd: __m512i,
}

/// Rows `r[j]` = four consecutive values of lane `j` (low half) and of lane `j + 4`
/// (high half) -> columns `c[s]` = step `s` of all eight lanes. The same operations map
/// columns back to rows, so this is also the way out.
#[inline(always)]
unsafe fn transpose(r: [__m512d; 4], p: &Picks) -> [__m512d; 4] {
    let t0 = _mm512_unpacklo_pd(r[0], r[1]);
    let t1 = _mm512_unpackhi_pd(r[0], r[1]);
    let t2 = _mm512_unpacklo_pd(r[2], r[3]);
    let t3 = _mm512_unpackhi_pd(r[2], r[3]);
    [
        _mm512_permutex2var_pd(t0, p.even, t2),
        _mm512_permutex2var_pd(t1, p.even, t3),
        _mm512_permutex2var_pd(t0, p.odd, t2),
        _mm512_permutex2var_pd(t1, p.odd, t3),
    ]
}

/// Loads `x[p[k] + off .. + 4]` for the eight lanes, transposed.
#[inline(always)]
unsafe fn gather(x: *const f64, p: &[usize; LANES], off: usize, picks: &Picks) -> [__m512d; 4] {
    let row = |j: usize| {
        let low = _mm512_castpd256_pd512(_mm256_loadu_pd(x.add(p[j] + off)));
        _mm512_insertf64x4::<1>(low, _mm256_loadu_pd(x.add(p[j + 4] + off)))
    };
    transpose([row(0), row(1), row(2), row(3)], picks)
}

/// Constants of one window size.
struct Consts {
    inv_w: __m512d,
    wf: __m512d,
    w: __m512i,
    w_minus_1: __m512i,
    /// Sign-bit counts from which no lane reaches 0 or `w` within 4 steps: `[5, w - 5]`.
    signs_low: __m512i,
    signs_high: __m512i,
    one: __m512i,
    zero_i: __m512i,
    zero: __m512d,
    sign: __m512i,
    cancellation: __m512d,
}

#[inline(always)]
unsafe fn xor(a: __m512d, b: __m512i) -> __m512d {
    _mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(a), b))
}

/// One step of the eight chains: `State::replace(vin, vout)` then `full_mean` /
/// `full_sum`, lane-wise, with the same floating-point operations. `SIGNS`: apply the
/// mean's sign rule; the caller may leave it out where no lane's window can hold values of
/// one sign only (then the rule changes nothing).
#[inline(always)]
unsafe fn step<const MEAN: bool, const SIGNS: bool>(g: &mut Group, vin: __m512d, vout: __m512d, c: &Consts) -> __m512d {
    // (dh, dl) = two_sum(vin, -vout)
    let nout = xor(vout, c.sign);
    let dh = _mm512_add_pd(vin, nout);
    let bb = _mm512_sub_pd(dh, vin);
    let dl = _mm512_add_pd(_mm512_sub_pd(vin, _mm512_sub_pd(dh, bb)), _mm512_sub_pd(nout, bb));
    // (s, e) = two_sum(sum, dh)
    let s = _mm512_add_pd(g.sum, dh);
    let bb = _mm512_sub_pd(s, g.sum);
    let e = _mm512_add_pd(_mm512_sub_pd(g.sum, _mm512_sub_pd(s, bb)), _mm512_sub_pd(dh, bb));
    g.sum = s;
    g.comp = _mm512_add_pd(g.comp, _mm512_add_pd(e, dl));
    // Sign-bit counts.
    let sin = _mm512_srli_epi64::<63>(_mm512_castpd_si512(vin));
    let sout = _mm512_srli_epi64::<63>(_mm512_castpd_si512(vout));
    g.neg = _mm512_add_epi64(g.neg, _mm512_sub_epi64(sin, sout));
    // Run of equal values: run + 1 if vin == prev, else 1.
    let eq = _mm512_cmp_pd_mask::<_CMP_EQ_OQ>(vin, g.prev);
    g.run = _mm512_mask_add_epi64(c.one, eq, g.run, c.one);
    g.prev = vin;
    let constant = _mm512_cmpgt_epi64_mask(g.run, c.w_minus_1);
    let total = _mm512_add_pd(g.sum, g.comp);
    // State::suspect (the non-finite half is caught by the check at the end).
    let has_debris = _mm512_cmp_pd_mask::<_CMP_NEQ_OQ>(g.comp, c.zero);
    let moved = _mm512_max_pd(_mm512_abs_pd(vin), _mm512_abs_pd(vout));
    let cancelled = _mm512_cmp_pd_mask::<_CMP_GT_OQ>(moved, _mm512_mul_pd(c.cancellation, _mm512_abs_pd(total)));
    g.suspect |= has_debris & cancelled;
    if MEAN && !SIGNS {
        _mm512_mask_mov_pd(_mm512_mul_pd(total, c.inv_w), constant, vin)
    } else if MEAN {
        let m = _mm512_mul_pd(total, c.inv_w);
        // Masked compares: "no value negative and m < 0", "all negative and m > 0".
        let none_neg = _mm512_cmpeq_epi64_mask(g.neg, c.zero_i);
        let all_neg = _mm512_cmpeq_epi64_mask(g.neg, c.w);
        let wrong = _mm512_mask_cmp_pd_mask::<_CMP_LT_OQ>(none_neg, m, c.zero) | _mm512_mask_cmp_pd_mask::<_CMP_GT_OQ>(all_neg, m, c.zero);
        _mm512_mask_mov_pd(_mm512_mask_mov_pd(m, wrong, c.zero), constant, vin)
    } else {
        _mm512_mask_blend_pd(constant, total, _mm512_mul_pd(vin, c.wf))
    }
}

/// The contract of the AVX2 `tile`, for all eight lanes in one vector: `tl` (a multiple
/// of 4) steps of every lane, lane `k` entering `x[p[k]..p[k] + tl]` and leaving
/// `x[p[k] - w..]`, writing `out[p[k] - skip..]`; false, with `st` unchanged, if a running
/// sum is not finite at the end or a sum cancelled (the caller redoes the tile).
///
/// # Safety
/// AVX-512F must be available, and for every `k`: `w <= p[k]`, `skip <= p[k]`,
/// `p[k] + tl <= x.len()`, `p[k] - skip + tl <= out.len()`.
#[target_feature(enable = "avx512f")]
pub(crate) unsafe fn tile<const MEAN: bool>(
    x: &[f64],
    p: &[usize; LANES],
    tl: usize,
    w: usize,
    skip: usize,
    st: &mut [State; LANES],
    out: &mut [f64],
) -> bool {
    debug_assert!(tl.is_multiple_of(4));
    let xp = x.as_ptr();
    let op = out.as_mut_ptr();
    let c = Consts {
        inv_w: _mm512_set1_pd(1.0 / w as f64),
        wf: _mm512_set1_pd(w as f64),
        w: _mm512_set1_epi64(w as i64),
        w_minus_1: _mm512_set1_epi64(w as i64 - 1),
        signs_low: _mm512_set1_epi64(5),
        signs_high: _mm512_set1_epi64(w as i64 - 5),
        one: _mm512_set1_epi64(1),
        zero_i: _mm512_setzero_si512(),
        zero: _mm512_setzero_pd(),
        sign: _mm512_set1_epi64(i64::MIN),
        cancellation: _mm512_set1_pd(CANCELLATION),
    };
    let picks = Picks { even: _mm512_setr_epi64(0, 1, 8, 9, 4, 5, 12, 13), odd: _mm512_setr_epi64(2, 3, 10, 11, 6, 7, 14, 15) };
    let leave: [usize; LANES] = std::array::from_fn(|k| p[k] - w);
    let o: [usize; LANES] = std::array::from_fn(|k| p[k] - skip);
    let mut g = load(st);
    let mut t = 0;
    while t < tl {
        let vin = gather(xp, p, t, &picks);
        let vout = gather(xp, &leave, t, &picks);
        let mut r = [_mm512_setzero_pd(); 4];
        // A count of values with the sign bit set moves by at most 1 per step: starting in
        // [5, w - 5], no window of the next 4 steps is all of one sign.
        let mixed = _mm512_cmpge_epi64_mask(g.neg, c.signs_low) & _mm512_cmple_epi64_mask(g.neg, c.signs_high);
        if !MEAN || mixed == 0xff {
            for j in 0..4 {
                r[j] = step::<MEAN, false>(&mut g, vin[j], vout[j], &c);
            }
        } else {
            for j in 0..4 {
                r[j] = step::<MEAN, true>(&mut g, vin[j], vout[j], &c);
            }
        }
        let rows = transpose(r, &picks);
        for (j, row) in rows.iter().enumerate() {
            _mm256_storeu_pd(op.add(o[j] + t), _mm512_castpd512_pd256(*row));
            _mm256_storeu_pd(op.add(o[j + 4] + t), _mm512_extractf64x4_pd::<1>(*row));
        }
        t += 4;
    }
    // x * 0 is 0 for finite x and NaN otherwise.
    let probe = _mm512_mul_pd(_mm512_add_pd(g.sum, g.comp), c.zero);
    if _mm512_cmp_pd_mask::<_CMP_EQ_OQ>(probe, c.zero) != 0xff || g.suspect != 0 {
        return false;
    }
    store(&g, st);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rolling::arch::x86_64::tests::tile_matches_scalar_steps;

    #[test]
    fn avx512_tile_matches_scalar_steps() {
        if !std::arch::is_x86_feature_detected!("avx512f") {
            return;
        }
        // SAFETY: AVX-512F checked above; the helper keeps every lane's range in bounds.
        tile_matches_scalar_steps(|x, p, tl, w, skip, st, out, mean| unsafe {
            if mean {
                tile::<true>(x, p, tl, w, skip, st, out)
            } else {
                tile::<false>(x, p, tl, w, skip, st, out)
            }
        });
    }
}
