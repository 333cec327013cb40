"""Writes the inputs of the command-line benchmarks in docs/BENCHMARKS.md (not committed: large).

    python3 scripts/bench/make_cli_inputs.py catalogue OUT.csv   # 10,000 monthly series x 120 months
    python3 scripts/bench/make_cli_inputs.py rows10m OUT.csv     # 100,000 monthly series x 100 months = 10,000,000 rows

Long format `series,time,value`, time as yyyy-MM; each series has a level, a trend, yearly
seasonality and noise. Deterministic (seeded), standard library only.
"""
import math
import random
import sys


def write(path: str, series: int, months: int) -> None:
    rng = random.Random(20261124)
    labels = [f"{2010 + t // 12:04d}-{t % 12 + 1:02d}" for t in range(months)]
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as f:
        f.write("series,time,value\n")
        for s in range(series):
            name = f"s{s:06d}"
            level = rng.uniform(50, 500)
            trend = rng.uniform(-0.2, 0.8)
            amplitude = rng.uniform(0.05, 0.3) * level
            phase = rng.uniform(0, 2 * math.pi)
            sd = 0.05 * level
            lines = []
            for t in range(months):
                v = level + trend * t + amplitude * math.sin(2 * math.pi * t / 12 + phase) + rng.gauss(0, sd)
                lines.append(f"{name},{labels[t]},{v:.2f}\n")
            f.write("".join(lines))
    print(f"wrote {path}: {series} series x {months} months = {series * months} rows")


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("catalogue", "rows10m"):
        sys.exit(__doc__)
    if sys.argv[1] == "catalogue":
        write(sys.argv[2], 10_000, 120)
    else:
        write(sys.argv[2], 100_000, 100)


if __name__ == "__main__":
    main()
