package io.lagrs;

/**
 * The native entry points for specs of any family, which cross the bridge as their canonical
 * text (options by name, read by the core's one parser: jni/src/specs.rs), and the calls that
 * {@link ModelSpec}'s default methods make.
 */
final class ModelSpecs {
    private ModelSpecs() {
    }

    static String canonical(String text) {
        Checks.notNull(text, "text");
        NativeLibrary.load();
        return canonical0(text);
    }

    static FittedModel fit(ModelSpec spec, double[] y) {
        Checks.notNull(y, "y");
        String text = spec.toString();
        return NativeModels.wrap(InterruptibleCall.run("ModelSpec.fit", cancel -> fit0(text, y, cancel)));
    }

    static FittedModel fitXreg(ModelSpec spec, double[] y, Regressors xreg) {
        Checks.notNull(y, "y");
        Checks.notNull(xreg, "xreg");
        String text = spec.toString();
        String[] names = xreg.namesArray();
        double[][] columns = xreg.columnsArray();
        return NativeModels.wrap(InterruptibleCall.run("ModelSpec.fit",
                cancel -> fitXreg0(text, y, names, columns, cancel)));
    }

    /**
     * Fits every row under a {@link BatchRun}; {@code wrap} makes the batch object of the spec's
     * family ({@link ArimaBatch} for the ARIMA builders).
     *
     * @param what the public call, for messages ("Arima.fitAll")
     */
    static <B> B fitRows(String what, ModelSpec spec, double[][] series, BatchOptions options,
            NativeModelBatch.Wrap<B> wrap) {
        String text = spec.toString();
        return NativeModelBatch.fitRows(what, series, options, (rows, run) -> fitRows0(text, rows, run), wrap);
    }

    /** As {@link #fitRows} for the flat layout. */
    static <B> B fitFlat(String what, ModelSpec spec, double[] values, int[] offsets, BatchOptions options,
            NativeModelBatch.Wrap<B> wrap) {
        String text = spec.toString();
        return NativeModelBatch.fitFlat(what, values, offsets, options, (v, o, run) -> fitFlat0(text, v, o, run), wrap);
    }

    static BatchForecast forecastFlat(ModelSpec spec, double[] values, int[] offsets, int h, double[] levels,
            BatchOptions options) {
        Checks.notNull(values, "values");
        Checks.notNull(offsets, "offsets");
        Checks.notNull(levels, "levels");
        Checks.notNull(options, "options");
        String text = spec.toString();
        double[] asked = levels.clone();
        int n = Math.max(0, offsets.length - 1);
        // The output is allocated once here and filled chunk by chunk by the native side, so the
        // forecasts are never held twice. A request the native side refuses (h < 1, too many
        // values for one array) gets empty arrays: it fails there with the core's message.
        long total = packedLength(n, h, asked.length);
        double[] packed = new double[total < 0 || total > Integer.MAX_VALUE ? 0 : (int) total];
        String[] errors = new String[n];
        String[] labels = new String[n];
        BatchRun.run("ModelSpec.forecastAll", n, options, run -> {
            forecastFlat0(text, values, offsets, h, asked, 0, n, run, packed, errors, labels);
            // The results are the Java arrays above, not a native object: the "handle" is a placeholder.
            return 0L;
        }, none -> { });
        return new BatchForecast(packed, errors, labels, h, asked);
    }

    /** n forecasts of h values per band, or -1 for h < 1 or a count past a long. */
    private static long packedLength(int n, int h, int levels) {
        if (h < 1) {
            return -1;
        }
        try {
            return Math.multiplyExact(Math.multiplyExact((long) n, h), 1 + 2L * levels);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    static ModelBatch fitFlatXreg(ModelSpec spec, double[] values, int[] offsets, BatchRegressors xreg,
            BatchOptions options) {
        Checks.notNull(values, "values");
        Checks.notNull(xreg, "xreg");
        xreg.requireLength("xreg", values.length, "values.length");
        String text = spec.toString();
        String[] names = xreg.namesArray();
        double[][] columns = xreg.columnsArray();
        return NativeModelBatch.fitFlat("ModelSpec.fitAll", values, offsets, options,
                (v, o, run) -> fitFlatXreg0(text, v, o, names, columns, run), GenericBatch::new);
    }

    static BatchForecast forecastFlatXreg(ModelSpec spec, double[] values, int[] offsets, BatchRegressors xreg,
            BatchRegressors futureXreg, int h, double[] levels, BatchOptions options) {
        Checks.notNull(values, "values");
        Checks.notNull(offsets, "offsets");
        Checks.notNull(xreg, "xreg");
        Checks.notNull(futureXreg, "futureXreg");
        Checks.notNull(levels, "levels");
        Checks.notNull(options, "options");
        xreg.requireLength("xreg", values.length, "values.length");
        String[] names = xreg.namesArray();
        double[][] columns = xreg.columnsArray();
        double[][] future = futureXreg.inOrder(names, "futureXreg");
        int n = Math.max(0, offsets.length - 1);
        if (h >= 1) {
            BatchRegressors.of(names, future).requireLength("futureXreg", (long) h * n, "h x series");
        }
        String text = spec.toString();
        double[] asked = levels.clone();
        // Allocated once here and filled chunk by chunk, as forecastFlat's.
        long total = packedLength(n, h, asked.length);
        double[] packed = new double[total < 0 || total > Integer.MAX_VALUE ? 0 : (int) total];
        String[] errors = new String[n];
        String[] labels = new String[n];
        BatchRun.run("ModelSpec.forecastAll", n, options, run -> {
            forecastFlatXreg0(text, values, offsets, names, columns, future, h, asked, run, packed, errors, labels);
            return 0L;
        }, none -> { });
        return new BatchForecast(packed, errors, labels, h, asked);
    }

    private static native String canonical0(String text);

    private static native long fit0(String text, double[] y, long cancel);

    private static native long fitXreg0(String text, double[] y, String[] names, double[][] columns, long cancel);

    private static native long fitRows0(String text, double[][] series, long run);

    private static native long fitFlat0(String text, double[] values, int[] offsets, long run);

    private static native long fitFlatXreg0(String text, double[] values, int[] offsets, String[] names,
            double[][] columns, long run);

    private static native void forecastFlatXreg0(String text, double[] values, int[] offsets, String[] names,
            double[][] columns, double[][] future, int h, double[] levels, long run, double[] packed, String[] errors,
            String[] labels);

    /** Series {@code from .. to} only, series {@code from + i} written at index i (the streaming call's chunks). */
    static native void forecastFlat0(String text, double[] values, int[] offsets, int h, double[] levels, int from,
            int to, long run, double[] packed, String[] errors, String[] labels);
}
