package io.lagrs.spark;

import org.apache.spark.sql.SparkSession;

/** The one local[2] session the tests share (starting Spark is the slow part of a test). */
final class SparkTestSession {
    private SparkTestSession() {
    }

    static synchronized SparkSession get() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("lagrs-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
