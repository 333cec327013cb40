# Reference values for lagrs' `theta[m]` from R's forecast::thetaf.
# Writes thetaf.json beside this script. Run from this directory:
#   Rscript make_thetaf.R
# Needs R >= 4.2 with forecast 8.20 (the JSON writer is ../auto_arima/json.R).
# Deterministic (fixed seeds).
#
# Each case is thetaf(ts(x, frequency = period), h, level = c(80, 95)): `mean`, `lower80`,
# `upper80`, `lower95`, `upper95`, `fitted`, `residuals`, the SES `alpha` and the `drift`
# (fc$model). Series of 2 to 6 values (`tiny_*`) take ets' fallback for short series,
# HoltWintersZZ; for one value thetaf stops (lsfit), listed under `errors`.

suppressPackageStartupMessages(library(forecast))
source("../auto_arima/json.R")

series <- list()
add_series <- function(name, x, period) {
  series[[name]] <<- list(period = period, x = arr(as.numeric(x)))
}
set.seed(20261207)
add_series("AirPassengers", AirPassengers, 12)
add_series("USAccDeaths", USAccDeaths, 12)
add_series("nottem", nottem, 12)
add_series("WWWusage", WWWusage, 1)
add_series("LakeHuron", LakeHuron, 1)
add_series("UKgas", UKgas, 4)
add_series("sim_trend", 100 + 0.8 * (1:60) + rnorm(60, 0, 3), 1)
add_series("sim_quarterly", (50 + 0.5 * (0:47)) * (1 + 0.2 * sin(pi * (0:47) / 2)) + rnorm(48), 4)
add_series("sim_weekly", 30 + 3 * cos(2 * pi * (0:34) / 7) + rnorm(35, 0, 0.5), 7)
add_series("short_monthly", 10 + (1:20) + rnorm(20), 12)
add_series("sim_signed", cumsum(rnorm(50)), 1)
add_series("seven_values", c(3, 5, 4, 6, 8, 7, 9), 1)
# Every length ets hands to HoltWintersZZ, trends, bounds hit by alpha (0 and 1), interior
# optima, a flat objective (two values) and seasonal frequencies (start 0.2 / m).
add_series("tiny_2", c(12, 15), 1)
add_series("tiny_3", c(12, 15, 11), 1)
add_series("tiny_4", c(5, 7, 9, 11), 1)
add_series("tiny_5", c(3, 1, 4, 1, 5), 1)
add_series("tiny_6", c(10, 12, 9, 14, 13, 15), 1)
add_series("tiny_6_noisy", round(50 + cumsum(rnorm(6, 0, 4)), 2), 1)
add_series("tiny_5_noisy", round(20 + rnorm(5, 0, 3), 2), 1)
add_series("tiny_4_down", c(40, 33, 35, 28), 1)
add_series("tiny_3_q", c(7.5, 9.1, 8.2), 4)
add_series("tiny_6_q", c(120, 131, 125, 140, 138, 151), 4)
add_series("tiny_5_m2", c(3.2, 5.1, 3.6, 5.8, 4.1), 2)
add_series("tiny_6_monthly", c(0.51, 0.48, 0.55, 0.61, 0.58, 0.66), 12)
add_series("tiny_constant", c(4, 4, 4, 4), 1)
for (k in 1:12) {
  n <- 2 + (k %% 5)
  add_series(sprintf("tiny_random_%02d", k), round(rexp(1, 0.05) + cumsum(rnorm(n, 0, 1 + k)), 1), c(1, 1, 4, 12)[1 + k %% 4])
}

cases <- list()
for (name in names(series)) {
  s <- series[[name]]
  y <- ts(as.numeric(s$x), frequency = s$period)
  h <- if (s$period > 1) 2 * s$period else 10
  fc <- thetaf(y, h = h, level = c(80, 95))
  cases[[length(cases) + 1]] <- list(
    series = name, spec = if (s$period > 1) sprintf("theta[%d]", s$period) else "theta", h = h,
    mean = arr(as.numeric(fc$mean)),
    lower80 = arr(as.numeric(fc$lower[, 1])), upper80 = arr(as.numeric(fc$upper[, 1])),
    lower95 = arr(as.numeric(fc$lower[, 2])), upper95 = arr(as.numeric(fc$upper[, 2])),
    fitted = arr(as.numeric(fc$fitted)), residuals = arr(as.numeric(fc$residuals)),
    alpha = unname(fc$model$alpha), drift = unname(fc$model$drift)
  )
}
# One value: thetaf stops; lagrs must refuse it too.
errors <- list()
for (x in list(c(12))) {
  r <- try(thetaf(ts(x, frequency = 1), h = 3), silent = TRUE)
  if (inherits(r, "try-error")) errors[[length(errors) + 1]] <- list(x = arr(x), message = trimws(as.character(r)))
}
out <- list(generator = "make_thetaf.R", forecast = as.character(packageVersion("forecast")),
            series = series, cases = cases, errors = errors)
writeLines(to_json(out), "thetaf.json")
cat(sprintf("wrote thetaf.json: %d cases\n", length(cases)))
