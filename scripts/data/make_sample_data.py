"""Writes the sample data bundled in the jar (what `forecast` and `features` run on without --input).

A retail-like catalogue of monthly unit sales, long format `series,time,value`, time as `yyyy-MM`:
- 12 stores x 24 products = 288 regular series, 2017-01 to 2024-12 (96 months): a level, a
  trend, yearly seasonality (winter, summer or December peaks by category), promotions (an
  uplift in the promoted month, a dip the month after) and multiplicative noise; a tenth of
  the products are slow movers with intermittent zeros (Poisson demand);
- a few awkward ones, as real catalogues have: new products with 6 to 18 months of history,
  a product with constant sales (a fixed contract), a product whose early months are missing
  from the file (gaps in time), one with a stretch of empty values, one with no sales recorded
  at all (every value missing) and one with a single month;
- intermittent spare parts (zero in most months): zero-heavy SKUs with small, steady orders
  and lumpy SKUs with rare, large and varying orders, drawn from a generator of their own
  so the series above do not change;
- two classic public-domain series from R's datasets package: AirPassengers (1949-1960) and
  USAccDeaths (1973-1978).
Deterministic (seeded), standard library only. Run from the repository root:
    python3 scripts/data/make_sample_data.py
"""
import math
import random

OUT = "src/main/resources/io/lagrs/sample/sales.csv"
START_YEAR = 2017
MONTHS = 96
STORES = 12
PRODUCTS = 24

# Box & Jenkins airline passengers (thousands), monthly 1949-1960: R datasets::AirPassengers.
AIR_PASSENGERS = [
    112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133,
    114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242,
    209, 191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264,
    302, 293, 259, 229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313,
    318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318,
    362, 348, 363, 435, 491, 505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
    417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432]
# Accidental deaths in the USA, monthly 1973-1978: R datasets::USAccDeaths.
US_ACC_DEATHS = [
    9007, 8106, 8928, 9137, 10017, 10826, 11317, 10744, 9713, 9938, 9161, 8927, 7750, 6981, 8038, 8422, 8714, 9512,
    10120, 9823, 8743, 9129, 8710, 8680, 8162, 7306, 8124, 7870, 9387, 9556, 10093, 9620, 8285, 8466, 8160, 8034,
    7717, 7461, 7767, 7925, 8623, 8945, 10078, 9179, 8037, 8488, 7874, 8647, 7792, 6957, 7726, 8106, 8890, 9299,
    10625, 9302, 8314, 8850, 8265, 8796, 7836, 6892, 7791, 8192, 9115, 9434, 10484, 9827, 9110, 9070, 8633, 9240]

# Seasonal shape by category: relative demand per calendar month (January first).
SHAPES = {
    "winter": [1.30, 1.20, 1.05, 0.90, 0.80, 0.72, 0.70, 0.75, 0.90, 1.05, 1.20, 1.43],
    "summer": [0.70, 0.75, 0.90, 1.05, 1.20, 1.35, 1.40, 1.30, 1.05, 0.85, 0.72, 0.73],
    "holiday": [0.80, 0.78, 0.88, 0.90, 0.95, 0.92, 0.90, 0.95, 0.98, 1.05, 1.32, 1.57],
    "flat": [1.0] * 12,
}
CATEGORIES = ["winter", "summer", "holiday", "flat"]


def month(year: int, m: int) -> str:
    """Month m (0-based, may exceed 11) after January of year, as yyyy-MM."""
    return f"{year + m // 12:04d}-{m % 12 + 1:02d}"


def poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method: fine for the small rates of slow movers
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def regular_series(rng: random.Random, slow: bool) -> list:
    category = rng.choice(CATEGORIES)
    shape = SHAPES[category]
    strength = rng.uniform(0.4, 1.0)
    level = rng.uniform(0.5, 6.0) if slow else math.exp(rng.uniform(math.log(40), math.log(900)))
    growth = rng.uniform(-0.006, 0.012)  # per month, multiplicative
    noise = rng.uniform(0.05, 0.15)
    promos = set(rng.sample(range(6, MONTHS), rng.randint(0, 5)))
    values = []
    for t in range(MONTHS):
        seasonal = 1 + strength * (shape[t % 12] - 1)
        mean = level * (1 + growth) ** t * seasonal
        if t in promos:
            mean *= rng.uniform(1.3, 1.9)
        elif t - 1 in promos:
            mean *= rng.uniform(0.75, 0.9)  # customers stocked up during the promotion
        if slow:
            values.append(float(poisson(rng, mean)))
        else:
            values.append(round(max(mean * math.exp(rng.gauss(0, noise)), 0.0)))
    return values


def intermittent_series(rng: random.Random, lumpy: bool) -> list:
    # Demand in about one month of four (zero-heavy) or one of five (lumpy); sizes of 1 to 3
    # units, or lognormal orders of widely varying size.
    p = 0.2 if lumpy else 0.25
    values = []
    for _ in range(MONTHS):
        if rng.random() >= p:
            values.append(0.0)
        elif lumpy:
            values.append(float(max(1, round(math.exp(rng.gauss(2.5, 1.1))))))
        else:
            values.append(float(rng.randint(1, 3)))
    return values


def main() -> None:
    rng = random.Random(20261124)
    rows = []
    for s in range(STORES):
        for p in range(PRODUCTS):
            name = f"store{s + 1:02d}/sku{p + 1:03d}"
            slow = (s * PRODUCTS + p) % 10 == 7
            for t, v in enumerate(regular_series(rng, slow)):
                rows.append((name, month(START_YEAR, t), f"{v:g}"))
    # new products: short histories ending in 2024-12
    for k, length in enumerate([6, 9, 12, 18]):
        values = regular_series(rng, False)[-length:]
        for t, v in enumerate(values):
            rows.append((f"new/sku{k + 1:03d}", month(START_YEAR, MONTHS - length + t), f"{v:g}"))
    for t in range(MONTHS):
        rows.append(("contract/fixed-40", month(START_YEAR, t), "40"))
    # months 10..21 never made it into the extract: gaps in time
    for t, v in enumerate(regular_series(rng, False)):
        if not 10 <= t < 22:
            rows.append(("store03/sku901-gaps", month(START_YEAR, t), f"{v:g}"))
    # a stretch of empty values (a till outage)
    for t, v in enumerate(regular_series(rng, False)):
        rows.append(("store07/sku902-outage", month(START_YEAR, t), "" if 40 <= t < 46 else f"{v:g}"))
    for t in range(24):
        rows.append(("store05/sku903-never-recorded", month(START_YEAR + 6, t), "NA"))
    rows.append(("store09/sku904-one-month", month(START_YEAR + 7, 11), "17"))
    spares = random.Random(20261207)
    for k in range(6):
        for t, v in enumerate(intermittent_series(spares, lumpy=k >= 3)):
            kind = "lumpy" if k >= 3 else "zero-heavy"
            rows.append((f"spares/part{k + 1:02d}-{kind}", month(START_YEAR, t), f"{v:g}"))
    for t, v in enumerate(AIR_PASSENGERS):
        rows.append(("AirPassengers", month(1949, t), str(v)))
    for t, v in enumerate(US_ACC_DEATHS):
        rows.append(("USAccDeaths", month(1973, t), str(v)))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("series,time,value\n")
        for row in rows:
            f.write(",".join(row) + "\n")
    names = {r[0] for r in rows}
    print(f"wrote {OUT}: {len(names)} series, {len(rows)} rows")


if __name__ == "__main__":
    main()
