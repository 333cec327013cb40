package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ETS builder, its texts and EtsModel against R's ets (testdata/ets/ets.json). */
class EtsTest {
    private static JsonNode rCase(String name) {
        for (JsonNode c : Fixtures.read("ets/ets.json").get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException("no fixture case " + name);
    }

    private static void assertClose(double[] want, double[] got, double tol) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], tol, "element " + i);
        }
    }

    @Test
    void autoChoosesRsModelWithRsNumbers() {
        JsonNode c = rCase("AirPassengers");
        JsonNode r = c.get("r");
        double[] y = Fixtures.doubles(c.get("y"));
        try (FittedModel fitted = Ets.auto().period(12).fit(y)) {
            EtsModel m = assertInstanceOf(EtsModel.class, fitted);
            assertEquals("ETS(M,Ad,M)", m.label());
            assertEquals(r.get("alpha").asDouble(), m.alpha(), 1e-6);
            assertEquals(r.get("phi").asDouble(), m.phi(), 1e-6);
            assertClose(Fixtures.doubles(r.get("initstate")), m.initialStates(), 1e-4);
            assertClose(Fixtures.doubles(r.get("last_state")), m.finalState(), 1e-4);
            IntervalForecast f = m.forecast(24, new double[] {0.8, 0.95});
            assertClose(Fixtures.doubles(r.get("mean")), f.mean(), 1e-4);
            assertClose(Fixtures.doubles(r.get("upper").get(1)), f.upper(1), 1e-4);
            try (EtsModel back = EtsModel.fromBytes(m.toBytes())) {
                assertArrayEquals(f.mean(), back.forecast(24, new double[] {0.8, 0.95}).mean());
                assertArrayEquals(m.parameters(), back.parameters());
            }
            assertEquals(List.of(), m.notes(), "R does not warn on AirPassengers");
        }
    }

    /** ets.json does not record R's warnings: these are the notes the engine keeps for them. */
    @Test
    void notesKeepRsWarningsOnMissingValuesAndHighFrequencies() {
        String[][] cases = {
            {"AirPassengers_na", "missing values: the longest contiguous stretch was used"},
            {"high_frequency_52", "frequency greater than 24: seasonality ignored"},
        };
        for (String[] k : cases) {
            JsonNode c = rCase(k[0]);
            try (EtsModel m = (EtsModel) Ets.auto().period(c.get("m").asInt()).fit(Fixtures.doubles(c.get("y")))) {
                assertEquals(1, m.notes().size(), k[0] + ": " + m.notes());
                assertTrue(m.notes().get(0).startsWith(k[1]), k[0] + ": " + m.notes());
                assertFalse(Double.isNaN(m.aicc()), k[0]);
                try (EtsModel back = EtsModel.fromBytes(m.toBytes())) {
                    assertEquals(m.notes(), back.notes(), k[0]);
                }
            }
        }
    }

    @Test
    void fixedModelAndTextsAgree() {
        JsonNode c = rCase("fixed_AAdA");
        double[] y = Fixtures.doubles(c.get("y"));
        Ets spec = Ets.model("AAdA").period(4);
        assertEquals("ets(A,Ad,A)[4]", spec.toString());
        assertEquals(spec, ModelSpec.parse("ets(A,Ad,A)[4]"));
        assertEquals("auto_ets(ic=bic,lambda=0)[12]", Ets.auto().period(12).ic(InformationCriterion.BIC).lambda(0).toString());
        try (EtsModel m = (EtsModel) spec.fit(y)) {
            assertEquals(c.get("r").get("method").asText(), m.label());
            assertFalse(Double.isNaN(m.beta()));
        }
    }

    @Test
    void badInputNamesTheComponentOrArgument() {
        double[] withZero = new double[48];
        for (int t = 0; t < withZero.length; t++) {
            withZero[t] = t % 5;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ets.model("MNN").fit(withZero));
        assertTrue(e.getMessage().startsWith("error:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ets.model("ANN").alpha(2).fit(withZero));
        assertTrue(e.getMessage().contains("alpha: 2 lies outside its bounds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ets.model("ANN").phi(0.9));
        assertTrue(e.getMessage().contains("phi: a damping parameter needs a damped trend"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ets.model("ANA").fit(withZero));
        assertTrue(e.getMessage().contains("season: a seasonal model needs a period"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ets.model("XNN"));
        assertTrue(e.getMessage().contains("invalid error type 'X'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ets.auto().bounds("odd"));
        assertThrows(NullPointerException.class, () -> Ets.model(null));
    }

    @Test
    void aBadSeriesFailsAloneInABatch() {
        double[] good = Fixtures.doubles(rCase("USAccDeaths").get("y"));
        double[] values = new double[good.length * 2 + 30 + 3];
        System.arraycopy(good, 0, values, 0, good.length);
        java.util.Arrays.fill(values, good.length, good.length + 30, Double.NaN);
        values[good.length + 30] = 1;
        values[good.length + 31] = Double.POSITIVE_INFINITY;
        values[good.length + 32] = 3;
        System.arraycopy(good, 0, values, good.length + 33, good.length);
        int[] offsets = {0, good.length, good.length + 30, good.length + 33, values.length};
        BatchForecast out = Ets.auto().period(12).forecastAll(values, offsets, 6, new double[] {0.95}, BatchOptions.defaults());
        assertTrue(out.succeeded(0) && out.succeeded(3));
        assertEquals("ETS(A,N,A)", out.label(0));
        assertTrue(out.error(1).contains("all values are missing"), out.error(1));
        assertTrue(out.error(2).contains("infinite"), out.error(2));
        assertArrayEquals(out.forecast(0).mean(), out.forecast(3).mean());
    }

    @Test
    void simulatedIntervalsWhereRSimulatesThem() {
        // R simulates the bounds of a multiplicative trend (testdata/ets/make_ets_simulated.R).
        JsonNode r = null;
        for (JsonNode c : Fixtures.read("ets/ets_simulated.json").get("cases")) {
            if (c.get("name").asText().equals("AirPassengers MMM")) {
                r = c;
            }
        }
        double[] y = Fixtures.doubles(rCase("AirPassengers").get("y"));
        double[] levels = {0.8, 0.95};
        try (EtsModel m = (EtsModel) Ets.model("MMM").damped(false).period(12).fit(y)) {
            assertEquals("ETS(M,M,M)", m.label());
            IntervalForecast f = m.forecast(24, levels);
            assertClose(Fixtures.doubles(r.get("mean")), f.mean(), 1e-3);
            double[] rLower = Fixtures.doubles(r.get("lower").get(1));
            double[] rUpper = Fixtures.doubles(r.get("upper").get(1));
            for (int i = 0; i < 24; i++) {
                assertTrue(f.lower(1)[i] < f.lower(0)[i] && f.lower(0)[i] < f.mean()[i]
                        && f.mean()[i] < f.upper(0)[i] && f.upper(0)[i] < f.upper(1)[i], "step " + (i + 1));
                // Same model as R's to 1e-3; 5,000 paths each put the 95% bounds within a few
                // percent of the interval's width (rust/tests/ets_simulated.rs checks them closely).
                double width = rUpper[i] - rLower[i];
                assertEquals(rLower[i], f.lower(1)[i], 0.1 * width, "lower, step " + (i + 1));
                assertEquals(rUpper[i], f.upper(1)[i], 0.1 * width, "upper, step " + (i + 1));
            }
            // Seeded: the same bounds every time, and after a round trip through bytes.
            assertEquals(f, m.forecast(24, levels));
            try (EtsModel back = EtsModel.fromBytes(m.toBytes())) {
                assertEquals(f, back.forecast(24, levels));
            }
        }
    }
}
