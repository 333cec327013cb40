//! The two order searches of `forecast::auto.arima`: the stepwise search of
//! Hyndman and Khandakar (2008) as in `auto.arima` itself, and the full
//! search of `forecast:::search.arima` (candidates fitted in parallel, the
//! winner picked in R's loop order).

use rayon::prelude::*;

use super::candidate::{Context, Model, Scored};
use super::TraceEntry;
use crate::arima::ArimaFit;

/// Search limits after R's adjustments for the series length and period.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub max_p: usize,
    pub max_q: usize,
    pub max_sp: usize,
    pub max_sq: usize,
    pub max_order: usize,
    pub start: Model,
    pub nmodels: usize,
    /// Whether models with and without the constant are both tried.
    pub toggle_constant: bool,
}

/// The winner of a search: its fit and criterion, and every candidate tried.
pub(crate) struct Outcome {
    pub fit: Option<ArimaFit>,
    pub ic: f64,
    pub trace: Vec<TraceEntry>,
}

struct Recorder<'a> {
    ctx: &'a Context<'a>,
    approximate: bool,
    /// Every model fitted, in order, with its criterion (R's `results`).
    results: Vec<(Model, f64)>,
    trace: Vec<TraceEntry>,
    best: Option<(Model, Scored)>,
}

impl Recorder<'_> {
    fn entry(&self, model: &Model, ic: f64, approximate: bool) -> TraceEntry {
        let spec = self.ctx.spec(model);
        TraceEntry { spec, constant: model.constant, ic, approximate }
    }

    /// Fits `model`, records it, and makes it the best if its criterion is
    /// strictly lower. Returns whether it became the best.
    fn try_model(&mut self, model: Model) -> bool {
        let scored = self.ctx.score(&model, self.approximate);
        self.trace.push(self.entry(&model, scored.ic, self.approximate));
        self.results.push((model, scored.ic));
        let better = match &self.best {
            None => true,
            Some((_, best)) => scored.ic < best.ic,
        };
        if better {
            self.best = Some((model, scored));
        }
        better
    }

    fn is_new(&self, model: &Model) -> bool {
        !self.results.iter().any(|(m, _)| m == model)
    }
}

/// The stepwise search of `forecast::auto.arima`, including the exact refit
/// of the best approximate models in order of their criterion.
pub(crate) fn stepwise(ctx: &Context, limits: &Limits, approximate: bool) -> Outcome {
    let mut rec = Recorder { ctx, approximate, results: Vec::new(), trace: Vec::new(), best: None };
    let l = *limits;
    let mut cur = l.start;
    rec.try_model(cur);
    let null = Model { p: 0, q: 0, seasonal_p: 0, seasonal_q: 0, constant: cur.constant };
    if rec.try_model(null) {
        cur = null;
    }
    if l.max_p > 0 || l.max_sp > 0 {
        let ar = Model { p: usize::from(l.max_p > 0), q: 0, seasonal_p: usize::from(ctx.period > 1 && l.max_sp > 0), seasonal_q: 0, ..null };
        if rec.try_model(ar) {
            cur = ar;
        }
    }
    if l.max_q > 0 || l.max_sq > 0 {
        let ma = Model { p: 0, q: usize::from(l.max_q > 0), seasonal_p: 0, seasonal_q: usize::from(ctx.period > 1 && l.max_sq > 0), ..null };
        if rec.try_model(ma) {
            cur = ma;
        }
    }
    if null.constant {
        let plain = Model { constant: false, ..null };
        if rec.try_model(plain) {
            cur = Model { constant: cur.constant, ..plain };
            // R keeps its `constant` flag here; only the orders move.
        }
    }
    // R's k: models fitted so far. A move is tried only while k < nmodels;
    // the model that would exceed nmodels ends the search unfitted.
    let mut startk = 0;
    while startk < rec.results.len() && rec.results.len() < l.nmodels {
        startk = rec.results.len();
        let moves = neighbours(&cur, &l);
        let mut moved = false;
        for next in moves {
            if !rec.is_new(&next) {
                continue;
            }
            if rec.results.len() + 1 > l.nmodels {
                // R: k <- k + 1; if (k > nmodels) next -> the loop ends.
                startk = usize::MAX;
                break;
            }
            if rec.try_model(next) {
                cur = next;
                moved = true;
                break;
            }
        }
        if startk == usize::MAX {
            break;
        }
        if !moved && l.toggle_constant {
            let flipped = Model { constant: !cur.constant, ..cur };
            if rec.is_new(&flipped) {
                if rec.results.len() + 1 > l.nmodels {
                    break;
                }
                if rec.try_model(flipped) {
                    cur = flipped;
                }
            }
        }
    }
    let Recorder { results, mut trace, best, .. } = rec;
    let mut scored = match best {
        Some((_, s)) => s,
        None => Scored { fit: None, ic: f64::INFINITY },
    };
    if approximate && scored.fit.is_some() {
        if let Some(exact) = refit_exactly(ctx, &results, &mut trace) {
            scored = exact;
        }
    }
    Outcome { fit: scored.fit, ic: scored.ic, trace }
}

/// How far past the first acceptable refit's approximate criterion the refits go on, once
/// refits before it were rejected.
const REFIT_MARGIN: f64 = 2.0;
/// How much lower a later refit's exact criterion must be to replace the first acceptable one:
/// criterion differences below 2 do not tell models apart (Burnham and Anderson), and R's
/// choice stands there.
const CLEARLY_LOWER: f64 = 2.0;

/// R's refit without approximation: candidates in order of their approximate criterion
/// (R's `order()`: ascending, stable), the first with a finite exact criterion wins. Where
/// earlier refits were rejected, which one comes first depends on where each implementation's
/// optimiser ends (R's can fail where lagrs' succeeds, see docs/RELIABILITY.md), so the
/// refits go on within `REFIT_MARGIN` of the first acceptable one's approximate criterion,
/// and one whose exact criterion is lower by more than `CLEARLY_LOWER` (the lowest such)
/// replaces it. Where the first refit succeeds, R's rule holds unchanged.
fn refit_exactly(ctx: &Context, results: &[(Model, f64)], trace: &mut Vec<TraceEntry>) -> Option<Scored> {
    let mut order: Vec<usize> = (0..results.len()).collect();
    order.sort_by(|&a, &b| results[a].1.total_cmp(&results[b].1));
    let mut rejected = false;
    // The first acceptable refit's approximate and exact criteria, and the refit kept.
    let mut first: Option<(f64, f64)> = None;
    let mut kept: Option<Scored> = None;
    for i in order {
        let (candidate, approximate_ic) = results[i];
        if let Some((first_approximate, _)) = first {
            if !(approximate_ic <= first_approximate + REFIT_MARGIN) {
                break;
            }
        }
        let exact = ctx.score(&candidate, false);
        trace.push(TraceEntry { spec: ctx.spec(&candidate), constant: candidate.constant, ic: exact.ic, approximate: false });
        if !(exact.ic < f64::INFINITY) {
            rejected = true;
            continue;
        }
        match first {
            None if !rejected => return Some(exact),
            None => {
                first = Some((approximate_ic, exact.ic));
                kept = Some(exact);
            }
            Some((_, first_exact)) => {
                if exact.ic < first_exact - CLEARLY_LOWER && kept.as_ref().is_some_and(|k| exact.ic < k.ic) {
                    kept = Some(exact);
                }
            }
        }
    }
    kept
}

/// The moves of one stepwise step in R's order: seasonal moves first, then
/// non-seasonal ones (the constant toggle is handled by the caller).
fn neighbours(c: &Model, l: &Limits) -> Vec<Model> {
    let mut out = Vec::with_capacity(16);
    let (p, q, sp, sq) = (c.p as isize, c.q as isize, c.seasonal_p as isize, c.seasonal_q as isize);
    let (mp, mq, msp, msq) = (l.max_p as isize, l.max_q as isize, l.max_sp as isize, l.max_sq as isize);
    let mut push = |np: isize, nq: isize, nsp: isize, nsq: isize| {
        out.push(Model { p: np as usize, q: nq as usize, seasonal_p: nsp as usize, seasonal_q: nsq as usize, constant: c.constant });
    };
    if sp > 0 {
        push(p, q, sp - 1, sq);
    }
    if sq > 0 {
        push(p, q, sp, sq - 1);
    }
    if sp < msp {
        push(p, q, sp + 1, sq);
    }
    if sq < msq {
        push(p, q, sp, sq + 1);
    }
    if sq > 0 && sp > 0 {
        push(p, q, sp - 1, sq - 1);
    }
    if sq < msq && sp > 0 {
        push(p, q, sp - 1, sq + 1);
    }
    if sq > 0 && sp < msp {
        push(p, q, sp + 1, sq - 1);
    }
    if sq < msq && sp < msp {
        push(p, q, sp + 1, sq + 1);
    }
    if p > 0 {
        push(p - 1, q, sp, sq);
    }
    if q > 0 {
        push(p, q - 1, sp, sq);
    }
    if p < mp {
        push(p + 1, q, sp, sq);
    }
    if q < mq {
        push(p, q + 1, sp, sq);
    }
    if q > 0 && p > 0 {
        push(p - 1, q - 1, sp, sq);
    }
    if q < mq && p > 0 {
        push(p - 1, q + 1, sp, sq);
    }
    if q > 0 && p < mp {
        push(p + 1, q - 1, sp, sq);
    }
    if q < mq && p < mp {
        push(p + 1, q + 1, sp, sq);
    }
    out
}

/// The full search of `forecast:::search.arima`: every model with
/// p + q + P + Q <= max.order (with and without the constant where
/// allowed), fitted in parallel; the first with the strictly lowest
/// criterion in R's loop order wins. With approximation, the winner is
/// refitted exactly, and if that fails the whole search runs again exactly.
pub(crate) fn full(ctx: &Context, limits: &Limits, approximate: bool) -> Outcome {
    let l = limits;
    let mut models = Vec::new();
    for p in 0..=l.max_p {
        for q in 0..=l.max_q {
            for sp in 0..=l.max_sp {
                for sq in 0..=l.max_sq {
                    if p + q + sp + sq > l.max_order {
                        continue;
                    }
                    for constant in [false, true] {
                        if constant && !l.toggle_constant {
                            continue;
                        }
                        models.push(Model { p, q, seasonal_p: sp, seasonal_q: sq, constant });
                    }
                }
            }
        }
    }
    let scored: Vec<Scored> = models.par_iter().map(|m| ctx.score(m, approximate)).collect();
    let mut trace: Vec<TraceEntry> = models
        .iter()
        .zip(&scored)
        .map(|(m, s)| TraceEntry { spec: ctx.spec(m), constant: m.constant, ic: s.ic, approximate })
        .collect();
    let mut best: Option<usize> = None;
    for (i, s) in scored.iter().enumerate() {
        if s.ic < best.map_or(f64::INFINITY, |b| scored[b].ic) {
            best = Some(i);
        }
    }
    let Some(b) = best else {
        return Outcome { fit: None, ic: f64::INFINITY, trace };
    };
    let winner = models[b];
    let mut scored = scored;
    let chosen = scored.swap_remove(b);
    if !approximate {
        return Outcome { fit: chosen.fit, ic: chosen.ic, trace };
    }
    let exact = ctx.score(&winner, false);
    trace.push(TraceEntry { spec: ctx.spec(&winner), constant: winner.constant, ic: exact.ic, approximate: false });
    if exact.ic < f64::INFINITY {
        return Outcome { fit: exact.fit, ic: exact.ic, trace };
    }
    let mut again = full(ctx, limits, false);
    trace.append(&mut again.trace);
    again.trace = trace;
    again
}
