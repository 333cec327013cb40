#!/usr/bin/env python3
"""Side-by-side regression with ARIMA errors: lagrs auto_arima with regressors vs statsforecast
AutoARIMA with exogenous columns vs R auto.arima(y, xreg = X).

Series (the same for every method):
  weekly  simulated promotion-driven weekly sales (scripts/bench/xreg_sales.py, seeded):
          regressors promo and price, plus Fourier terms 52.18:3; 156 weeks, 13 held out.
  daily   simulated daily sales: regressors promo and holiday, plus Fourier terms 7:3 and
          365.25:4; 730 days, 28 held out.
  R data  R's Seatbelts (casualties on the law and the petrol price, front and rear seats on
          the distance driven too; monthly, seasonal ARIMA) and freeny (quarterly revenue on
          four regressors), the last year held out (scripts/bench/xreg_r_datasets.csv, written
          once by scripts/bench/export_xreg_datasets.R).
Every method gets the same columns (named regressors first, then R's fourier() terms),
searches non-seasonal ARIMA errors for the simulated series (the Fourier terms carry the
seasonality) and seasonal ones for the R data, and forecasts with the true future regressors.
Accuracy on the held-out periods: sMAPE = mean 200 |y - f| / (|y| + |f|) and MASE = mean |y - f|
over the mean absolute lag-L difference of the training series (L = 52 weekly, 7 daily, the
period for the R data).

Runners (--skip NAME leaves one out), each on one thread, timed as CPU seconds (user + system)
inside its own process after an untimed warm-up:
  lagrs  rust/examples/xreg_side_bench.rs (built here in release mode): the engine's spec
         auto_arima(seasonal=false,fourier=[...]) or auto_arima[m] with the named regressors,
         fit_xreg then forecast_xreg; the median of --passes timed passes.
  sf     statsforecast AutoARIMA(season_length=m) (its defaults) with the columns as
         exogenous columns, forecast with X_df, n_jobs=1; numba warmed up on 2 series per group.
  r      forecast::auto.arima(y, xreg = X, seasonal = ...) and forecast(fit, xreg = future)
         (scripts/bench/xreg_r.R).

  python3 scripts/bench/xreg_side_by_side.py --quick     # 8 weekly + 3 daily + R data, ~2 min
  python3 scripts/bench/xreg_side_by_side.py             # 60 weekly + 20 daily + R data
Needs: Python 3 with numpy, pandas, statsforecast 2.1.1; R with forecast; cargo.
"""
from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
           "NUMEXPR_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse
import csv
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import xreg_sales  # noqa: E402

COLUMNS = ["id", "m", "seasonal", "fourier", "h", "names", "train", "test", "xreg"]


def load(seed, n_weekly, n_daily):
    series = xreg_sales.make(seed, n_weekly, n_daily)
    with open(HERE / "xreg_r_datasets.csv") as fh:
        for r in csv.DictReader(fh):
            nums = [float(v) for v in r["xreg"].split()]
            names = r["names"].split()
            rows = len(nums) // len(names)
            series.append({"id": r["id"], "group": "R data", "m": int(r["m"]), "seasonal": True, "fourier": [],
                           "h": int(r["h"]), "lag": int(r["m"]), "names": names,
                           "train": [float(v) for v in r["train"].split()], "test": [float(v) for v in r["test"].split()],
                           "xreg": [nums[j * rows:(j + 1) * rows] for j in range(len(names))]})
    return series


def write_input(series, path):
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for s in series:
            w.writerow([s["id"], s["m"], "true" if s["seasonal"] else "false",
                        " ".join(f"{p!r}:{k}" for p, k in s["fourier"]), s["h"], " ".join(s["names"]),
                        " ".join(repr(v) for v in s["train"]), " ".join(repr(v) for v in s["test"]),
                        " ".join(repr(v) for col in s["xreg"] for v in col)])


def read_forecasts(path):
    """{id: (means, order, cpu seconds)} from id,step,mean,order,cpu."""
    out = {}
    with open(path) as fh:
        for row in csv.DictReader(fh):
            v = row["mean"]
            mean, _, _ = out.setdefault(row["id"], ([], row["order"], float(row["cpu"])))
            mean.append(float(v) if v not in ("", "NA", "NaN") else math.nan)
    return out


def run_lagrs(inp, tmp, passes):
    env = {**os.environ, "CARGO_TARGET_DIR": os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target" / "cargo"))}
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "lagrs-core", "--example", "xreg_side_bench"],
                   cwd=ROOT, check=True, env=env)
    exe = Path(env["CARGO_TARGET_DIR"]) / "release" / "examples" / "xreg_side_bench"
    out = tmp / "lagrs.csv"
    res = subprocess.run(["taskset", "-c", "0", str(exe), str(inp), str(out), str(passes)],
                         capture_output=True, text=True, check=True)
    lines = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    print("lagrs passes (CPU s): " + ", ".join(f"{l['cpu_seconds']:.3f}" for l in lines)
          + f"; forecast digest {lines[-1]['digest']}", flush=True)
    return statistics.median(l["cpu_seconds"] for l in lines), read_forecasts(out)


def run_r(inp, tmp):
    out = tmp / "r.csv"
    res = subprocess.run(["Rscript", str(HERE / "xreg_r.R"), str(inp), str(out)], capture_output=True, text=True,
                         check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])["cpu_seconds"], read_forecasts(out)


def run_statsforecast(series):
    import numpy as np
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA

    def columns(s, times):
        named = [[col[t - 1] for t in times] for col in s["xreg"]]
        return named + xreg_sales.fourier_columns(s["fourier"], times)

    def frames(group):
        fit, future = [], []
        for s in group:
            n, h = len(s["train"]), s["h"]
            cols = columns(s, range(1, n + 1))
            d = {"unique_id": [s["id"]] * n, "ds": np.arange(n), "y": s["train"]}
            d.update({f"x{j}": c for j, c in enumerate(cols)})
            fit.append(pd.DataFrame(d))
            cols = columns(s, range(n + 1, n + h + 1))
            d = {"unique_id": [s["id"]] * h, "ds": np.arange(n, n + h)}
            d.update({f"x{j}": c for j, c in enumerate(cols)})
            future.append(pd.DataFrame(d))
        return pd.concat(fit, ignore_index=True), pd.concat(future, ignore_index=True)

    groups = {}
    for s in series:
        groups.setdefault((s["group"], s["m"], s["h"], len(s["names"])), []).append(s)
    prepared = {k: frames(g) for k, g in groups.items()}
    for (_, m, h, _), g in groups.items():  # numba compiles on first use
        df, xdf = frames(g[:2])
        StatsForecast(models=[AutoARIMA(season_length=m)], freq=1, n_jobs=1).forecast(df=df, h=h, X_df=xdf)
    out, total = {}, 0.0
    for key, g in groups.items():
        (_, m, h, _), (df, xdf) = key, prepared[key]
        sf = StatsForecast(models=[AutoARIMA(season_length=m)], freq=1, n_jobs=1)
        c0 = time.process_time()
        pred = sf.forecast(df=df, h=h, X_df=xdf)
        cpu = time.process_time() - c0
        total += cpu
        pred = pred.reset_index() if "unique_id" not in pred.columns else pred
        for uid, sub in pred.groupby("unique_id", sort=False):
            out[str(uid)] = ([float(v) for v in sub["AutoARIMA"].to_numpy()], "", cpu / len(g))
    return total, out


def accuracy(s, f):
    if f is None or len(f) != len(s["test"]) or any(math.isnan(v) for v in f):
        return None
    test, train, lag = s["test"], s["train"], s["lag"]
    sm = sum(200 * abs(a - b) / (abs(a) + abs(b)) if abs(a) + abs(b) > 0 else 0.0 for a, b in zip(f, test)) / len(test)
    scale = sum(abs(train[i] - train[i - lag]) for i in range(lag, len(train))) / (len(train) - lag)
    return sm, sum(abs(a - b) for a, b in zip(f, test)) / len(test) / scale


def same_order(a, b):
    def norm(o):
        v = o.split()
        return v[:3] if len(v) == 7 and v[3:6] == ["0", "0", "0"] else v
    return norm(a) == norm(b)


def summarise(series, results):
    names = list(results)
    groups = sorted({s["group"] for s in series}) + ["all"]
    print("\n| group | series | method | CPU s | CPU s per series | R / method | sf / method | sMAPE | MASE | failed |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    table = {}
    for g in groups:
        members = [s for s in series if g == "all" or s["group"] == g]
        for name in names:
            fc = results[name][1]
            cpu = sum(fc[s["id"]][2] for s in members if s["id"] in fc) if g != "all" else results[name][0]
            acc = [accuracy(s, fc.get(s["id"], (None,))[0]) for s in members]
            ok = [a for a in acc if a is not None]
            table[(g, name)] = {"cpu": cpu, "smape": sum(a[0] for a in ok) / max(len(ok), 1),
                                "mase": sum(a[1] for a in ok) / max(len(ok), 1), "failed": len(acc) - len(ok)}
        for name in names:
            t = table[(g, name)]
            ratio = lambda ref: f"{table[(g, ref)]['cpu'] / t['cpu']:.1f}x" if (g, ref) in table and t["cpu"] > 0 else "-"
            print(f"| {g} | {len(members)} | {name} | {t['cpu']:.3f} | {t['cpu'] / len(members):.4f} | {ratio('r')} | "
                  f"{ratio('sf')} | {t['smape']:.3f} | {t['mase']:.4f} | {t['failed']} |")
    if "r" in results:
        for name in names:
            if name == "r":
                continue
            a, r = table[("all", name)], table[("all", "r")]
            print(f"\n{name} vs R: sMAPE {100 * (a['smape'] / r['smape'] - 1):+.2f}%, MASE {100 * (a['mase'] / r['mase'] - 1):+.2f}%")
            for g in groups:
                same = [same_order(results[name][1][s["id"]][1], results["r"][1][s["id"]][1]) for s in series
                        if (g == "all" or s["group"] == g) and s["id"] in results[name][1] and s["id"] in results["r"][1]
                        and results[name][1][s["id"]][1]]
                if same:
                    print(f"  {g}: R's orders on {sum(same)}/{len(same)} series")
    return {f"{g}/{n}": v for (g, n), v in table.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weekly", type=int, default=60, help="simulated weekly series")
    ap.add_argument("--daily", type=int, default=20, help="simulated daily series")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="8 weekly and 3 daily series")
    ap.add_argument("--passes", type=int, default=3, help="lagrs' timed passes (the median is reported)")
    ap.add_argument("--skip", default="", help="comma-separated runners to leave out: lagrs,sf,r")
    ap.add_argument("--json", help="also write the table here")
    ap.add_argument("--keep", help="keep the input and every runner's forecasts in this folder")
    args = ap.parse_args()
    if args.quick:
        args.weekly, args.daily = 8, 3
    skip = set(filter(None, args.skip.split(",")))
    warnings.simplefilter("ignore")
    series = load(args.seed, args.weekly, args.daily)
    print(f"{len(series)} series ({args.weekly} weekly, {args.daily} daily, seed {args.seed}, "
          f"{len(series) - args.weekly - args.daily} R data); load average at start: {os.getloadavg()}", flush=True)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(args.keep) if args.keep else Path(tmp)
        tmp.mkdir(parents=True, exist_ok=True)
        write_input(series, tmp / "in.csv")
        if "lagrs" not in skip:
            results["lagrs"] = run_lagrs(tmp / "in.csv", tmp, args.passes)
        if "sf" not in skip:
            results["sf"] = run_statsforecast(series)
        if "r" not in skip:
            results["r"] = run_r(tmp / "in.csv", tmp)
    print(f"load average at end: {os.getloadavg()}")
    table = summarise(series, results)
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1))


if __name__ == "__main__":
    sys.exit(main())
