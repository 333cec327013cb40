#!/usr/bin/env python3
"""Reference forecasts for lagrs' window averages from statsforecast.

Writes window_averages.json beside this script. Run from anywhere (statsforecast 2.1.1,
numpy 2.4.6; see ../requirements.txt):
    python3 testdata/baselines/make_window_averages.py

Deterministic (numpy.random.default_rng with fixed seeds).

  window_average(k)              -> WindowAverage(window_size=k)
  seasonal_window_average(k)[m]  -> SeasonalWindowAverage(season_length=m, window_size=k)

Each case's `mean` is the model's `forecast(y, h)["mean"]`, checked here to equal
`fit(y).predict(h)["mean"]`. statsforecast gives these models no fitted values
(`fitted=True` raises NotImplementedError) and no intervals without conformal
`prediction_intervals`; lagrs' fitted values, residuals and bounds are NaN.

statsforecast forecasts NaN when the series is shorter than k (k * m) or a value inside
that window is missing; lagrs refuses those series with an error instead, so they are not
cases here. A missing value before the window does not matter to either (a case below).

JSON: {"generator", "statsforecast", "series": {name: {"period", "x"}},
       "cases": [{"series", "method", "spec", "h", "mean"}]}; numbers printed with
repr() (they round-trip exactly), a missing value as null.
"""

import json
import math
import os

import numpy as np
import statsforecast
from statsforecast.models import SeasonalWindowAverage, WindowAverage
from statsforecast.utils import AirPassengers

series = {}
cases = []


def add_series(name, x, period):
    series[name] = {"period": period, "x": [None if math.isnan(v) else float(v) for v in x]}
    return np.asarray(x, dtype=float)


def add_case(name, y, method, k, m, h):
    if method == "window_average":
        model, spec = WindowAverage(window_size=k), f"window_average({k})"
    else:
        model, spec = SeasonalWindowAverage(season_length=m, window_size=k), f"seasonal_window_average({k})[{m}]"
    mean = model.forecast(y=y, h=h)["mean"]
    again = model.fit(y).predict(h=h)["mean"]
    assert np.array_equal(mean, again), f"{spec}: forecast and fit/predict differ"
    assert np.all(np.isfinite(mean)), f"{spec} on {name}: statsforecast gives NaN"
    cases.append({"series": name, "method": method, "spec": spec, "h": h, "mean": [float(v) for v in mean]})


rng = np.random.default_rng(20261125)
air = add_series("AirPassengers", AirPassengers, 12)
t = np.arange(1, 57)
weekly = add_series("sim_weekly", 20 + 0.1 * t + 4 * np.cos(2 * np.pi * t / 7) + rng.normal(size=56), 7)
t = np.arange(1, 41)
level = 50 * np.exp(np.cumsum(rng.normal(0.01, 0.03, 40)))
quarterly = add_series("sim_quarterly", level * (1 + 0.25 * np.sin(np.pi * t / 2)), 4)
signed = add_series("sim_signed", np.cumsum(rng.normal(size=30)), 1)
# Missing values before the last 2 * 4 values only.
early_gaps = quarterly.copy()
early_gaps[[0, 5, 20]] = np.nan
early_gaps = add_series("gaps_before_window", early_gaps, 4)
exact = add_series("exact_length_m4_k3", rng.uniform(10, 20, 12), 4)
large = add_series("large_offset", 1e9 + rng.normal(size=24), 1)

for k in (1, 3, 12, 144):
    add_case("AirPassengers", air, "window_average", k, 1, 10)
for k in (1, 2, 5, 12):
    add_case("AirPassengers", air, "seasonal_window_average", k, 12, 25)
for k in (1, 2, 8):
    add_case("sim_weekly", weekly, "seasonal_window_average", k, 7, 15)
add_case("sim_weekly", weekly, "window_average", 7, 1, 10)
for k in (1, 3, 10):
    add_case("sim_quarterly", quarterly, "seasonal_window_average", k, 4, 9)
for k in (2, 9, 30):
    add_case("sim_signed", signed, "window_average", k, 1, 5)
add_case("gaps_before_window", early_gaps, "seasonal_window_average", 2, 4, 9)
add_case("gaps_before_window", early_gaps, "window_average", 15, 1, 5)
add_case("exact_length_m4_k3", exact, "seasonal_window_average", 3, 4, 9)
add_case("exact_length_m4_k3", exact, "window_average", 12, 1, 5)
add_case("large_offset", large, "window_average", 24, 1, 5)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "window_averages.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(
        {
            "generator": "make_window_averages.py",
            "statsforecast": statsforecast.__version__,
            "series": series,
            "cases": cases,
        },
        f,
        allow_nan=False,
    )
    f.write("\n")
print(f"wrote window_averages.json: {len(series)} series, {len(cases)} cases")
