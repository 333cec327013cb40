package io.lagrs;

/**
 * The streaming {@code ModelSpec.forecastAll}: the series are forecast a chunk at a time under
 * one {@link BatchRun} (one progress count, one cancel), each chunk handed to the sink between
 * two native calls, so user code never runs inside one, and nothing is held past the sink.
 */
final class ForecastStream {
    /**
     * Most input values and most output values of a chunk: the native side's own chunk of input
     * (jni/src/batch.rs CHUNK_VALUES), so a streamed chunk keeps every thread as busy as the
     * all-at-once call does, while its output stays at 16 MiB.
     */
    static final int CHUNK_VALUES = 1 << 21;

    private ForecastStream() {
    }

    static void forecast(ModelSpec spec, double[] values, int[] offsets, int h, double[] levels, BatchOptions options,
            BatchForecastSink sink) {
        Checks.notNull(values, "values");
        Checks.notNull(offsets, "offsets");
        Checks.notNull(levels, "levels");
        Checks.notNull(options, "options");
        Checks.notNull(sink, "sink");
        checkOffsets(offsets, values.length);
        String text = spec.toString();
        double[] asked = levels.clone();
        int n = offsets.length - 1;
        long stride = h < 1 ? -1 : (long) h * (1 + 2L * asked.length);
        BatchRun.run("ModelSpec.forecastAll", n, options, run -> {
            if (stride < 1) {
                // The native side refuses h with the core's message (as the all-at-once call).
                ModelSpecs.forecastFlat0(text, values, offsets, h, asked, 0, 0, run, new double[0], new String[0],
                        new String[0]);
                throw new IllegalArgumentException("h must be at least 1, got " + h);
            }
            int first = 0;
            while (first < n) {
                int last = chunkEnd(offsets, first, stride);
                int size = last - first;
                double[] packed = new double[Math.toIntExact(size * stride)];
                String[] errors = new String[size];
                String[] labels = new String[size];
                ModelSpecs.forecastFlat0(text, values, offsets, h, asked, first, last, run, packed, errors, labels);
                if (BatchRun.cutShort(run)) {
                    // Cancelled results are not handed out: the run ends with its CancellationException.
                    return 0L;
                }
                try {
                    sink.accept(first, new BatchForecast(packed, errors, labels, h, asked));
                } catch (Throwable t) {
                    throw new BatchRun.SinkFailure(t);
                }
                first = last;
            }
            // The results went to the sink: the "handle" is a placeholder.
            return 0L;
        }, none -> { });
    }

    /** The end of the chunk from {@code first}: at least one series, then as many as fit. */
    private static int chunkEnd(int[] offsets, int first, long stride) {
        int n = offsets.length - 1;
        int last = first + 1;
        while (last < n && offsets[last + 1] - (long) offsets[first] <= CHUNK_VALUES
                && (last + 1L - first) * stride <= CHUNK_VALUES) {
            last++;
        }
        return last;
    }

    /** The native side's rules (jni/src/batch.rs checked_offsets), checked here before chunking. */
    private static void checkOffsets(int[] offsets, int length) {
        if (offsets.length == 0 || offsets[0] != 0) {
            throw new IllegalArgumentException("offsets must start with 0");
        }
        for (int j = 1; j < offsets.length; j++) {
            if (offsets[j] < offsets[j - 1]) {
                throw new IllegalArgumentException("offsets must not decrease: offsets[" + j + "]=" + offsets[j]
                        + " < offsets[" + (j - 1) + "]=" + offsets[j - 1]);
            }
        }
        int end = offsets[offsets.length - 1];
        if (end != length) {
            throw new IllegalArgumentException("offsets must end at values.length (" + length + "), got " + end);
        }
    }
}
