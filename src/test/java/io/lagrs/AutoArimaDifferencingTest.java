package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AutoArima.Builder#unitRootTest}, {@link AutoArima.Builder#seasonalTest} and their
 * significance levels, end to end against R's {@code auto.arima(test = ..., seasonal.test =
 * ..., test.args, seasonal.test.args)}: the runs of {@code testdata/auto_arima/auto_arima.json}
 * and {@code test_variants.json} that use them.
 */
class AutoArimaDifferencingTest {

    /** One fixture run with a differencing test other than R's defaults. */
    private record Run(String name, double[] x, int period, JsonNode args, int[] rOrder) {
        String label() {
            return name + " " + args;
        }
    }

    private static List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (String file : List.of("auto_arima/auto_arima.json", "auto_arima/test_variants.json")) {
            for (JsonNode s : Fixtures.read(file).get("series")) {
                // R's frequency(x); auto.arima treats a period below 1 as 1.
                int period = (int) Math.max(1, Math.round(s.get("m").asDouble()));
                for (JsonNode r : s.get("runs")) {
                    JsonNode args = r.get("args");
                    boolean usesTests = args.has("test") || args.has("seasonal.test") || args.has("test.args");
                    if (usesTests && r.has("order") && !args.has("lambda")) {
                        out.add(new Run(s.get("name").asText(), Fixtures.doubles(s.get("x")), period, args,
                                Fixtures.ints(r.get("order"))));
                    }
                }
            }
        }
        return out;
    }

    private static AutoArima withArgs(Run run) {
        AutoArima.Builder b = AutoArima.builder().seasonalPeriod(run.period());
        JsonNode a = run.args();
        if (a.has("test")) {
            b.unitRootTest(switch (a.get("test").asText()) {
                case "adf" -> UnitRootTest.ADF;
                case "pp" -> UnitRootTest.PP;
                default -> UnitRootTest.KPSS;
            });
        }
        if (a.has("test.args")) {
            b.unitRootAlpha(a.get("test.args").get("alpha").asDouble());
        }
        if (a.has("seasonal.test")) {
            b.seasonalTest(a.get("seasonal.test").asText().equals("ocsb") ? SeasonalTest.OCSB
                    : SeasonalTest.CANOVA_HANSEN);
        }
        if (a.has("seasonal.test.args")) {
            b.seasonalTestAlpha(a.get("seasonal.test.args").get("alpha").asDouble());
        }
        return b.build();
    }

    @Test
    void differencingChosenByEachTestIsRs() {
        List<Run> runs = runs();
        int compared = 0;
        int chRuns = 0;
        int chAgree = 0;
        int sameModel = 0;
        for (Run run : runs) {
            try (ArimaModel m = withArgs(run).fit(run.x())) {
                int[] o = m.order();
                boolean sameDifferencing = o[1] == run.rOrder()[1] && o[4] == run.rOrder()[4];
                if (run.args().has("seasonal.test") && run.args().get("seasonal.test").asText().equals("ch")) {
                    // The Canova-Hansen p-value is not R's (see SeasonalTest.CANOVA_HANSEN): counted only.
                    chRuns++;
                    chAgree += sameDifferencing ? 1 : 0;
                } else {
                    assertTrue(sameDifferencing, run.label() + ": lagrs d, D = " + o[1] + ", " + o[4] + "; R "
                            + run.rOrder()[1] + ", " + run.rOrder()[4]);
                    compared++;
                }
                boolean same = true;
                for (int k = 0; k < 6; k++) {
                    same &= o[k] == run.rOrder()[k];
                }
                sameModel += same ? 1 : 0;
            }
        }
        System.err.printf("differencing tests: d and D equal R's on %d runs; Canova-Hansen %d/%d; orders equal on %d/%d%n",
                compared, chAgree, chRuns, sameModel, runs.size());
        assertTrue(compared >= 150, "only " + compared + " runs compared");
        assertTrue(chRuns >= 40, "only " + chRuns + " Canova-Hansen runs");
    }

    @Test
    void testOptionsTakePartInEquality() {
        AutoArima kpss = AutoArima.builder().seasonalPeriod(12).build();
        AutoArima ocsb = AutoArima.builder().seasonalPeriod(12).seasonalTest(SeasonalTest.OCSB).build();
        assertNotEquals(kpss, ocsb);
        assertNotEquals(kpss, AutoArima.builder().seasonalPeriod(12).unitRootTest(UnitRootTest.ADF).build());
        assertNotEquals(kpss, AutoArima.builder().seasonalPeriod(12).unitRootAlpha(0.01).build());
        assertNotEquals(kpss, AutoArima.builder().seasonalPeriod(12).seasonalTestAlpha(0.1).build());
        assertEquals(AutoArima.builder().alpha(0.01).build(), AutoArima.builder().unitRootAlpha(0.01).build());
        assertEquals(kpss, AutoArima.builder().seasonalPeriod(12).unitRootTest(UnitRootTest.KPSS)
                .seasonalTest(SeasonalTest.SEASONAL_STRENGTH).build());
    }

    @Test
    void badTestArgumentsNameThemselves() {
        NullPointerException npe =
                assertThrows(NullPointerException.class, () -> AutoArima.builder().unitRootTest(null));
        assertTrue(npe.getMessage().contains("unitRootTest"), npe.getMessage());
        npe = assertThrows(NullPointerException.class, () -> AutoArima.builder().seasonalTest(null));
        assertTrue(npe.getMessage().contains("seasonalTest"), npe.getMessage());
        for (double bad : new double[] {0.0, 1.0, -0.05, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().unitRootAlpha(bad));
            assertTrue(e.getMessage().contains("unitRootAlpha"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().seasonalTestAlpha(bad));
            assertTrue(e.getMessage().contains("seasonalTestAlpha"), e.getMessage());
        }
    }
}
