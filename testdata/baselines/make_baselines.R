# Reference values for lagrs' benchmark methods from R's forecast package: naive, snaive,
# meanf and rwf(drift = TRUE), with and without Box-Cox (lambda, biasadj).
# Writes baselines.json beside this script. Run from this directory:
#   Rscript make_baselines.R
# Needs R >= 4.2 with forecast 8.20 (the JSON writer is ../auto_arima/json.R).
# Deterministic (fixed seeds).
#
# Each case is one call of an R function, as the spec text in `spec` means it:
#   naive  -> naive(y, h, level = c(80, 95), lambda, biasadj)
#   snaive -> snaive(y, h, level = c(80, 95), lambda, biasadj)
#   mean   -> meanf(y, h, level = c(80, 95), lambda, biasadj)
#   drift  -> rwf(y, h, drift = TRUE, level = c(80, 95), lambda, biasadj)
# where y = ts(x, frequency = the method's period): the series' own period for snaive, 1 for
# the others. The period matters only to lambda = "auto" (Guerrero's method reads the series'
# frequency), and a spec text gives naive, mean and drift no period.

suppressPackageStartupMessages(library(forecast))
source("../auto_arima/json.R")

level <- c(80, 95)

# The series, each stored once: name -> list(period, x).
series <- list()
add_series <- function(name, x, period) {
  series[[name]] <<- list(period = period, x = arr(as.numeric(x)))
}

add_series("AirPassengers", AirPassengers, 12)
add_series("USAccDeaths", USAccDeaths, 12)
add_series("nottem", nottem, 12)
add_series("lynx", lynx, 1)
add_series("WWWusage", WWWusage, 1)

set.seed(20261125)
add_series("sim_walk_drift", 100 + cumsum(rnorm(60, 0.5, 2)), 1)
t <- 1:40
add_series("sim_quarterly", exp(cumsum(rnorm(40, 0.01, 0.03))) * 50 * (1 + 0.25 * sin(pi * t / 2)) *
  exp(rnorm(40, 0, 0.02)), 4)
t <- 1:50
add_series("sim_weekly", 20 + 0.1 * t + 4 * cos(2 * pi * t / 7) + rnorm(50), 7)
add_series("sim_signed", cumsum(rnorm(30)), 4)

# Missing values: at the start, inside (two in a row) and at the end.
gappy <- as.numeric(USAccDeaths)
gappy[c(1, 40, 41, 72)] <- NA
add_series("gaps_start_middle_end", gappy, 12)
# A whole year missing: snaive fills each month from the year before.
year_gap <- as.numeric(USAccDeaths)
year_gap[25:36] <- NA
add_series("gaps_whole_year", year_gap, 12)
# One quarter never observed: its seasonal naive forecast and fitted values stay missing.
quarter_gap <- as.numeric(window(UKgas, start = c(1970, 1), end = c(1973, 4)))
quarter_gap[seq(2, 16, by = 4)] <- NA
add_series("gaps_one_quarter", quarter_gap, 4)
last_two <- as.numeric(WWWusage)[1:30]
last_two[29:30] <- NA
add_series("gaps_last_two", last_two, 1)

# Short series and a constant one.
add_series("short_n1", 5, 1)
add_series("short_n2", c(5, 3), 1)
add_series("short_n4_m4", c(5, 3, 4, 6), 4)
add_series("short_n5_m4", c(5, 3, 4, 6, 7), 4)
add_series("constant_m4", rep(7, 20), 4)

# lambda: NULL, 0, 0.5, -0.3, "auto", each fixed one with biasadj FALSE and TRUE.
full_grid <- list(list(NULL, FALSE))
for (lam in list(0, 0.5, -0.3, "auto")) {
  for (b in c(FALSE, TRUE)) full_grid[[length(full_grid) + 1]] <- list(lam, b)
}
# A series with values <= 0: R's log and negative powers give missing values or infinities
# there (lagrs refuses such a transform); only lambda = 0.5 is defined for every value.
signed_grid <- list(list(NULL, FALSE), list(0.5, FALSE), list(0.5, TRUE))

spec_text <- function(method, period, lam, biasadj) {
  args <- character(0)
  if (!is.null(lam)) {
    args <- c(args, paste0("lambda=", if (is.character(lam)) lam else format(lam)))
    if (biasadj) args <- c(args, "biasadj=true")
  }
  group <- if (length(args)) paste0("(", paste(args, collapse = ","), ")") else ""
  paste0(method, group, if (method == "snaive") paste0("[", period, "]") else "")
}

run_method <- function(method, y, h, lam, biasadj) {
  switch(method,
    naive = naive(y, h = h, level = level, lambda = lam, biasadj = biasadj),
    snaive = snaive(y, h = h, level = level, lambda = lam, biasadj = biasadj),
    mean = meanf(y, h = h, level = level, lambda = lam, biasadj = biasadj),
    drift = rwf(y, h = h, drift = TRUE, level = level, lambda = lam, biasadj = biasadj)
  )
}

cases <- list()
add_cases <- function(name, methods, grid) {
  s <- series[[name]]
  x <- as.numeric(s$x)
  h <- max(5, 2 * s$period + 1)
  for (method in methods) {
    period <- if (method == "snaive") s$period else 1
    y <- ts(x, frequency = period)
    for (g in grid) {
      lam <- g[[1]]
      biasadj <- g[[2]]
      fc <- suppressWarnings(run_method(method, y, h, lam, biasadj))
      cases[[length(cases) + 1]] <<- list(
        series = name,
        method = method,
        spec = spec_text(method, period, lam, biasadj),
        period = period,
        lambda = if (is.null(lam)) NULL else lam,
        biasadj = biasadj,
        h = h,
        label = fc$method,
        lambda_used = if (is.null(fc$lambda)) NULL else as.numeric(fc$lambda),
        mean = arr(as.numeric(fc$mean)),
        lower80 = arr(as.numeric(fc$lower[, 1])), upper80 = arr(as.numeric(fc$upper[, 1])),
        lower95 = arr(as.numeric(fc$lower[, 2])), upper95 = arr(as.numeric(fc$upper[, 2])),
        fitted = arr(as.numeric(fc$fitted)),
        residuals = arr(as.numeric(fc$residuals))
      )
    }
  }
}

non_seasonal <- c("naive", "mean", "drift")
for (name in c("AirPassengers", "USAccDeaths", "nottem", "sim_quarterly", "sim_weekly",
               "gaps_start_middle_end", "gaps_whole_year", "gaps_one_quarter", "short_n4_m4",
               "short_n5_m4", "constant_m4")) {
  add_cases(name, c(non_seasonal, "snaive"), full_grid)
}
for (name in c("lynx", "WWWusage", "sim_walk_drift", "gaps_last_two", "short_n2")) {
  add_cases(name, non_seasonal, full_grid)
}
# snaive of a non-seasonal series is the naive method under another name.
add_cases("lynx", "snaive", full_grid[1:3])
# rwf(drift = TRUE) needs two values (R's lm has no case otherwise).
add_cases("short_n1", c("naive", "mean"), full_grid)
add_cases("sim_signed", c(non_seasonal, "snaive"), signed_grid)

write_json_file(list(
  generator = "make_baselines.R",
  r_version = R.version.string,
  forecast_version = as.character(packageVersion("forecast")),
  level = arr(level),
  series = series,
  cases = cases
), "baselines.json")
cat("wrote baselines.json:", length(series), "series,", length(cases), "cases\n")
