package io.lagrs.spark;

import io.lagrs.IntervalForecast;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The internal rows of {@link LagrsSpark#forecast}'s raw output
 * {@code (id, time as long, step, mean, lower[], upper[], model, error, spec)}, shared by the
 * forecasts with and without regressors.
 */
final class ForecastRows {
    private ForecastRows() {
    }

    /** One row per step of {@code f}; with {@code nonNegative}, values below zero become zero. */
    static void add(List<InternalRow> out, Object id, long[] times, IntervalForecast f, UTF8String label,
            UTF8String specText, boolean nonNegative) {
        int levels = f.levels().length;
        double[] mean = clip(f.mean(), nonNegative);
        double[][] lower = new double[levels][];
        double[][] upper = new double[levels][];
        for (int l = 0; l < levels; l++) {
            lower[l] = clip(f.lower(l), nonNegative);
            upper[l] = clip(f.upper(l), nonNegative);
        }
        for (int k = 0; k < times.length; k++) {
            double[] lowerK = new double[levels];
            double[] upperK = new double[levels];
            for (int l = 0; l < levels; l++) {
                lowerK[l] = lower[l][k];
                upperK[l] = upper[l][k];
            }
            out.add(new GenericInternalRow(new Object[] {id, times[k], k + 1, mean[k],
                UnsafeArrayData.fromPrimitiveArray(lowerK), UnsafeArrayData.fromPrimitiveArray(upperK), label, null,
                specText}));
        }
    }

    /** The one row of a series a model could not forecast: no model was fitted, so the model column names the spec. */
    static InternalRow error(Object id, UTF8String specText, String error) {
        return new GenericInternalRow(new Object[] {id, null, null, null, null, null, specText,
            UTF8String.fromString(error), specText});
    }

    private static double[] clip(double[] v, boolean nonNegative) {
        for (int i = 0; nonNegative && i < v.length; i++) {
            v[i] = v[i] < 0 ? 0 : v[i];
        }
        return v;
    }
}
