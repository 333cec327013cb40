"""lagrs on Spark from PySpark: a thin layer over the JVM API (io.lagrs.spark.LagrsSpark).

The work runs in the JVM and in the native library on the executors; Python only builds the
specification and hands DataFrames across. The session needs the lagrs jars (see docs/SPARK.md):

    spark = (SparkSession.builder
             .config("spark.jars", "lagrs-spark-0.1.0.jar,lagrs-0.1.0-all.jar")
             .getOrCreate())
    import lagrs_spark
    fc = lagrs_spark.forecast(df, order=(0, 1, 1), seasonal=(0, 1, 1, 12),
                              id="sku", time="month", value="sales", horizon=12, levels=(0.8, 0.95))
    auto = lagrs_spark.forecast(df, auto_period=12, id="sku", time="month", value="sales", horizon=12)
    several = lagrs_spark.forecast(df, models=("auto_arima[12]", "snaive[12]", "naive"),
                                   id="sku", time="month", value="sales", horizon=12)
    xreg = lagrs_spark.forecast(df, future=planned, regressors=("promo", "price"),
                                models="auto_arima", id="sku", time="week", value="sales", horizon=8)
    cv = lagrs_spark.cross_validate(df, models=("auto_arima[12]", "snaive[12]"),
                                    id="sku", time="month", value="sales", horizon=12, windows=3)
    feats = lagrs_spark.features(df, id="sku", time="month", value="sales",
                                 lags=(1, 12), rolling=[("mean", 12), ("quantile:0.9", 12, 6)])
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence

from pyspark.sql import DataFrame


def _jvm(df: DataFrame):
    return df.sparkSession._jvm


def _wrap(jdf, df: DataFrame) -> DataFrame:
    # pyspark 4 keeps the py4j DataFrame in pyspark.sql.classic; 3.x in pyspark.sql.
    try:
        from pyspark.sql.classic.dataframe import DataFrame as ClassicDataFrame
    except ImportError:  # pyspark 3.x
        ClassicDataFrame = DataFrame
    return ClassicDataFrame(jdf, df.sparkSession)


def _doubles(df: DataFrame, values: Iterable[float]):
    values = list(values)
    gateway = df.sparkSession.sparkContext._gateway
    array = gateway.new_array(gateway.jvm.double, len(values))
    for i, v in enumerate(values):
        array[i] = float(v)
    return array


def _strings(df: DataFrame, values: Iterable[str]):
    values = list(values)
    gateway = df.sparkSession.sparkContext._gateway
    array = gateway.new_array(gateway.jvm.java.lang.String, len(values))
    for i, v in enumerate(values):
        array[i] = str(v)
    return array


def forecast_spec(df: DataFrame, *, models: Optional[Sequence[str]] = None,
                  order: Optional[Sequence[int]] = None,
                  seasonal: Optional[Sequence[int]] = None, auto_period: Optional[int] = None,
                  include_mean: Optional[bool] = None, include_drift: bool = False,
                  id: str = "id", time: str = "time", value: str = "value", horizon: Optional[int] = None,
                  levels: Optional[Sequence[float]] = None, batch_size: Optional[int] = None,
                  partitions: int = 0, threads: int = 0, regressors: Optional[Sequence[str]] = None):
    """The JVM ForecastSpec for these arguments (see ForecastSpec's Javadoc): `models`, one or
    several spec texts such as ("auto_arima[12]", "snaive[12]", "naive") (a bad text raises
    here, naming it); or a fixed `order` (with `seasonal` = (P, D, Q, period)); or `auto_period`
    for auto ARIMA with that period. `horizon` and `levels` default to the library's: twice each
    series' season (10 steps without one), levels (0.8, 0.95). `threads` per native call, 0 for
    spark.task.cpus. `regressors`: names of numeric columns taken as regressors (regression with
    ARIMA errors, arima and auto_arima specs), in the order of the coefficients."""
    specs = _jvm(df).io.lagrs.spark.ForecastSpec
    if sum(x is not None for x in (models, order, auto_period)) != 1:
        raise ValueError("give exactly one of models=[spec texts], order=(p, d, q) and auto_period=m")
    if models is not None:
        if isinstance(models, str):
            models = [models]
        spec = specs.model(_strings(df, models))
    elif auto_period is not None:
        spec = specs.autoArima(int(auto_period))
    else:
        spec = specs.arima(*[int(o) for o in order])
        if seasonal is not None:
            spec = spec.seasonal(*[int(s) for s in seasonal])
        if include_mean is not None:
            spec = spec.includeMean(bool(include_mean))
        spec = spec.includeDrift(bool(include_drift))
    spec = spec.columns(id, time, value)
    if horizon is not None:
        spec = spec.horizon(int(horizon))
    if levels is not None:
        spec = spec.levels(_doubles(df, levels))
    spec = spec.partitions(int(partitions)).threads(int(threads))
    if batch_size is not None:
        spec = spec.batchSize(int(batch_size))
    if regressors is not None:
        if isinstance(regressors, str):
            regressors = [regressors]
        spec = spec.regressors(_strings(df, regressors))
    return spec


def forecast(df: DataFrame, *, future: Optional[DataFrame] = None, metrics=None, **kwargs) -> DataFrame:
    """LagrsSpark.forecast: one row per series, step and model (id, time, step, mean, lower,
    upper, model, error, spec); keyword arguments as forecast_spec. `metrics`: a JVM
    ForecastMetrics from register_metrics, or None.

    With `regressors`, `future` holds their values at the horizon's times (the same id and time
    columns, a row per series and future time): LagrsSpark.forecast(df, future, spec). The two
    go together: one without the other raises ValueError, as do metrics (not counted with
    regressors)."""
    spec = forecast_spec(df, **kwargs)
    lagrs = _jvm(df).io.lagrs.spark.LagrsSpark
    if (future is None) != (kwargs.get("regressors") is None):
        raise ValueError("regressors=[column names] and future=DataFrame of their future values go together")
    if future is None:
        return _wrap(lagrs.forecast(df._jdf, spec, metrics), df)
    if metrics is not None:
        raise ValueError("metrics are not counted on the path with regressors: leave metrics=None")
    return _wrap(lagrs.forecast(df._jdf, future._jdf, spec), df)


def cross_validate(df: DataFrame, *, models: Sequence[str], id: str = "id", time: str = "time",
                   value: str = "value", horizon: Optional[int] = None, windows: Optional[int] = None,
                   step_size: Optional[int] = None, input_size: Optional[int] = None,
                   refit: Optional[int] = None, levels: Optional[Sequence[float]] = None,
                   batch_size: Optional[int] = None, partitions: int = 0, threads: int = 0) -> DataFrame:
    """LagrsSpark.crossValidate: the long table of the cv command (id, time, cutoff, actual, per
    model its mean and "-lo-80"/"-hi-80" bounds, error). Unset arguments keep CvSpec's defaults
    (horizon 12, 3 windows, a step of the horizon, levels (0.8, 0.95)); `refit` = k refits every
    k windows, 0 only at the first; `input_size` caps each window's training data."""
    if isinstance(models, str):
        models = [models]
    spec = _jvm(df).io.lagrs.spark.CvSpec.model(_strings(df, models)).columns(id, time, value)
    if horizon is not None:
        spec = spec.horizon(int(horizon))
    if windows is not None:
        spec = spec.windows(int(windows))
    if step_size is not None:
        spec = spec.stepSize(int(step_size))
    if input_size is not None:
        spec = spec.inputSize(int(input_size))
    if refit is not None:
        spec = spec.noRefit() if int(refit) == 0 else spec.refitEvery(int(refit))
    if levels is not None:
        spec = spec.levels(_doubles(df, levels))
    if batch_size is not None:
        spec = spec.batchSize(int(batch_size))
    spec = spec.partitions(int(partitions)).threads(int(threads))
    return _wrap(_jvm(df).io.lagrs.spark.LagrsSpark.crossValidate(df._jdf, spec), df)


def register_metrics(spark):
    """A JVM io.lagrs.spark.ForecastMetrics registered with this session (read it after an action)."""
    return spark._jvm.io.lagrs.spark.ForecastMetrics.register(spark._jsparkSession)


_STATISTICS = ("mean", "sum", "var", "std", "min", "max", "median")


def features(df: DataFrame, *, id: str = "id", time: str = "time", value: str = "value",
             lags: Sequence[int] = (), diffs: Sequence[int] = (), pct_changes: Sequence[int] = (),
             rolling: Sequence[tuple] = (), ewm_alphas: Sequence[float] = (),
             batch_size: Optional[int] = None, partitions: int = 0) -> DataFrame:
    """LagrsSpark.features. `rolling` lists (statistic, window) or (statistic, window, min_periods)
    with statistic one of mean, sum, var, std, min, max, median or "quantile:<q>"."""
    jvm = _jvm(df)
    spec = jvm.io.lagrs.spark.FeatureSpec.columns(id, time, value)
    for k in lags:
        spec = spec.lag(int(k))
    for k in diffs:
        spec = spec.diff(int(k))
    for k in pct_changes:
        spec = spec.pctChange(int(k))
    for item in rolling:
        name, window = item[0], int(item[1])
        min_periods = int(item[2]) if len(item) > 2 else window
        if name.startswith("quantile:"):
            stat = jvm.io.lagrs.RollingStatistic.quantile(float(name.split(":", 1)[1]))
        elif name in _STATISTICS:
            stat = getattr(jvm.io.lagrs.RollingStatistic, name.upper())
        else:
            raise ValueError(f"unknown rolling statistic {name!r}; use one of {_STATISTICS} or 'quantile:<q>'")
        spec = spec.rolling(stat, window, min_periods)
    for alpha in ewm_alphas:
        spec = spec.ewmMean(float(alpha))
    if batch_size is not None:
        spec = spec.batchSize(int(batch_size))
    spec = spec.partitions(int(partitions))
    return _wrap(jvm.io.lagrs.spark.LagrsSpark.features(df._jdf, spec), df)
