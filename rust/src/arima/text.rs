//! ARIMA's spec text, R's notation: `arima(p,d,q)`, `arima(p,d,q)(P,D,Q)[m]`, with the options
//! `mean=` (default: true exactly when d + D = 0, as R's `include.mean`), `drift=` and
//! `fourier=[period:K,...]` (Fourier terms as regressors, the syntax of `auto_arima`'s).

use super::spec::ArimaSpec;
use crate::engine::text::Call;
use crate::error::{invalid, CoreResult};
use crate::stats::fourier::{self, FourierTerm};

/// The spec of an `arima` call and its Fourier terms (empty without `fourier=`); the core's
/// rules on orders apply.
pub fn from_call(mut call: Call) -> CoreResult<(ArimaSpec, Vec<FourierTerm>)> {
    let order = call.take_positional(0);
    if order.len() != 3 {
        return invalid(format!("at position {}: arima needs three orders, as arima(p,d,q), got {}", call.at, order.len()));
    }
    let seasonal = call.take_positional(1);
    let (seasonal_p, seasonal_d, seasonal_q, period) = match seasonal.len() {
        0 if call.groups.len() < 2 => (0, 0, 0, 0),
        3 => (seasonal[0].count("P")?, seasonal[1].count("D")?, seasonal[2].count("Q")?, call.take_period()?),
        n => return invalid(format!("at position {}: the seasonal order needs three values, as (P,D,Q)[m], got {n}", call.at)),
    };
    let (p, d, q) = (order[0].count("p")?, order[1].count("d")?, order[2].count("q")?);
    let include_mean = match call.take("mean") {
        Some(arg) => arg.flag("mean")?,
        None => d + seasonal_d == 0,
    };
    let include_drift = match call.take("drift") {
        Some(arg) => arg.flag("drift")?,
        None => false,
    };
    let terms = match call.take("fourier") {
        Some(arg) => fourier::parse_terms(&arg.value, arg.at)?,
        None => Vec::new(),
    };
    call.finish()?;
    let spec = ArimaSpec { p, d, q, seasonal_p, seasonal_d, seasonal_q, period, include_mean, include_drift };
    spec.validate()?;
    Ok((spec, terms))
}

/// The canonical text of `spec` with its Fourier terms; `extra` are options of the engine
/// (Box-Cox) to write in the first group.
pub fn to_text(spec: &ArimaSpec, terms: &[FourierTerm], extra: &[String]) -> String {
    let mut first = vec![spec.p.to_string(), spec.d.to_string(), spec.q.to_string()];
    if spec.include_mean != (spec.d + spec.seasonal_d == 0) {
        first.push(format!("mean={}", spec.include_mean));
    }
    if spec.include_drift {
        first.push("drift=true".to_string());
    }
    if !terms.is_empty() {
        first.push(format!("fourier={}", fourier::terms_text(terms)));
    }
    first.extend(extra.iter().cloned());
    let mut text = format!("arima({})", first.join(","));
    if spec.period > 0 {
        text += &format!("({},{},{})[{}]", spec.seasonal_p, spec.seasonal_d, spec.seasonal_q, spec.period);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::parse;

    fn spec_of(text: &str) -> CoreResult<ArimaSpec> {
        from_call(parse(text)?.remove(0)).map(|(spec, _)| spec)
    }

    #[test]
    fn text_round_trips() {
        for text in ["arima(0,1,1)(0,1,1)[12]", "arima(2,0,1)", "arima(1,0,0,mean=false)", "arima(0,1,1,drift=true)", "arima(1,0,1)(1,0,0)[4]"] {
            assert_eq!(to_text(&spec_of(text).expect(text), &[], &[]), text);
        }
        let text = "arima(1,0,1,fourier=[52.18:10])(1,0,0)[4]";
        let (spec, terms) = from_call(parse(text).expect("valid").remove(0)).expect(text);
        assert_eq!(terms, [FourierTerm { period: 52.18, k: 10 }]);
        assert_eq!(to_text(&spec, &terms, &[]), text);
        let (spec, terms) = from_call(parse("arima(2,1,0, fourier=[7:3, 365.25:10], drift=true)").expect("valid").remove(0)).expect("valid");
        assert_eq!(to_text(&spec, &terms, &[]), "arima(2,1,0,drift=true,fourier=[7:3,365.25:10])");
        let s = spec_of("arima(1,0,1)").expect("valid");
        assert!(s.include_mean && !s.include_drift);
        assert!(!spec_of("arima(0,1,1)").expect("valid").include_mean);
    }

    #[test]
    fn bad_arima_texts_are_named() {
        let e = |t: &str| spec_of(t).expect_err(t).to_string();
        assert!(e("arima(1,1)").contains("three orders"));
        assert!(e("arima(0,1,1)(0,1,1)").contains("seasonal period"));
        assert!(e("arima(0,1,1)(0,1)[12]").contains("three values"));
        assert!(e("arima(0,1,1,window=3)").contains("takes no option 'window'"));
        assert!(e("arima(-1,1,1)").contains("p must be"));
        assert!(e("arima(1,0,0,fourier=[52.18])").contains("fourier must be a list [period:K,...]"));
        assert!(e("arima(1,0,0,fourier=[7:4])").contains("K must not be greater than period/2"));
    }
}
