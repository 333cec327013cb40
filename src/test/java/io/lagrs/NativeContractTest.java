package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The codes that cross the bridge mean the same on both sides: the native side lists its names
 * in code order, which must be the Java enums' names in ordinal order. Reordering, renaming,
 * adding or removing a constant on either side fails here.
 */
class NativeContractTest {

    private static Map<String, String> nativeLines() {
        Map<String, String> lines = new HashMap<>();
        for (String line : NativeContract.names0()) {
            int eq = line.indexOf('=');
            lines.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return lines;
    }

    @Test
    void everyEnumHasTheNativeNamesInCodeOrder() {
        Map<String, String> lines = nativeLines();
        for (Map.Entry<String, Class<? extends Enum<?>>> e : NativeContract.ENUMS.entrySet()) {
            String[] java = Arrays.stream(e.getValue().getEnumConstants()).map(Enum::name).toArray(String[]::new);
            String line = lines.get(e.getKey());
            assertArrayEquals(java, line == null ? null : line.split(","), e.getKey());
        }
    }

    @Test
    void bothSidesListTheSameEnumsAndLimits() {
        Map<String, String> lines = nativeLines();
        java.util.Set<String> java = new java.util.HashSet<>(NativeContract.ENUMS.keySet());
        java.addAll(NativeContract.LIMITS.keySet());
        assertEquals(java, lines.keySet());
    }

    @Test
    void limitsDocumentedInJavaAreTheNativeOnes() {
        Map<String, String> lines = nativeLines();
        for (Map.Entry<String, Long> e : NativeContract.LIMITS.entrySet()) {
            assertEquals(e.getValue(), Long.valueOf(lines.get(e.getKey())), e.getKey());
        }
    }

    @Test
    void theOrderArrayFollowsItsSlots() {
        // A distinct value in every slot, each within the core's limits.
        int[] order = Arima.order(3, 1, 4).seasonal(5, 2, 0, 12).orderArray();
        assertEquals(ArimaModel.OrderSlot.values().length, order.length);
        assertEquals(3, order[ArimaModel.OrderSlot.P.ordinal()]);
        assertEquals(1, order[ArimaModel.OrderSlot.D.ordinal()]);
        assertEquals(4, order[ArimaModel.OrderSlot.Q.ordinal()]);
        assertEquals(5, order[ArimaModel.OrderSlot.SEASONAL_P.ordinal()]);
        assertEquals(2, order[ArimaModel.OrderSlot.SEASONAL_D.ordinal()]);
        assertEquals(0, order[ArimaModel.OrderSlot.SEASONAL_Q.ordinal()]);
        assertEquals(12, order[ArimaModel.OrderSlot.PERIOD.ordinal()]);
    }

    @Test
    void aFittedModelReportsTheOrderItWasGiven() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.sin(t * 0.7) + 0.1 * t + ((t * 7919) % 13) / 13.0;
        }
        Arima spec = Arima.order(1, 1, 1).seasonal(0, 1, 0, 4);
        try (ArimaModel m = spec.fit(y)) {
            assertArrayEquals(spec.orderArray(), m.order());
        }
    }
}
