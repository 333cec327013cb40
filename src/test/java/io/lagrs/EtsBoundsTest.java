package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** R's lower/upper through the ETS builder, against R's ets (testdata/ets/ets_bounds.json). */
class EtsBoundsTest {
    private static JsonNode rCase(String name) {
        for (JsonNode c : Fixtures.read("ets/ets_bounds.json").get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException("no fixture case " + name);
    }

    private static Ets withBounds(Ets spec, JsonNode args) {
        double[] lo = Fixtures.doubles(args.get("lower"));
        double[] up = Fixtures.doubles(args.get("upper"));
        return spec.lower(lo[0], lo[1], lo[2], lo[3]).upper(up[0], up[1], up[2], up[3]);
    }

    private static void assertRsFit(JsonNode c, Ets spec) {
        JsonNode r = c.get("r");
        int h = c.get("h").asInt();
        double scale = 0;
        double[] y = Fixtures.doubles(c.get("y"));
        for (double v : y) {
            scale = Math.max(scale, Math.abs(v));
        }
        try (FittedModel fitted = spec.fit(y)) {
            EtsModel m = assertInstanceOf(EtsModel.class, fitted);
            assertEquals(r.get("method").asText(), m.label());
            assertEquals(r.get("alpha").asDouble(), m.alpha(), 1e-6);
            if (r.hasNonNull("beta")) {
                assertEquals(r.get("beta").asDouble(), m.beta(), 1e-6);
            }
            if (r.hasNonNull("phi")) {
                assertEquals(r.get("phi").asDouble(), m.phi(), 1e-6);
            }
            IntervalForecast f = m.forecast(h, new double[] {0.8, 0.95});
            double[][] got = {f.mean(), f.lower(0), f.upper(1)};
            JsonNode[] want = {r.get("mean"), r.get("lower").get(0), r.get("upper").get(1)};
            for (int k = 0; k < got.length; k++) {
                double[] w = Fixtures.doubles(want[k]);
                for (int i = 0; i < h; i++) {
                    assertEquals(w[i], got[k][i], 1e-3 * scale, "row " + k + ", step " + (i + 1));
                }
            }
        }
    }

    @Test
    void automaticSelectionUnderTheUsersBoundsIsRs() {
        JsonNode c = rCase("AirPassengers_auto_both");
        Ets spec = withBounds(Ets.auto().period(12), c.get("args"));
        assertEquals("auto_ets(lower=[0.0001,0.0001,0.0001,0.9],upper=[0.5,0.2,0.3,0.99])[12]", spec.toString());
        assertEquals(spec, ModelSpec.parse(spec.toString()));
        // R's default bounds choose ETS(M,Ad,M) here; gamma's upper bound 0.3 binds in R's ETS(M,A,M).
        assertEquals("ETS(M,A,M)", c.get("r").get("method").asText());
        assertRsFit(c, spec);
    }

    @Test
    void aFixedModelUnderTheUsersBoundsIsRs() {
        JsonNode c = rCase("austres_AAdN");
        // Set before and after the period, and replaced when given twice.
        Ets spec = withBounds(Ets.model("AAdN").upper(0.9, 0.9, 0.9, 0.9).period(4), c.get("args"));
        assertEquals("ets(A,Ad,N,lower=[0.0001,0.0001,0.0001,0.9],upper=[0.5,0.2,0.3,0.99])[4]", spec.toString());
        assertRsFit(c, spec);
        assertRsFit(rCase("airmiles_MAdN"), withBounds(Ets.model("MAdN"), rCase("airmiles_MAdN").get("args")));
    }

    @Test
    void badBoundsNameTheArgument() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Ets.auto().lower(0.1, Double.NaN, 0.1, 0.8));
        assertTrue(e.getMessage().startsWith("lower: the bound of beta must be finite"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Ets.auto().upper(0.5, 0.5, 0.5, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().startsWith("upper: the bound of phi must be finite"), e.getMessage());
        // Above R's default upper bound of phi (0.98), as R: "Lower limits must be less than upper limits".
        e = assertThrows(IllegalArgumentException.class, () -> Ets.auto().lower(0.0001, 0.0001, 0.0001, 0.99));
        assertTrue(e.getMessage().contains("lower/upper: the bounds of phi must be finite with lower <= upper"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ets.model("ANN").alpha(0.6).upper(0.5, 1, 1, 1));
        assertTrue(e.getMessage().contains("alpha: 0.6 lies outside its bounds [0.0001, 0.5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse("auto_ets(upper=[0.5,0.5])"));
        assertTrue(e.getMessage().contains("upper must be a list of 4 finite numbers"), e.getMessage());
    }
}
