//! Several forms fitted to one series at once: the Nelder–Mead searches of forms with the same
//! season (the error, the damping and an additive trend or none may differ; a multiplicative
//! trend goes with its own kind) run side by side, and the points
//! they ask for, one per search at most steps, share the lanes of one likelihood pass. A pass
//! over one parameter vector waits on each step's chain of dependent operations; lanes of
//! other searches fill that wait. Each search takes the steps it takes alone, on the same
//! values (every lane's value has the bits of a one-lane pass), so every fit is the one of
//! [`super::fit::fit_form`].

use super::fit::{EtsFit, Problem};
use super::form::{Component, Form};
use super::lanes::{likelihoods, MAX_LANES};
use super::options::{OptCrit, Options};
use super::recursion::Smoothing;
use crate::error::CoreResult;
use crate::numerics::optim::nelder_mead::NelderMeadResult;
use crate::numerics::optim::nelder_mead_steps::Steps;

/// Fits every form of `forms` to `y` (no missing values) with frequency `freq`: the results in
/// the order of `forms`, each as [`super::fit::fit_form`] gives it.
pub fn fit_forms(y: &[f64], forms: &[Form], freq: usize, opts: &Options) -> Vec<CoreResult<EtsFit>> {
    if opts.opt_crit != OptCrit::Lik {
        return forms.iter().map(|f| super::fit::fit_form(y, *f, freq, opts)).collect();
    }
    let problems: Vec<CoreResult<Problem>> = forms.iter().map(|f| Problem::new(y, *f, freq, opts)).collect();
    let mut results: Vec<Option<NelderMeadResult>> = vec![None; forms.len()];
    let mut done = vec![false; forms.len()];
    for i in 0..forms.len() {
        if done[i] || problems[i].is_err() {
            continue;
        }
        let key = |f: &Form| (f.trend == Component::Multiplicative, f.season);
        let members: Vec<usize> = (i..forms.len())
            .filter(|j| problems[*j].is_ok() && key(&forms[*j]) == key(&forms[i]))
            .collect();
        let group: Vec<&Problem> = members.iter().map(|j| problems[*j].as_ref().expect("kept")).collect();
        for (j, r) in members.iter().zip(minimize_together(&group)) {
            done[*j] = true;
            results[*j] = Some(r);
        }
    }
    problems
        .into_iter()
        .zip(results)
        .map(|(p, r)| p.and_then(|p| p.finish(r.expect("searched"))))
        .collect()
}

/// One lane of a pass: which search and point it serves, and what the pass needs.
#[derive(Clone, Copy)]
struct Lane {
    search: usize,
    point: usize,
    par: Smoothing,
    limit: f64,
    multiplicative: bool,
    trended: bool,
}

/// Runs the searches of `problems` (all with the same season, and additive trends or none
/// unless all have the same multiplicative one) to their ends.
pub(super) fn minimize_together(problems: &[&Problem]) -> Vec<NelderMeadResult> {
    let mut form = problems[0].form;
    if problems.iter().any(|p| p.form.trend == Component::Additive) {
        form.trend = Component::Additive;
    }
    debug_assert!(problems.iter().all(|p| p.form.season == form.season
        && (p.form.trend == form.trend || (p.form.trend == Component::None && form.trend == Component::Additive))));
    let y = problems[0].y();
    let m = problems[0].m;
    let mut searches: Vec<Steps> = problems.iter().map(|p| Steps::new(&p.start, &p.search_options())).collect();
    let mut values: Vec<Vec<f64>> = searches.iter().map(|s| vec![0.0; s.pending()]).collect();
    let mut next = vec![0; searches.len()];
    let mut x0: [Vec<f64>; MAX_LANES] = Default::default();
    let mut ring = Vec::new();
    let idle = Lane { search: 0, point: 0, par: Smoothing { alpha: 0.0, beta: 0.0, gamma: 0.0, phi: 1.0 }, limit: 0.0, multiplicative: false, trended: false };
    let count = searches.len();
    // The search served first in the next pass: each pass starts after the last one served,
    // so no search waits while others take every lane.
    let mut turn = 0;
    loop {
        // Fill the lanes a point per search in turn; points the bounds reject get no lane.
        let mut lanes = [idle; MAX_LANES];
        let mut k = 0;
        'fill: loop {
            let mut took = false;
            for s in (turn..count).chain(0..turn) {
                let search = &searches[s];
                if k == MAX_LANES {
                    break 'fill;
                }
                if next[s] < search.pending() {
                    let i = next[s];
                    next[s] += 1;
                    took = true;
                    turn = (s + 1) % count;
                    let (p, limit) = search.point(i);
                    match problems[s].point(p, &mut x0[k]) {
                        Some(par) => {
                            let multiplicative = problems[s].form.error == Component::Multiplicative;
                            let trended = problems[s].form.trend != Component::None;
                            lanes[k] = Lane { search: s, point: i, par, limit, multiplicative, trended };
                            k += 1;
                        }
                        None => values[s][i] = f64::INFINITY,
                    }
                }
            }
            if !took {
                break;
            }
        }
        if k > 0 {
            let x0s: [&[f64]; MAX_LANES] = std::array::from_fn(|i| &x0[i][..]);
            let em: [bool; MAX_LANES] = std::array::from_fn(|i| lanes[i].multiplicative);
            let tr: [bool; MAX_LANES] = std::array::from_fn(|i| lanes[i].trended);
            let par: [Smoothing; MAX_LANES] = std::array::from_fn(|i| lanes[i].par);
            let limit: [f64; MAX_LANES] = std::array::from_fn(|i| lanes[i].limit);
            let mut res = [None; MAX_LANES];
            likelihoods(y, &x0s[..k], m, &form, &em[..k], &tr[..k], &par[..k], &limit[..k], &mut ring, &mut res[..k]);
            for (lane, r) in lanes[..k].iter().zip(res) {
                values[lane.search][lane.point] = match r {
                    Some(l) if l.is_nan() => f64::INFINITY,
                    Some(l) => l.max(-1e10),
                    None => f64::INFINITY,
                };
            }
        }
        // Searches with every value in take their next step.
        let mut running = false;
        for (s, search) in searches.iter_mut().enumerate() {
            if search.pending() > 0 && next[s] == search.pending() {
                search.feed(&values[s]);
                next[s] = 0;
                values[s].resize(search.pending(), 0.0);
            }
            running |= search.pending() > 0;
        }
        if !running {
            break;
        }
    }
    searches.iter().map(Steps::result).collect()
}
