#!/usr/bin/env python3
"""Seeded inputs for the single-threaded Rust benchmarks `arima_bench` and `auto_arima_bench`.

  python3 scripts/bench/make_arima_bench_inputs.py OUT_DIR [--series 400] [--n 120]

Writes into OUT_DIR:
  * one `arima_bench` input per model of `arima_side_by_side.py`'s grid (ARIMA(1,1,1),
    ARIMA(2,1,2), the airline model (0,1,1)(0,1,1)[12], ARIMA(2,0,1)(1,1,1)[12]):
    `fixed_<label>.json`, --series series of --n values each, simulated by that script's
    `simulate` with its true coefficients (seed 20261207 + 100000 * model + series);
  * `auto.csv` (`id,m,h,train`, the input of `auto_arima_bench`): the auto-ARIMA cases of
    `testdata/arima_optimum/cases.json` (168 series, periods 1 to 12, 25 to 200 values), h = 2 m.

Used to measure what the second starts of fixed-order fits (`arima::second_start`) cost; see
docs/BENCHMARKS.md, "ARIMA second starts: cost".
"""
import argparse
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from arima_side_by_side import MODELS, simulate  # noqa: E402

SEED = 20261207


def file_label(label):
    return re.sub(r"[^0-9]+", "_", label).strip("_")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--series", type=int, default=400)
    ap.add_argument("--n", type=int, default=120)
    args = ap.parse_args(argv)
    out = pathlib.Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for mi, (label, order, seasonal, truth) in enumerate(MODELS):
        series = [simulate(SEED + 100000 * mi + i, args.n, order, seasonal, **truth).tolist()
                  for i in range(args.series)]
        doc = {"order": list(order), "seasonal": list(seasonal), "include_mean": None,
               "include_drift": None, "series": series}
        (out / f"fixed_{file_label(label)}.json").write_text(json.dumps(doc))
    cases = json.loads((HERE.parents[1] / "testdata" / "arima_optimum" / "cases.json").read_text())["auto"]
    with open(out / "auto.csv", "w") as f:
        f.write("id,m,h,train\n")
        for c in cases:
            m = int(c["m"])
            f.write(f"{c['name']},{m},{2 * m},{' '.join(repr(float(v)) for v in c['y'])}\n")


if __name__ == "__main__":
    main()
