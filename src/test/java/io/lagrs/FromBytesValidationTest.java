package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * A saved model whose checksum was recomputed after tampering is refused by fromBytes, not
 * accepted to forecast NaN later. The checksum (FNV-1a 64 over everything before it) and the
 * field offsets are those of the documented formats: ARIMA's payload (rust/src/arima/serialize.rs)
 * inside the envelope every family shares (rust/src/engine/envelope.rs), each with its checksum.
 */
class FromBytesValidationTest {
    /** Magic, envelope version, family code and payload length before ARIMA's own bytes. */
    private static final int ENVELOPE = 8 + 4 + 2 + 8;
    private static final int SIGMA2 = ENVELOPE + 8 + 4 + 7 * 4 + 2 + 8;
    private static final int SCALE = SIGMA2 + 8;
    private static final int LOGLIK = SCALE + 8;
    private static final int FIRST_COEFFICIENT = LOGLIK + 8 + 8;

    private static double[] series() {
        double[] y = new double[120];
        long s = 11;
        double prev = 0, ePrev = 0;
        for (int t = 0; t < y.length; t++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            double e = ((s >>> 11) * 0x1.0p-53) - 0.5;
            prev = 0.5 * prev + e + 0.4 * ePrev;
            ePrev = e;
            y[t] = 5 + prev;
        }
        return y;
    }

    private static byte[] withDouble(byte[] saved, int offset, double value) {
        byte[] bytes = saved.clone();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putDouble(offset, value);
        // The payload's own checksum ends it; the envelope's ends the whole.
        int payloadEnd = bytes.length - 8;
        b.putLong(payloadEnd - 8, fnv1a(bytes, ENVELOPE, payloadEnd - 8));
        b.putLong(bytes.length - 8, fnv1a(bytes, 0, bytes.length - 8));
        return bytes;
    }

    private static long fnv1a(byte[] bytes, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= bytes[i] & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Test
    void everyFixtureModelStillRoundTrips() {
        for (com.fasterxml.jackson.databind.JsonNode c : Fixtures.read("arima/cases.json").get("cases")) {
            try (ArimaModel m = ArimaFixturesTest.spec(c).fit(Fixtures.doubles(c.get("y")));
                    ArimaModel restored = ArimaModel.fromBytes(m.toBytes())) {
                assertArrayEquals(m.toBytes(), restored.toBytes(), c.get("name").asText());
            }
        }
    }

    @Test
    void rechecksummedTamperingThrowsIllegalArgumentException() {
        try (ArimaModel m = Arima.order(1, 0, 1).fit(series())) {
            byte[] saved = m.toBytes();
            // The untouched bytes, rechecksummed by the same code, still load: the test's
            // offsets and checksum are right.
            try (ArimaModel same = ArimaModel.fromBytes(withDouble(saved, LOGLIK, m.logLikelihood()))) {
                assertArrayEquals(m.forecast(3, 0.9).mean(), same.forecast(3, 0.9).mean());
            }
            double[][] tampering = {
                {LOGLIK, Double.NaN},
                {SIGMA2, -1.0},
                {SIGMA2, Double.POSITIVE_INFINITY},
                {SCALE, 0.0},
                {SCALE, -1.0},
                {SCALE, Double.NaN},
                {SCALE, Double.POSITIVE_INFINITY},
                {FIRST_COEFFICIENT, 1.5},          // ar1: explosive
                {FIRST_COEFFICIENT + 8, 4.0},      // ma1: not invertible
                {FIRST_COEFFICIENT + 16, Double.NaN}, // mean
            };
            for (double[] t : tampering) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> ArimaModel.fromBytes(withDouble(saved, (int) t[0], t[1])).close(),
                        "offset " + t[0] + " = " + t[1]);
                assertTrue(e.getMessage().startsWith("bytes"), e.getMessage());
            }
        }
    }
}
