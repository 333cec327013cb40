#!/usr/bin/env python3
"""Reference forecasts for lagrs' optimised Theta family from statsforecast.

Writes statsforecast.json beside this script. Run from anywhere (statsforecast 2.1.1,
statsmodels; see ../requirements.txt):
    python3 testdata/theta/make_statsforecast.py

Deterministic (numpy.random.default_rng with a fixed seed).

  theta_standard[m]           -> Theta(season_length=m)                 (model "STM")
  theta_optimized[m]          -> OptimizedTheta(season_length=m)        ("OTM")
  theta_dynamic[m]            -> DynamicTheta(season_length=m)          ("DSTM")
  theta_dynamic_optimized[m]  -> DynamicOptimizedTheta(season_length=m) ("DOTM")
  auto_theta[m]               -> AutoTheta(season_length=m)             (the four, least "mse")

Each case holds the fitted model's `mean` (`predict(h)`), `fitted` (`predict_in_sample()`),
the chosen `model` type, its parameters `initial_smoothed`, `alpha`, `theta`, its `mse`
(statsforecast's selection criterion), and whether the series was seasonally adjusted
(`decompose`, `decomposition_type`). statsforecast's intervals are Monte Carlo quantiles of
numpy draws and are not part of the fixture.

JSON: {"generator", "statsforecast", "series": {name: {"period", "x"}}, "cases": [...]};
numbers printed with repr() (they round-trip exactly).
"""

import json
import os

import numpy as np
import statsforecast
from statsforecast.models import AutoTheta, DynamicOptimizedTheta, DynamicTheta, OptimizedTheta, Theta
from statsforecast.utils import AirPassengers

rng = np.random.default_rng(20261207)
series = {}


def add(name, x, period):
    series[name] = {"period": period, "x": [float(v) for v in x]}


add("AirPassengers", AirPassengers, 12)
t = np.arange(1, 61)
add("trend_noise", 100 + 0.8 * t + rng.normal(0, 3, 60), 1)
add("quarterly_seasonal", (50 + 0.5 * np.arange(48)) * (1 + 0.2 * np.sin(np.pi * np.arange(48) / 2)) + rng.normal(0, 1, 48), 4)
add("monthly_signed", np.cumsum(rng.normal(0, 1, 72)) + 5 * np.sin(2 * np.pi * np.arange(72) / 12), 12)
add("random_walk", 20 + np.cumsum(rng.normal(0, 1, 40)), 1)
add("short", [12.0, 15.0, 14.0, 18.0, 17.0, 21.0], 1)
add("weekly_short_season", 30 + 3 * np.cos(2 * np.pi * np.arange(35) / 7) + rng.normal(0, 0.5, 35), 7)
add("declining", 500 * np.exp(-0.02 * np.arange(50)) + rng.normal(0, 2, 50), 1)

models = [
    ("theta_standard", Theta),
    ("theta_optimized", OptimizedTheta),
    ("theta_dynamic", DynamicTheta),
    ("theta_dynamic_optimized", DynamicOptimizedTheta),
    ("auto_theta", AutoTheta),
]

cases = []
for name, s in series.items():
    y = np.asarray(s["x"], dtype=float)
    m = s["period"]
    for spec, make in models:
        h = 2 * m if m > 1 else 8
        fit = make(season_length=m).fit(y)
        model = fit.model_
        mean = fit.predict(h=h)["mean"]
        cases.append({
            "series": name,
            "spec": f"{spec}[{m}]" if m > 1 else spec,
            "h": h,
            "mean": [float(v) for v in mean],
            "fitted": [float(v) for v in fit.predict_in_sample()["fitted"]],
            "model": model["modeltype"],
            "initial_smoothed": float(model["par"]["initial_smoothed"]),
            "alpha": float(model["par"]["alpha"]),
            "theta": float(model["par"]["theta"]),
            "mse": float(model["mse"]),
            "decompose": bool(model.get("decompose", False)),
            "decomposition_type": model.get("decomposition_type", "none"),
        })

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "statsforecast.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump({"generator": "make_statsforecast.py", "statsforecast": statsforecast.__version__,
               "series": series, "cases": cases}, f, allow_nan=False)
    f.write("\n")
print(f"wrote statsforecast.json: {len(series)} series, {len(cases)} cases")
