#!/usr/bin/env python3
"""Re-score lagrs' own end points exactly, beside the references' exact values (a diagnostic).

The goal test of rust/tests/arima_optimum.rs prints lagrs' log-likelihood and
estimates for every pair more than 0.01 below the best reference, or for every pair with
ARIMA_OPTIMUM_ESTIMATES=1. This reads that output and evaluates at lagrs' estimates

  * the exact Gaussian log-likelihood (exact_loglik.py: the convention of the fixture's
    values, in high precision), to compare with the references' exact values from
    cases.json (rescore_references.py);
  * the same with R's rule that lagrs follows (`ARIMA_Like`: innovations whose variance is
    1e4 innovation variances or more left out), which is the value lagrs reports up to
    its double-precision rounding; so a difference between lagrs' value and the exact one
    can be told apart from an error in lagrs' evaluation.

    cd rust && ARIMA_OPTIMUM_ESTIMATES=1 cargo test -p lagrs-core --profile test-opt \\
        --test arima_optimum -- --nocapture 2> optimum.log
    python3 testdata/arima_optimum/rescore_lagrs_end_points.py optimum.log

It lists every pair more than 0.01 from the best reference in the test's measure (lagrs'
reported value) or in the exact one (lagrs' exact value), then counts both measures.
Columns: lagrs' reported value; at lagrs' estimates the exact value and R's rule's; R's
and statsmodels' exact values (- where the fit failed); the test's gap (best reference
minus lagrs' reported value) and the exact gap (minus lagrs' exact value); positive: lagrs
below.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from exact_loglik import exact_loglik  # noqa: E402

LINE = re.compile(r"^\s+(fixed_\S+): ours (\S+) best (\S+) gap (\S+)\s.*? coef \[([^\]]*)\]")
R_GAIN_LIMIT = 1e4
MAX_GAP, CLOSE = 1.0, 0.01


def fmt(v, width=11):
    return f"{'-' if v is None else f'{v:.4f}':>{width}}"


def counts(gaps):
    far = sum(g > MAX_GAP for g in gaps)
    close = sum(g <= CLOSE for g in gaps)
    above = sum(g < -CLOSE for g in gaps)
    return f"{far} more than {MAX_GAP} below, {close} ({100 * close / len(gaps):.1f}%) within {CLOSE}, {above} above by more than {CLOSE}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("log", help="the goal test's --nocapture output")
    ap.add_argument("--fixture", default=str(HERE / "cases.json"))
    ap.add_argument("--dps", type=int, default=80)
    args = ap.parse_args()
    cases = {c["name"]: c for c in json.loads(Path(args.fixture).read_text())["cases"]}
    rows = []
    for line in Path(args.log).read_text().splitlines():
        m = LINE.match(line)
        if not m:
            continue
        name, ours, best = m.group(1), float(m.group(2)), float(m.group(3))
        case = cases[name]
        coef = [float(v) for v in m.group(5).split(",")] if m.group(5).strip() else []
        exact = exact_loglik(case, coef, args.dps)
        rule = exact_loglik(case, coef, args.dps, gain_limit=R_GAIN_LIMIT)
        refs = [case[w].get("loglik_high_precision") for w in ("r", "statsmodels")]
        rows.append((name, ours, exact, rule, refs, best))
    print(f"{'pair':28} {'lagrs':>11} {'exact':>11} {'R rule':>11} {'R exact':>11} {'sm exact':>11} "
          f"{'test gap':>11} {'exact gap':>11}")
    for name, ours, exact, rule, refs, best in rows:
        exact_gap = None if exact is None else best - exact
        if abs(best - ours) > CLOSE or exact_gap is None or abs(exact_gap) > CLOSE:
            print(f"{name:28} {fmt(ours)} {fmt(exact)} {fmt(rule)} {fmt(refs[0])} {fmt(refs[1])} "
                  f"{fmt(best - ours)} {fmt(exact_gap)}")
    print(f"{len(rows)} pairs; against the best reference's exact value:")
    print(f"  lagrs' reported value (the test's measure): {counts([b - o for _, o, _, _, _, b in rows])}")
    exact_gaps = [b - e if e is not None else float('inf') for _, _, e, _, _, b in rows]
    print(f"  lagrs' exact value: {counts(exact_gaps)}")
    off = [(n, o - e) for n, o, e, _, _, _ in rows if e is not None and abs(o - e) > 1e-4]
    unexplained = [(n, o - r) for n, o, _, r, _, _ in rows if r is not None and abs(o - r) > 1e-3]
    print(f"  lagrs' reported value more than 1e-4 from its exact value: {len(off)} pairs "
          f"(up to {max((abs(d) for _, d in off), default=0):.4g}); from R's rule's value "
          f"(gain limit {R_GAIN_LIMIT:g}) more than 1e-3: {len(unexplained)}"
          + "".join(f"\n    {n}: reported - R's rule {d:+.4g}" for n, d in unexplained))


if __name__ == "__main__":
    main()
