//! auto-ARIMA's spec text: `auto_arima`, `auto_arima[12]`, and any of `auto.arima`'s
//! settings by name, `auto_arima(stepwise=false, max_p=3, ic=bic)[12]`. The canonical text
//! writes only the settings that differ from R's defaults.

use super::options::{AutoArimaOptions, BoxCoxLambda, InformationCriterion, SeasonalTestKind, UnitRootTestKind};
use crate::engine::text::{Arg, Call};
use crate::error::{invalid, CoreResult};
use crate::stats::fourier;

/// The counts, in text order: name, and where each lives in the options.
fn counts(o: &mut AutoArimaOptions) -> [(&'static str, &mut usize); 13] {
    [
        ("max_p", &mut o.max_p),
        ("max_q", &mut o.max_q),
        ("max_seasonal_p", &mut o.max_seasonal_p),
        ("max_seasonal_q", &mut o.max_seasonal_q),
        ("max_order", &mut o.max_order),
        ("max_d", &mut o.max_d),
        ("max_seasonal_d", &mut o.max_seasonal_d),
        ("start_p", &mut o.start_p),
        ("start_q", &mut o.start_q),
        ("start_seasonal_p", &mut o.start_seasonal_p),
        ("start_seasonal_q", &mut o.start_seasonal_q),
        ("nmodels", &mut o.nmodels),
        ("period", &mut o.period),
    ]
}

fn flags(o: &mut AutoArimaOptions) -> [(&'static str, &mut bool); 6] {
    [
        ("stationary", &mut o.stationary),
        ("seasonal", &mut o.seasonal),
        ("stepwise", &mut o.stepwise),
        ("allow_drift", &mut o.allow_drift),
        ("allow_mean", &mut o.allow_mean),
        ("biasadj", &mut o.biasadj),
    ]
}

fn levels(o: &mut AutoArimaOptions) -> [(&'static str, &mut f64); 2] {
    [("alpha", &mut o.alpha), ("seasonal_alpha", &mut o.seasonal_alpha)]
}

const ICS: [(&str, InformationCriterion); 3] =
    [("aicc", InformationCriterion::Aicc), ("aic", InformationCriterion::Aic), ("bic", InformationCriterion::Bic)];
const TESTS: [(&str, UnitRootTestKind); 3] =
    [("kpss", UnitRootTestKind::Kpss), ("adf", UnitRootTestKind::Adf), ("pp", UnitRootTestKind::Pp)];
const SEASONAL_TESTS: [(&str, SeasonalTestKind); 3] = [
    ("seas", SeasonalTestKind::SeasonalStrength),
    ("ocsb", SeasonalTestKind::Ocsb),
    ("ch", SeasonalTestKind::CanovaHansen),
];

fn choice<T: Copy>(arg: &Arg, name: &str, table: &[(&str, T)]) -> CoreResult<T> {
    let value = arg.value.to_ascii_lowercase();
    match table.iter().find(|(text, _)| *text == value) {
        Some((_, v)) => Ok(*v),
        None => {
            let names: Vec<&str> = table.iter().map(|(t, _)| *t).collect();
            invalid(format!("at position {}: {name} must be one of {}, got '{}'", arg.at, names.join(", "), arg.value))
        }
    }
}

fn name_of<T: PartialEq>(table: &[(&'static str, T)], value: &T) -> &'static str {
    table.iter().find(|(_, v)| v == value).map(|(t, _)| *t).expect("every value has a name")
}

/// The options of an `auto_arima` call; the search's rules apply.
pub fn from_call(mut call: Call) -> CoreResult<AutoArimaOptions> {
    let mut o = AutoArimaOptions { period: call.take_period_or(1)?, ..AutoArimaOptions::default() };
    for (name, slot) in counts(&mut o) {
        if let Some(arg) = call.take(name) {
            *slot = arg.count(name)?;
        }
    }
    for (name, slot) in flags(&mut o) {
        if let Some(arg) = call.take(name) {
            *slot = arg.flag(name)?;
        }
    }
    for (name, slot) in levels(&mut o) {
        if let Some(arg) = call.take(name) {
            *slot = arg.number(name)?;
        }
    }
    if let Some(arg) = call.take("d") {
        o.d = Some(arg.count("d")?);
    }
    if let Some(arg) = call.take("seasonal_d") {
        o.seasonal_d = Some(arg.count("seasonal_d")?);
    }
    if let Some(arg) = call.take("approximation") {
        o.approximation = Some(arg.flag("approximation")?);
    }
    if let Some(arg) = call.take("ic") {
        o.ic = choice(&arg, "ic", &ICS)?;
    }
    if let Some(arg) = call.take("test") {
        o.unit_root_test = choice(&arg, "test", &TESTS)?;
    }
    if let Some(arg) = call.take("seasonal_test") {
        o.seasonal_test = choice(&arg, "seasonal_test", &SEASONAL_TESTS)?;
    }
    if let Some(arg) = call.take("lambda") {
        o.lambda = Some(if arg.value.eq_ignore_ascii_case("auto") { BoxCoxLambda::Auto } else { BoxCoxLambda::Fixed(arg.number("lambda")?) });
    }
    if let Some(arg) = call.take("fourier") {
        o.fourier = fourier::parse_terms(&arg.value, arg.at)?;
    }
    if o.biasadj && o.lambda.is_none() {
        return invalid(format!("at position {}: biasadj needs a lambda", call.at));
    }
    call.finish()?;
    o.validate()?;
    Ok(o)
}

/// The canonical text of `options`: the settings that differ from R's defaults, by name.
pub fn to_text(options: &AutoArimaOptions) -> String {
    let mut o = options.clone();
    let mut d = AutoArimaOptions::default();
    let mut args = Vec::new();
    let push = |args: &mut Vec<String>, name: &str, value: String| args.push(format!("{name}={value}"));
    if let Some(v) = o.d {
        push(&mut args, "d", v.to_string());
    }
    if let Some(v) = o.seasonal_d {
        push(&mut args, "seasonal_d", v.to_string());
    }
    for ((name, value), (_, default)) in counts(&mut o).into_iter().zip(counts(&mut d)) {
        if name != "period" && *value != *default {
            push(&mut args, name, value.to_string());
        }
    }
    for ((name, value), (_, default)) in flags(&mut o).into_iter().zip(flags(&mut d)) {
        if *value != *default {
            push(&mut args, name, value.to_string());
        }
    }
    if options.ic != d.ic {
        push(&mut args, "ic", name_of(&ICS, &options.ic).into());
    }
    if let Some(v) = options.approximation {
        push(&mut args, "approximation", v.to_string());
    }
    if options.unit_root_test != d.unit_root_test {
        push(&mut args, "test", name_of(&TESTS, &options.unit_root_test).into());
    }
    if options.seasonal_test != d.seasonal_test {
        push(&mut args, "seasonal_test", name_of(&SEASONAL_TESTS, &options.seasonal_test).into());
    }
    for ((name, value), (_, default)) in levels(&mut o).into_iter().zip(levels(&mut d)) {
        if *value != *default {
            push(&mut args, name, value.to_string());
        }
    }
    if !options.fourier.is_empty() {
        push(&mut args, "fourier", fourier::terms_text(&options.fourier));
    }
    match options.lambda {
        Some(BoxCoxLambda::Fixed(l)) => push(&mut args, "lambda", l.to_string()),
        Some(BoxCoxLambda::Auto) => push(&mut args, "lambda", "auto".into()),
        None => {}
    }
    let group = if args.is_empty() { String::new() } else { format!("({})", args.join(",")) };
    let period = if options.period > 1 { format!("[{}]", options.period) } else { String::new() };
    format!("auto_arima{group}{period}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::parse;

    fn options(text: &str) -> CoreResult<AutoArimaOptions> {
        from_call(parse(text)?.remove(0))
    }

    #[test]
    fn defaults_and_named_settings_round_trip() {
        assert_eq!(options("auto_arima").expect("valid"), AutoArimaOptions::default());
        assert_eq!(options("auto_arima[12]").expect("valid").period, 12);
        let text = "auto_arima(d=1,max_p=3,stepwise=false,biasadj=true,ic=bic,approximation=false,test=adf,seasonal_test=ocsb,alpha=0.1,lambda=auto)[12]";
        let o = options(text).expect("valid");
        assert_eq!((o.d, o.max_p, o.stepwise, o.ic), (Some(1), 3, false, InformationCriterion::Bic));
        assert_eq!(to_text(&o), text);
        assert_eq!(options(&to_text(&o)).expect("round trip"), o);
    }

    #[test]
    fn unknown_or_bad_settings_are_named() {
        let e = |t: &str| options(t).expect_err(t).to_string();
        assert!(e("auto_arima(window=3)").contains("takes no option 'window'"));
        assert!(e("auto_arima(ic=mse)").contains("ic must be one of aicc, aic, bic"));
        assert!(e("auto_arima(biasadj=true)").contains("needs a lambda"));
        assert!(e("auto_arima(max_p=x)").contains("max_p must be a whole number"));
    }
}
