#!/usr/bin/env python3
"""Re-score R's and statsmodels' estimates in cases.json exactly (high precision).

Run after make_optimum_fixtures.py (it rewrites the file in place; under a minute):

    python3 testdata/arima_optimum/rescore_references.py [--path PATH] [--dps 80]

For every fixed-order pair with estimates it adds `loglik_high_precision` to `r` and to
`statsmodels`: the exact Gaussian log-likelihood at those estimates (exact_loglik.py: the
differenced series' likelihood, R's convention, in `--dps` decimal digits), keeping every
other field. It is absent where a fit failed and null where the estimates' AR part is not
stationary (no stationary likelihood exists). Why: the double-precision re-scoring
(`r.loglik_exact`, `statsmodels.loglik`) is the same quantity, but where AR roots lie
within about 1e-8 of the unit circle or the series is very large it can be tens of units
off (fixed_469_near_cancelling: 86 units high), so a reference compared against can be a
rounding artefact rather than a likelihood its estimates have.

It prints the validation: the distribution of |high precision - double precision| over all
re-scored estimates, every estimate where they differ by more than 0.01 (re-scored again
at `--dps` + 40 digits, to show the value is settled), and for R's estimates that
statsmodels cannot re-score (overlapping seasonal and non-seasonal lags) the difference
from R's own value.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from exact_loglik import exact_loglik  # noqa: E402

FIELD = "loglik_high_precision"
FLAG = 0.01


def double_value(case, who):
    """The fixture's double-precision re-scoring of `who`'s estimates (None if absent)."""
    if who == "r":
        return case["r"].get("loglik_exact")
    return case["statsmodels"].get("loglik")


def rescore(doc, dps):
    rows = []  # (name, who, high precision, double precision, R's own value)
    for case in doc["cases"]:
        for who in ("r", "statsmodels"):
            ref = case[who]
            if "coef" not in ref:
                ref.pop(FIELD, None)
                continue
            ll = exact_loglik(case, ref["coef"], dps)
            ref[FIELD] = ll
            rows.append((case["name"], who, ll, double_value(case, who), ref.get("loglik")))
    return rows


def report(doc, rows, dps):
    by_name = {c["name"]: c for c in doc["cases"]}
    print(f"{len(rows)} estimates re-scored at {dps} digits "
          f"({sum(r[2] is None for r in rows)} not stationary: no likelihood)")
    both = [(n, w, hp, dp) for n, w, hp, dp, _ in rows if hp is not None and dp is not None]
    diff = np.array([abs(hp - dp) for _, _, hp, dp in both])
    qs = [0.5, 0.9, 0.99, 1.0]
    print(f"|high - double precision| over {len(both)} estimates with both: "
          + ", ".join(f"q{int(100 * q)} {np.quantile(diff, q):.1e}" for q in qs)
          + f"; below 1e-6: {np.sum(diff < 1e-6)}, 1e-6..{FLAG}: {np.sum((diff >= 1e-6) & (diff <= FLAG))}, "
          f"above {FLAG}: {np.sum(diff > FLAG)}")
    print(f"every estimate where they differ by more than 1e-6 (flagged: above {FLAG}):")
    for n, w, hp, dp in sorted(both, key=lambda r: -abs(r[2] - r[3])):
        if abs(hp - dp) <= 1e-6:
            break
        again = exact_loglik(by_name[n], by_name[n][w]["coef"], dps + 40)
        print(f"  {'FLAG ' if abs(hp - dp) > FLAG else ''}{n} {w}: high precision {hp:.6f}, "
              f"double {dp:.6f} (diff {hp - dp:+.2e}); at {dps + 40} digits {again - hp:+.1e} from it")
    only_r = [(n, hp, own) for n, w, hp, dp, own in rows if w == "r" and dp is None]
    if only_r:
        print(f"R's estimates without a double-precision re-scoring ({len(only_r)}): "
              "high precision - R's own value")
        for n, hp, own in only_r:
            print(f"  {n}: {hp if hp is None else f'{hp:.6f}'} - {own:.6f} = "
                  f"{'n/a' if hp is None else f'{hp - own:+.2e}'}")
    for n, w, hp, dp, _ in rows:
        if hp is None:
            print(f"  {n} {w}: AR part not stationary (double precision: {dp})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--path", default=str(HERE / "cases.json"))
    ap.add_argument("--dps", type=int, default=80, help="decimal digits of the arithmetic")
    args = ap.parse_args()
    if hasattr(os, "nice"):
        os.nice(10)
    path = Path(args.path)
    doc = json.loads(path.read_text())
    t0 = time.process_time()
    rows = rescore(doc, args.dps)
    doc["rescored_by"] = "testdata/arima_optimum/rescore_references.py"
    doc["rescore_digits"] = args.dps
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, allow_nan=False))
    tmp.replace(path)
    print(f"wrote {path} ({time.process_time() - t0:.0f} s CPU)")
    report(doc, rows, args.dps)


if __name__ == "__main__":
    main()
