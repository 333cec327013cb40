//! The Nelder–Mead search of [`super::nelder_mead`] (R's `nmmin`, step for step) as a value
//! that asks for points and is fed their values, instead of calling the objective itself: the
//! caller may then evaluate the points of several searches in one pass (see `ets::search`).
//! The steps, the values and the evaluation count are those of the search that calls its
//! objective one point at a time.

use super::nelder_mead::{NelderMeadOptions, NelderMeadResult, NelderMeadStatus};

/// R replaces a non-finite objective inside the search by this value.
const BIG: f64 = 1.0e35;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The starting point.
    Start,
    /// Every vertex but the best, after the start or a shrink.
    Vertices,
    Reflection,
    Expansion,
    Contraction,
    Done,
}

/// One search in progress. [`Steps::pending`] points are asked for at a time (one, or the
/// vertices of a new simplex); [`Steps::feed`] takes their values in the same order.
#[derive(Debug, Clone)]
pub struct Steps {
    opts: NelderMeadOptions,
    phase: Phase,
    status: NelderMeadStatus,
    p: Vec<Vec<f64>>,
    fv: Vec<f64>,
    evaluations: usize,
    convtol: f64,
    oldsize: f64,
    best: usize,
    worst: usize,
    lo: f64,
    hi: f64,
    reflected: f64,
    /// The vertices asked for in the `Vertices` phase.
    others: Vec<usize>,
    centroid: Vec<f64>,
    /// The reflection, and the expansion or contraction its value calls for.
    trial: Vec<f64>,
    other: Vec<f64>,
    f0: f64,
}

impl Steps {
    pub fn new(start: &[f64], opts: &NelderMeadOptions) -> Steps {
        let n = start.len();
        let mut s = Steps {
            opts: *opts,
            phase: Phase::Start,
            status: NelderMeadStatus::Converged,
            p: vec![start.to_vec(); n + 1],
            fv: vec![0.0; n + 1],
            evaluations: 0,
            convtol: 0.0,
            oldsize: 0.0,
            best: 0,
            worst: 0,
            lo: 0.0,
            hi: 0.0,
            reflected: 0.0,
            others: Vec::with_capacity(n),
            centroid: vec![0.0; n],
            trial: vec![0.0; n],
            other: vec![0.0; n],
            f0: f64::NAN,
        };
        if crate::cancel_scope::requested() {
            s.phase = Phase::Done;
            s.status = NelderMeadStatus::Cancelled;
        }
        s
    }

    /// How many points the search waits for; 0 once it has ended.
    pub fn pending(&self) -> usize {
        match self.phase {
            Phase::Start | Phase::Reflection | Phase::Expansion | Phase::Contraction => 1,
            Phase::Vertices => self.others.len(),
            Phase::Done => 0,
        }
    }

    /// The `i`-th point asked for and its limit: its value may be given as anything at least
    /// the limit once it is known to be at least the limit (infinite: the value is kept).
    pub fn point(&self, i: usize) -> (&[f64], f64) {
        let (x, limit) = match self.phase {
            Phase::Start => (&self.p[0], f64::INFINITY),
            Phase::Vertices => (&self.p[self.others[i]], f64::INFINITY),
            Phase::Reflection => (&self.trial, self.hi),
            Phase::Expansion => (&self.other, self.reflected),
            Phase::Contraction => (&self.other, self.fv[self.worst]),
            Phase::Done => panic!("the search has ended"),
        };
        (&x[..], if limit >= BIG { f64::INFINITY } else { limit })
    }

    /// The values of the [`Steps::pending`] points, in order.
    pub fn feed(&mut self, values: &[f64]) {
        debug_assert_eq!(values.len(), self.pending());
        let big = |v: f64| if v.is_finite() { v } else { BIG };
        match self.phase {
            Phase::Start => self.started(values[0]),
            Phase::Vertices => {
                for (j, v) in self.others.iter().zip(values) {
                    self.fv[*j] = big(*v);
                }
                self.evaluations += self.others.len();
                self.choose();
            }
            Phase::Reflection => self.reflection(big(values[0])),
            Phase::Expansion => {
                let expanded = big(values[0]);
                let w = self.worst;
                if expanded < self.reflected {
                    self.p[w].copy_from_slice(&self.other);
                    self.fv[w] = expanded;
                } else {
                    self.p[w].copy_from_slice(&self.trial);
                    self.fv[w] = self.reflected;
                }
                self.next_step();
            }
            Phase::Contraction => self.contraction(big(values[0])),
            Phase::Done => panic!("the search has ended"),
        }
    }

    /// The result once [`Steps::pending`] is 0.
    pub fn result(&self) -> NelderMeadResult {
        debug_assert_eq!(self.phase, Phase::Done);
        let (x, f) = match self.status {
            NelderMeadStatus::Cancelled if self.evaluations == 0 => (self.p[0].clone(), f64::NAN),
            NelderMeadStatus::NonFiniteStart => (self.p[0].clone(), self.f0),
            _ if self.evaluations == 0 => (self.p[0].clone(), self.f0),
            _ => (self.p[self.best].clone(), self.fv[self.best]),
        };
        NelderMeadResult { x, f, evaluations: self.evaluations, status: self.status }
    }

    fn end(&mut self, status: NelderMeadStatus) {
        self.phase = Phase::Done;
        self.status = if self.evaluations > self.opts.maxit { NelderMeadStatus::MaxIterations } else { status };
    }

    fn started(&mut self, f0: f64) {
        self.f0 = f0;
        if self.opts.maxit == 0 {
            self.phase = Phase::Done;
            self.status = NelderMeadStatus::Converged;
            return;
        }
        if !f0.is_finite() {
            self.evaluations = 1;
            self.phase = Phase::Done;
            self.status = NelderMeadStatus::NonFiniteStart;
            return;
        }
        let n = self.centroid.len();
        let start = self.p[0].clone();
        self.convtol = self.opts.reltol * (f0.abs() + self.opts.reltol);
        self.fv[0] = f0;
        self.evaluations = 1;
        let mut step = start.iter().fold(0.0_f64, |s, v| s.max(0.1 * v.abs()));
        if step == 0.0 {
            step = 0.1;
        }
        let mut size = 0.0;
        for j in 1..=n {
            let mut trystep = step;
            while self.p[j][j - 1] == start[j - 1] {
                self.p[j][j - 1] = start[j - 1] + trystep;
                trystep *= 10.0;
            }
            size += trystep;
        }
        self.oldsize = size;
        self.best = 0;
        self.vertices();
    }

    /// The top of R's loop: a cancelled fit stops; a new simplex is evaluated.
    fn vertices(&mut self) {
        if crate::cancel_scope::requested() {
            self.end(NelderMeadStatus::Cancelled);
            return;
        }
        let best = self.best;
        self.others.clear();
        self.others.extend((0..self.p.len()).filter(|j| *j != best));
        self.phase = Phase::Vertices;
    }

    fn next_step(&mut self) {
        if self.evaluations > self.opts.maxit {
            self.end(NelderMeadStatus::Converged);
        } else if crate::cancel_scope::requested() {
            self.end(NelderMeadStatus::Cancelled);
        } else {
            self.choose();
        }
    }

    /// Best and worst vertices, the convergence test, the centroid and the reflection.
    fn choose(&mut self) {
        let n = self.centroid.len();
        let (mut lo, mut hi) = (self.fv[self.best], self.fv[self.best]);
        let mut best = self.best;
        let mut worst = self.best;
        for j in 0..=n {
            if j != self.best {
                if self.fv[j] < lo {
                    best = j;
                    lo = self.fv[j];
                }
                if self.fv[j] > hi {
                    worst = j;
                    hi = self.fv[j];
                }
            }
        }
        (self.best, self.worst, self.lo, self.hi) = (best, worst, lo, hi);
        if hi <= lo + self.convtol || lo <= self.opts.abstol {
            self.end(NelderMeadStatus::Converged);
            return;
        }
        // R's summation order (all vertices minus the worst), one coordinate at a time; four
        // coordinates at once are summed in registers over the vertices.
        let whole = n - n % 4;
        for i in (0..whole).step_by(4) {
            let mut sum: [f64; 4] = std::array::from_fn(|k| -self.p[worst][i + k]);
            for row in self.p.iter() {
                let v: &[f64; 4] = row[i..i + 4].try_into().expect("four coordinates");
                for k in 0..4 {
                    sum[k] += v[k];
                }
            }
            self.centroid[i..i + 4].copy_from_slice(&sum);
        }
        for i in whole..n {
            let mut sum = -self.p[worst][i];
            for row in self.p.iter() {
                sum += row[i];
            }
            self.centroid[i] = sum;
        }
        for c in self.centroid.iter_mut() {
            *c /= n as f64;
        }
        let a = self.opts.alpha;
        for ((t, c), w) in self.trial.iter_mut().zip(&self.centroid).zip(&self.p[worst]) {
            *t = (1.0 + a) * c - a * w;
        }
        self.phase = Phase::Reflection;
    }

    fn reflection(&mut self, reflected: f64) {
        self.reflected = reflected;
        self.evaluations += 2;
        let (g, b, w) = (self.opts.gamma, self.opts.beta, self.worst);
        if reflected < self.lo {
            for ((o, t), c) in self.other.iter_mut().zip(&self.trial).zip(&self.centroid) {
                *o = g * t + (1.0 - g) * c;
            }
            self.phase = Phase::Expansion;
        } else {
            if reflected < self.hi {
                self.p[w].copy_from_slice(&self.trial);
                self.fv[w] = reflected;
            }
            for ((o, x), c) in self.other.iter_mut().zip(&self.p[w]).zip(&self.centroid) {
                *o = (1.0 - b) * x + b * c;
            }
            self.phase = Phase::Contraction;
        }
    }

    fn contraction(&mut self, contracted: f64) {
        let w = self.worst;
        if contracted < self.fv[w] {
            self.p[w].copy_from_slice(&self.other);
            self.fv[w] = contracted;
        } else if self.reflected >= self.hi {
            // Shrink towards the best vertex.
            let (b, best) = (self.opts.beta, self.best);
            let anchor = self.p[best].clone();
            let mut size = 0.0;
            for (j, row) in self.p.iter_mut().enumerate() {
                if j != best {
                    for (v, a) in row.iter_mut().zip(&anchor) {
                        *v = b * (*v - a) + a;
                        size += (*v - a).abs();
                    }
                }
            }
            if size < self.oldsize {
                self.oldsize = size;
            } else {
                self.end(NelderMeadStatus::Degenerate);
                return;
            }
            if self.evaluations > self.opts.maxit {
                self.end(NelderMeadStatus::Converged);
            } else {
                self.vertices();
            }
            return;
        }
        self.next_step();
    }
}
