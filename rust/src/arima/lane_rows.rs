//! The row layout of the side-by-side filters (`css_lanes`, `kalman::innovations`): up to
//! `L` series of one length in one buffer, `[t * L + c]` the value at time t of the c-th,
//! so that one row is one vector register's worth of independent recursions. Every helper
//! is `#[inline(always)]` so that it is compiled with its caller's target features.

/// How the side-by-side passes split `count` series: blocks of 16 lanes while more than 8
/// are left, then of 8 while more than 4, then of 4; `(first, end, lanes)` each.
pub(crate) fn blocks(count: usize) -> impl Iterator<Item = (usize, usize, usize)> {
    let mut done = 0;
    std::iter::from_fn(move || {
        let left = count.checked_sub(done).filter(|&l| l > 0)?;
        let lanes = if left > 8 { 16 } else if left > 4 { 8 } else { 4 };
        let block = (done, (done + lanes).min(count), lanes);
        done = block.1;
        Some(block)
    })
}

/// `buf` sized for the series' rows and as many output rows (kept between calls), split
/// into the two: the first holds `series` (zero in unused lanes), the second is left as
/// it was (the caller writes or clears what it reads).
#[inline(always)]
pub(crate) fn series_rows<'b, const L: usize>(series: &[&[f64]], n: usize, buf: &'b mut Vec<f64>) -> (&'b mut [f64], &'b mut [f64]) {
    if buf.len() < 2 * n * L {
        buf.resize(2 * n * L, 0.0);
    }
    let (rows, results) = buf[..2 * n * L].split_at_mut(n * L);
    pack_rows::<L>(series, n, rows);
    (rows, results)
}

/// `series` (zero in unused lanes) into the `n * L` values of `rows`.
#[inline(always)]
fn pack_rows<const L: usize>(series: &[&[f64]], n: usize, rows: &mut [f64]) {
    // Four rows at a time: one read of four values per series, no call per row to
    // clear the unused lanes.
    let whole = n - n % 4;
    for t in (0..whole).step_by(4) {
        let tile = &mut rows[t * L..(t + 4) * L];
        for c in 0..L {
            let x: [f64; 4] = series.get(c).map_or([0.0; 4], |s| s[t..t + 4].try_into().expect("four values"));
            for i in 0..4 {
                tile[i * L + c] = x[i];
            }
        }
    }
    for t in whole..n {
        for c in 0..L {
            rows[t * L + c] = series.get(c).map_or(0.0, |s| s[t]);
        }
    }
}

/// A fixed set of series of one length (a fit's rotated regressors, the same at every
/// grouped evaluation) packed once, block by block of [`blocks`]: the passes over them
/// then skip the packing, which costs about as much as a short filter.
#[derive(Default)]
pub(crate) struct PackedSeries {
    n: usize,
    count: usize,
    rows: Vec<Vec<f64>>,
}

impl PackedSeries {
    pub(crate) fn new(series: &[&[f64]]) -> Self {
        let n = series.first().map_or(0, |s| s.len());
        let rows = blocks(series.len())
            .map(|(first, end, lanes)| {
                let mut rows = vec![0.0; n * lanes];
                let s = &series[first..end];
                match lanes {
                    16 => pack_rows::<16>(s, n, &mut rows),
                    8 => pack_rows::<8>(s, n, &mut rows),
                    _ => pack_rows::<4>(s, n, &mut rows),
                }
                rows
            })
            .collect();
        PackedSeries { n, count: series.len(), rows }
    }
}

/// The series of a side-by-side pass: as vectors, or packed beforehand.
#[derive(Clone, Copy)]
pub(crate) enum LaneIn<'s> {
    Series(&'s [&'s [f64]]),
    Packed(&'s PackedSeries),
}

impl<'s> LaneIn<'s> {
    pub(crate) fn count(&self) -> usize {
        match self {
            LaneIn::Series(s) => s.len(),
            LaneIn::Packed(p) => p.count,
        }
    }

    /// The series' length.
    pub(crate) fn n(&self) -> usize {
        match self {
            LaneIn::Series(s) => s.first().map_or(0, |s| s.len()),
            LaneIn::Packed(p) => p.n,
        }
    }

    /// The rows of block `index` of [`blocks`] (series `first..end`), and `n * L` output
    /// rows in `buf` (kept between calls, left as they were: see [`series_rows`]).
    #[inline(always)]
    pub(crate) fn block_rows<'b, const L: usize>(&self, index: usize, first: usize, end: usize, buf: &'b mut Vec<f64>) -> (&'b [f64], &'b mut [f64])
    where
        's: 'b,
    {
        match *self {
            LaneIn::Series(s) => {
                let (rows, results) = series_rows::<L>(&s[first..end], self.n(), buf);
                (rows, results)
            }
            LaneIn::Packed(p) => {
                if buf.len() < p.n * L {
                    buf.resize(p.n * L, 0.0);
                }
                (&p.rows[index][..p.n * L], &mut buf[..p.n * L])
            }
        }
    }
}

/// Row `t` of `rows`.
#[inline(always)]
pub(crate) fn row<const L: usize>(rows: &[f64], t: usize) -> [f64; L] {
    rows[t * L..(t + 1) * L].try_into().expect("one row")
}

/// The first `n` rows of `rows` back into one vector per series of `out`.
#[inline(always)]
pub(crate) fn unpack_rows<const L: usize>(rows: &[f64], n: usize, out: &mut [Vec<f64>]) {
    // Four rows at a time: reading one series at a time down the rows would touch a cache
    // line per value.
    let whole = n - n % 4;
    for o in out.iter_mut() {
        // Every value is written below: a buffer kept at this length is not cleared first.
        if o.len() != n {
            o.clear();
            o.resize(n, 0.0);
        }
    }
    for t in (0..whole).step_by(4) {
        let tile = &rows[t * L..(t + 4) * L];
        for (c, o) in out.iter_mut().enumerate() {
            let x: [f64; 4] = std::array::from_fn(|i| tile[i * L + c]);
            o[t..t + 4].copy_from_slice(&x);
        }
    }
    for t in whole..n {
        for (c, o) in out.iter_mut().enumerate() {
            o[t] = rows[t * L + c];
        }
    }
}

/// For the first `b.len()` lanes c of the first `n` rows: `b[c] = sum_t reference[t] *
/// rows[t][c]` and `diag[c] = sum_t rows[t][c]^2`, each summed as `linear`'s dot product
/// of two vectors (four partial sums by t mod 4, then the last rows in order), so that the
/// rows need not be unpacked for it: the same bits.
#[inline(always)]
pub(crate) fn lane_dots<const L: usize>(rows: &[f64], n: usize, reference: &[f64], b: &mut [f64], diag: &mut [f64]) {
    let whole = n - n % 4;
    let (mut pb, mut pd) = ([[0.0; L]; 4], [[0.0; L]; 4]);
    for t in (0..whole).step_by(4) {
        for j in 0..4 {
            let (r, x) = (row::<L>(rows, t + j), reference[t + j]);
            for c in 0..L {
                pb[j][c] += x * r[c];
                pd[j][c] += r[c] * r[c];
            }
        }
    }
    let mut sb: [f64; L] = std::array::from_fn(|c| (pb[0][c] + pb[1][c]) + (pb[2][c] + pb[3][c]));
    let mut sd: [f64; L] = std::array::from_fn(|c| (pd[0][c] + pd[1][c]) + (pd[2][c] + pd[3][c]));
    for t in whole..n {
        let (r, x) = (row::<L>(rows, t), reference[t]);
        for c in 0..L {
            sb[c] += x * r[c];
            sd[c] += r[c] * r[c];
        }
    }
    b.copy_from_slice(&sb[..b.len()]);
    diag.copy_from_slice(&sd[..diag.len()]);
}

/// What the side-by-side passes hand back: every residual, or only the two sums
/// `linear` needs of a gradient's points (see [`lane_dots`]).
pub(crate) enum LaneOut<'o> {
    Residuals(&'o mut [Vec<f64>]),
    /// Against the residuals `reference`: `b[i]` the cross sum and `diag[i]` the sum of
    /// squares of series i's residuals.
    Dots { reference: &'o [f64], b: &'o mut [f64], diag: &'o mut [f64] },
}

impl LaneOut<'_> {
    /// Hands back the series `start..end`, whose residuals are the first lanes of `rows`.
    #[inline(always)]
    pub(crate) fn write<const L: usize>(&mut self, start: usize, end: usize, rows: &[f64], n: usize) {
        match self {
            LaneOut::Residuals(out) => unpack_rows::<L>(rows, n, &mut out[start..end]),
            LaneOut::Dots { reference, b, diag } => lane_dots::<L>(rows, n, reference, &mut b[start..end], &mut diag[start..end]),
        }
    }
}
