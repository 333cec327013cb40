#!/usr/bin/env python3
"""Side-by-side ARIMA benchmark: statsmodels vs statsforecast vs lagrs.

All three fit the same seeded simulated series (exact ML, no mean/drift since every
model in the grid is integrated).  Per series fit time, speed ratios and the
log-likelihood reached are reported as a Markdown table on stdout.

  python3 scripts/bench/arima_side_by_side.py            # full grid (a few minutes)
  python3 scripts/bench/arima_side_by_side.py --quick    # smoke run
  python3 scripts/bench/arima_side_by_side.py --json out.json
  python3 scripts/bench/arima_side_by_side.py --check    # verify the re-scorer (see below)

lagrs is timed through its Rust example binary `arima_bench`, built here with
`cargo build --release -p lagrs-core --example arima_bench` (skip with --no-build);
set LAGRS_ARIMA_BENCH=/path/to/arima_bench to use another binary.  If it cannot be
built or run, lagrs is reported as "not built" and the rest still runs.

Log-likelihood comparison: statsforecast's self-reported loglik is not R's for
integrated models (it differs even at identical parameters), and statsmodels'
ARIMA().fit() uses an approximate diffuse prior.  So the parameters found by
statsmodels and statsforecast are re-evaluated with one common likelihood, R's
stats::arima definition, exactly as the golden fixtures define it: the model is built
by testdata/arima/make_arima_fixtures.py's `_make_model` (SARIMAX with
use_exact_diffuse=True, concentrate_scale=True, enforce_stationarity=True,
enforce_invertibility=True: stationary initialisation of the ARMA states, exact
diffuse initialisation of the d + D*s unit-root states only) and scored by its
`_r_loglik` (sum(llf_obs[nobs_diffuse:])).  Do NOT re-score with
enforce_stationarity=False: that makes the ARMA states diffuse too and leaves out
further observations, so the re-scored loglik of the other libraries comes out higher
than R's and lagrs wrongly looks lower.  lagrs' loglik is taken as reported by
arima_bench (it implements R's definition).

Checks of the re-scorer:
  * every run asserts at startup that re-scoring two golden fixture cases'
    coefficients reproduces the fixture logliks to 1e-6;
  * `--check` additionally builds a tiny throw-away Rust program (in a temp dir,
    path dependency on rust/, target dir $CARGO_TARGET_DIR or target/cargo) that
    prints lagrs' fitted coefficients and loglik, fits a few series of every model
    in the grid with lagrs and asserts that re-scoring lagrs' own coefficients
    reproduces lagrs' reported loglik to 1e-6 (relative to max(1, |loglik|)).
      python3 scripts/bench/arima_side_by_side.py --check   # ~1 minute incl. build
"""
from __future__ import annotations

import os

# Single-threaded everything; must happen before numpy / numba are imported.
for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
           "NUMBA_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS",
           "RAYON_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import scipy.signal  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
# cargo honours CARGO_TARGET_DIR over .cargo/config.toml's target-dir (target/cargo)
CARGO_TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or REPO_ROOT / "target" / "cargo")
if not CARGO_TARGET.is_absolute():
    CARGO_TARGET = REPO_ROOT / CARGO_TARGET
DEFAULT_BENCH = CARGO_TARGET / "release" / "examples" / "arima_bench"
FIXTURES = REPO_ROOT / "testdata" / "arima" / "cases.json"
CHECK_TOL = 1e-6  # re-scorer vs reported loglik, relative to max(1, |loglik|)

# R's likelihood exactly as the golden fixtures define it (model construction and scoring).
sys.path.insert(0, str(REPO_ROOT / "testdata" / "arima"))
from make_arima_fixtures import _make_model, _r_loglik  # noqa: E402
LOWER_TOL = 1e-4  # "lagrs lower by more than this" counts as worse

# name, order, seasonal (P, D, Q, s), true params for simulation
MODELS = [
    ("(1,1,1)", (1, 1, 1), (0, 0, 0, 0), dict(ar=[0.6], ma=[0.4])),
    ("(2,1,2)", (2, 1, 2), (0, 0, 0, 0), dict(ar=[1.3, -0.6], ma=[0.5, 0.3])),
    ("(0,1,1)(0,1,1)12", (0, 1, 1), (0, 1, 1, 12), dict(ma=[-0.4], sma=[-0.6])),
    ("(2,0,1)(1,1,1)12", (2, 0, 1), (1, 1, 1, 12),
     dict(ar=[1.1, -0.5], ma=[0.5], sar=[0.3], sma=[-0.6])),
]
FULL_COUNTS = {100: 80, 500: 30, 2000: 10}
QUICK_COUNTS = {100: 3}
QUICK_MODELS = ("(1,1,1)", "(0,1,1)(0,1,1)12")


# --------------------------------------------------------------------------------------
def simulate(seed, n, order, seasonal, ar=(), ma=(), sar=(), sma=(), sigma=1.0, burn=300):
    """Seeded SARIMA simulation (R sign conventions: AR 1 - ar1 L, MA 1 + ma1 L)."""
    p, d, q = order
    P, D, Q, s = seasonal
    phi = np.r_[1.0, -np.asarray(ar, float)]
    theta = np.r_[1.0, np.asarray(ma, float)]
    if s > 0:
        sphi = np.zeros(P * s + 1); sphi[0] = 1.0
        for i, c in enumerate(sar):
            sphi[(i + 1) * s] = -c
        stheta = np.zeros(Q * s + 1); stheta[0] = 1.0
        for i, c in enumerate(sma):
            stheta[(i + 1) * s] = c
        phi = np.convolve(phi, sphi)
        theta = np.convolve(theta, stheta)
    rng = np.random.default_rng(seed)
    x = scipy.signal.lfilter(theta, phi, rng.standard_normal(n + burn) * sigma)[burn:]
    for _ in range(D):
        x = x.copy()
        for t in range(s, n):
            x[t] += x[t - s]
    for _ in range(d):
        x = np.cumsum(x)
    return np.round(x, 8)


# --------------------------------------------------------------------------------------
class RLoglik:
    """R's stats::arima log-likelihood at given ARMA params (sigma2 concentrated).

    Same model and score as the golden fixtures (make_arima_fixtures._make_model /
    _r_loglik); params are constrained values in R order ar, ma, sar, sma.  Returns
    NaN for params outside the stationary / invertible region (statsmodels cannot
    initialise the ARMA states there; R's arima would refuse them too)."""

    def __init__(self, order, seasonal):
        self.order, self.seasonal = tuple(order), tuple(seasonal)

    def __call__(self, y, params):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mod = _make_model(np.asarray(y, float), self.order, self.seasonal, None)
            try:
                res = mod.filter(np.asarray(params, float))
            except Exception:  # e.g. non-stationary AR estimate
                return float("nan")
        return _r_loglik(res)


def check_fixture_rescore():
    """Startup assert: re-scoring a golden fixture's coefficients gives its loglik."""
    cases = json.loads(FIXTURES.read_text())["cases"]
    by_name = {c["name"]: c for c in cases}
    for name in ("sim_sarima_201_111_12", "sim_arima212"):
        c = by_name[name]
        co = c["coef"]
        params = co["ar"] + co["ma"] + co["sar"] + co["sma"]
        ll = RLoglik(c["order"], c["seasonal"])(c["y"], params)
        assert abs(ll - c["loglik"]) <= CHECK_TOL * max(1.0, abs(c["loglik"])), (
            f"re-scorer disagrees with fixture {name}: {ll!r} vs {c['loglik']!r}")
    print("# re-scorer check: golden fixtures sim_sarima_201_111_12, sim_arima212 "
          f"reproduced to {CHECK_TOL:g}", file=sys.stderr, flush=True)


def run_statsmodels(series, order, seasonal, rll):
    from statsmodels.tsa.arima.model import ARIMA
    P, D, Q, s = seasonal
    so = seasonal if s > 0 else (0, 0, 0, 0)
    with warnings.catch_warnings():  # warm-up (first-call overhead), not timed
        warnings.simplefilter("ignore")
        ARIMA(series[0], order=order, seasonal_order=so, trend="n").fit()
    times, lls, failed = [], [], 0
    for y in series:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            try:
                res = ARIMA(y, order=order, seasonal_order=so, trend="n").fit()
            except Exception:
                res = None
            times.append(time.perf_counter() - t0)
        if res is None:
            failed += 1; lls.append(float("nan")); continue
        arma = np.asarray(res.params, float)[:-1]  # drop sigma2 (last)
        lls.append(rll(y, arma))
    return times, lls, failed


def _sf_model(order, seasonal, method):
    from statsforecast.models import ARIMA as SFARIMA
    P, D, Q, s = seasonal
    return SFARIMA(order=order, season_length=max(s, 1), seasonal_order=(P, D, Q),
                   include_mean=False, include_drift=False, method=method)


def run_statsforecast(series, order, seasonal, rll, method):
    p, d, q = order
    P, D, Q, s = seasonal
    names = ([f"ar{i}" for i in range(1, p + 1)] + [f"ma{i}" for i in range(1, q + 1)] +
             [f"sar{i}" for i in range(1, P + 1)] + [f"sma{i}" for i in range(1, Q + 1)])
    # warm up numba JIT for this model specification (not timed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for y in series[:2]:
            try:
                _sf_model(order, seasonal, method).fit(y)
            except Exception:
                pass
    times, lls, failed = [], [], 0
    for y in series:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = _sf_model(order, seasonal, method)
            t0 = time.perf_counter()
            try:
                m.fit(y)
                ok = True
            except Exception:
                ok = False
            times.append(time.perf_counter() - t0)
        if not ok:
            failed += 1; lls.append(float("nan")); continue
        coef = m.model_["coef"]
        lls.append(rll(y, [coef[k] for k in names]))
    return times, lls, failed


# --------------------------------------------------------------------------------------
def locate_lagrs(build: bool):
    """Return (path or None, status message)."""
    env = os.environ.get("LAGRS_ARIMA_BENCH")
    if env:
        p = Path(env)
        return (p, "LAGRS_ARIMA_BENCH") if p.is_file() else (None, f"not built ({env} missing)")
    if build:
        cmd = ["cargo", "build", "--release", "-p", "lagrs-core", "--example", "arima_bench"]
        print(f"# building lagrs: {' '.join(cmd)}", file=sys.stderr, flush=True)
        try:
            r = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=1800)
        except (OSError, subprocess.TimeoutExpired) as e:
            return None, f"not built (cargo: {e})"
        if r.returncode != 0:
            tail = "\n".join(r.stderr.strip().splitlines()[-5:])
            print(f"# cargo build failed:\n{tail}", file=sys.stderr)
            return None, "not built (cargo build failed)"
    if DEFAULT_BENCH.is_file():
        return DEFAULT_BENCH, "built"
    return None, "not built"


def run_lagrs(binary, series, order, seasonal):
    P, D, Q, s = seasonal
    payload = {"order": list(order), "seasonal": [P, D, Q, s], "include_mean": False,
               "include_drift": False, "series": [[float(v) for v in y] for y in series]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(payload, f)
        path = f.name
    try:
        r = subprocess.run([str(binary), path], capture_output=True, text=True, timeout=3600,
                           env=dict(os.environ, RAYON_NUM_THREADS="1"))
    finally:
        os.unlink(path)
    if r.returncode != 0:
        raise RuntimeError(f"arima_bench exit {r.returncode}: {r.stderr.strip()[-300:]}")
    out = None
    for line in reversed(r.stdout.strip().splitlines()):  # last JSON line
        line = line.strip()
        if line.startswith("{"):
            out = json.loads(line)
            break
    if out is None:
        raise RuntimeError(f"arima_bench printed no JSON: {r.stdout[-300:]}")
    lls = [float("nan") if v is None else float(v) for v in out.get("loglik", [])]
    if len(lls) != len(series):
        raise RuntimeError(f"arima_bench returned {len(lls)} logliks for {len(series)} series")
    return float(out["seconds_per_series"]), lls, int(out.get("failed", 0))


# --------------------------------------------------------------------------------------
# --check: re-score lagrs' own coefficients.  arima_bench prints only logliks, so a
# throw-away program (never written into the repo) prints the coefficients too.
_PARAMS_MAIN_RS = r"""
use lagrs_core::arima::{fit, ArimaSpec};
use std::io::Read;
// stdin: line 1 = "p d q P D Q s"; then one series per line (whitespace separated).
// stdout: per series "ok <loglik> <coef...>" (R order ar, ma, sar, sma) or "err <msg>".
fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let mut lines = text.lines();
    let o: Vec<usize> = lines.next().unwrap().split_whitespace().map(|v| v.parse().unwrap()).collect();
    let spec = ArimaSpec { p: o[0], d: o[1], q: o[2], seasonal_p: o[3], seasonal_d: o[4],
        seasonal_q: o[5], period: o[6], include_mean: false, include_drift: false };
    for line in lines {
        let y: Vec<f64> = line.split_whitespace().map(|v| v.parse().unwrap()).collect();
        match fit(&spec, &y) {
            Ok(f) => {
                let c: Vec<String> = f.coefficients().iter().map(|v| format!("{v:?}")).collect();
                println!("ok {:?} {}", f.log_likelihood(), c.join(" "));
            }
            Err(e) => println!("err {e:?}"),
        }
    }
}
"""


def build_params_printer():
    with tempfile.TemporaryDirectory(prefix="lagrs-arima-params-") as d:
        return _build_params_printer(Path(d))


def _build_params_printer(tmp):
    (tmp / "src").mkdir()
    (tmp / "src" / "main.rs").write_text(_PARAMS_MAIN_RS)
    (tmp / "Cargo.toml").write_text(
        '[package]\nname = "lagrs-arima-params"\nversion = "0.0.0"\nedition = "2021"\n\n'
        '[workspace]\n\n[dependencies]\nlagrs-core = { path = ' +
        json.dumps(str(REPO_ROOT / "rust")) + ' }\n\n[profile.release]\nopt-level = 3\n')
    if (REPO_ROOT / "Cargo.lock").is_file():  # same dependency versions as the workspace
        (tmp / "Cargo.lock").write_text((REPO_ROOT / "Cargo.lock").read_text())
    cmd = ["cargo", "build", "--release", "--quiet"]
    print("# --check: building a throw-away coefficient printer", file=sys.stderr, flush=True)
    r = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=1800,
                       env=dict(os.environ, CARGO_TARGET_DIR=str(CARGO_TARGET)))
    if r.returncode != 0:
        raise SystemExit(f"--check: cargo build failed:\n{r.stderr[-2000:]}")
    return CARGO_TARGET / "release" / "lagrs-arima-params"


def lagrs_fit_params(exe, series, order, seasonal):
    text = " ".join(map(str, list(order) + list(seasonal))) + "\n" + "".join(
        " ".join(repr(float(v)) for v in y) + "\n" for y in series)
    r = subprocess.run([str(exe)], input=text, capture_output=True, text=True, timeout=600,
                       env=dict(os.environ, RAYON_NUM_THREADS="1"), check=True)
    out = []
    for line in r.stdout.splitlines():
        f = line.split()
        out.append(None if f[0] != "ok" else (float(f[1]), [float(v) for v in f[2:]]))
    return out


def run_check(seed, per_model=3):
    exe = build_params_printer()
    worst = 0.0
    for mi, (label, order, seasonal, truth) in enumerate(MODELS):
        rll = RLoglik(order, seasonal)
        for n in (100, 500):
            series = [simulate(seed + 100000 * mi + 1000 * n + i, n, order, seasonal, **truth)
                      for i in range(per_model)]
            for i, (y, fitted) in enumerate(zip(series, lagrs_fit_params(exe, series, order,
                                                                         seasonal))):
                if fitted is None:
                    print(f"  {label} n={n} #{i}: lagrs fit failed", file=sys.stderr)
                    continue
                ll_lagrs, coef = fitted
                ll_re = rll(y, coef)
                err = abs(ll_re - ll_lagrs) / max(1.0, abs(ll_lagrs))
                worst = max(worst, err) if np.isfinite(err) else float("inf")
                print(f"  {label:18s} n={n:4d} #{i}: lagrs {ll_lagrs:.8f}  re-scored "
                      f"{ll_re:.8f}  rel.diff {err:.1e}", file=sys.stderr)
    ok = worst <= CHECK_TOL
    print(f"# --check: worst |re-scored - lagrs| / max(1, |ll|) = {worst:.1e} "
          f"({'OK' if ok else 'FAIL'}, tolerance {CHECK_TOL:g})", file=sys.stderr)
    if not ok:
        raise SystemExit(1)


# --------------------------------------------------------------------------------------
def compare(ll_lagrs, ll_other):
    a, b = np.asarray(ll_lagrs, float), np.asarray(ll_other, float)
    ok = np.isfinite(a) & np.isfinite(b)
    if not ok.any():
        return None, None
    diff = a[ok] - b[ok]
    return float(np.mean(diff)), int(np.sum(diff < -LOWER_TOL))


def fmt_t(x):
    if x is None or not np.isfinite(x):
        return "-"
    return f"{x * 1e3:.2f} ms" if x < 1 else f"{x:.2f} s"


def fmt(x, spec):
    return "-" if x is None or (isinstance(x, float) and not np.isfinite(x)) else format(x, spec)


def main(argv=None):
    ap = argparse.ArgumentParser(description="ARIMA fit speed/likelihood: statsmodels vs "
                                             "statsforecast vs lagrs")
    ap.add_argument("--quick", action="store_true", help="tiny smoke run")
    ap.add_argument("--json", metavar="FILE", help="also write results as JSON")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build")
    ap.add_argument("--sf-method", default="CSS-ML", choices=["CSS-ML", "ML"],
                    help="statsforecast method (default CSS-ML: CSS start values, then exact "
                         "ML; 'ML' alone returns its zero start values for seasonal models in "
                         "statsforecast 2.1)")
    ap.add_argument("--scale", type=float, default=1.0,
                    help="multiply the number of series per cell")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--check", action="store_true",
                    help="only verify the re-scorer against lagrs' own coefficients "
                         "(builds a small Rust program; no timing) and exit")
    args = ap.parse_args(argv)

    check_fixture_rescore()
    if args.check:
        run_check(args.seed)
        return

    import statsforecast
    import statsmodels

    counts = QUICK_COUNTS if args.quick else FULL_COUNTS
    models = [m for m in MODELS if not args.quick or m[0] in QUICK_MODELS]
    binary, status = locate_lagrs(build=not args.no_build)
    print(f"# lagrs: {status}{f' ({binary})' if binary else ''}", file=sys.stderr, flush=True)

    rows = []
    t_start = time.perf_counter()
    for mi, (label, order, seasonal, truth) in enumerate(models):
        rll = RLoglik(order, seasonal)
        for n, cnt in counts.items():
            cnt = max(1, int(round(cnt * args.scale)))
            series = [simulate(args.seed + 100000 * mi + 1000 * n + i, n, order, seasonal, **truth)
                      for i in range(cnt)]
            print(f"# {label} n={n} x{cnt}", file=sys.stderr, flush=True)
            sm_t, sm_ll, sm_fail = run_statsmodels(series, order, seasonal, rll)
            sf_t, sf_ll, sf_fail = run_statsforecast(series, order, seasonal, rll, args.sf_method)
            row = {"model": label, "n": n, "series": cnt,
                   "statsmodels_s": float(np.mean(sm_t)), "statsforecast_s": float(np.mean(sf_t)),
                   "statsmodels_failed": sm_fail, "statsforecast_failed": sf_fail,
                   "lagrs_s": None, "lagrs_failed": None, "lagrs_status": status,
                   "statsmodels_loglik": sm_ll, "statsforecast_loglik": sf_ll, "lagrs_loglik": None}
            if binary is not None:
                try:
                    lg_s, lg_ll, lg_fail = run_lagrs(binary, series, order, seasonal)
                    row.update(lagrs_s=lg_s, lagrs_failed=lg_fail, lagrs_loglik=lg_ll,
                               lagrs_status="ok")
                    row["dll_sm_mean"], row["lower_sm"] = compare(lg_ll, sm_ll)
                    row["dll_sf_mean"], row["lower_sf"] = compare(lg_ll, sf_ll)
                except Exception as e:  # keep going: report it
                    row["lagrs_status"] = f"error: {e}"
                    print(f"# lagrs error: {e}", file=sys.stderr, flush=True)
            row["dll_sf_vs_sm_mean"], row["lower_sf_vs_sm"] = compare(sf_ll, sm_ll)
            rows.append(row)
    elapsed = time.perf_counter() - t_start

    # ----------------------------------------------------------------------------- report
    print(f"## ARIMA fit: statsmodels {statsmodels.__version__} vs statsforecast "
          f"{statsforecast.__version__} ({args.sf_method}) vs lagrs\n")
    print(f"Single-threaded, {platform.machine()}, Python {platform.python_version()}; "
          f"lagrs: {status}. Time = mean wall time per series fit. "
          f"Δll = mean(lagrs loglik − other loglik) under R's likelihood; "
          f"'lower' = series where lagrs is lower by > {LOWER_TOL:g}.\n")
    print("| model | n | series | statsmodels | statsforecast | lagrs | sm/lagrs | sf/lagrs "
          "| Δll vs sm | lower vs sm | Δll vs sf | lower vs sf | fails sm/sf/lagrs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        lg = r["lagrs_s"]
        ratio_sm = r["statsmodels_s"] / lg if lg else None
        ratio_sf = r["statsforecast_s"] / lg if lg else None
        lg_cell = fmt_t(lg) if lg is not None else (
            "not built" if r["lagrs_status"].startswith("not built") else "error")
        print(f"| {r['model']} | {r['n']} | {r['series']} | {fmt_t(r['statsmodels_s'])} | "
              f"{fmt_t(r['statsforecast_s'])} | {lg_cell} | {fmt(ratio_sm, '.1f')}"
              f"{'×' if ratio_sm else ''} | {fmt(ratio_sf, '.1f')}{'×' if ratio_sf else ''} | "
              f"{fmt(r.get('dll_sm_mean'), '+.2e')} | {fmt(r.get('lower_sm'), 'd')} | "
              f"{fmt(r.get('dll_sf_mean'), '+.2e')} | {fmt(r.get('lower_sf'), 'd')} | "
              f"{r['statsmodels_failed']}/{r['statsforecast_failed']}/"
              f"{'-' if r['lagrs_failed'] is None else r['lagrs_failed']} |")
    print()
    print("statsforecast vs statsmodels (same likelihood): " + "; ".join(
        f"{r['model']} n={r['n']}: Δll {fmt(r['dll_sf_vs_sm_mean'], '+.2e')}, "
        f"sf lower in {fmt(r['lower_sf_vs_sm'], 'd')}" for r in rows))
    print(f"\n_total benchmark time {elapsed:.0f} s_")

    if args.json:
        meta = {"statsmodels": statsmodels.__version__, "statsforecast": statsforecast.__version__,
                "numpy": np.__version__, "python": platform.python_version(),
                "machine": platform.machine(), "sf_method": args.sf_method,
                "lagrs_binary": str(binary) if binary else None, "lagrs_status": status,
                "seed": args.seed, "quick": args.quick, "elapsed_s": elapsed}

        def clean(v):
            if isinstance(v, float) and not math.isfinite(v):
                return None
            if isinstance(v, list):
                return [clean(x) for x in v]
            return v
        Path(args.json).write_text(json.dumps(
            {"meta": meta, "rows": [{k: clean(v) for k, v in r.items()} for r in rows]},
            indent=1) + "\n")


if __name__ == "__main__":
    main()
