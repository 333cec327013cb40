//! ETS's spec texts: `auto_ets[m]` (R's `ets(y)`) and `ets(M,Ad,M)[m]` (also `ets(MAdM)` or
//! with `Z` letters), with R's arguments by name: `damped`, `alpha`, `beta`, `gamma`, `phi`,
//! `opt_crit`, `nmse`, `bounds`, `ic`, `restrict`, `allow_multiplicative_trend`,
//! `additive_only`, and `lower`/`upper` as lists of four (alpha, beta, gamma, phi:
//! `lower=[0.0001,0.0001,0.0001,0.9]`). The canonical text writes only what differs from R's
//! defaults.

use super::form::{Component, Request};
use super::model::EtsModel;
use super::options::{Bounds, Ic, OptCrit, Options};
use super::select::ets;
use crate::engine::text::{Arg, Call};
use crate::error::{invalid, CoreResult};

/// What an ETS spec fits.
#[derive(Debug, Clone, PartialEq)]
pub struct EtsSpec {
    pub request: Request,
    pub options: Options,
    /// The series' frequency (1 when the text gives none).
    pub period: usize,
}

impl EtsSpec {
    /// Fits `y` as R's `ets` would.
    pub fn fit(&self, y: &[f64]) -> CoreResult<EtsModel> {
        Ok(EtsModel::from_selected(
            ets(y, self.period, &self.request, &self.options)?,
            y.len(),
        ))
    }
}

const CRITS: [(&str, OptCrit); 5] = [
    ("lik", OptCrit::Lik),
    ("amse", OptCrit::Amse),
    ("mse", OptCrit::Mse),
    ("sigma", OptCrit::Sigma),
    ("mae", OptCrit::Mae),
];
const BOUNDS: [(&str, Bounds); 3] = [
    ("both", Bounds::Both),
    ("usual", Bounds::Usual),
    ("admissible", Bounds::Admissible),
];
const ICS: [(&str, Ic); 3] = [("aicc", Ic::Aicc), ("aic", Ic::Aic), ("bic", Ic::Bic)];

fn choice<T: Copy>(arg: &Arg, name: &str, table: &[(&str, T)]) -> CoreResult<T> {
    let value = arg.value.to_ascii_lowercase();
    match table.iter().find(|(t, _)| *t == value) {
        Some((_, v)) => Ok(*v),
        None => {
            let names: Vec<&str> = table.iter().map(|(t, _)| *t).collect();
            invalid(format!(
                "at position {}: {name} must be one of {}, got '{}'",
                arg.at,
                names.join(", "),
                arg.value
            ))
        }
    }
}

/// R's `lower`/`upper`: four numbers, for alpha, beta, gamma and phi in that order.
fn four(arg: &Arg, name: &str) -> CoreResult<[f64; 4]> {
    let items: Vec<Option<f64>> = arg
        .value
        .split(',')
        .map(|v| v.parse::<f64>().ok().filter(|v| v.is_finite()))
        .collect();
    match items[..] {
        [Some(a), Some(b), Some(g), Some(p)] => Ok([a, b, g, p]),
        _ => invalid(format!(
            "at position {}: {name} must be a list of 4 finite numbers (alpha, beta, gamma, phi), as {name}=[0.0001,0.0001,0.0001,0.8], got '{}'",
            arg.at, arg.value
        )),
    }
}

fn name_of<T: PartialEq>(table: &[(&'static str, T)], v: &T) -> &'static str {
    table
        .iter()
        .find(|(_, x)| x == v)
        .map(|(t, _)| *t)
        .expect("every value has a name")
}

/// Reads an `auto_ets` or `ets` call.
pub fn from_call(mut call: Call) -> CoreResult<EtsSpec> {
    let period = call.take_period_or(1)?;
    let mut request = Request::auto();
    if call.name == "ets" {
        let letters: Vec<String> = call.take_positional(0).into_iter().map(|a| a.value).collect();
        request = match letters.len() {
            1 => Request::parse(&letters[0])?,
            3 => Request::parse(&letters.concat())?,
            _ => {
                return invalid(format!(
                    "at position {}: ets needs its model, as ets(M,Ad,M) or ets(MAdM)",
                    call.at
                ))
            }
        };
    }
    let mut o = Options::default();
    if let Some(arg) = call.take("damped") {
        let d = arg.flag("damped")?;
        if request.damped == Some(true) && !d {
            return invalid(format!(
                "at position {}: damped=false contradicts the damped trend 'Ad'",
                arg.at
            ));
        }
        request.damped = Some(d);
    }
    for (name, slot) in [
        ("alpha", &mut o.alpha),
        ("beta", &mut o.beta),
        ("gamma", &mut o.gamma),
        ("phi", &mut o.phi),
    ] {
        if let Some(arg) = call.take(name) {
            *slot = Some(arg.number(name)?);
        }
    }
    for (name, slot) in [("lower", &mut o.lower), ("upper", &mut o.upper)] {
        if let Some(arg) = call.take(name) {
            *slot = four(&arg, name)?;
        }
    }
    if let Some(arg) = call.take("nmse") {
        o.nmse = arg.count("nmse")?;
    }
    if let Some(arg) = call.take("opt_crit") {
        o.opt_crit = choice(&arg, "opt_crit", &CRITS)?;
    }
    if let Some(arg) = call.take("bounds") {
        o.bounds = choice(&arg, "bounds", &BOUNDS)?;
    }
    if let Some(arg) = call.take("ic") {
        o.ic = choice(&arg, "ic", &ICS)?;
    }
    for (name, slot) in [
        ("restrict", &mut o.restrict),
        ("allow_multiplicative_trend", &mut o.allow_multiplicative_trend),
        ("additive_only", &mut o.additive_only),
    ] {
        if let Some(arg) = call.take(name) {
            *slot = arg.flag(name)?;
        }
    }
    call.finish()?;
    o.validate()?;
    if o.phi.is_some() && (request.trend == Some(Component::None) || request.damped == Some(false)) {
        return invalid("phi: a damping parameter needs a damped trend");
    }
    Ok(EtsSpec {
        request,
        options: o,
        period,
    })
}

/// The canonical text, read back by [`from_call`] to an equal spec; `extra` are the
/// engine's arguments (Box-Cox).
pub fn to_text(spec: &EtsSpec, extra: &[String]) -> String {
    let r = &spec.request;
    let letter = |c: Option<Component>| c.map_or('Z', Component::letter);
    let mut args: Vec<String> = Vec::new();
    let name = if r.is_fixed() || r.error.is_some() || r.trend.is_some() || r.season.is_some() {
        let d = if r.damped == Some(true) && r.trend.is_some() {
            "d"
        } else {
            ""
        };
        args.push(format!(
            "{},{}{},{}",
            letter(r.error),
            letter(r.trend),
            d,
            letter(r.season)
        ));
        "ets"
    } else {
        "auto_ets"
    };
    let damped_written = r.damped == Some(true) && r.trend.is_some() && name == "ets";
    if let Some(d) = r.damped.filter(|_| !damped_written) {
        args.push(format!("damped={d}"));
    }
    let (o, d) = (&spec.options, Options::default());
    for (k, v) in [("alpha", o.alpha), ("beta", o.beta), ("gamma", o.gamma), ("phi", o.phi)] {
        if let Some(v) = v {
            args.push(format!("{k}={v}"));
        }
    }
    for (k, v, dv) in [("lower", o.lower, d.lower), ("upper", o.upper, d.upper)] {
        if v != dv {
            let items: Vec<String> = v.iter().map(f64::to_string).collect();
            args.push(format!("{k}=[{}]", items.join(",")));
        }
    }
    if o.opt_crit != d.opt_crit {
        args.push(format!("opt_crit={}", name_of(&CRITS, &o.opt_crit)));
    }
    if o.nmse != d.nmse {
        args.push(format!("nmse={}", o.nmse));
    }
    if o.bounds != d.bounds {
        args.push(format!("bounds={}", name_of(&BOUNDS, &o.bounds)));
    }
    if o.ic != d.ic {
        args.push(format!("ic={}", name_of(&ICS, &o.ic)));
    }
    for (k, v, dv) in [
        ("restrict", o.restrict, d.restrict),
        (
            "allow_multiplicative_trend",
            o.allow_multiplicative_trend,
            d.allow_multiplicative_trend,
        ),
        ("additive_only", o.additive_only, d.additive_only),
    ] {
        if v != dv {
            args.push(format!("{k}={v}"));
        }
    }
    args.extend(extra.iter().cloned());
    let mut text = name.to_string();
    if !args.is_empty() {
        text.push_str(&format!("({})", args.join(",")));
    }
    if spec.period != 1 {
        text.push_str(&format!("[{}]", spec.period));
    }
    text
}
