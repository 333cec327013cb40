#!/usr/bin/env python3
"""Random series/order pairs where an ARIMA optimiser may stop short of the optimum.

Output: testdata/arima_optimum/cases.json (relative to the repo root), read by
rust/tests/arima_optimum.rs. Run from anywhere (needs R with forecast 8.20 and
statsmodels 0.15; about ten minutes on a 2-core machine):

    python3 testdata/arima_optimum/make_optimum_fixtures.py [--out PATH] [--seed N]

statsmodels' fits take seconds to a minute per pair on a loaded machine: write R's first
with --skip-statsmodels, then fill them in (niced, each fit limited to --timeout seconds,
resumable; R's fits and the series are kept):

    python3 testdata/arima_optimum/make_optimum_fixtures.py --skip-statsmodels
    python3 testdata/arima_optimum/make_optimum_fixtures.py --statsmodels-into testdata/arima_optimum/cases.json

Then re-score the references exactly (adds `loglik_high_precision`, see below; under a
minute):

    python3 testdata/arima_optimum/rescore_references.py

Deterministic: every series comes from numpy.random.default_rng(seed) (default
20261207), drawn case by case in the order below.

"fixed" cases (540): a series simulated from one seasonal or non-seasonal ARIMA, and an
order to fit to it (the simulated order, an over-parameterised one, or an unrelated one),
with or without mean (d + D = 0) and drift (d + D <= 1, forecast::Arima's rule). The
series are of every length from 12 to 600 observations, at levels up to 1e4 and scales
from 1e-2 to 1e2; categories:
  * random: AR/MA coefficients from partial autocorrelations uniform on (-0.9, 0.9);
  * near_unit_root: one AR or seasonal AR partial autocorrelation at +-(0.97, 0.998);
  * near_cancelling: an AR(1) and MA(1) factor that almost cancel (ma = -ar + small);
  * overfit: the simulated order plus one AR and one MA term (or seasonal ones).
For each the fixture holds
  * r: forecast::Arima(ts(y, frequency = s), order, seasonal = list(order, period = s),
    include.mean, include.drift): R's stats::arima, method "CSS-ML" (the convention of
    testdata/arima and testdata/auto_arima); `loglik` and `coef` (R's order: ar, ma, sar,
    sma, intercept, drift), or `error` (R's message) when it fails; `loglik_exact`: R's
    estimates re-scored as statsmodels' below (R's own value is inexact near a unit root
    and at large levels, see `rescore_r`);
  * statsmodels: statsmodels.tsa.arima.model.ARIMA(y, exog = [1, t], order,
    seasonal_order, trend = "n").fit() (its defaults), its estimates re-scored under
    R's likelihood with testdata/arima/make_arima_fixtures.py's `_make_model` and
    `_r_loglik` (SARIMAX, exact diffuse start, concentrated scale; the likelihood of
    the differenced series, as R's and lagrs'); `loglik` and `coef` in R's order,
    or `error`;
  * `loglik_high_precision` in `r` and in `statsmodels` (rescore_references.py, run after
    this script): the exact log-likelihood at that reference's estimates, the convention
    of `loglik_exact` and statsmodels' `loglik` (not of R's own `loglik`, which leaves out
    innovations whose variance is 1e4 innovation variances or more, as lagrs' reported
    value does) but evaluated in 80 decimal digits (exact_loglik.py),
    because near the unit circle or at very large levels the double-precision re-scoring
    can be tens of units off; rust/tests/arima_optimum.rs compares against these.

"auto" cases (168): 14 per period m = 1..12, simulated from a random SARIMA with
d in {0, 1} (and D in {0, 1} when m > 1), lengths 3m + 20 to 200; the unit-root test
cycles through kpss, adf, pp and the seasonal test through seas, ocsb, ch. The fixture
holds R's forecast::auto.arima(ts(y, frequency = m), test, seasonal.test) choice:
`order` [p, d, q, P, D, Q], `include_mean`, `include_drift`, `aicc` (its criterion,
R's default) and `loglik`, or `error`.

Numbers are written with 17 significant digits (they round-trip exactly).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np
import statsmodels
from statsmodels.tsa.arima.model import ARIMA

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "arima"))
from make_arima_fixtures import _design, _make_model, _r_loglik, simulate  # noqa: E402

GENERATOR = "testdata/arima_optimum/make_optimum_fixtures.py"
N_FIXED = 540
N_AUTO_PER_PERIOD = 14
SM_TIMEOUT_S = 120


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Timeout()


def pacf_to_ar(pacf):
    """Durbin-Levinson: partial autocorrelations -> AR coefficients (stationary)."""
    phi = []
    for k, r in enumerate(pacf):
        phi = [phi[j] - r * phi[k - 1 - j] for j in range(k)] + [r]
    return phi


def random_block(rng, k, near_unit=False):
    pacf = list(rng.uniform(-0.9, 0.9, size=k))
    if near_unit and k > 0:
        pacf[0] = rng.choice([-1.0, 1.0]) * rng.uniform(0.97, 0.998)
    return pacf_to_ar(pacf)


def simulate_case(rng, order, seasonal, ar, ma, sar, sma, n, level, scale, drift):
    seed = int(rng.integers(0, 2**31))
    y = simulate(seed, n, order, seasonal, ar=ar, ma=ma, sar=sar, sma=sma, mean=0.0, drift=0.0)
    t = np.arange(1, n + 1, dtype=float)
    return level + drift * t + scale * y


def draw_fixed(rng, i):
    seasonal = rng.random() < 0.4
    s = int(rng.choice([2, 4, 6, 7, 12])) if seasonal else 1
    category = str(rng.choice(["random", "near_unit_root", "near_cancelling", "overfit"], p=[0.4, 0.2, 0.2, 0.2]))
    p, q = int(rng.integers(0, 3)), int(rng.integers(0, 3))
    d = int(rng.choice([0, 1, 2], p=[0.5, 0.42, 0.08]))
    P = Q = D = 0
    if seasonal:
        P, Q, D = int(rng.integers(0, 2)), int(rng.integers(0, 2)), int(rng.integers(0, 2))
        d = min(d, 1)
    if p + q + P + Q == 0:
        p = 1
    near = category == "near_unit_root"
    seasonal_near = near and P > 0 and rng.random() < 0.5
    ar = random_block(rng, p, near and not seasonal_near)
    ma = random_block(rng, q)
    sar = random_block(rng, P, seasonal_near)
    sma = random_block(rng, Q)
    if category == "near_cancelling":
        a = rng.choice([-1.0, 1.0]) * rng.uniform(0.3, 0.95)
        p, q = max(p, 1), max(q, 1)
        ar = [a] + list(ar[1:]) if len(ar) else [a]
        ar = ar + [0.0] * (p - len(ar))
        ma = [-a + rng.uniform(-0.08, 0.08)] + [0.0] * (q - 1)
    if seasonal:
        n = int(s * rng.choice([3, 4, 6, 8, 12, 20]) + rng.integers(0, s))
    else:
        n = int(rng.choice([12, 20, 30, 50, 80, 150, 300, 600]))
    n = max(n, 12)
    level = float(rng.choice([0.0, rng.uniform(-50, 50), rng.uniform(100, 10000)]))
    scale = float(10 ** rng.uniform(-2, 2))
    drift = float(rng.choice([0.0, rng.uniform(-1, 1) * scale]))
    y = simulate_case(rng, (len(ar), d, len(ma)), (len(sar), D, len(sma), s if seasonal else 0),
                      ar, ma, sar, sma, n, level, scale, drift)
    # The order fitted: the simulated one, one too large, or unrelated.
    fp, fq, fP, fQ = len(ar), len(ma), len(sar), len(sma)
    if category == "overfit":
        if seasonal and rng.random() < 0.5:
            fP, fQ = min(fP + 1, 2), min(fQ + 1, 2)
        else:
            fp, fq = min(fp + 1, 3), min(fq + 1, 3)
    elif category == "random" and rng.random() < 0.4:
        fp, fq = int(rng.integers(0, 4)), int(rng.integers(0, 4))
        if seasonal:
            fP, fQ = int(rng.integers(0, 3)), int(rng.integers(0, 3))
    if fp + fq + fP + fQ == 0:
        fq = 1
    fd, fD = d, D
    # Enough observations for R to fit: n.used above the number of coefficients + 2.
    while n - fd - fD * s <= fp + fq + fP + fQ + 4 and fp + fq + fP + fQ > 1:
        if fP + fQ > 0:
            fP, fQ = max(fP - 1, 0), max(fQ - 1, 0)
        else:
            fp, fq = max(fp - 1, 0), max(fq - 1, 0)
    if fp + fq + fP + fQ == 0:
        fp = 1
    mean = fd + fD == 0 and rng.random() < 0.7
    with_drift = fd + fD <= 1 and rng.random() < 0.3
    return {
        "name": f"fixed_{i:03d}_{category}", "category": category, "y": [float(v) for v in y],
        "order": [fp, fd, fq], "seasonal": [fP, fD, fQ, s if seasonal else 0],
        "include_mean": bool(mean), "include_drift": bool(with_drift),
    }


def draw_auto(rng, m, j):
    tests = ["kpss", "adf", "pp"]
    stests = ["seas", "ocsb", "ch"]
    test = tests[j % 3]
    stest = stests[(j // 3) % 3] if m > 1 else "seas"
    n = int(rng.integers(3 * m + 20, 201))
    p, q = int(rng.integers(0, 3)), int(rng.integers(0, 3))
    d = int(rng.integers(0, 2))
    P = Q = D = 0
    if m > 1:
        P, Q, D = int(rng.integers(0, 2)), int(rng.integers(0, 2)), int(rng.integers(0, 2))
    ar, ma = random_block(rng, p), random_block(rng, q)
    sar, sma = random_block(rng, P), random_block(rng, Q)
    level = float(rng.uniform(-100, 1000))
    scale = float(10 ** rng.uniform(-1, 1))
    drift = float(rng.choice([0.0, rng.uniform(-0.5, 0.5) * scale]))
    y = simulate_case(rng, (p, d, q), (P, D, Q, m if m > 1 else 0), ar, ma, sar, sma, n, level, scale, drift)
    return {"name": f"auto_m{m:02d}_{j:02d}", "m": m, "test": test, "seasonal_test": stest,
            "y": [float(v) for v in y]}


def r_line(case, kind):
    if kind == "fixed":
        o = case["order"] + case["seasonal"][:3] + [max(case["seasonal"][3], 1)]
        flags = [int(case["include_mean"]), int(case["include_drift"])]
        tests = ["-", "-"]
    else:
        o = [0] * 6 + [case["m"]]
        flags = [0, 0]
        tests = [case["test"], case["seasonal_test"]]
    head = [case["name"], kind] + [str(v) for v in o + flags] + tests
    return " ".join(head + ["%.17g" % v for v in case["y"]])


def run_r(cases, kind):
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.txt", Path(tmp) / "out.txt"
        src.write_text("\n".join(r_line(c, kind) for c in cases) + "\n")
        subprocess.run(["Rscript", str(HERE / "fit_r.R"), str(src), str(dst)], check=True)
        lines = dst.read_text().splitlines()
    out = {}
    for line in lines:
        f = line.split(" ")
        out[f[0]] = {"error": f[2].replace("_", " ")} if f[1] == "error" else [float(v) for v in f[2:]]
    return out


def statsmodels_fit(case, timeout=SM_TIMEOUT_S):
    """statsmodels' fit with a wall-clock limit (a few pairs take minutes in its optimiser)."""
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(timeout)
    try:
        return _statsmodels_fit(case)
    except _Timeout:
        return {"error": f"timeout: statsmodels' fit took more than {timeout} s"}
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _statsmodels_fit(case):
    y = np.asarray(case["y"], float)
    p, d, q = case["order"]
    P, D, Q, s = case["seasonal"]
    X = _design(len(y), d + D, case["include_mean"], case["include_drift"])
    so = (P, D, Q, s) if s > 0 else (0, 0, 0, 0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = ARIMA(y, exog=X, order=(p, d, q), seasonal_order=so, trend="n").fit()
            names = list(res.param_names)
            par = dict(zip(names, np.asarray(res.params, float)))
            exact = _make_model(y, (p, d, q), (P, D, Q, s), X)
            params = np.array([par[nm] for nm in exact.param_names], float)
            ll = _r_loglik(exact.filter(params))
    except _Timeout:
        raise
    except Exception as e:  # noqa: BLE001 - recorded in the fixture
        return {"error": f"{type(e).__name__}: {e}"}
    arma = ([f"ar.L{i}" for i in range(1, p + 1)] + [f"ma.L{i}" for i in range(1, q + 1)]
            + [f"ar.S.L{s * i}" for i in range(1, P + 1)] + [f"ma.S.L{s * i}" for i in range(1, Q + 1)])
    reg = [nm for nm in exact.param_names if nm not in arma]
    coef = [float(par[nm]) for nm in arma + reg]
    if not np.isfinite(ll):
        return {"error": "non-finite log-likelihood at statsmodels' estimates"}
    return {"loglik": float(ll), "coef": coef}


def rescore_r(case):
    """R's log-likelihood at R's estimates, re-scored as statsmodels' (exact diffuse start):
    R's own value treats the differencing's diffuse start with a finite prior variance (1e6)
    and the stationary part with Gardner's initial covariance, both inexact for data at
    large levels or near a unit root, where it exceeds the likelihood at its own estimates
    by up to several units."""
    y = np.asarray(case["y"], float)
    p, d, q = case["order"]
    P, D, Q, s = case["seasonal"]
    X = _design(len(y), d + D, case["include_mean"], case["include_drift"])
    arma = ([f"ar.L{i}" for i in range(1, p + 1)] + [f"ma.L{i}" for i in range(1, q + 1)]
            + [f"ar.S.L{s * i}" for i in range(1, P + 1)] + [f"ma.S.L{s * i}" for i in range(1, Q + 1)])
    try:
        # statsmodels refuses orders whose seasonal and non-seasonal lags overlap (p >= s).
        exact = _make_model(y, (p, d, q), (P, D, Q, s), X)
        reg = [nm for nm in exact.param_names if nm not in arma]
        par = dict(zip(arma + reg, case["r"]["coef"]))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ll = _r_loglik(exact.filter(np.array([par[nm] for nm in exact.param_names], float)))
    except (ValueError, np.linalg.LinAlgError):
        return None
    return float(ll) if np.isfinite(ll) else None


def fill_statsmodels(path, timeout):
    os.nice(10)
    doc = json.loads(path.read_text())
    for c in doc["cases"]:
        if "loglik" in c["r"] and "loglik_exact" not in c["r"]:
            ll = rescore_r(c)
            if ll is not None:
                c["r"]["loglik_exact"] = ll
    todo = [c for c in doc["cases"] if c["statsmodels"] == {"error": "not run"}]
    if not todo:
        path.write_text(json.dumps(doc, allow_nan=False))
    for k, c in enumerate(todo):
        c["statsmodels"] = statsmodels_fit(c, timeout)
        if k % 20 == 19 or k == len(todo) - 1:
            # Written as it goes, so that an interrupted run resumes where it stopped.
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(doc, allow_nan=False))
            tmp.replace(path)
            print(f"statsmodels: {k + 1}/{len(todo)}", file=sys.stderr, flush=True)
    fixed = doc["cases"]
    n_sm = sum("loglik" in c["statsmodels"] for c in fixed)
    n_to = sum(c["statsmodels"].get("error", "").startswith("timeout") for c in fixed)
    print(f"wrote {path}: statsmodels {n_sm} of {len(fixed)} fixed cases ({n_to} timed out)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(HERE / "cases.json"))
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--skip-statsmodels", action="store_true",
                    help="R's fits only (statsmodels: {\"error\": \"not run\"}); much faster")
    ap.add_argument("--statsmodels-into", metavar="PATH",
                    help="fill statsmodels' fits into an existing file written with --skip-statsmodels "
                         "(R's fits and the series are kept as they are); niced, resumable")
    ap.add_argument("--timeout", type=int, default=SM_TIMEOUT_S, help="seconds per statsmodels fit")
    args = ap.parse_args()
    if args.statsmodels_into:
        fill_statsmodels(Path(args.statsmodels_into), args.timeout)
        return
    rng = np.random.default_rng(args.seed)
    fixed = [draw_fixed(rng, i) for i in range(N_FIXED)]
    auto = [draw_auto(rng, m, j) for m in range(1, 13) for j in range(N_AUTO_PER_PERIOD)]
    r_fixed = run_r(fixed, "fixed")
    for c in fixed:
        r = r_fixed[c["name"]]
        c["r"] = r if isinstance(r, dict) else {"loglik": r[0], "coef": r[1:]}
        c["statsmodels"] = {"error": "not run"} if args.skip_statsmodels else statsmodels_fit(c)
    for c in fixed:
        if "loglik" in c["r"]:
            ll = rescore_r(c)
            if ll is not None:
                c["r"]["loglik_exact"] = ll
    r_auto = run_r(auto, "auto")
    for c in auto:
        r = r_auto[c["name"]]
        c["r"] = r if isinstance(r, dict) else {
            "order": [int(v) for v in r[:6]], "include_mean": bool(r[6]), "include_drift": bool(r[7]),
            "aicc": r[8], "loglik": r[9]}
    rv = subprocess.run(["Rscript", "-e", "cat(R.version.string, as.character(packageVersion('forecast')))"],
                        capture_output=True, text=True).stdout.strip()
    doc = {"generator": GENERATOR, "seed": args.seed,
           "versions": {"python": sys.version.split()[0], "numpy": np.__version__,
                        "statsmodels": statsmodels.__version__, "r_forecast": rv},
           "cases": fixed, "auto": auto}
    with open(args.out, "w") as fh:
        fh.write(json.dumps(doc, allow_nan=False))
    n_r = sum("loglik" in c["r"] for c in fixed)
    n_sm = sum("loglik" in c["statsmodels"] for c in fixed)
    n_ra = sum("aicc" in c["r"] for c in auto)
    print(f"wrote {args.out}: {len(fixed)} fixed cases (R {n_r}, statsmodels {n_sm}), {len(auto)} auto cases (R {n_ra})")


if __name__ == "__main__":
    main()
