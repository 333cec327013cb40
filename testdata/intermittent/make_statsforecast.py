#!/usr/bin/env python3
"""Reference forecasts for lagrs' intermittent-demand methods from statsforecast.

Writes statsforecast.json beside this script. Run from anywhere (statsforecast 2.1.1; see
../requirements.txt):
    python3 testdata/intermittent/make_statsforecast.py

Deterministic (numpy.random.default_rng with a fixed seed).

  croston            -> CrostonClassic()
  croston_optimized  -> CrostonOptimized()
  croston_sba        -> CrostonSBA()
  tsb(a,b)           -> TSB(alpha_d=a, alpha_p=b)
  adida              -> ADIDA()
  imapa              -> IMAPA()

Each case holds `mean` (`forecast(y, h, fitted=True)["mean"]`, checked here to equal
`fit(y).predict(h)["mean"]`) and `fitted` (the same call's in-sample values). For
croston_optimized, `alpha_demand` and `alpha_interval` are the smoothing parameters
statsforecast chooses (its golden-section search over [0.1, 0.3], called here on the demand
sizes and the intervals exactly as CrostonOptimized calls it). These methods have no
intervals in statsforecast without conformal `prediction_intervals`.

Series: simulated demand in four Syntetos-Boylan regimes (smooth, erratic, intermittent,
lumpy) and several lengths, plus edge cases: all zeros, a single non-zero value at the start,
middle or end, two non-zero values, a constant positive series and one- and two-value series.

JSON: {"generator", "statsforecast", "series": {name: [x...]},
       "cases": [{"series", "spec", "h", "mean", "fitted", ...}]}; numbers printed with
repr() (they round-trip exactly), NaN as null.
"""

import json
import math
import os

import numpy as np
import statsforecast
from statsforecast._lib import ses as ses_lib
from statsforecast.models import ADIDA, IMAPA, TSB, CrostonClassic, CrostonOptimized, CrostonSBA

rng = np.random.default_rng(20261207)
series = {}


def simulate(p, size, n):
    """Demand occurs with probability p; sizes from `size(k)`."""
    occurs = rng.uniform(size=n) < p
    return np.where(occurs, size(n), 0.0).astype(float)


regimes = {
    "smooth": (0.9, lambda n: rng.poisson(20, n) + 1.0),
    "erratic": (0.85, lambda n: np.round(rng.lognormal(2.0, 1.0, n), 2) + 0.5),
    "intermittent": (0.3, lambda n: rng.poisson(3, n) + 1.0),
    "lumpy": (0.25, lambda n: rng.lognormal(1.5, 1.2, n)),
}
for name, (p, size) in regimes.items():
    for n in (12, 36, 120, 300):
        series[f"{name}_{n}"] = simulate(p, size, n)
series["very_sparse_200"] = simulate(0.04, lambda n: rng.poisson(2, n) + 1.0, 200)
series["all_zero"] = np.zeros(10)
series["one_at_start"] = np.array([4.0] + [0.0] * 9)
series["one_in_middle"] = np.array([0.0] * 5 + [3.0] + [0.0] * 4)
series["one_at_end"] = np.array([0.0] * 9 + [7.0])
series["two_values"] = np.array([0.0, 2.0, 0.0, 0.0, 0.0, 5.0, 0.0])
series["constant"] = np.full(15, 5.0)
series["single_value"] = np.array([3.0])
series["two_long"] = np.array([1.0, 4.0])

methods = [
    ("croston", CrostonClassic),
    ("croston_optimized", CrostonOptimized),
    ("croston_sba", CrostonSBA),
    ("tsb(0.1,0.1)", lambda: TSB(alpha_d=0.1, alpha_p=0.1)),
    ("tsb(0.3,0.05)", lambda: TSB(alpha_d=0.3, alpha_p=0.05)),
    ("tsb(1,0.5)", lambda: TSB(alpha_d=1.0, alpha_p=0.5)),
    ("adida", ADIDA),
    ("imapa", IMAPA),
]


def floats(a):
    return [None if math.isnan(v) else float(v) for v in a]


cases = []
for name, y in series.items():
    for spec, make in methods:
        h = 7
        res = make().forecast(y=y, h=h, fitted=True)
        again = make().fit(y).predict(h=h)["mean"]
        assert np.array_equal(res["mean"], again), f"{spec} on {name}: forecast and fit/predict differ"
        case = {"series": name, "spec": spec, "h": h, "mean": floats(res["mean"]), "fitted": floats(res["fitted"])}
        if spec == "croston_optimized" and (y > 0).any():
            demand = y[y > 0]
            intervals = np.diff(np.where(y != 0)[0] + 1, prepend=0).astype(float)
            case["alpha_demand"] = ses_lib.golden_section_ses(demand, 0.1, 0.3)
            case["alpha_interval"] = ses_lib.golden_section_ses(intervals, 0.1, 0.3)
        cases.append(case)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "statsforecast.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(
        {
            "generator": "make_statsforecast.py",
            "statsforecast": statsforecast.__version__,
            "series": {k: floats(v) for k, v in series.items()},
            "cases": cases,
        },
        f,
        allow_nan=False,
    )
    f.write("\n")
print(f"wrote statsforecast.json: {len(series)} series, {len(cases)} cases")
