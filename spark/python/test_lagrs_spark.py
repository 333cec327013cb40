"""Checks of lagrs_spark's regressors against the library, in a local Spark session with the jars.

    mvn -B -ntp install -DskipTests && mvn -B -ntp -f spark/pom.xml package -DskipTests
    pip install pyspark==4.1.3
    python3 -m unittest discover -s spark/python -p 'test_*.py'

Each series' forecast must equal, to the bit, what the library gives it alone through the JVM
(ModelSpec.parse(text).fit(y, Regressors) and forecast(h, levels, Regressors)); a missing future
row fails only its series; wrong arguments are refused naming them. LAGRS_JARS (a comma list)
overrides the jars found under the build directories. CI does not run Python.
"""
from __future__ import annotations

import glob
import math
import os
import random
import struct
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

NAMES = ("promo", "price")
LEVELS = (0.8, 0.95)
H = 4
TEXTS = ("arima(1,0,0)", "auto_arima")


def jars() -> list[str]:
    if os.environ.get("LAGRS_JARS"):
        return os.environ["LAGRS_JARS"].split(",")
    spark_jar = [j for j in sorted(glob.glob(str(REPO / "spark" / "target" / "lagrs-spark-*.jar")))
                 if not j.endswith(("-sources.jar", "-javadoc.jar"))]
    all_jar = sorted(glob.glob(str(REPO / "target" / "lagrs-*-all.jar")))
    if not spark_jar or not all_jar:
        raise unittest.SkipTest("lagrs jars not built (see this file's docstring)")
    return [spark_jar[-1], all_jar[-1]]


def simulate(seed: int, n: int):
    """Sales driven by a promotion (+8) and a price (-3 per unit), AR(1) errors; H + 2 future steps."""
    rng = random.Random(seed)
    promo = [1.0 if rng.random() < 0.2 else 0.0 for _ in range(n + H + 2)]
    price = [4 + math.sin(t / 6) + 0.2 * rng.gauss(0, 1) for t in range(n + H + 2)]
    e, y = 0.0, []
    for t in range(n):
        e = 0.5 * e + rng.gauss(0, 1)
        y.append(40 + 8 * promo[t] - 3 * price[t] + e)
    return y, promo, price


def bits(x: float) -> int:
    return struct.unpack("<q", struct.pack("<d", x))[0]


class RegressorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            raise unittest.SkipTest("pyspark is not installed")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        cls.spark = (SparkSession.builder.master("local[2]").appName("lagrs-spark-python-test")
                     .config("spark.jars", ",".join(jars()))
                     .config("spark.sql.shuffle.partitions", "3")
                     .config("spark.ui.enabled", "false")
                     .getOrCreate())
        cls.spark.sparkContext.setLogLevel("ERROR")
        cls.series = {f"s{i}": simulate(40 + i, 45 + 6 * i) for i in range(5)}
        history, future = [], []
        for sku, (y, promo, price) in cls.series.items():
            for t, v in enumerate(y):
                history.append((sku, t, v, int(promo[t]), price[t], 99.0))
            for t in range(len(y), len(promo)):
                if not (sku == "s2" and t == len(y) + 1):  # s2 lacks its step 2
                    future.append((sku, t, price[t], int(promo[t])))
        cls.history = cls.spark.createDataFrame(
            history, "sku string, week int, sales double, promo int, price double, noise double")
        cls.future = cls.spark.createDataFrame(future, "sku string, week int, price double, promo int")

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()

    def forecast(self, **kwargs):
        import lagrs_spark
        args = dict(future=self.future, regressors=NAMES, models=TEXTS, id="sku", time="week",
                    value="sales", horizon=H, levels=LEVELS, batch_size=2)
        args.update(kwargs)
        return lagrs_spark.forecast(self.history, **args)

    def library(self, text, y, columns, ahead):
        """The library's forecast of one series through the JVM: (mean, lower, upper, label)."""
        jvm = self.spark._jvm
        gateway = self.spark.sparkContext._gateway

        def regressors(cols):
            names = gateway.new_array(jvm.java.lang.String, len(NAMES))
            values = gateway.new_array(jvm.double, len(cols), len(cols[0]))
            for j, col in enumerate(cols):
                names[j] = NAMES[j]
                for i, v in enumerate(col):
                    values[j][i] = float(v)
            return jvm.io.lagrs.Regressors.of(names, values)

        ys = gateway.new_array(jvm.double, len(y))
        for i, v in enumerate(y):
            ys[i] = v
        levels = gateway.new_array(jvm.double, len(LEVELS))
        for i, v in enumerate(LEVELS):
            levels[i] = v
        model = jvm.io.lagrs.ModelSpec.parse(text).fit(ys, regressors(columns))
        try:
            f = model.forecast(H, levels, regressors(ahead))
            return (list(f.mean()), [list(f.lower(0)), list(f.lower(1))], [list(f.upper(0)), list(f.upper(1))],
                    model.label())
        finally:
            model.close()

    def test_each_series_equals_the_library_and_a_missing_future_row_fails_alone(self):
        rows = self.forecast().collect()
        compared = 0
        for sku, (y, promo, price) in self.series.items():
            for text in TEXTS:
                got = sorted((r for r in rows if r["sku"] == sku and r["spec"] == text), key=lambda r: r["step"] or 0)
                if sku == "s2":
                    self.assertEqual(1, len(got))
                    self.assertIn(f"series 's2': the future Dataset has no row at time {len(y) + 1}", got[0]["error"])
                    continue
                n = len(y)
                mean, lower, upper, label = self.library(text, y, [promo[:n], price[:n]],
                                                         [promo[n:n + H], price[n:n + H]])
                self.assertEqual(H, len(got), sku)
                for k, r in enumerate(got):
                    self.assertIsNone(r["error"])
                    self.assertEqual(n + k, r["week"])
                    self.assertEqual(bits(mean[k]), bits(r["mean"]), f"{sku} {text} step {k + 1}")
                    self.assertEqual([bits(lower[0][k]), bits(lower[1][k])], [bits(v) for v in r["lower"]])
                    self.assertEqual([bits(upper[0][k]), bits(upper[1][k])], [bits(v) for v in r["upper"]])
                    self.assertEqual(label, r["model"])
                compared += 1
        self.assertEqual(4 * len(TEXTS), compared)

    def test_wrong_arguments_are_refused_naming_them(self):
        with self.assertRaisesRegex(ValueError, "go together"):
            self.forecast(future=None)
        with self.assertRaisesRegex(ValueError, "go together"):
            self.forecast(regressors=None)
        with self.assertRaisesRegex(ValueError, "metrics are not counted"):
            self.forecast(metrics=object())
        with self.assertRaisesRegex(Exception, "future regressor column 'noise' is not in the input"):
            self.forecast(regressors=("promo", "noise"))


if __name__ == "__main__":
    unittest.main()
