//! Rolling sum and mean: compensated add-and-remove in O(n).
//!
//! pandas (`roll_sum` / `roll_mean` in `pandas/_libs/window/aggregations.pyx`)
//! keeps a Kahan-compensated running sum, adding the entering value and
//! subtracting the leaving one. We keep the same running-sum design but use
//! Neumaier's improvement of Kahan summation (Neumaier 1974, "Rundungsfehleranalyse
//! einiger Verfahren zur Summation endlicher Summen"), in its branch-free
//! TwoSum form (Knuth, TAOCP vol. 2, 4.2.2): every rounding error of the running
//! sum is captured exactly and accumulated in a separate compensation term, so
//! the result stays accurate even after a large value has left the window
//! (a plain running sum keeps the rounding debris of every value it ever saw).
//!
//! In the steady state (both the entering and the leaving value are finite) the
//! add and the remove are fused: `x_in - x_out` is formed exactly as a
//! TwoSum pair and added once. That halves the length of the loop-carried
//! dependency chain, which is what bounds the speed of this loop.
//!
//! Long inputs run 8 such chains side by side in AVX2 registers, each over its own
//! contiguous segment (see `lanes`): the scalar loop is limited by the throughput of
//! its floating-point adds, not by the chain, so this is what makes it faster.
//!
//! Two pandas details are reproduced so results agree bit-for-bit in the
//! common degenerate cases:
//! * a window whose values are all equal returns exactly `v * n` (sum) or `v`
//!   (mean) - pandas GH#42064 tracks the run of consecutive equal values;
//! * a mean of only non-negative (only negative) values is never negative
//!   (positive): pandas counts values with the sign bit set.
//!
//! Non-finite values are missing, as in pandas (see `window::usable`).

use super::window::{usable, Window};

/// Error-free transformation `a + b = s + e` (Knuth's TwoSum; no precondition on magnitudes).
#[inline(always)]
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    let e = (a - (s - bb)) + (b - bb);
    (s, e)
}

/// Compensated running sum over the current window plus the bookkeeping pandas needs.
#[derive(Clone, Copy)]
struct State {
    /// Leading part of the window sum.
    sum: f64,
    /// Accumulated (exact) rounding errors of `sum`; the window sum is `sum + comp`.
    comp: f64,
    /// Number of usable values in the window.
    nobs: usize,
    /// Number of usable values in the window with the sign bit set.
    neg: usize,
    /// Length of the current run of equal usable values (pandas GH#42064).
    run: usize,
    /// The last usable value added.
    prev: f64,
}

impl State {
    fn new() -> State {
        State { sum: 0.0, comp: 0.0, nobs: 0, neg: 0, run: 0, prev: f64::NAN }
    }

    #[inline(always)]
    fn note_added(&mut self, v: f64) {
        // Counting the run of equal values lets a constant window return its exact value.
        self.run = if v == self.prev { self.run + 1 } else { 1 };
        self.prev = v;
    }

    #[inline(always)]
    fn add(&mut self, v: f64) {
        let (s, e) = two_sum(self.sum, v);
        self.sum = s;
        self.comp += e;
        self.nobs += 1;
        self.neg += v.is_sign_negative() as usize;
        self.note_added(v);
    }

    #[inline(always)]
    fn remove(&mut self, v: f64) {
        self.nobs -= 1;
        self.neg -= v.is_sign_negative() as usize;
        if self.nobs == 0 {
            // An empty window has an exactly zero sum: drop all rounding debris.
            self.sum = 0.0;
            self.comp = 0.0;
        } else {
            let (s, e) = two_sum(self.sum, -v);
            self.sum = s;
            self.comp += e;
        }
    }

    /// Steady state: replace `out_v` by `in_v` (both usable) with one compensated add.
    #[inline(always)]
    fn replace(&mut self, in_v: f64, out_v: f64) {
        let (dh, dl) = two_sum(in_v, -out_v);
        let (s, e) = two_sum(self.sum, dh);
        self.sum = s;
        self.comp += e + dl;
        self.neg = self.neg + in_v.is_sign_negative() as usize - out_v.is_sign_negative() as usize;
        self.note_added(in_v);
    }

    #[inline(always)]
    fn sum_value(&self, min_periods: usize) -> f64 {
        if self.nobs < min_periods {
            f64::NAN
        } else if self.nobs == 0 {
            // pandas: an empty window with min_periods == 0 sums to 0.
            0.0
        } else if self.run >= self.nobs {
            self.prev * self.nobs as f64
        } else {
            self.sum + self.comp
        }
    }

    /// `sum_value` for a full window without missing values.
    #[inline(always)]
    fn full_sum(&self) -> f64 {
        if self.run >= self.nobs {
            self.prev * self.nobs as f64
        } else {
            self.sum + self.comp
        }
    }

    /// `mean_value` for a full window without missing values; `inv_n = 1 / nobs`.
    /// Multiplying by the reciprocal differs from pandas' division by at most an ulp.
    #[inline(always)]
    fn full_mean(&self, inv_n: f64) -> f64 {
        if self.run >= self.nobs {
            return self.prev;
        }
        let m = (self.sum + self.comp) * inv_n;
        if self.neg == 0 && m < 0.0 || self.neg == self.nobs && m > 0.0 {
            0.0
        } else {
            m
        }
    }

    #[inline(always)]
    fn emit(&self, window: Window, mean: bool) -> f64 {
        if mean {
            self.mean_value(window.min_obs())
        } else {
            self.sum_value(window.min_periods)
        }
    }

    #[inline(always)]
    fn mean_value(&self, min_obs: usize) -> f64 {
        if self.nobs < min_obs {
            return f64::NAN;
        }
        if self.run >= self.nobs {
            return self.prev;
        }
        let m = (self.sum + self.comp) / self.nobs as f64;
        // Same sign guard as pandas `calc_mean`.
        if self.neg == 0 && m < 0.0 || self.neg == self.nobs && m > 0.0 {
            0.0
        } else {
            m
        }
    }
}

/// Computes the rolling sum (`mean == false`) or mean of `x`, writing the outputs
/// for positions `skip..x.len()` into `out` (`out.len() == x.len() - skip`).
/// The first `skip` positions only warm the window up (used by chunked execution).
pub(crate) fn run(x: &[f64], skip: usize, window: Window, mean: bool, out: &mut [f64]) {
    debug_assert_eq!(out.len() + skip, x.len());
    if out.len() / LANES >= window.size.saturating_mul(MIN_LANE_PER_WINDOW).max(MIN_LANE) && lanes::run(x, skip, window, mean, out) {
        return;
    }
    let mut st = State::new();
    let next = begin(&mut st, x, 0, skip, x.len(), skip, window, mean, out);
    steps(&mut st, x, next, x.len(), skip, window, mean, out);
}

/// Phase 1 of one chain: the window is still filling (nothing leaves). Adds
/// `x[a0 .. a0 + w]` (clipped at `end`), writes the outputs of positions `>= start`
/// to `out[i - skip]`, and returns the next position.
#[allow(clippy::too_many_arguments)]
#[inline]
fn begin(st: &mut State, x: &[f64], a0: usize, start: usize, end: usize, skip: usize, window: Window, mean: bool, out: &mut [f64]) -> usize {
    let fill_end = a0.saturating_add(window.size).min(end);
    for (i, &v) in x.iter().enumerate().take(fill_end).skip(a0) {
        if usable(v) {
            st.add(v);
        }
        if i >= start {
            out[i - skip] = st.emit(window, mean);
        }
    }
    fill_end
}

/// Phase 2 of one chain, positions `from..to` (`from >= a0 + w` of its `begin`): one
/// value enters and one leaves per step; the output of position `i` goes to `out[i - skip]`.
#[allow(clippy::too_many_arguments)]
#[inline]
fn steps(st: &mut State, x: &[f64], from: usize, to: usize, skip: usize, window: Window, mean: bool, out: &mut [f64]) {
    let w = window.size;
    let mut i = from;
    while i < to {
        let end = (i + BLOCK).min(to);
        let o = &mut out[i - skip..end - skip];
        let entering = &x[i..end];
        let leaving = &x[i - w..end - w];
        if st.nobs == w && all_usable(entering) && all_usable(leaving) {
            // Hot path: the window is full and nothing in this block is missing, so
            // the count cannot change and min_periods is met (min_periods <= w).
            if mean {
                let inv_w = 1.0 / w as f64;
                for ((o, &vin), &vout) in o.iter_mut().zip(entering).zip(leaving) {
                    st.replace(vin, vout);
                    *o = st.full_mean(inv_w);
                }
            } else {
                for ((o, &vin), &vout) in o.iter_mut().zip(entering).zip(leaving) {
                    st.replace(vin, vout);
                    *o = st.full_sum();
                }
            }
        } else {
            for ((o, &vin), &vout) in o.iter_mut().zip(entering).zip(leaving) {
                match (usable(vin), usable(vout)) {
                    (true, true) => st.replace(vin, vout),
                    (a, b) => {
                        if b {
                            st.remove(vout);
                        }
                        if a {
                            st.add(vin);
                        }
                    }
                }
                *o = st.emit(window, mean);
            }
        }
        i = end;
    }
}

/// Steps per block when looking for stretches without missing values.
const BLOCK: usize = 512;

/// Branch-free "every value is finite" test over a block (vectorizes).
#[inline]
fn all_usable(block: &[f64]) -> bool {
    block.iter().fold(true, |acc, v| acc & v.is_finite())
}

/// Independent chains run side by side by the lane kernel.
const LANES: usize = 8;
/// Steps per tile of the lane kernel (a multiple of 4).
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))] // only the AVX2 path tiles
const TILE: usize = 64;
/// The lane kernel is used when every lane gets at least this many outputs...
const MIN_LANE: usize = 1024;
/// ... and at least this many windows' worth, so the per-lane warm-up stays small.
const MIN_LANE_PER_WINDOW: usize = 16;

/// The lane kernel.
///
/// The scalar hot loop above is not bound by its dependency chain but by the
/// throughput of its floating-point adds: two TwoSums and the compensation are 14
/// adds per step, and the core retires two per cycle. So the way to go faster is
/// SIMD, which needs independent chains: the outputs are cut into `LANES`
/// contiguous segments, each one its own add-and-remove chain warmed up on the
/// `w - 1` values before it (the cut `parallel` makes between threads, so results
/// agree with the scalar kernel to rounding in the last bits). The chains advance
/// in lockstep, `TILE` steps at a time. In a tile where every window is full and
/// no value is missing, 4x4 blocks of the lanes' inputs are transposed in
/// registers so that one AVX2 vector holds one step of four chains, and the step
/// is the scalar `State::replace` + `full_mean`/`full_sum`, lane-wise, with the
/// same operations in the same order. Any other tile (a missing value, a window
/// not full) runs every lane through the scalar `steps`, so missing values,
/// `min_periods`, the run of equal values and the sign rule behave exactly as in
/// the scalar kernel, chain by chain.
mod lanes {
    use super::Window;
    #[cfg(target_arch = "x86_64")]
    use super::{begin, steps, State, LANES, TILE};

    /// Runs the lane kernel if this CPU has it; false (having done nothing) if not.
    pub(super) fn run(x: &[f64], skip: usize, window: Window, mean: bool, out: &mut [f64]) -> bool {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                if mean {
                    lockstep::<true>(x, skip, window, out);
                } else {
                    lockstep::<false>(x, skip, window, out);
                }
                return true;
            }
        }
        let _ = (x, skip, window, mean, out);
        false
    }

    #[cfg(target_arch = "x86_64")]
    fn lockstep<const MEAN: bool>(x: &[f64], skip: usize, window: Window, out: &mut [f64]) {
        let n = x.len();
        let w = window.size;
        let seg = out.len() / LANES;
        assert!(seg > w && out.len() + skip == n);
        let mut st: [State; LANES] = std::array::from_fn(|_| State::new());
        let mut pos = [0usize; LANES];
        let mut ends = [0usize; LANES];
        for k in 0..LANES {
            let start = skip + k * seg;
            let end = if k + 1 == LANES { n } else { start + seg };
            // Lane 0 starts where the scalar kernel would; the others warm up on the
            // w - 1 values before their first output.
            let a0 = if k == 0 { 0 } else { start + 1 - w };
            pos[k] = begin(&mut st[k], x, a0, start, end, skip, window, MEAN, out);
            ends[k] = end;
        }
        // Steps every lane still has to make, rounded down to whole 4-step blocks.
        let common = (0..LANES).map(|k| ends[k] - pos[k]).min().unwrap_or(0) / 4 * 4;
        let mut t0 = 0;
        while t0 < common {
            let tl = TILE.min(common - t0);
            let p: [usize; LANES] = std::array::from_fn(|k| pos[k] + t0);
            // Every window full: nothing it holds is missing, so the leaving values are
            // finite; the kernel itself notices a missing entering value.
            let done = st.iter().all(|s| s.nobs == w) && {
                // Bounds the kernel relies on (also implied by the construction above).
                assert!(p.iter().all(|&pk| pk >= w && pk >= skip && pk + tl <= n));
                // SAFETY: AVX2 is available (checked in `run`), and the assert above
                // keeps every load from `x` and every store to `out` in bounds.
                unsafe { avx2::tile::<MEAN>(x, &p, tl, w, skip, &mut st, out) }
            };
            if !done {
                for k in 0..LANES {
                    steps(&mut st[k], x, p[k], p[k] + tl, skip, window, MEAN, out);
                }
            }
            t0 += tl;
        }
        for k in 0..LANES {
            steps(&mut st[k], x, pos[k] + common, ends[k], skip, window, MEAN, out);
        }
    }

    #[cfg(target_arch = "x86_64")]
    pub(super) mod avx2 {
        use std::arch::x86_64::*;

        use super::super::State;
        use super::LANES;

        /// Four chains' state, one chain per vector lane.
        struct Group {
            sum: __m256d,
            comp: __m256d,
            neg: __m256i,
            run: __m256i,
            prev: __m256d,
        }

        #[inline(always)]
        unsafe fn load(st: &[State]) -> Group {
            Group {
                sum: _mm256_setr_pd(st[0].sum, st[1].sum, st[2].sum, st[3].sum),
                comp: _mm256_setr_pd(st[0].comp, st[1].comp, st[2].comp, st[3].comp),
                neg: _mm256_setr_epi64x(st[0].neg as i64, st[1].neg as i64, st[2].neg as i64, st[3].neg as i64),
                run: _mm256_setr_epi64x(st[0].run as i64, st[1].run as i64, st[2].run as i64, st[3].run as i64),
                prev: _mm256_setr_pd(st[0].prev, st[1].prev, st[2].prev, st[3].prev),
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
        pub(in super::super) unsafe fn tile<const MEAN: bool>(
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
            store(&a, sa);
            store(&b, sb);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The AVX2 tile must do exactly what `State::replace` + `full_mean` / `full_sum`
    /// do, lane by lane, including the cases real data rarely reaches: the sign rule
    /// (a running total a hair below zero over non-negative values, and above zero
    /// over values with the sign bit set) and a run of equal values reaching exactly `w`.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn avx2_tile_matches_scalar_steps() {
        if !std::arch::is_x86_feature_detected!("avx2") {
            return;
        }
        let (w, tl) = (5usize, 16usize);
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
            let lane: Vec<f64> = match k {
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
            // SAFETY: AVX2 checked above; every p[k] >= w and p[k] + tl <= x.len() == out.len().
            let done = unsafe {
                if mean {
                    lanes::avx2::tile::<true>(&x, &p, tl, w, 0, &mut got_st, &mut got)
                } else {
                    lanes::avx2::tile::<false>(&x, &p, tl, w, 0, &mut got_st, &mut got)
                }
            };
            assert!(done);
            for i in 0..x.len() {
                assert_eq!(got[i].to_bits(), want[i].to_bits(), "mean={mean} i={i}: {} vs {}", got[i], want[i]);
            }
            for (g, s) in got_st.iter().zip(&want_st) {
                assert_eq!((g.sum.to_bits(), g.comp.to_bits(), g.neg, g.run, g.prev.to_bits()), (s.sum.to_bits(), s.comp.to_bits(), s.neg, s.run, s.prev.to_bits()));
            }
            // The cases above were reached.
            if mean {
                assert_eq!((got[p[0]], got[p[1]]), (0.0, 0.0));
            }
            assert_eq!(got[p[2] + 1], if mean { 0.1 } else { 0.1 * w as f64 });
        }
        // A missing entering value: the tile reports it and leaves the state alone.
        x[p[5] + 7] = f64::NAN;
        let before = (st[5].sum, st[5].comp);
        let mut out = vec![0.0; x.len()];
        // SAFETY: as above.
        assert!(!unsafe { lanes::avx2::tile::<true>(&x, &p, tl, w, 0, &mut st, &mut out) });
        assert_eq!((st[5].sum, st[5].comp), before);
    }
}
