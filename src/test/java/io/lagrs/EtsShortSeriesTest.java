package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ETS on series too short for R's own fit (n <= parameters + 4), where R's ets fits
 * HoltWintersZZ instead, against R (testdata/ets/ets_tiny.json).
 */
class EtsShortSeriesTest {
    /** The engine's first note on a model of R's fallback, which R itself does not print. */
    private static final String FALLBACK_NOTE_START = "too few values for ETS's own fit";

    private static JsonNode rCase(String name) {
        for (JsonNode c : Fixtures.read("ets/ets_tiny.json").get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException("no fixture case " + name);
    }

    /** R's method, parameters, fitted values, forecasts and 80/95% bounds; no criteria. */
    private static void assertRsFit(String name, Ets spec) {
        JsonNode c = rCase(name);
        JsonNode r = c.get("r");
        int h = c.get("h").asInt();
        double[] y = Fixtures.doubles(c.get("y"));
        double scale = 0;
        for (double v : y) {
            scale = Math.max(scale, Math.abs(v));
        }
        try (FittedModel fitted = spec.fit(y)) {
            EtsModel m = assertInstanceOf(EtsModel.class, fitted);
            assertEquals(r.get("method").asText(), m.label(), name);
            assertEquals(r.get("alpha").asDouble(), m.alpha(), 1e-6, name);
            assertEquals(r.hasNonNull("beta") ? r.get("beta").asDouble() : Double.NaN, m.beta(), 1e-6, name);
            assertEquals(r.hasNonNull("gamma") ? r.get("gamma").asDouble() : Double.NaN, m.gamma(), 1e-6, name);
            assertTrue(Double.isNaN(m.aicc()) && Double.isNaN(m.logLikelihood()), name + ": R's fallback has no likelihood");
            double[] want = Fixtures.doubles(r.get("fitted"));
            double[] got = m.fitted();
            for (int i = 0; i < y.length; i++) {
                assertEquals(want[i], got[i], 1e-6 * scale, name + ": fitted " + i);
            }
            IntervalForecast f = m.forecast(h, new double[] {0.8, 0.95});
            double[][] rows = {f.mean(), f.lower(0), f.upper(0), f.lower(1), f.upper(1)};
            JsonNode[] wanted = {r.get("mean"), r.get("lower").get(0), r.get("upper").get(0), r.get("lower").get(1),
                r.get("upper").get(1)};
            for (int k = 0; k < rows.length; k++) {
                double[] w = Fixtures.doubles(wanted[k]);
                for (int i = 0; i < h; i++) {
                    assertEquals(w[i], rows[k][i], 1e-6 * scale, name + ": row " + k + ", step " + (i + 1));
                }
            }
            try (EtsModel back = EtsModel.fromBytes(m.toBytes())) {
                assertArrayEquals(f.mean(), back.forecast(h, new double[] {0.8, 0.95}).mean());
                assertEquals(m.label(), back.label());
                assertEquals(m.notes(), back.notes(), name + ": notes after restoring");
            }
        }
    }

    @Test
    void automaticSelectionOnFiveYearlyValuesIsRsSimpleSmoothing() {
        assertRsFit("y1_n5_auto", Ets.auto());
        assertRsFit("y1_n2_auto", Ets.auto());
    }

    @Test
    void aTrendedRequestGetsHoltsTrendAndADampedOneNoDamping() {
        assertRsFit("y1_n6_AAN", Ets.model("AAN"));
        assertRsFit("y1_n4_AAdN", Ets.model("AAdN"));
        assertRsFit("y1_n6_AAN_beta", Ets.model("AAN").beta(0.05));
    }

    @Test
    void aSeasonalRequestGetsHoltWintersFromTwoPeriodsAndHoltBelow() {
        assertRsFit("y4_n9_ANA", Ets.model("ANA").period(4));
        assertRsFit("y4_n10_MAM", Ets.model("MAM").period(4));
        assertRsFit("y4_n6_AAA", Ets.model("AAA").period(4));
        assertRsFit("y12_n13_ANA", Ets.model("ANA").period(12));
    }

    /** The spec of a fixture case's R call. */
    private static Ets spec(JsonNode c) {
        JsonNode args = c.get("args");
        String model = args.get("model").asText();
        Ets spec = model.equals("ZZZ") ? Ets.auto() : Ets.model(model);
        if (args.has("damped")) {
            spec = spec.damped(args.get("damped").asBoolean());
        }
        if (args.has("alpha")) {
            spec = spec.alpha(args.get("alpha").asDouble());
        }
        if (args.has("beta")) {
            spec = spec.beta(args.get("beta").asDouble());
        }
        if (args.has("phi")) {
            spec = spec.phi(args.get("phi").asDouble());
        }
        if (args.has("lambda")) {
            spec = spec.lambda(args.get("lambda").asDouble());
        }
        return spec.period(c.get("m").asInt());
    }

    /** R's warning as the engine words it: "Not enough data ..." is "not enough data ... (R's warning)". */
    private static String asNote(String rWarning) {
        return Character.toLowerCase(rWarning.charAt(0)) + rWarning.substring(1) + " (R's warning)";
    }

    @Test
    void notesAreRsWarningsOnEveryFixtureFitAndSurviveSaving() {
        int fits = 0;
        int fallbacks = 0;
        int warned = 0;
        for (JsonNode c : Fixtures.read("ets/ets_tiny.json").get("cases")) {
            if (!c.has("r")) {
                continue;
            }
            String name = c.get("name").asText();
            List<String> want = new ArrayList<>();
            c.get("warnings").forEach(w -> want.add(asNote(w.asText())));
            try (EtsModel m = assertInstanceOf(EtsModel.class, spec(c).fit(Fixtures.doubles(c.get("y"))))) {
                List<String> notes = m.notes();
                assertThrows(UnsupportedOperationException.class, () -> notes.add("x"), name);
                boolean fallback = !notes.isEmpty() && notes.get(0).startsWith(FALLBACK_NOTE_START);
                assertEquals(want, fallback ? notes.subList(1, notes.size()) : notes, name);
                if (fallback) {
                    assertTrue(Double.isNaN(m.aicc()), name + ": the fallback has no criteria");
                } else if (!m.label().equals("Simple exponential smoothing")) {
                    // R's own fit, past the limit (its constant-series answer has no criteria either).
                    assertFalse(Double.isNaN(m.aicc()), name + ": R's own fit has criteria");
                }
                try (EtsModel back = EtsModel.fromBytes(m.toBytes())) {
                    assertEquals(notes, back.notes(), name + ": notes after restoring");
                }
                fits++;
                fallbacks += fallback ? 1 : 0;
                warned += want.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(fits > 100 && fallbacks > 50 && warned > 20, fits + " fits, " + fallbacks + " fallbacks, " + warned + " warned");
    }

    @Test
    void aDampedRequestOnAShortSeriesNotesRsWarnings() {
        JsonNode c = rCase("y1_n4_AAdN");
        assertEquals("Not enough data to use damping", c.get("warnings").get(0).asText());
        try (EtsModel m = (EtsModel) Ets.model("AAdN").fit(Fixtures.doubles(c.get("y")))) {
            assertEquals(2, m.notes().size(), m.notes().toString());
            assertTrue(m.notes().get(0).startsWith(FALLBACK_NOTE_START), m.notes().get(0));
            assertEquals("not enough data to use damping (R's warning)", m.notes().get(1));
        }
    }

    @Test
    void whatRStopsOnIsRefused() {
        double[] y = Fixtures.doubles(rCase("y1_n4_AMN_forbidden").get("y"));
        assertThrows(IllegalArgumentException.class, () -> Ets.model("AMN").fit(y).close());
        double[] negative = Fixtures.doubles(rCase("y1_n4_MNN_negative").get("y"));
        assertThrows(IllegalArgumentException.class, () -> Ets.model("MNN").fit(negative).close());
    }
}
