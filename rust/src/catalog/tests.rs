use super::*;
use crate::engine::envelope;

fn airline_like() -> Vec<f64> {
    (0..72).map(|t| 100.0 + t as f64 + 10.0 * ((t % 12) as f64 / 2.0).sin() + ((t * 7919 % 13) as f64) / 3.0).collect()
}

#[test]
fn texts_round_trip_through_parse_and_display() {
    for text in [
        "arima(0,1,1)(0,1,1)[12]",
        "arima(1,0,0,lambda=0)",
        "auto_arima[12]",
        "auto_arima(stepwise=false)[4]",
        "naive",
        "snaive(lambda=auto,biasadj=true)[12]",
        "mean",
        "drift(lambda=0.5)",
        "window_average(3)",
        "seasonal_window_average(2)[12]",
        "auto_arima[12]|snaive[12]|naive",
        "auto_ets[12]",
        "ets(M,Ad,M,alpha=0.3,bounds=usual)[12]",
        "ets(A,Z,N,damped=false,opt_crit=mae,lambda=0)",
        "auto_ets(lower=[0.0001,0.0001,0.0001,0.9],upper=[0.5,0.9999,0.9999,0.99])[12]",
        "croston",
        "croston(alpha=0.3)|naive",
        "croston_optimized",
        "croston_sba",
        "tsb(0.1,0.1)",
        "adida",
        "imapa",
        "auto_theta[12]",
        "theta_dynamic_optimized",
    ] {
        let spec = ModelSpec::parse(text).expect(text);
        assert_eq!(spec.to_string(), text);
        assert_eq!(ModelSpec::parse(&spec.to_string()).expect("round trip"), spec);
    }
}

#[test]
fn ill_formed_texts_name_the_position_and_the_accepted_forms() {
    let e = |t: &str| ModelSpec::parse(t).expect_err(t).to_string();
    let unknown = e("thetaf[12]");
    assert!(unknown.contains("at position 0: unknown model 'thetaf'") && unknown.contains("accepted forms"), "{unknown}");
    assert!(e("naive|").contains("at position 6"));
    assert!(e("snaive(drift=true)[12]").contains("takes no option 'drift'"));
    assert!(e("naive(window=3)").contains("takes no option 'window'"));
    assert!(e("naive(biasadj=true)").contains("biasadj needs a lambda"));
    assert!(e("naive(lambda=50)").contains("lambda must be in"));
    assert!(e("croston(lambda=0)").contains("croston takes no option 'lambda'"));
}

#[test]
fn a_fallback_fits_where_the_first_choice_cannot() {
    let short = [1.0, 2.0, 3.0];
    let first_only = ModelSpec::parse("snaive[12]").expect("valid");
    assert!(first_only.fit(&short, None).is_err());
    let with_fallback = ModelSpec::parse("snaive[12]|naive").expect("valid");
    let fitted = with_fallback.fit(&short, None).expect("the fallback fits");
    assert_eq!(fitted.label(), "Naive method");
    let y = airline_like();
    assert_eq!(with_fallback.fit(&y, None).expect("fits").label(), "Seasonal naive method");
}

#[test]
fn a_cancelled_fit_does_not_fall_back() {
    let cancel = AtomicBool::new(true);
    let spec = ModelSpec::parse("arima(2,1,2)|naive").expect("valid");
    assert_eq!(spec.fit(&airline_like(), Some(&cancel)).expect_err("cancelled"), CoreError::Cancelled);
}

#[test]
fn a_set_flag_cancels_every_family_including_those_that_poll_it_through_the_scope() {
    let cancel = AtomicBool::new(true);
    for text in ["auto_ets[12]", "auto_theta[12]", "theta[12]", "croston_optimized", "naive", "auto[12]", "auto_arima[12]"] {
        let spec = ModelSpec::parse(text).expect(text);
        assert_eq!(spec.fit(&airline_like(), Some(&cancel)).expect_err(text), CoreError::Cancelled, "{text}");
    }
}

#[test]
fn every_family_round_trips_through_its_saved_form() {
    let y = airline_like();
    for text in [
        "arima(0,1,1)(0,1,1)[12]",
        "snaive(lambda=0,biasadj=true)[12]",
        "mean",
        "drift",
        "seasonal_window_average(2)[12]",
        "croston_optimized",
        "tsb(0.2,0.3)",
        "auto_ets[12]",
        "auto_theta[12]",
    ] {
        let fitted = ModelSpec::parse(text).expect(text).fit(&y, None).expect(text);
        let bytes = envelope::wrap(fitted.as_ref());
        let back = decode(&bytes).expect("decodes");
        assert_eq!(back.label(), fitted.label());
        let bits = |m: &dyn FittedModel| -> Vec<u64> {
            m.forecast(5, &[0.8, 0.95]).expect("forecast").packed().iter().map(|v| v.to_bits()).collect()
        };
        assert_eq!(bits(back.as_ref()), bits(fitted.as_ref()), "{text}");
        let mut tampered = bytes.clone();
        let at = tampered.len() / 2;
        tampered[at] ^= 1;
        assert!(decode(&tampered).is_err(), "{text}: a flipped byte is refused");
        assert!(decode(&bytes[..bytes.len() - 1]).is_err(), "{text}: truncated bytes are refused");
    }
}

#[test]
fn legacy_arima_bytes_still_decode_and_unknown_families_do_not() {
    let y = airline_like();
    let spec = ModelSpec::parse("arima(1,1,0)").expect("valid");
    let fitted = spec.fit(&y, None).expect("fits");
    let arima = crate::engine::find::<crate::arima::ArimaFit>(fitted.as_ref()).expect("an ARIMA");
    assert!(decode(&arima.to_bytes()).is_ok());
    let mut w = crate::engine::bytes::Writer::new();
    for &b in envelope::MAGIC {
        w.u8(b);
    }
    w.u32(envelope::VERSION).u16(999).bytes(&[]);
    let mut bytes = w.finish();
    let sum = crate::engine::bytes::fnv1a(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    assert!(decode(&bytes).expect_err("unknown").to_string().contains("unknown family code 999"));
}

#[test]
fn box_cox_that_cannot_transform_a_value_names_it() {
    let spec = ModelSpec::parse("naive(lambda=0)").expect("valid");
    let e = spec.fit(&[3.0, 0.0, 2.0], None).expect_err("log of 0").to_string();
    assert!(e.contains("y[1] = 0"), "{e}");
}

#[test]
fn auto_routes_intermittent_series_to_croston_sba_and_others_to_auto_arima() {
    for text in ["auto", "auto[12]", "auto[4]|naive"] {
        assert_eq!(ModelSpec::parse(text).expect(text).to_string(), text);
    }
    assert_eq!(ModelSpec::parse("auto[1]").expect("auto[1]").to_string(), "auto");
    let e = ModelSpec::parse("auto(lambda=0)").expect_err("no options").to_string();
    assert!(e.contains("auto takes no option 'lambda'"), "{e}");
    let auto = ModelSpec::parse("auto[12]").expect("auto[12]");
    // Demand in one period of three: ADI 3 -> intermittent.
    let sparse: Vec<f64> = (0..48).map(|t| if t % 3 == 2 { 2.0 + (t % 5) as f64 } else { 0.0 }).collect();
    let model = auto.fit(&sparse, None).expect("sparse");
    assert_eq!(model.label(), "Croston's method (SBA)");
    let direct = ModelSpec::parse(route::INTERMITTENT).expect("route").fit(&sparse, None).expect("fit");
    assert_eq!(model.forecast(3, &[]).expect("f").mean, direct.forecast(3, &[]).expect("f").mean);
    assert_eq!(auto.fit(&[0.0; 30], None).expect("no demand").forecast(2, &[]).expect("f").mean, vec![0.0; 2]);
    // Demand in every period: smooth -> auto-ARIMA at the period, saved as an ARIMA.
    let y = airline_like();
    let model = auto.fit(&y, None).expect("smooth");
    assert!(model.label().starts_with("ARIMA("), "{}", model.label());
    let same = route::non_intermittent(12).fit(&y, None).expect("fit");
    assert_eq!(model.label(), same.label());
    assert_eq!(decode(&envelope::wrap(model.as_ref())).expect("decodes").label(), model.label());
    // Negative or missing values are not demand: the non-intermittent route.
    let mut signed = sparse.clone();
    signed[5] = -1.0;
    assert!(!auto.fit(&signed, None).expect("signed").label().starts_with("Croston"));
    let mut gaps = sparse;
    gaps[7] = f64::NAN;
    assert!(!auto.fit(&gaps, None).expect("gaps").label().starts_with("Croston"));
    assert_eq!(route::non_intermittent(1).to_string(), "auto_arima|auto_ets|naive");
    assert_eq!(route::non_intermittent(12).to_string(), "auto_arima[12]|auto_ets[12]|snaive[12]");
}
