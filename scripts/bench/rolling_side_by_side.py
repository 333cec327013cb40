#!/usr/bin/env python3
"""Side-by-side rolling-window benchmark: pandas vs bottleneck vs lagrs.

Times, on the same numbers,

  * rolling median, 1e6 doubles, window 101: pandas ``Series.rolling(101).median()``,
    bottleneck ``bn.move_median(x, 101)``, lagrs ``Rolling.apply(MEDIAN, x, 101, 101, out)``;
  * rolling mean, 1e7 doubles, window 50: pandas ``Series.rolling(50).mean()``,
    bottleneck ``bn.move_mean(x, 50)``, lagrs ``Rolling.mean(x, 50, 50, out)``, with
    ``System.arraycopy`` / ``np.copyto`` of the same array as the memory-bandwidth floor,

and prints a Markdown table of times and ratios.

  python3 scripts/bench/rolling_side_by_side.py            # ~2-3 minutes
  python3 scripts/bench/rolling_side_by_side.py --quick    # shorter JMH runs, fewer repeats
  python3 scripts/bench/rolling_side_by_side.py --json rolling-bench.json

lagrs is timed by JMH (``scripts/bench/run-jmh.sh ... -rf json``, which builds the project
if needed): RollingMeanBenchmark.lagrsMean / .arraycopy and RollingMedianBenchmark.lagrsMedian,
once with rayon's default thread count and once with RAYON_NUM_THREADS=1 (pandas and
bottleneck are single-threaded).  The inputs are uniform doubles in [-0.5, 0.5) from the
64-bit LCG the Java benchmarks use (io.lagrs.bench.BenchData), so every tool sees the same
values.  Python timings: one untimed warm-up call, then ``--repeat`` timed calls; the mean
is reported (JMH's AverageTime score is a mean too) and the minimum is kept in the JSON.
pandas and bottleneck allocate their result; lagrs writes into a preallocated array.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bottleneck as bn
import numpy as np
import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[2]
RUN_JMH = REPO_ROOT / "scripts" / "bench" / "run-jmh.sh"

MEAN_N, MEAN_W, MEAN_SEED = 10_000_000, 50, 1
MEDIAN_N, MEDIAN_W, MEDIAN_SEED = 1_000_000, 101, 2

LCG_A = 6364136223846793005
LCG_C = 1442695040888963407
MASK = (1 << 64) - 1

JMH_REGEX = (r"^io\.lagrs\.bench\.(RollingMeanBenchmark\.(lagrsMean|arraycopy)"
             r"|RollingMedianBenchmark\.lagrsMedian)$")


def lcg_uniform(n: int, seed: int, block: int = 4096) -> np.ndarray:
    """The doubles of io.lagrs.bench.BenchData.uniform(n, seed), vectorised.

    state_{i+1} = A * state_i + C (mod 2^64); value_i = (state_{i+1} >> 11) * 2^-53 - 0.5.
    The first block is stepped in Python; each further block is the previous one mapped by
    the affine map of `block` steps (A^block, C * (A^(block-1) + ... + 1)), all mod 2^64.
    """
    first = np.empty(block, dtype=np.uint64)
    s = seed & MASK
    for i in range(block):
        s = (s * LCG_A + LCG_C) & MASK
        first[i] = s
    a_k, c_k = 1, 0
    for _ in range(block):
        a_k, c_k = (a_k * LCG_A) & MASK, (c_k * LCG_A + LCG_C) & MASK
    nblocks = -(-n // block)
    states = np.empty(nblocks * block, dtype=np.uint64)
    states[:block] = first
    mul, add = np.uint64(a_k), np.uint64(c_k)
    with np.errstate(over="ignore"):
        for b in range(1, nblocks):
            np.multiply(states[(b - 1) * block:b * block], mul, out=states[b * block:(b + 1) * block])
            states[b * block:(b + 1) * block] += add
    return (states[:n] >> np.uint64(11)).astype(np.float64) * 2.0 ** -53 - 0.5


def time_py(fn, repeat: int) -> dict:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return {"mean_ms": 1e3 * sum(times) / len(times), "min_ms": 1e3 * min(times), "runs": repeat}


def run_jmh(threads: int | None, quick: bool, extra: list[str]) -> dict:
    """Runs the three lagrs/JMH methods; returns {method: {"mean_ms", "error_ms", "params"}}."""
    env = dict(os.environ)
    if threads is not None:
        env["RAYON_NUM_THREADS"] = str(threads)
    else:
        env.pop("RAYON_NUM_THREADS", None)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "jmh.json"
        cmd = ["bash", str(RUN_JMH), JMH_REGEX, "-rf", "json", "-rff", str(out)]
        if quick:
            cmd += ["-wi", "2", "-i", "3"]
        cmd += extra
        label = f"RAYON_NUM_THREADS={threads}" if threads is not None else "default threads"
        print(f"[jmh, {label}] {' '.join(cmd[1:])}", file=sys.stderr, flush=True)
        proc = subprocess.run(cmd, env=env, cwd=REPO_ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0 or not out.exists():
            sys.stderr.write(proc.stdout[-4000:])
            raise SystemExit(f"JMH run failed (exit {proc.returncode})")
        results = json.loads(out.read_text())
    parsed = {}
    for r in results:
        method = r["benchmark"].rsplit(".", 1)[1]
        m = r["primaryMetric"]
        assert m["scoreUnit"] == "ms/op", m["scoreUnit"]
        parsed[method] = {"mean_ms": m["score"], "error_ms": m["scoreError"],
                          "params": r.get("params", {})}
    for method, n in (("lagrsMean", MEAN_N), ("arraycopy", MEAN_N), ("lagrsMedian", MEDIAN_N)):
        got = int(parsed[method]["params"].get("n", -1))
        if got != n:
            raise SystemExit(f"JMH {method} ran with n={got}, expected {n}")
    return parsed


def fmt_ms(v: float) -> str:
    return f"{v:.2f}" if v < 100 else f"{v:.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="shorter JMH runs, fewer Python repeats")
    ap.add_argument("--repeat", type=int, default=None, help="timed Python calls per tool (default 10, quick 3)")
    ap.add_argument("--no-single-thread", action="store_true",
                    help="skip the extra JMH run with RAYON_NUM_THREADS=1")
    ap.add_argument("--json", type=Path, help="also write all timings here")
    ap.add_argument("--jmh-arg", action="append", default=[],
                    help="extra argument for JMH (repeatable), e.g. --jmh-arg=-wi --jmh-arg=5")
    args = ap.parse_args()
    repeat = args.repeat or (3 if args.quick else 10)

    print(f"python {platform.python_version()}, pandas {pd.__version__}, numpy {np.__version__}, "
          f"bottleneck {bn.__version__}, {os.cpu_count()} CPUs", file=sys.stderr)

    # --- Python side ---------------------------------------------------------------------
    x_med = lcg_uniform(MEDIAN_N, MEDIAN_SEED)
    s_med = pd.Series(x_med)
    ref = s_med.rolling(MEDIAN_W).median().to_numpy()
    np.testing.assert_allclose(bn.move_median(x_med, MEDIAN_W), ref, rtol=0, atol=0, equal_nan=True)
    x_mean = lcg_uniform(MEAN_N, MEAN_SEED)
    s_mean = pd.Series(x_mean)
    np.testing.assert_allclose(bn.move_mean(x_mean, MEAN_W), s_mean.rolling(MEAN_W).mean().to_numpy(),
                               rtol=1e-9, atol=1e-12, equal_nan=True)
    buf = np.empty_like(x_mean)

    print("[python] timing pandas / bottleneck ...", file=sys.stderr, flush=True)
    py = {
        "median_pandas": time_py(lambda: s_med.rolling(MEDIAN_W).median(), repeat),
        "median_bottleneck": time_py(lambda: bn.move_median(x_med, MEDIAN_W), repeat),
        "mean_pandas": time_py(lambda: s_mean.rolling(MEAN_W).mean(), repeat),
        "mean_bottleneck": time_py(lambda: bn.move_mean(x_mean, MEAN_W), repeat),
        "mean_np_copyto": time_py(lambda: np.copyto(buf, x_mean), repeat),
    }

    # --- lagrs via JMH -------------------------------------------------------------------
    jmh = {"default": run_jmh(None, args.quick, args.jmh_arg)}
    if not args.no_single_thread:
        jmh["1thread"] = run_jmh(1, args.quick, args.jmh_arg)

    # --- table ---------------------------------------------------------------------------
    def jrow(name, key, method):
        r = jmh[key][method]
        return name, r["mean_ms"], r["error_ms"]

    threads = os.cpu_count()
    median_rows = [
        ("pandas `Series.rolling(101).median()`", py["median_pandas"]["mean_ms"], None),
        ("bottleneck `move_median(x, 101)`", py["median_bottleneck"]["mean_ms"], None),
        jrow(f"lagrs `Rolling.apply(MEDIAN, ..., out)` (rayon, {threads} CPUs)", "default", "lagrsMedian"),
    ]
    mean_rows = [
        ("pandas `Series.rolling(50).mean()`", py["mean_pandas"]["mean_ms"], None),
        ("bottleneck `move_mean(x, 50)`", py["mean_bottleneck"]["mean_ms"], None),
        jrow(f"lagrs `Rolling.mean(x, 50, 50, out)` (rayon, {threads} CPUs)", "default", "lagrsMean"),
    ]
    if "1thread" in jmh:
        median_rows.append(jrow("lagrs, RAYON_NUM_THREADS=1", "1thread", "lagrsMedian"))
        mean_rows.append(jrow("lagrs, RAYON_NUM_THREADS=1", "1thread", "lagrsMean"))
    mean_rows += [
        ("`np.copyto(out, x)` (memory floor, Python)", py["mean_np_copyto"]["mean_ms"], None),
        jrow("`System.arraycopy` (memory floor, JVM)", "default", "arraycopy"),
    ]

    def table(title, rows, lagrs_ms, bn_ms):
        lines = [f"### {title}", "",
                 "| implementation | time (ms) | ± JMH error | / lagrs | / bottleneck |",
                 "|---|---:|---:|---:|---:|"]
        for name, ms, err in rows:
            e = f"{err:.2f}" if err is not None else ""
            lines.append(f"| {name} | {fmt_ms(ms)} | {e} | {ms / lagrs_ms:.2f}x | {ms / bn_ms:.2f}x |")
        return "\n".join(lines)

    med_lagrs = jmh["default"]["lagrsMedian"]["mean_ms"]
    mean_lagrs = jmh["default"]["lagrsMean"]["mean_ms"]
    print()
    print(table(f"Rolling median, n = {MEDIAN_N:.0e}, window {MEDIAN_W}", median_rows,
                med_lagrs, py["median_bottleneck"]["mean_ms"]))
    print()
    print(table(f"Rolling mean, n = {MEAN_N:.0e}, window {MEAN_W}", mean_rows,
                mean_lagrs, py["mean_bottleneck"]["mean_ms"]))
    print()
    copy = jmh["default"]["arraycopy"]["mean_ms"]
    print(f"lagrs mean / System.arraycopy = {mean_lagrs / copy:.2f}x (goal <= 1.5x); "
          f"lagrs median / bottleneck = {med_lagrs / py['median_bottleneck']['mean_ms']:.2f}x "
          f"(goal < 1).")
    print(f"Python: mean of {repeat} calls after one warm-up; lagrs: JMH AverageTime score "
          "± 99.9% error; all from this one run.")

    if args.json:
        args.json.write_text(json.dumps({"python": py, "jmh": jmh, "repeat": repeat,
                                         "versions": {"python": platform.python_version(),
                                                      "pandas": pd.__version__,
                                                      "numpy": np.__version__,
                                                      "bottleneck": bn.__version__}}, indent=2))


if __name__ == "__main__":
    main()
