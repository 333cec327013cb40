"""Seeded simulated sales driven by promotions, prices and holidays, for
scripts/bench/xreg_side_by_side.py (importable; `python3 xreg_sales.py` prints a summary).

Every series is `level + seasonality + effects of the regressors + ARIMA errors`, built from
numpy's PCG64 generator seeded with (seed, kind, index), so a series does not depend on how
many others are drawn. Regressors are known over the test period too (planned promotions,
list prices, the calendar): the forecasts use their true future values.

weekly (156 weeks of training, 13 held out): a yearly pattern (period 52.18) of three
  harmonics with random amplitudes plus a smaller fourth and fifth one that the models'
  three Fourier pairs do not cover; `promo`, promotion weeks (runs of 1-3 weeks, about 15%
  of weeks) lifting sales 15-40% of the level; `price`, a list price that changes a few
  times a year and drops 10-25% in promotion weeks, with elasticity -0.5 to -2 around the
  level; errors AR(1) (phi 0.2-0.8) or, for a third of the series, ARIMA(0,1,1) (theta
  -0.3 to -0.8), sd 3-8% of the level.
daily (730 days of training, 28 held out): a weekly pattern (period 7, harmonics 1-3) and
  a yearly one (365.25, harmonics 1-4, plus an unmodelled fifth); `promo`, promotion days
  (runs of 3-7 days, about 10% of days) lifting sales 20-50%; `holiday`, eight fixed days of
  each year (day of year 1, 46, 100, 121, 185, 245, 330, 359) lowering sales 30-60%, the
  last 28 days containing day 359 of the third year; errors as weekly, sd 4-10% of the level.

The models are given the regressors and Fourier terms of the periods with K = 3 (weekly:
52.18:3; daily: 7:3 and 365.25:4), the same columns to every method.
"""
from __future__ import annotations

import math

import numpy as np

WEEKLY = {"n": 156, "h": 13, "fourier": [(52.18, 3)], "names": ["promo", "price"], "lag": 52}
DAILY = {"n": 730, "h": 28, "fourier": [(7.0, 3), (365.25, 4)], "names": ["promo", "holiday"], "lag": 7}
HOLIDAYS = (1, 46, 100, 121, 185, 245, 330, 359)
# The daily series start on this day of the year, so that the 28 test days (days 731-758
# of the series) hold day 359 of the third year (731 + 5 = 736 -> day 359).
DAILY_START_DAY = 354


def _rng(seed, kind, i):
    return np.random.default_rng([seed, {"weekly": 1, "daily": 2}[kind], i])


def _errors(rng, T, sd):
    e = rng.normal(0.0, sd, T + 50)
    if rng.random() < 1 / 3:
        theta = -rng.uniform(0.3, 0.8)
        u = np.cumsum(e[1:] + theta * e[:-1]) * 0.35  # an integrated MA(1), tempered
    else:
        phi = rng.uniform(0.2, 0.8)
        u = np.zeros(T + 49)
        for t in range(1, T + 49):
            u[t] = phi * u[t - 1] + e[t]
    return u[-T:]


def _harmonics(rng, t, period, ks, scale):
    out = np.zeros(len(t))
    for k in ks:
        a, b = rng.normal(0.0, scale / k, 2)
        out += a * np.sin(2 * math.pi * k * t / period) + b * np.cos(2 * math.pi * k * t / period)
    return out


def _runs(rng, T, share, shortest, longest):
    x = np.zeros(T)
    t = int(rng.integers(0, 8))
    mean_len = (shortest + longest) / 2
    while t < T:
        length = int(rng.integers(shortest, longest + 1))
        x[t:t + length] = 1.0
        gap = rng.geometric(share / mean_len)
        t += length + max(gap, 2)
    return x


def weekly(seed, i):
    rng = _rng(seed, "weekly", i)
    T = WEEKLY["n"] + WEEKLY["h"]
    t = np.arange(1, T + 1, dtype=float)
    level = rng.uniform(200, 2000)
    season = _harmonics(rng, t, 52.18, (1, 2, 3), 0.25 * level) + _harmonics(rng, t, 52.18, (4, 5), 0.04 * level)
    promo = _runs(rng, T, 0.15, 1, 3)
    list_price = 10.0 * np.exp(np.cumsum(np.where(rng.random(T) < 0.06, rng.normal(0, 0.06, T), 0.0)))
    price = np.round(list_price * (1 - promo * rng.uniform(0.10, 0.25, T)), 2)
    elasticity = -rng.uniform(0.5, 2.0)
    y = (level + season + rng.uniform(0.15, 0.40) * level * promo
         + elasticity * level * (price / 10.0 - 1) + _errors(rng, T, rng.uniform(0.03, 0.08) * level))
    return _series(f"weekly_{i}", y, {"promo": promo, "price": price}, WEEKLY)


def daily(seed, i):
    rng = _rng(seed, "daily", i)
    T = DAILY["n"] + DAILY["h"]
    t = np.arange(1, T + 1, dtype=float)
    level = rng.uniform(50, 500)
    season = (_harmonics(rng, t, 7.0, (1, 2, 3), 0.2 * level) + _harmonics(rng, t, 365.25, (1, 2, 3, 4), 0.2 * level)
              + _harmonics(rng, t, 365.25, (5,), 0.05 * level))
    promo = _runs(rng, T, 0.10, 3, 7)
    day_of_year = (DAILY_START_DAY - 1 + np.arange(T)) % 365 + 1
    holiday = np.isin(day_of_year, HOLIDAYS).astype(float)
    y = (level + season + rng.uniform(0.2, 0.5) * level * promo - rng.uniform(0.3, 0.6) * level * holiday
         + _errors(rng, T, rng.uniform(0.04, 0.10) * level))
    return _series(f"daily_{i}", y, {"promo": promo, "holiday": holiday}, DAILY)


def _series(sid, y, x, kind):
    n = kind["n"]
    return {"id": sid, "group": sid.split("_")[0], "m": 1, "seasonal": False, "fourier": kind["fourier"],
            "h": kind["h"], "lag": kind["lag"], "names": list(x), "train": [float(v) for v in y[:n]],
            "test": [float(v) for v in y[n:]], "xreg": [[float(v) for v in col] for col in x.values()]}


def fourier_columns(terms, times):
    """R's fourier(): sin/cos(2 pi k t / period), k = 1..K, frequencies shared by two
    periods kept once, sines zero at every integer time left out."""
    seen, cols = set(), []
    for period, K in terms:
        for k in range(1, K + 1):
            if k / period in seen:
                continue
            seen.add(k / period)
            if abs(2 * k / period - round(2 * k / period)) > 1e-15:
                cols.append([math.sin(2 * math.pi * k * t / period) for t in times])
            cols.append([math.cos(2 * math.pi * k * t / period) for t in times])
    return cols


def make(seed, n_weekly, n_daily):
    return [weekly(seed, i) for i in range(n_weekly)] + [daily(seed, i) for i in range(n_daily)]


if __name__ == "__main__":
    for s in make(1, 3, 2):
        print(s["id"], len(s["train"]), len(s["test"]), s["names"], f"mean {np.mean(s['train']):.1f}",
              f"min {min(s['train'] + s['test']):.1f}", f"promo share {np.mean(s['xreg'][0]):.2f}")
