"""Writes the sample data bundled in the jar: monthly unit sales of 24 store-SKU series.

Long format `series,time,value` (time = month index starting at 1), 96 months each: a level,
a trend, yearly seasonality and AR(1) noise, deterministic (seeded), standard library only.
Run from the repository root: python3 scripts/data/make_sample_data.py
"""
import math
import random

OUT = "src/main/resources/io/lagrs/sample/sales.csv"
SERIES = 24
MONTHS = 96


def main() -> None:
    rng = random.Random(20261124)
    lines = ["series,time,value"]
    for s in range(SERIES):
        name = f"store{s // 6 + 1:02d}-sku{s % 6 + 1:03d}"
        level = rng.uniform(80, 400)
        trend = rng.uniform(-0.3, 1.2)
        amplitude = rng.uniform(0.05, 0.3) * level
        phase = rng.uniform(0, 2 * math.pi)
        phi = rng.uniform(0.2, 0.7)
        noise_sd = rng.uniform(0.03, 0.08) * level
        e = 0.0
        for t in range(1, MONTHS + 1):
            e = phi * e + rng.gauss(0, noise_sd)
            value = level + trend * t + amplitude * math.sin(2 * math.pi * t / 12 + phase) + e
            lines.append(f"{name},{t},{max(value, 0.0):.2f}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {SERIES} series x {MONTHS} months")


if __name__ == "__main__":
    main()
