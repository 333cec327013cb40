package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Regression with ARIMA errors through the Java API against R's {@code forecast::Arima(xreg = )}
 * and {@code auto.arima(xreg = )} (testdata/xreg/xreg.json, written by make_xreg_fixtures.R),
 * with the tolerances of the core's fixture test (rust/tests/xreg_fixtures.rs): where R fails
 * the fit is refused; otherwise the log-likelihood is at least R's less 1e-4 and, unless lagrs
 * found a higher one, the coefficient names equal R's, coefficients are within
 * 1e-3 * max(1, |R's|) (the two flat-likelihood fits: within 1% of the standard error), and
 * forecasts with their 95% bounds within 2e-3 of the largest |value|. auto.arima's model equals
 * R's on at least 95% of the runs.
 */
class XregFixturesTest {
    /** The core test's list: fits where R's optimizer stopped early along a flat likelihood. */
    private static final Set<String> FLAT_LIKELIHOOD = Set.of("seatbelts_drivers_arima", "seatbelts_rear_arima");

    private static final JsonNode CASES = Fixtures.read("xreg/xreg.json").get("cases");

    static String[] strings(JsonNode node) {
        if (node.isTextual()) {
            return new String[] {node.asText()};
        }
        String[] out = new String[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asText();
        }
        return out;
    }

    /** A number array ("NA" is NaN; jsonlite writes a length-one vector as a number). */
    static double[] numbers(JsonNode node) {
        if (node.isNumber()) {
            return new double[] {node.asDouble()};
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            out[i] = v.isTextual() && v.asText().equals("NA") ? Double.NaN : Fixtures.number(v);
        }
        return out;
    }

    static double[][] columns(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int j = 0; j < out.length; j++) {
            out[j] = numbers(node.get(j));
        }
        return out;
    }

    /** The spec text of R's call: {@code Arima(order, seasonal, include.mean, include.drift)}. */
    static String specText(JsonNode c) {
        JsonNode args = c.get("args");
        if (c.get("kind").asText().equals("auto")) {
            boolean seasonal = !args.has("seasonal") || args.get("seasonal").asBoolean();
            int m = c.get("m").asInt();
            return "auto_arima" + (seasonal ? "" : "(seasonal=false)") + (m > 1 ? "[" + m + "]" : "");
        }
        int[] o = Fixtures.ints(args.get("order"));
        List<String> first = new ArrayList<>(List.of(o[0] + "", o[1] + "", o[2] + ""));
        if (args.has("include.mean") && !args.get("include.mean").asBoolean()) {
            first.add("mean=false");
        }
        if (args.has("include.drift") && args.get("include.drift").asBoolean()) {
            first.add("drift=true");
        }
        String text = "arima(" + String.join(",", first) + ")";
        if (args.has("seasonal")) {
            int[] s = Fixtures.ints(args.get("seasonal"));
            text += "(" + s[0] + "," + s[1] + "," + s[2] + ")[" + c.get("m").asInt() + "]";
        }
        return text;
    }

    static double largest(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    static void within(String what, double[] got, double[] want, double tol, List<String> out) {
        if (got.length != want.length) {
            out.add(what + ": " + got.length + " values, R has " + want.length);
            return;
        }
        for (int i = 0; i < got.length; i++) {
            boolean bothNaN = Double.isNaN(got[i]) && Double.isNaN(want[i]);
            if (!bothNaN && !(Math.abs(got[i] - want[i]) <= tol)) {
                out.add(what + "[" + i + "]: " + got[i] + " vs R " + want[i] + " (tol " + tol + ")");
            }
        }
    }

    /**
     * forecast::Arima's sigma2 (sum of squared residuals over nstar - npar + 1), which its
     * intervals use; the core test computes it the same way from the model's residuals.
     */
    static double arimaSigma2(ArimaModel m) {
        double[] r = m.residuals();
        int first = 0;
        while (first < r.length && Double.isNaN(r[first])) {
            first++;
        }
        int last = r.length - 1;
        while (last > 0 && Double.isNaN(r[last])) {
            last--;
        }
        int n = 0;
        double ss = 0;
        for (int t = first; t <= last; t++) {
            if (!Double.isNaN(r[t])) {
                n++;
                ss += r[t] * r[t];
            }
        }
        int[] o = m.order();
        double nstar = n - o[1] - o[4] * o[6];
        double npar = m.coefficients().length + 1;
        return ss / (nstar - npar + 1);
    }

    /** The differences from R's record; empty when equal (or lagrs' likelihood is higher). */
    static List<String> compare(String name, ArimaModel m, JsonNode r, double[][] future, boolean fixed) {
        List<String> out = new ArrayList<>();
        double ll = r.get("loglik").asDouble();
        if (m.logLikelihood() < ll - 1e-4) {
            out.add("loglik " + m.logLikelihood() + " below R's " + ll);
        }
        if (m.logLikelihood() > ll + 1e-4) {
            return out;
        }
        if (!List.of(m.coefficientNames()).equals(List.of(strings(r.get("coef_names"))))) {
            out.add("names " + List.of(m.coefficientNames()) + " vs R " + List.of(strings(r.get("coef_names"))));
            return out;
        }
        if (fixed) {
            double[] coef = m.coefficients();
            double[] want = numbers(r.get("coef"));
            double[] se = numbers(r.get("se"));
            for (int i = 0; i < want.length; i++) {
                double tol = 1e-3 * Math.max(1, Math.abs(want[i]));
                if (FLAT_LIKELIHOOD.contains(name)) {
                    tol = Math.max(tol, 0.01 * se[i]);
                }
                within("coef " + m.coefficientNames()[i], new double[] {coef[i]}, new double[] {want[i]}, tol, out);
            }
        }
        int h = future.length == 0 ? 0 : future[0].length;
        Forecast f = m.forecast(h, 0.95, future);
        double[] lower = f.lower();
        double[] upper = f.upper();
        if (fixed) {
            double ratio = Math.sqrt(arimaSigma2(m) / m.sigma2());
            for (int i = 0; i < h; i++) {
                lower[i] = f.mean()[i] - (f.mean()[i] - lower[i]) * ratio;
                upper[i] = f.mean()[i] + (upper[i] - f.mean()[i]) * ratio;
            }
        }
        for (String[] key : new String[][] {{"mean", "fc_mean"}, {"lower", "fc_lower"}, {"upper", "fc_upper"}}) {
            double[] want = numbers(r.get(key[1]));
            double[] got = key[0].equals("mean") ? f.mean() : key[0].equals("lower") ? lower : upper;
            within(key[0], got, want, 2e-3 * largest(want), out);
        }
        return out;
    }

    @Test
    void fitsAndForecastsEqualRs() {
        List<String> failures = new ArrayList<>();
        int autoRuns = 0;
        int autoEqual = 0;
        int compared = 0;
        for (JsonNode c : CASES) {
            String name = c.get("name").asText();
            double[] y = numbers(c.get("y"));
            Regressors xreg = Regressors.of(strings(c.get("xreg_names")), columns(c.get("xreg")));
            double[][] future = columns(c.get("future"));
            boolean fixed = c.get("kind").asText().equals("arima");
            ModelSpec spec = ModelSpec.parse(specText(c));
            JsonNode r = c.get("result");
            if (r == null || r.isNull()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.fit(y, xreg).close(),
                        name + ": R fails (" + c.get("error") + "), lagrs must refuse it");
                assertTrue(e.getMessage().contains("xreg column '") || e.getMessage().contains("rank deficient"), name + ": " + e.getMessage());
                continue;
            }
            try (ArimaModel m = (ArimaModel) spec.fit(y, xreg)) {
                assertArrayEquals(xreg.names().toArray(String[]::new), m.regressorNames(), name);
                if (!fixed) {
                    autoRuns++;
                    int[] arma = Fixtures.ints(r.get("arma"));
                    int[] o = m.order();
                    boolean seasonal = o[3] + o[4] + o[5] > 0;
                    boolean same = o[0] == arma[0] && o[2] == arma[1] && o[3] == arma[2] && o[5] == arma[3]
                            && o[1] == arma[5] && o[4] == arma[6] && (!seasonal || o[6] == arma[4])
                            && List.of(m.coefficientNames()).equals(List.of(strings(r.get("coef_names"))));
                    if (!same) {
                        failures.add(name + ": (order differs) lagrs " + m.label() + ", R " + r.get("arma"));
                        continue;
                    }
                    autoEqual++;
                }
                compared++;
                compare(name, m, r, future, fixed).forEach(p -> failures.add(name + ": " + p));
            }
        }
        double rate = autoEqual / (double) Math.max(1, autoRuns);
        assertTrue(autoRuns >= 30 && compared >= 60, autoRuns + " auto runs, " + compared + " compared");
        assertTrue(rate >= 0.95, "auto.arima(xreg) agreement " + rate + ":\n" + String.join("\n", failures));
        failures.removeIf(f -> f.contains("(order differs)"));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The Fourier fixtures from the spec text alone: the model builds the terms and their future. */
    @Test
    void fourierTextEqualsRsFourierRegression() {
        int checked = 0;
        for (JsonNode c : CASES) {
            JsonNode spec = c.get("fourier");
            if (spec == null || spec.isNull()) {
                continue;
            }
            double[] periods = numbers(spec.get("periods"));
            double[] ks = numbers(spec.get("K"));
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < periods.length; i++) {
                terms.add(periods[i] + ":" + (int) ks[i]);
            }
            String text = "auto_arima(seasonal=false,fourier=[" + String.join(",", terms) + "])";
            double[] y = numbers(c.get("y"));
            JsonNode r = c.get("result");
            try (ArimaModel m = (ArimaModel) ModelSpec.parse(text).fit(y)) {
                assertEquals(0, m.regressorNames().length, "built terms need no future values");
                assertEquals(List.of(strings(r.get("coef_names"))), List.of(m.coefficientNames()), text);
                int h = spec.get("h").asInt();
                List<String> out = new ArrayList<>();
                Forecast f = m.forecast(h, 0.95);
                double[] want = numbers(r.get("fc_mean"));
                within("mean", f.mean(), want, 2e-3 * largest(want), out);
                assertTrue(out.isEmpty(), text + ": " + out);
                try (ArimaModel back = ArimaModel.fromBytes(m.toBytes())) {
                    assertArrayEquals(m.coefficientNames(), back.coefficientNames());
                    assertArrayEquals(f.mean(), back.forecast(h, 0.95).mean());
                }
            }
            checked++;
        }
        assertEquals(2, checked);
    }
}
