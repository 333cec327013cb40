package io.lagrs.spark;

import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Counters a forecast job fills in as it runs, for monitoring and for telling native fitting
 * time apart from everything around it (shuffle, sort, row conversion). Create one per job with
 * {@link #register(SparkSession)}, pass it to {@link LagrsSpark#forecast(
 * org.apache.spark.sql.Dataset, ForecastSpec, ForecastMetrics)}, and read it after an action
 * has run the job.
 *
 * <p>These are Spark accumulators updated inside a transformation: a task that Spark retries or
 * re-runs (speculation, a recomputed stage) counts again, so read them as measurements of the
 * work done, not as exact counts of the output.
 */
public final class ForecastMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LongAccumulator series;
    private final LongAccumulator failedSeries;
    private final LongAccumulator batches;
    private final LongAccumulator nativeNanos;
    private final LongAccumulator partitionNanos;
    private final LongAccumulator chunkNanos;

    private ForecastMetrics(LongAccumulator series, LongAccumulator failedSeries, LongAccumulator batches,
            LongAccumulator nativeNanos, LongAccumulator partitionNanos, LongAccumulator chunkNanos) {
        this.series = series;
        this.failedSeries = failedSeries;
        this.batches = batches;
        this.nativeNanos = nativeNanos;
        this.partitionNanos = partitionNanos;
        this.chunkNanos = chunkNanos;
    }

    /**
     * New zeroed counters registered with {@code spark}'s context (they show in the Spark UI
     * under their {@code lagrs.*} names).
     *
     * @throws NullPointerException if {@code spark} is null
     */
    public static ForecastMetrics register(SparkSession spark) {
        Objects.requireNonNull(spark, "spark must not be null");
        var sc = spark.sparkContext();
        return new ForecastMetrics(sc.longAccumulator("lagrs.series"), sc.longAccumulator("lagrs.failedSeries"),
                sc.longAccumulator("lagrs.batches"), sc.longAccumulator("lagrs.nativeNanos"),
                sc.longAccumulator("lagrs.partitionNanos"), sc.longAccumulator("lagrs.chunkNanos"));
    }

    /** Series seen (each yields, for each model, forecast rows or one error row). */
    public long series() {
        return series.value();
    }

    /** Series that yielded an error row (for at least one model). */
    public long failedSeries() {
        return failedSeries.value();
    }

    /** Native batch calls run: one per batch of series and model. */
    public long batches() {
        return batches.value();
    }

    /**
     * Wall-clock nanoseconds spent inside native fit-and-forecast calls, as the calling task
     * thread sees them, summed over calls and tasks (not over the native worker threads: a call
     * that keeps every core busy for one second adds one second).
     */
    public long nativeNanos() {
        return nativeNanos.value();
    }

    /**
     * Wall-clock nanoseconds spent producing forecast rows, summed over tasks: reading the
     * shuffled and sorted chunks, building series, the native calls and building output rows
     * (but not what consumes the rows downstream, nor the stage before the shuffle: scan,
     * chunking, shuffle write).
     */
    public long partitionNanos() {
        return partitionNanos.value();
    }

    /**
     * Wall-clock nanoseconds spent producing chunk rows before the shuffle, summed over tasks:
     * reading the input rows (which runs the input's own plan, such as a Parquet scan and the
     * conversion of time and value) and cutting them into chunks, but not writing the chunks to
     * the shuffle. With {@link #partitionNanos()} it splits a job's time outside the native
     * calls into the stage before the shuffle and the one after it.
     */
    public long chunkNanos() {
        return chunkNanos.value();
    }

    void addSeries(long n, long failed) {
        series.add(n);
        failedSeries.add(failed);
    }

    void addBatch(long nanos) {
        batches.add(1);
        nativeNanos.add(nanos);
    }

    void addPartitionNanos(long nanos) {
        partitionNanos.add(nanos);
    }

    void addChunkNanos(long nanos) {
        chunkNanos.add(nanos);
    }
}
