package io.lagrs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxCoxTest {
    @Test
    void inverseUndoesTheTransformAsRsBoxCox() {
        double[] x = {0.5, 1, 2, 10, 250};
        for (double lambda : new double[] {-0.5, 0, 0.3, 1, 1.7}) {
            double[] back = BoxCox.inverse(BoxCox.transform(x, lambda), lambda);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], back[i], 1e-12 * x[i], "lambda " + lambda);
            }
        }
        // forecast::BoxCox(2, 0.5) = (sqrt(2) - 1) / 0.5
        assertEquals((Math.sqrt(2) - 1) / 0.5, BoxCox.transform(new double[] {2}, 0.5)[0], 1e-15);
        assertTrue(Double.isNaN(BoxCox.transform(new double[] {-1}, -0.5)[0]), "negative x with lambda < 0 is NA in R");
    }
}
