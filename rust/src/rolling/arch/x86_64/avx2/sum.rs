//! AVX2 step of the rolling sum/mean lane kernel (`rolling::sum::lanes`): four
//! add-and-remove chains per vector, the same floating-point operations in the
//! same order as the scalar `State::replace` + `full_mean` / `full_sum`.

use std::arch::x86_64::*;

use crate::rolling::running_sum::{State, CANCELLATION, LANES};

/// Four chains' state, one chain per vector lane.
struct Group {
    sum: __m256d,
    comp: __m256d,
    neg: __m256i,
    run: __m256i,
    prev: __m256d,
    /// Lanes where the sum cancelled while holding rounding debris (`State::suspect`).
    suspect: __m256d,
}

#[inline(always)]
unsafe fn load(st: &[State]) -> Group {
    Group {
        sum: _mm256_setr_pd(st[0].sum, st[1].sum, st[2].sum, st[3].sum),
        comp: _mm256_setr_pd(st[0].comp, st[1].comp, st[2].comp, st[3].comp),
        neg: _mm256_setr_epi64x(st[0].neg as i64, st[1].neg as i64, st[2].neg as i64, st[3].neg as i64),
        run: _mm256_setr_epi64x(st[0].run as i64, st[1].run as i64, st[2].run as i64, st[3].run as i64),
        prev: _mm256_setr_pd(st[0].prev, st[1].prev, st[2].prev, st[3].prev),
        suspect: _mm256_setzero_pd(),
    }
}

#[inline(always)]
unsafe fn store(g: &Group, st: &mut [State]) {
    let (mut sum, mut comp, mut neg, mut run, mut prev) = ([0.0; 4], [0.0; 4], [0i64; 4], [0i64; 4], [0.0; 4]);
    _mm256_storeu_pd(sum.as_mut_ptr(), g.sum);
    _mm256_storeu_pd(comp.as_mut_ptr(), g.comp);
    _mm256_storeu_si256(neg.as_mut_ptr().cast(), g.neg);
    _mm256_storeu_si256(run.as_mut_ptr().cast(), g.run);
    _mm256_storeu_pd(prev.as_mut_ptr(), g.prev);
    for k in 0..4 {
        st[k].sum = sum[k];
        st[k].comp = comp[k];
        st[k].neg = neg[k] as usize;
        st[k].run = run[k] as usize;
        st[k].prev = prev[k];
    }
}

/// Rows `r[k]` = four consecutive values of lane `k` -> columns = one step of four lanes.
#[inline(always)]
unsafe fn transpose(r: [__m256d; 4]) -> [__m256d; 4] {
    let t0 = _mm256_unpacklo_pd(r[0], r[1]);
    let t1 = _mm256_unpackhi_pd(r[0], r[1]);
    let t2 = _mm256_unpacklo_pd(r[2], r[3]);
    let t3 = _mm256_unpackhi_pd(r[2], r[3]);
    [
        _mm256_permute2f128_pd(t0, t2, 0x20),
        _mm256_permute2f128_pd(t1, t3, 0x20),
        _mm256_permute2f128_pd(t0, t2, 0x31),
        _mm256_permute2f128_pd(t1, t3, 0x31),
    ]
}

/// Loads `x[p[k] + off .. + 4]` for the group's four lanes, transposed.
#[inline(always)]
unsafe fn gather(x: *const f64, p: &[usize], off: usize) -> [__m256d; 4] {
    transpose([
        _mm256_loadu_pd(x.add(p[0] + off)),
        _mm256_loadu_pd(x.add(p[1] + off)),
        _mm256_loadu_pd(x.add(p[2] + off)),
        _mm256_loadu_pd(x.add(p[3] + off)),
    ])
}

/// Constants of one window size.
struct Consts {
    inv_w: __m256d,
    wf: __m256d,
    w: __m256i,
    w_minus_1: __m256i,
    one: __m256i,
    cancellation: __m256d,
    abs_mask: __m256d,
}

/// One step of four chains: `State::replace(vin, vout)` then `full_mean` /
/// `full_sum`, lane-wise, with the same floating-point operations.
#[inline(always)]
unsafe fn step<const MEAN: bool>(g: &mut Group, vin: __m256d, vout: __m256d, c: &Consts) -> __m256d {
    // (dh, dl) = two_sum(vin, -vout)
    let nout = _mm256_xor_pd(vout, _mm256_set1_pd(-0.0));
    let dh = _mm256_add_pd(vin, nout);
    let bb = _mm256_sub_pd(dh, vin);
    let dl = _mm256_add_pd(_mm256_sub_pd(vin, _mm256_sub_pd(dh, bb)), _mm256_sub_pd(nout, bb));
    // (s, e) = two_sum(sum, dh)
    let s = _mm256_add_pd(g.sum, dh);
    let bb = _mm256_sub_pd(s, g.sum);
    let e = _mm256_add_pd(_mm256_sub_pd(g.sum, _mm256_sub_pd(s, bb)), _mm256_sub_pd(dh, bb));
    g.sum = s;
    g.comp = _mm256_add_pd(g.comp, _mm256_add_pd(e, dl));
    // Sign-bit counts.
    let sin = _mm256_srli_epi64::<63>(_mm256_castpd_si256(vin));
    let sout = _mm256_srli_epi64::<63>(_mm256_castpd_si256(vout));
    g.neg = _mm256_add_epi64(g.neg, _mm256_sub_epi64(sin, sout));
    // Run of equal values: run + 1 if vin == prev, else 1.
    let eq = _mm256_castpd_si256(_mm256_cmp_pd::<_CMP_EQ_OQ>(vin, g.prev));
    g.run = _mm256_add_epi64(_mm256_and_si256(g.run, eq), c.one);
    g.prev = vin;
    let constant = _mm256_castsi256_pd(_mm256_cmpgt_epi64(g.run, c.w_minus_1));
    let total = _mm256_add_pd(g.sum, g.comp);
    // State::suspect (the non-finite half is caught by the check at the end).
    let has_debris = _mm256_cmp_pd::<_CMP_NEQ_OQ>(g.comp, _mm256_setzero_pd());
    let cancelled = _mm256_cmp_pd::<_CMP_GT_OQ>(
        _mm256_max_pd(_mm256_and_pd(vin, c.abs_mask), _mm256_and_pd(vout, c.abs_mask)),
        _mm256_mul_pd(c.cancellation, _mm256_and_pd(total, c.abs_mask)),
    );
    g.suspect = _mm256_or_pd(g.suspect, _mm256_and_pd(has_debris, cancelled));
    if MEAN {
        let m = _mm256_mul_pd(total, c.inv_w);
        let zero = _mm256_setzero_pd();
        let none_neg = _mm256_castsi256_pd(_mm256_cmpeq_epi64(g.neg, _mm256_setzero_si256()));
        let all_neg = _mm256_castsi256_pd(_mm256_cmpeq_epi64(g.neg, c.w));
        let wrong = _mm256_or_pd(
            _mm256_and_pd(none_neg, _mm256_cmp_pd::<_CMP_LT_OQ>(m, zero)),
            _mm256_and_pd(all_neg, _mm256_cmp_pd::<_CMP_GT_OQ>(m, zero)),
        );
        _mm256_blendv_pd(_mm256_andnot_pd(wrong, m), vin, constant)
    } else {
        _mm256_blendv_pd(total, _mm256_mul_pd(vin, c.wf), constant)
    }
}

/// `tl` (a multiple of 4) steps of every lane, lane `k` entering `x[p[k]..p[k] + tl]`
/// and leaving `x[p[k] - w..]`, writing `out[p[k] - skip..]`. Every window is full
/// (so the values leaving it are finite). Returns false, leaving `st` unchanged, if
/// a running sum is no longer finite at the end: an entering value was missing
/// (NaN and infinities are absorbing in the running sum), or - harmlessly, only
/// slower - the sum overflowed. The caller then redoes the tile with the scalar
/// kernel, overwriting the outputs written here.
///
/// # Safety
/// AVX2 must be available, and for every `k`: `w <= p[k]`, `skip <= p[k]`,
/// `p[k] + tl <= x.len()`, `p[k] - skip + tl <= out.len()`.
#[target_feature(enable = "avx2")]
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
        inv_w: _mm256_set1_pd(1.0 / w as f64),
        wf: _mm256_set1_pd(w as f64),
        w: _mm256_set1_epi64x(w as i64),
        w_minus_1: _mm256_set1_epi64x(w as i64 - 1),
        one: _mm256_set1_epi64x(1),
        cancellation: _mm256_set1_pd(CANCELLATION),
        abs_mask: _mm256_castsi256_pd(_mm256_set1_epi64x(i64::MAX)),
    };
    let (pa, pb) = p.split_at(4);
    let lv_a: [usize; 4] = std::array::from_fn(|k| pa[k] - w);
    let lv_b: [usize; 4] = std::array::from_fn(|k| pb[k] - w);
    let oa: [usize; 4] = std::array::from_fn(|k| pa[k] - skip);
    let ob: [usize; 4] = std::array::from_fn(|k| pb[k] - skip);
    let (sa, sb) = st.split_at_mut(4);
    let mut a = load(sa);
    let mut b = load(sb);
    let mut t = 0;
    while t < tl {
        let ina = gather(xp, pa, t);
        let outa = gather(xp, &lv_a, t);
        let inb = gather(xp, pb, t);
        let outb = gather(xp, &lv_b, t);
        let mut ra = [_mm256_setzero_pd(); 4];
        let mut rb = [_mm256_setzero_pd(); 4];
        for j in 0..4 {
            // The two groups are independent chains: interleaving them hides latency.
            ra[j] = step::<MEAN>(&mut a, ina[j], outa[j], &c);
            rb[j] = step::<MEAN>(&mut b, inb[j], outb[j], &c);
        }
        let ra = transpose(ra);
        let rb = transpose(rb);
        for k in 0..4 {
            _mm256_storeu_pd(op.add(oa[k] + t), ra[k]);
            _mm256_storeu_pd(op.add(ob[k] + t), rb[k]);
        }
        t += 4;
    }
    let sums = _mm256_add_pd(_mm256_add_pd(a.sum, a.comp), _mm256_add_pd(b.sum, b.comp));
    // x * 0 is 0 for finite x and NaN otherwise.
    let probe = _mm256_mul_pd(sums, _mm256_setzero_pd());
    if _mm256_movemask_pd(_mm256_cmp_pd::<_CMP_EQ_OQ>(probe, _mm256_setzero_pd())) != 0b1111 {
        return false;
    }
    if _mm256_movemask_pd(_mm256_or_pd(a.suspect, b.suspect)) != 0 {
        return false;
    }
    store(&a, sa);
    store(&b, sb);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rolling::arch::x86_64::tests::tile_matches_scalar_steps;

    #[test]
    fn avx2_tile_matches_scalar_steps() {
        if !std::arch::is_x86_feature_detected!("avx2") {
            return;
        }
        // SAFETY: AVX2 checked above; the helper keeps every lane's range in bounds.
        tile_matches_scalar_steps(|x, p, tl, w, skip, st, out, mean| unsafe {
            if mean {
                tile::<true>(x, p, tl, w, skip, st, out)
            } else {
                tile::<false>(x, p, tl, w, skip, st, out)
            }
        });
    }
}
