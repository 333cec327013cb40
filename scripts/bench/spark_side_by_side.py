#!/usr/bin/env python3
"""lagrs-spark against statsforecast's Spark path, on the same local[2] Spark session.

Both forecast the same synthetic monthly series (seeded; default 100,000 series of length 120,
written once to Parquet) with the same model (--models: airline = ARIMA(0,1,1)(0,1,1)[12],
arima111 = ARIMA(1,1,1), auto = auto ARIMA with period 12), 12 steps ahead with a 95% interval:

  python3 scripts/bench/spark_side_by_side.py --models airline,arima111   # fixed orders, ~10 min
  python3 scripts/bench/spark_side_by_side.py --models auto                # auto ARIMA, ~1.5 hours
  python3 scripts/bench/spark_side_by_side.py --quick                      # smoke run, ~3 minutes

What is timed (wall clock, driver side, one Spark action per run): reading the Parquet file,
lagrs' cutting of each partition's rows into per-series chunks, the shuffle by series, the sort,
the fits and forecasts, and producing every output row into Spark's "noop" sink (all output is
produced, none is collected). Not timed: simulating the data and writing the Parquet file (done
once, before Spark starts; the warm-up and subset runs read copies of the first n series, written
once too, so every run reads a file as it is and takes the same path through Spark as the full
one), starting Spark, and defining the DataFrames (LagrsSpark.forecast only plans: it runs
nothing). Both tools run on one SparkSession (local[2], the same shuffle-partition
setting), lagrs through its Python helper (spark/python/lagrs_spark.py, which only builds the JVM
call), statsforecast as `StatsForecast(models=[ARIMA(...)], freq="MS").forecast(df=spark_df,
h=12, level=[95])` (fugue underneath). Each tool gets one untimed warm-up run first (JIT, numba
compilation, native library load) on the same --warmup-series series (default 300; 20 for auto
ARIMA). --repeat K runs lagrs' full-size run K times in the same session and reports each: the
first is what a fresh session gets after the warm-up and the subset run, the later ones show a
JVM whose Parquet, shuffle and lagrs code is fully compiled.

lagrs' native batch calls run on spark.task.cpus threads each (1 here, the default of
ForecastSpec.threads): the two task slots then use one core each, whether in native code or
not, so native_s below is the time the fits take on one core, not inflated by two calls
competing for the cores and not deflated by one call using both while the other slot idles.

statsforecast is slow enough that it runs on the first --sf-series series only (default
2,000; --auto-sf-series, default 300, for auto ARIMA); lagrs runs on that same subset too, so
the ratio compares equal work, and then on all --series series (--auto-series, default: all of
them, for auto ARIMA: 16 series/s were measured on 2,000 series with the 2 cores partly busy,
so 100,000 take one to two hours; statsforecast's 300 take several minutes more).

lagrs' time outside native fits is measured by the job itself (io.lagrs.spark.ForecastMetrics):
native_s (nativeNanos) is the wall-clock time of the native batch calls (fitAll, then forecast)
as seen by the task thread that makes them, summed over all calls of all tasks. It is not
summed over the native worker threads: a call that keeps both cores busy for 1 s counts 1 s.
  outside_native_fraction = 1 - native_s / (2 task slots x wall_s)
is the share of the two task slots' time not spent in a native call: Parquet scan, chunking,
shuffle write and read, sort, time-grid inference, output rows, scheduling, and any slot left
idle (the last task of a stage running alone; a job with a single task). It overstates the
outside share rather than understating it: a native call on both cores while the other slot
waits counts as half native. wall_fraction_in_native (native_s / wall_s, which can exceed 1
when both slots are in native calls) is printed beside it in the JSON, with where the rest went:
chunk_s (ForecastMetrics.chunkNanos: reading the input rows, Parquet scan included, and cutting
them into per-series chunks, summed over tasks) and partition_s (partitionNanos: everything
after the shuffle up to the output rows, native calls included).

The jars come from the repository's build (`mvn install` at the top level, then
`mvn -f spark/pom.xml package`): spark/target/lagrs-spark-<v>.jar and target/lagrs-<v>-all.jar
(the all-jar carries the native library). --jars overrides them.

Needs: pyspark 4.x, statsforecast 2.1.x, fugue, pandas, pyarrow, numpy (see requirements.txt).
"""
from __future__ import annotations

import os

# One thread per Python worker (statsforecast) - the two Spark task slots are the parallelism.
for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "spark" / "python"))

MODELS = {
    # --models name: (order, seasonal order, period)
    "airline": ((0, 1, 1), (0, 1, 1), 12),
    "arima111": ((1, 1, 1), (0, 0, 0), 1),
    # auto ARIMA with period 12: lagrs' AutoArima against statsforecast's AutoARIMA
    "auto": (None, None, 12),
}


def label(model: str) -> str:
    order, sorder, period = MODELS[model]
    if order is None:
        return "auto ARIMA, period %d" % period
    text = "ARIMA(%d,%d,%d)" % order
    return text + ("(%d,%d,%d)[%d]" % (*sorder, period) if period > 1 else "")


def simulate(n_series: int, length: int, seed: int) -> pd.DataFrame:
    """Monthly series: level random walk + fixed seasonal pattern + noise (airline-like)."""
    rng = np.random.default_rng(seed)
    t = np.arange(length)
    season = 10.0 * np.sin(2 * np.pi * np.arange(12) / 12.0)
    shocks = rng.standard_normal((n_series, length))
    level = 100.0 + 20.0 * rng.random((n_series, 1)) + np.cumsum(0.5 * shocks, axis=1)
    amp = 0.5 + rng.random((n_series, 1))
    y = level + amp * season[t % 12] + rng.standard_normal((n_series, length))
    ids = np.repeat(np.array([f"s{i:06d}" for i in range(n_series)]), length)
    ds = np.tile(pd.date_range("2010-01-01", periods=length, freq="MS").values, n_series)
    return pd.DataFrame({"unique_id": ids, "ds": ds, "y": y.ravel()})


def lagrs_model(model: str) -> dict:
    order, sorder, period = MODELS[model]
    if order is None:
        return {"auto_period": period}
    return {"order": order, "seasonal": (*sorder, period) if period > 1 else None}


def sf_model(model: str):
    from statsforecast.models import ARIMA, AutoARIMA
    order, sorder, period = MODELS[model]
    if order is None:
        return AutoARIMA(season_length=period)
    return ARIMA(order=order, seasonal_order=sorder, season_length=period)


def find_jars(explicit: str | None) -> list[str]:
    if explicit:
        return explicit.split(",")
    spark_jar = sorted(glob.glob(str(REPO / "spark" / "target" / "lagrs-spark-*.jar")))
    all_jar = sorted(glob.glob(str(REPO / "target" / "lagrs-*-all.jar")))
    spark_jar = [j for j in spark_jar if not j.endswith(("-sources.jar", "-javadoc.jar"))]
    if not spark_jar or not all_jar:
        sys.exit("lagrs jars not found: run `mvn -B -ntp install -DskipTests` and "
                 "`mvn -B -ntp -f spark/pom.xml package -DskipTests` first, or pass --jars")
    return [spark_jar[-1], all_jar[-1]]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--series", type=int, default=100_000)
    ap.add_argument("--length", type=int, default=120)
    ap.add_argument("--sf-series", type=int, default=2_000, help="series statsforecast runs on (subset)")
    ap.add_argument("--auto-series", type=int, default=None,
                    help="series lagrs runs auto ARIMA on (default: all --series; 1-2 hours for 100,000 on 2 cores)")
    ap.add_argument("--auto-sf-series", type=int, default=300, help="series statsforecast runs auto ARIMA on")
    ap.add_argument("--agreement-series", type=int, default=200, help="series compared point by point")
    ap.add_argument("--horizon", type=int, default=12)
    ap.add_argument("--partitions", type=int, default=8, help="spark.sql.shuffle.partitions")
    ap.add_argument("--models", default=",".join(MODELS), help="comma-separated: " + ", ".join(MODELS))
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--workdir", default=None, help="where the Parquet data is kept (default: a temp dir)")
    ap.add_argument("--jars", default=None, help="comma-separated jars instead of the repository's build")
    ap.add_argument("--skip-statsforecast", action="store_true")
    ap.add_argument("--quick", action="store_true", help="5,000 series, statsforecast on 500")
    ap.add_argument("--warmup-series", type=int, default=300,
                    help="series in each tool's untimed warm-up run (auto ARIMA: at most 20)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of lagrs on all --series series, each reported")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    if args.quick:
        args.series, args.sf_series, args.auto_series, args.auto_sf_series = 5_000, 500, 500, 50
    if args.auto_series is None:
        args.auto_series = args.series
    args.sf_series = min(args.sf_series, args.series)
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    for m in models:
        if m not in MODELS:
            sys.exit(f"unknown model {m}; choose from {list(MODELS)}")

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="lagrs-spark-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    data = workdir / f"series-{args.series}x{args.length}-seed{args.seed}.parquet"
    if not data.exists():
        t = timed(lambda: simulate(args.series, args.length, args.seed).to_parquet(
            data, index=False, coerce_timestamps="us"))
        print(f"wrote {data.name} in {t:.1f} s", file=sys.stderr)

    jars = find_jars(args.jars)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    import pyspark

    spark = (SparkSession.builder.master("local[2]").appName("lagrs-spark-bench")
             .config("spark.jars", ",".join(jars))
             .config("spark.driver.memory", "6g")
             .config("spark.sql.shuffle.partitions", str(args.partitions))
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.ui.enabled", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    import lagrs_spark

    def first(n):
        # Every run reads a file of its own, as a job reads its input: the first n series (the
        # same ones for both tools) are copied once into their own Parquet file rather than
        # filtered, so warm-up, subset and full-size runs all take the same path through Spark.
        if n >= args.series:
            return spark.read.parquet(str(data))
        subset = workdir / f"{data.stem}-first{n}.parquet"
        if not subset.exists():
            import pyarrow.parquet as pq
            pq.write_table(pq.read_table(data).slice(0, n * args.length), subset)
        return spark.read.parquet(str(subset))

    def lagrs_run(df, model, n):
        metrics = lagrs_spark.register_metrics(spark)
        out = lagrs_spark.forecast(df, metrics=metrics, **lagrs_model(model),
                                   id="unique_id", time="ds", value="y", horizon=args.horizon, levels=[0.95])
        wall = timed(lambda: out.write.format("noop").mode("overwrite").save())
        series, failed = metrics.series(), metrics.failedSeries()
        if series != n:
            sys.exit(f"lagrs saw {series} series, expected {n}")
        native = metrics.nativeNanos() / 1e9
        return {"tool": "lagrs-spark", "model": model, "series": n, "wall_s": wall,
                "series_per_s": n / wall, "failed": failed, "native_s": native,
                "partition_s": metrics.partitionNanos() / 1e9, "chunk_s": metrics.chunkNanos() / 1e9,
                "batches": metrics.batches(),
                "outside_native_fraction": 1.0 - native / (2 * wall),
                "wall_fraction_in_native": native / wall}

    def sf_run(df, model, n):
        from statsforecast import StatsForecast
        sf = StatsForecast(models=[sf_model(model)], freq="MS")
        out = sf.forecast(df=df, h=args.horizon, level=[95])
        wall = timed(lambda: out.write.format("noop").mode("overwrite").save())
        return {"tool": "statsforecast", "model": model, "series": n, "wall_s": wall, "series_per_s": n / wall}

    results = []
    for model in models:
        auto = MODELS[model][0] is None
        sf_n = min(args.auto_sf_series if auto else args.sf_series, args.series)
        big_n = min(args.auto_series if auto else args.series, args.series)
        warm_n = min(min(20, args.warmup_series) if auto else args.warmup_series, sf_n)
        lagrs_run(first(warm_n), model, warm_n)
        results.append(lagrs_run(first(sf_n), model, sf_n))
        print(json.dumps(results[-1]), file=sys.stderr)
        if not args.skip_statsforecast:
            sf_run(first(warm_n), model, warm_n)
            results.append(sf_run(first(sf_n), model, sf_n))
            print(json.dumps(results[-1]), file=sys.stderr)
        for run in range(args.repeat if big_n > sf_n else 0):
            results.append(dict(lagrs_run(first(big_n), model, big_n), run=run + 1))
            print(json.dumps(results[-1]), file=sys.stderr)

    # Same model, same data: the point forecasts should agree closely (a sanity check on the setup).
    agreement = {}
    if not args.skip_statsforecast:
        from statsforecast import StatsForecast
        from statsforecast.models import ARIMA
        sample = first(args.agreement_series)
        for model in models:
            a = lagrs_spark.forecast(sample, **lagrs_model(model),
                                     id="unique_id", time="ds", value="y", horizon=args.horizon).toPandas()
            b = StatsForecast(models=[sf_model(model)], freq="MS").forecast(df=sample, h=args.horizon).toPandas()
            m = a.merge(b, on=["unique_id", "ds"])
            column = "AutoARIMA" if MODELS[model][0] is None else "ARIMA"
            rel = (m["mean"] - m[column]).abs() / m[column].abs()
            agreement[model] = {"rows": int(len(m)), "median_rel_diff": float(rel.median()),
                                "p99_rel_diff": float(rel.quantile(0.99))}

    print(f"\npyspark {pyspark.__version__}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, local[2], shuffle partitions {args.partitions}, "
          f"series length {args.length}, horizon {args.horizon}, warm-up {args.warmup_series} series\n")
    print("| model | tool | series | run | wall s | series/s | lagrs / statsforecast | native s | outside native |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for model in models:
        sf = next((r for r in results if r["tool"] == "statsforecast" and r["model"] == model), None)
        for r in (r for r in results if r["model"] == model):
            ratio = (f"{r['series_per_s'] / sf['series_per_s']:.0f}x"
                     if sf and r["tool"] == "lagrs-spark" else "")
            native = f"{r['native_s']:.1f}" if "native_s" in r else ""
            outside = f"{r['outside_native_fraction']:.2f}" if "outside_native_fraction" in r else ""
            print(f"| {label(model)} | {r['tool']} | {r['series']:,} | {r.get('run', '')} | {r['wall_s']:.1f} | "
                  f"{r['series_per_s']:,.0f} | {ratio} | {native} | {outside} |")
    for model, a in agreement.items():
        print(f"\n{label(model)}: point forecasts of lagrs vs statsforecast on {a['rows']} rows: median relative "
              f"difference {a['median_rel_diff']:.2e}, 99th percentile {a['p99_rel_diff']:.2e}")
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "agreement": agreement,
                                               "args": vars(args), "pyspark": pyspark.__version__}, indent=2))
    spark.stop()



if __name__ == "__main__":
    main()
