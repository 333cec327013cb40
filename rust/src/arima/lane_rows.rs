//! The row layout of the side-by-side filters (`css_lanes`, `kalman::innovations`): up to
//! `L` series of one length in one buffer, `[t * L + c]` the value at time t of the c-th,
//! so that one row is one vector register's worth of independent recursions. Every helper
//! is `#[inline(always)]` so that it is compiled with its caller's target features.

/// `buf` sized for the series' rows and as many output rows (kept between calls), split
/// into the two: the first holds `series` (zero in unused lanes), the second is left as
/// it was (the caller writes or clears what it reads).
#[inline(always)]
pub(crate) fn series_rows<'b, const L: usize>(series: &[&[f64]], n: usize, buf: &'b mut Vec<f64>) -> (&'b mut [f64], &'b mut [f64]) {
    if buf.len() < 2 * n * L {
        buf.resize(2 * n * L, 0.0);
    }
    let (rows, results) = buf[..2 * n * L].split_at_mut(n * L);
    if series.len() < L {
        for r in rows.chunks_exact_mut(L) {
            r[series.len()..].fill(0.0);
        }
    }
    for (c, s) in series.iter().enumerate() {
        for (t, v) in s.iter().enumerate() {
            rows[t * L + c] = *v;
        }
    }
    (rows, results)
}

/// Row `t` of `rows`.
#[inline(always)]
pub(crate) fn row<const L: usize>(rows: &[f64], t: usize) -> [f64; L] {
    rows[t * L..(t + 1) * L].try_into().expect("one row")
}

/// The first `n` rows of `rows` back into one vector per series of `out`.
#[inline(always)]
pub(crate) fn unpack_rows<const L: usize>(rows: &[f64], n: usize, out: &mut [Vec<f64>]) {
    for (c, o) in out.iter_mut().enumerate() {
        o.clear();
        o.extend((0..n).map(|t| rows[t * L + c]));
    }
}
