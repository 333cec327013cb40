#!/usr/bin/env python3
"""Reference fits of series with every other value missing, by statsmodels.

Output: testdata/arima_alternating/cases.json, read by rust/tests/arima_alternating.rs.
Run from anywhere:  python3 testdata/arima_alternating/make_alternating_fixtures.py
(packages: testdata/requirements.txt).

With every other observation missing, the likelihood of an ARMA(1, q) model
depends on the AR coefficient only through its effect on the even lags, and is
symmetric under (ar, ma) -> (-ar, -ma): ar = 0 is a stationary point (a
saddle when the data are autocorrelated). The reference is the best of several
statsmodels fits from different starting points (exact likelihood with a
stationary start, the same model as R's stats::arima and lagrs: the mean as an
explicit exog column, trend='n'). The sign of the AR coefficient is not
identified; the test compares |ar| and the log-likelihood.
"""
import json
import pathlib
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX

OUT = pathlib.Path(__file__).resolve().parent / "cases.json"


def simulate(n, phi, theta, mu, seed):
    rng = np.random.default_rng(seed)
    e = rng.standard_normal(n + 200)
    x = np.zeros(n + 200)
    for t in range(1, n + 200):
        x[t] = phi * x[t - 1] + e[t] + theta * e[t - 1]
    return mu + x[200:]


def best_fit(y, order):
    exog = pd.DataFrame({"intercept": np.ones(len(y))})
    best = None
    p, _, q = order
    # Parameter order: exog (intercept), ar, ma, sigma2.
    starts = [np.r_[np.nanmean(y), s * np.ones(p), s * np.ones(q) * 0.5, np.nanvar(y)] for s in (0.5, -0.5, 0.1, -0.1)]
    for start in starts:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = SARIMAX(y, exog=exog, order=order, trend="n")
            r = m.fit(start_params=start, disp=False, method="lbfgs", maxiter=2000)
        if best is None or r.llf > best.llf:
            best = r
    return best


cases = []
for name, n, phi, theta, order, seed in [
    ("ar1_phi06_ar100", 400, 0.6, 0.0, (1, 0, 0), 1),
    ("ar1_phi08_ar100", 300, 0.8, 0.0, (1, 0, 0), 2),
    ("arma11_ar101", 400, 0.7, 0.3, (1, 0, 1), 3),
    ("ar1_phim07_ar101", 400, -0.7, 0.0, (1, 0, 1), 4),
]:
    y = simulate(n, phi, theta, 5.0, seed)
    y[1::2] = np.nan
    r = best_fit(y, order)
    params = dict(zip(r.model.param_names, r.params))
    cases.append(
        {
            "name": name,
            "order": list(order),
            "y": [None if np.isnan(v) else float(v) for v in y],
            "abs_ar": abs(float(params["ar.L1"])),
            "abs_ma": abs(float(params["ma.L1"])) if order[2] else None,
            "mean": float(params["intercept"]),
            "sigma2": float(params["sigma2"]),
            "loglik": float(r.llf),
        }
    )

OUT.write_text(json.dumps({"generator": "testdata/arima_alternating/make_alternating_fixtures.py", "cases": cases}, indent=1) + "\n")
print(f"wrote {OUT}")
for c in cases:
    print(c["name"], c["abs_ar"], c["abs_ma"], c["mean"], c["sigma2"], c["loglik"])
