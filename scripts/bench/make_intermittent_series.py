#!/usr/bin/env python3
"""Writes intermittent_series.csv: the simulated intermittent-demand set of
theta_side_by_side.py. Run from the repository root:
    python3 scripts/bench/make_intermittent_series.py

Deterministic (random.Random(20261207), standard library only). 400 series, `id,regime,
length,values` (values space-separated): 100 in each of four Syntetos-Boylan regimes, lengths
drawn uniformly from 36 to 500:
- smooth: demand with probability 0.85, sizes 5 + Poisson(10) (ADI about 1.2, low CV²);
- erratic: probability 0.85, lognormal sizes (mu 2, sigma 1.2; high CV²);
- intermittent: probability 0.3, sizes 1 + Poisson(2) (ADI about 3.3, low CV²);
- lumpy: probability 0.2, lognormal sizes (mu 2, sigma 1.2), rounded up to whole units.
Every series has at least one demand.
"""
import math
import random

OUT = "scripts/bench/intermittent_series.csv"


def poisson(rng, lam):
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


REGIMES = {
    "smooth": (0.85, lambda r: 5 + poisson(r, 10)),
    "erratic": (0.85, lambda r: round(math.exp(r.gauss(2.0, 1.2)), 2)),
    "intermittent": (0.3, lambda r: 1 + poisson(r, 2)),
    "lumpy": (0.2, lambda r: math.ceil(math.exp(r.gauss(2.0, 1.2)))),
}


def main():
    rng = random.Random(20261207)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("id,regime,length,values\n")
        for regime, (p, size) in REGIMES.items():
            for k in range(100):
                n = rng.randint(36, 500)
                values = [float(size(rng)) if rng.random() < p else 0.0 for _ in range(n)]
                if not any(values):
                    values[-1] = 1.0
                f.write(f"{regime}{k:03d},{regime},{n}," + " ".join(f"{v:g}" for v in values) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
