#!/usr/bin/env python3
"""Generate cross-validation fixtures for lagrs from statsforecast's cross_validation.

Output: testdata/cv/cv.json (relative to the repo root), read by a Java test.

Run from anywhere:
    python3 testdata/cv/make_cv_fixtures.py [--out PATH]

Needs statsforecast 2.1.1 (and pandas, numpy). The series are simulated with
numpy.random.default_rng(seed), fixed seeds, and their times are the integers
0..n-1, so statsforecast's cutoff is the 0-based position of a window's last
training observation, as lagrs reports it.

For each case (h, step_size, n_windows, input_size, refit) the file holds, per
series, the cutoffs in order, and per model the point forecasts in
statsforecast's row order (series, then cutoff, then step). The models are the
ones whose forecasts lagrs must equal: naive, seasonal naive and the window
averages (point forecasts only: their intervals are R's, not statsforecast's).
"""

import argparse
import json
import pathlib

import numpy as np
import pandas as pd
import statsforecast
from statsforecast import StatsForecast
from statsforecast.models import Naive, SeasonalNaive, SeasonalWindowAverage, WindowAverage
from statsforecast.utils import ConformalIntervals

# lagrs spec text, statsforecast model (the alias is its column), whether it has `forward`
# (statsforecast refuses refit=False or an integer refit for the window averages).
MODELS = [
    ("naive", lambda: Naive(alias="naive"), True),
    ("snaive[12]", lambda: SeasonalNaive(season_length=12, alias="snaive"), True),
    ("window_average(3)", lambda: WindowAverage(window_size=3, alias="wa"), False),
    ("seasonal_window_average(2)[12]", lambda: SeasonalWindowAverage(season_length=12, window_size=2, alias="swa"), False),
]

CASES = [
    {"h": 6, "step_size": 3, "n_windows": 4, "input_size": None, "refit": True},
    {"h": 12, "step_size": 12, "n_windows": 2, "input_size": 30, "refit": True},
    {"h": 1, "step_size": 1, "n_windows": 5, "input_size": None, "refit": False},
    {"h": 4, "step_size": 2, "n_windows": 3, "input_size": 40, "refit": 2},
]


def series():
    rng = np.random.default_rng(24)
    out = []
    for n in (60, 75, 97):
        t = np.arange(n)
        y = 100 + 0.4 * t + 12 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 3, n)
        out.append(np.round(y, 6))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parent / "cv.json"))
    args = parser.parse_args()
    ys = series()
    df = pd.concat(
        [pd.DataFrame({"unique_id": f"s{j}", "ds": np.arange(len(y)), "y": y}) for j, y in enumerate(ys)],
        ignore_index=True,
    )
    cases = []
    for case in CASES:
        models = [(text, make()) for text, make, forward in MODELS if forward or case["refit"] is True]
        sf = StatsForecast(models=[m for _, m in models], freq=1, n_jobs=1)
        cv = sf.cross_validation(df=df, **case)
        cv = cv.sort_values(["unique_id", "cutoff", "ds"], kind="stable").reset_index(drop=True)
        cutoffs = [
            sorted(int(c) for c in cv.loc[cv.unique_id == f"s{j}", "cutoff"].unique()) for j in range(len(ys))
        ]
        forecasts = {}
        for text, model in models:
            forecasts[text] = [float(v) for v in cv[model.alias]]
        cases.append(
            {
                "settings": case,
                "cutoffs": cutoffs,
                "times": [int(v) for v in cv["ds"]],
                "actual": [float(v) for v in cv["y"]],
                "forecasts": forecasts,
            }
        )
    # Conformal intervals (ConformalIntervals(h, n_windows)) of naive and seasonal naive,
    # forecast h steps past the end of each series at levels 80 and 95.
    conformal = []
    for text, make, h, n_windows in [
        ("conformal(naive;h=6,windows=3)", lambda pi: Naive(prediction_intervals=pi, alias="m"), 6, 3),
        ("conformal(snaive[12];h=12,windows=2)", lambda pi: SeasonalNaive(12, prediction_intervals=pi, alias="m"), 12, 2),
    ]:
        sf = StatsForecast(models=[make(ConformalIntervals(h=h, n_windows=n_windows))], freq=1, n_jobs=1)
        fc = sf.forecast(df=df, h=h, level=[80, 95]).sort_values(["unique_id", "ds"], kind="stable")
        conformal.append(
            {
                "spec": text,
                "h": h,
                "mean": [float(v) for v in fc["m"]],
                "lower": {str(lv): [float(v) for v in fc[f"m-lo-{lv}"]] for lv in (80, 95)},
                "upper": {str(lv): [float(v) for v in fc[f"m-hi-{lv}"]] for lv in (80, 95)},
            }
        )
    out = {
        "generator": f"statsforecast {statsforecast.__version__} cross_validation",
        "series": [[float(v) for v in y] for y in ys],
        "cases": cases,
        "conformal": conformal,
    }
    pathlib.Path(args.out).write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
