# Seasonal series with missing values, and what forecast 8.20 does with them:
# na.interp (its seasonal branch: a Fourier + polynomial regression, then a robust
# mstl), the seasonal strength nsdiffs(test = "seas") computes on them, and a
# default auto.arima run. Also stl(..., robust = FALSE / TRUE) on the complete
# series, the decompositions na.interp and mstl are built on.
# Writes missing_values.json beside this script (the series/runs part in the format
# of auto_arima.json). Run from this directory: Rscript make_missing_values_fixtures.R

suppressPackageStartupMessages({
  library(forecast)
  library(urca)
})
source("json.R")
source("series.R")
source("auto_arima_run.R")

# Which values go missing: a few scattered ones, a run of half a period, and
# (every third series) the first and last values. Seeded per series.
with_gaps <- function(x, m, seed, ends) {
  set.seed(seed)
  n <- length(x)
  gone <- sample(seq_len(n), max(2, round(0.04 * n)))
  start <- sample(seq_len(n - m), 1)
  gone <- c(gone, start + seq_len(max(1, m %/% 2)) - 1)
  if (ends) gone <- c(gone, 1, 2, n)
  x[unique(gone)] <- NA
  x
}

decomposition <- function(x, m, robust) {
  fit <- stl(ts(x, frequency = m), s.window = 11, robust = robust)
  list(seasonal = arr(as.numeric(fit$time.series[, "seasonal"])),
       trend = arr(as.numeric(fit$time.series[, "trend"])))
}

# Seasonal series of series.R that are complete and long enough for na.interp's
# seasonal branch (more than two periods observed after the gaps).
chosen <- Filter(function(s) s$m %in% c(4, 12) && !anyNA(s$x) && length(s$x) > 3 * s$m &&
                   !is.constant(s$x) && s$source != "special", build_series())
chosen <- chosen[seq(1, length(chosen), length.out = min(45, length(chosen)))]

# R's robust stl takes the median of the absolute residuals with a partial sort
# whose two order-statistic indices are passed in descending order when the length
# is even; it then need not return the median. Each even-length series is therefore
# also recorded without its first value (name suffix "_odd", no auto.arima run), so
# that the robust decompositions can be compared where R's median is exact.
record <- function(name, s, complete, gappy, with_run) {
  xt <- ts(gappy, frequency = s$m)
  rec <- list(name = name, source = s$source, m = s$m, x = arr(gappy),
              h = s$h, test = arr(s$test), complete = arr(complete))
  rec$stl <- decomposition(complete, s$m, robust = FALSE)
  rec$stl_robust <- decomposition(complete, s$m, robust = TRUE)
  rec$na_interp <- arr(as.numeric(na.interp(xt)))
  rec$seasonal_strength <- forecast:::seas.heuristic(xt)
  rec$nsdiffs_seas <- nsdiffs(xt, test = "seas", max.D = 1)
  s$x <- gappy
  rec$runs <- if (with_run) list(run_one(s, "default", list())) else list()
  rec
}

out <- list()
for (i in seq_along(chosen)) {
  s <- chosen[[i]]
  gappy <- with_gaps(s$x, s$m, 1000 + i, ends = i %% 3 == 0)
  out[[length(out) + 1]] <- record(paste0(s$name, "_gaps"), s, s$x, gappy, TRUE)
  if (length(s$x) %% 2 == 0) {
    out[[length(out) + 1]] <- record(paste0(s$name, "_gaps_odd"), s, s$x[-1], gappy[-1], FALSE)
  }
}

write_json_file(list(
  generator = "make_missing_values_fixtures.R",
  r_version = R.version.string,
  forecast_version = as.character(packageVersion("forecast")),
  series = out
), "missing_values.json")
cat("wrote missing_values.json:", length(out), "series\n")
