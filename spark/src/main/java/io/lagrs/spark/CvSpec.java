package io.lagrs.spark;

import io.lagrs.BatchOptions;
import io.lagrs.CrossValidation;
import io.lagrs.ModelSpec;
import io.lagrs.table.Defaults;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LagrsSpark#crossValidate} backtests: the models, the windows
 * ({@link CrossValidation}'s settings), the interval levels, the input column names and how work
 * is batched. Immutable and serializable; each {@code with}-style method returns a new
 * specification.
 *
 * <pre>{@code
 * CvSpec spec = CvSpec.model("auto_arima[12]", "snaive[12]")
 *         .columns("sku", "month", "sales")
 *         .horizon(12).windows(3).stepSize(12);
 * }</pre>
 *
 * <p>Defaults, as the command line's {@code cv}: horizon 12, 3 windows, origins a horizon apart
 * (the step size follows the horizon unless set), every window trained on everything before it
 * and refitted, levels 0.8 and 0.95; columns {@code id, time, value}; batches of
 * {@value ForecastSpec#DEFAULT_BATCH_SIZE} series per native call.
 */
public final class CvSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The command line's default horizon for {@code cv}. */
    public static final int DEFAULT_HORIZON = 12;
    /** The command line's default number of windows. */
    public static final int DEFAULT_WINDOWS = 3;

    private final String[] specs;
    private final String[] columns; // id, time, value
    /** horizon, stepSize (0: the horizon), windows, inputSize (0: expanding), refitEvery (0: never). */
    private final int[] windowing;
    private final double[] levels;
    /** batchSize, partitions (0: spark.sql.shuffle.partitions), threads (0: spark.task.cpus). */
    private final int[] work;

    private CvSpec(String[] specs, String[] columns, int[] windowing, double[] levels, int[] work) {
        this.specs = specs;
        this.columns = columns;
        this.windowing = windowing;
        this.levels = levels;
        this.work = work;
    }

    /**
     * Every series backtested with each of these models (texts such as {@code "naive"},
     * {@code "snaive[12]"}, {@code "auto_arima[12]|snaive[12]"}; see {@link ModelSpec}), read
     * at once on the driver.
     *
     * @throws NullPointerException if {@code texts} or one of them is null
     * @throws IllegalArgumentException if there are none, a text is not a spec (the message
     *     quotes it), or two texts name the same spec
     */
    public static CvSpec model(String... texts) {
        return new CvSpec(ModelTexts.canonical(texts), new String[] {"id", "time", "value"},
                new int[] {DEFAULT_HORIZON, 0, DEFAULT_WINDOWS, 0, 1}, Defaults.levels(),
                new int[] {ForecastSpec.DEFAULT_BATCH_SIZE, 0, 0});
    }

    /**
     * {@link #model(String...)} for specs.
     *
     * @throws NullPointerException if {@code specs} or one of them is null
     * @throws IllegalArgumentException if there are none or two have the same text
     */
    public static CvSpec model(ModelSpec... specs) {
        Objects.requireNonNull(specs, "specs must not be null");
        String[] texts = new String[specs.length];
        for (int i = 0; i < specs.length; i++) {
            texts[i] = Objects.requireNonNull(specs[i], "specs[" + i + "] must not be null").toString();
        }
        return model(texts);
    }

    private CvSpec withWindowing(int index, int value) {
        int[] w = windowing.clone();
        w[index] = value;
        return new CvSpec(specs, columns, w, levels, work);
    }

    private CvSpec withWork(int index, int value) {
        int[] w = work.clone();
        w[index] = value;
        return new CvSpec(specs, columns, windowing, levels, w);
    }

    private static int atLeast(int min, int value, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /**
     * The input columns: series key (any orderable type), time (int, bigint, date, timestamp or
     * timestamp_ntz) and value (numeric; null is a missing value).
     *
     * @throws NullPointerException if a name is null
     */
    public CvSpec columns(String id, String time, String value) {
        String[] names = {Objects.requireNonNull(id, "id must not be null"),
            Objects.requireNonNull(time, "time must not be null"),
            Objects.requireNonNull(value, "value must not be null")};
        return new CvSpec(specs, names, windowing, levels, work);
    }

    /** Steps forecast from each origin. @throws IllegalArgumentException if {@code h < 1} */
    public CvSpec horizon(int h) {
        return withWindowing(0, atLeast(1, h, "horizon"));
    }

    /** Observations between consecutive origins. @throws IllegalArgumentException if {@code s < 1} */
    public CvSpec stepSize(int s) {
        return withWindowing(1, atLeast(1, s, "stepSize"));
    }

    /** Windows (origins) per series. @throws IllegalArgumentException if {@code n < 1} */
    public CvSpec windows(int n) {
        return withWindowing(2, atLeast(1, n, "windows"));
    }

    /**
     * Each window trains on at most the last {@code n} observations before its origin.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public CvSpec inputSize(int n) {
        return withWindowing(3, atLeast(1, n, "inputSize"));
    }

    /** Each window trains on everything before its origin (the default). */
    public CvSpec expanding() {
        return withWindowing(3, 0);
    }

    /**
     * Refits the models at the first window and every k-th after it; the windows between carry
     * the fitted model forward ({@link CrossValidation.Builder#refitEvery}). 1, the default,
     * refits every window.
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public CvSpec refitEvery(int k) {
        return withWindowing(4, atLeast(1, k, "refitEvery"));
    }

    /** Fits the models at the first window only ({@link CrossValidation.Builder#noRefit}). */
    public CvSpec noRefit() {
        return withWindowing(4, 0);
    }

    /**
     * The interval levels, each in (0, 1); none: no bound columns.
     *
     * @throws NullPointerException if {@code levels} is null
     * @throws IllegalArgumentException if a level is not in (0, 1) or two are equal (their
     *     columns would have one name)
     */
    public CvSpec levels(double... levels) {
        Objects.requireNonNull(levels, "levels must not be null");
        for (int i = 0; i < levels.length; i++) {
            if (!(levels[i] > 0.0 && levels[i] < 1.0)) {
                throw new IllegalArgumentException("levels must be in (0, 1), got " + levels[i]);
            }
            for (int j = 0; j < i; j++) {
                if (percent(levels[j]).equals(percent(levels[i]))) {
                    throw new IllegalArgumentException("level " + levels[i] + " is given twice");
                }
            }
        }
        return new CvSpec(specs, columns, windowing, levels.clone(), work);
    }

    /** Series per native call. @throws IllegalArgumentException if {@code n < 1} */
    public CvSpec batchSize(int n) {
        return withWork(0, atLeast(1, n, "batchSize"));
    }

    /**
     * Partitions; 0 (the default): {@code spark.sql.shuffle.partitions}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public CvSpec partitions(int n) {
        return withWork(1, atLeast(0, n, "partitions"));
    }

    /**
     * Threads per native call; 0 (the default): {@code spark.task.cpus} (see
     * {@link ForecastSpec#threads(int)}).
     *
     * @throws IllegalArgumentException if {@code n < 0} or above {@code BatchOptions.MAX_THREADS}
     */
    public CvSpec threads(int n) {
        if (n > BatchOptions.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [0, " + BatchOptions.MAX_THREADS + "], got " + n);
        }
        return withWork(2, atLeast(0, n, "threads"));
    }

    /** The models' canonical spec texts, in the order given. */
    public List<String> specs() {
        return List.of(specs);
    }

    /** The series key column. */
    public String idColumn() {
        return columns[0];
    }

    /** The time column. */
    public String timeColumn() {
        return columns[1];
    }

    /** The value column. */
    public String valueColumn() {
        return columns[2];
    }

    /** Steps forecast from each origin. */
    public int horizon() {
        return windowing[0];
    }

    /** The step size: as set, else the horizon. */
    public int stepSize() {
        return windowing[1] > 0 ? windowing[1] : windowing[0];
    }

    /** Windows per series. */
    public int windows() {
        return windowing[2];
    }

    /** The most observations a window trains on; 0: all before its origin. */
    public int inputSize() {
        return windowing[3];
    }

    /** k when models are refitted every k windows; 0 when only at the first. */
    public int refitEvery() {
        return windowing[4];
    }

    /** The interval levels (a copy). */
    public double[] levels() {
        return levels.clone();
    }

    /** Series per native call. */
    public int batchSize() {
        return work[0];
    }

    /** Partitions; 0 = {@code spark.sql.shuffle.partitions}. */
    public int partitions() {
        return work[1];
    }

    /** Threads per native call; 0 = {@code spark.task.cpus}. */
    public int threads() {
        return work[2];
    }

    /**
     * The output's model columns, as the command line's {@code cv} names them: per model its
     * text (the mean), then per level {@code text-lo-80} and {@code text-hi-80}.
     */
    public List<String> modelColumns() {
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(spec);
            for (double level : levels) {
                out.add(spec + "-lo-" + percent(level));
                out.add(spec + "-hi-" + percent(level));
            }
        }
        return out;
    }

    /** 0.8 -> "80", 0.995 -> "99.5": the level in percent as the command line writes it. */
    static String percent(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** The library's cross-validation with these settings (built where it runs: it is not serializable). */
    CrossValidation crossValidation() {
        CrossValidation.Builder b = CrossValidation.builder().horizon(horizon()).stepSize(stepSize())
                .windows(windows()).levels(levels);
        if (inputSize() > 0) {
            b.inputSize(inputSize());
        }
        if (refitEvery() == 0) {
            b.noRefit();
        } else {
            b.refitEvery(refitEvery());
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "CvSpec[models=" + Arrays.toString(specs) + ", columns=" + Arrays.toString(columns) + ", horizon="
                + horizon() + ", stepSize=" + stepSize() + ", windows=" + windows() + ", inputSize=" + inputSize()
                + ", refitEvery=" + refitEvery() + ", levels=" + Arrays.toString(levels) + ", batchSize="
                + batchSize() + ", partitions=" + partitions() + ", threads=" + threads() + "]";
    }
}
