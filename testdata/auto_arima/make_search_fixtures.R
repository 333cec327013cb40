# Reference choices of forecast::auto.arima (R 4.2.2, forecast 8.20) for the
# search tests of rust/src/auto: R's classic data sets and a few simulated
# series, under the default arguments (stepwise, approximation as R decides)
# and, for the short non-seasonal ones, the full search. Writes
# search_cases.json beside this script. Run from this directory:
#   Rscript make_search_fixtures.R
# Deterministic (fixed seed). Uses json.R of this directory.

suppressPackageStartupMessages(library(forecast))
source("json.R")

series <- list()
add <- function(name, x, m) series[[length(series) + 1]] <<- list(name = name, x = as.numeric(x), m = m)
for (nm in c("AirPassengers", "USAccDeaths", "lynx", "Nile", "LakeHuron", "WWWusage", "co2", "nottem",
             "austres", "sunspot.year", "UKgas", "JohnsonJohnson", "ldeaths", "mdeaths", "fdeaths",
             "airmiles", "presidents", "UKDriverDeaths", "BJsales", "uspop", "discoveries", "nhtemp",
             "lh", "Seatbelts")) {
  y <- get(nm, envir = asNamespace("datasets"))
  if (nm == "Seatbelts") y <- y[, "drivers"]
  add(nm, y, max(1, round(frequency(y))))
}
set.seed(20261124)
for (n in c(40, 120)) {
  add(sprintf("sim_ar2_n%d", n), 5 + arima.sim(list(ar = c(0.6, -0.3)), n), 1)
  add(sprintf("sim_ima1_n%d", n), cumsum(arima.sim(list(ma = 0.4), n)) + 0.2 * seq_len(n), 1)
  y <- 10 * sin(2 * pi * seq_len(n) / 12) + cumsum(rnorm(n, 0, 0.7)) + 50
  add(sprintf("sim_seasonal12_n%d", n), y, 12)
  y <- 4 * cos(2 * pi * seq_len(n) / 4) + arima.sim(list(ar = 0.5), n) + 20
  add(sprintf("sim_seasonal4_n%d", n), y, 4)
}
add("constant", rep(3.5, 30), 1)
add("linear_trend", 2 + 0.5 * (1:40), 1)
add("seasonal_pattern_plus_trend", rep(c(1, 5, 3, 8), 10) + 0.25 * (1:40), 4)

fit_record <- function(x, m, h, ...) {
  f <- tryCatch(auto.arima(ts(x, frequency = m), ...), error = function(e) conditionMessage(e))
  if (is.character(f)) return(list(error = f))
  nm <- names(coef(f))
  fc <- forecast(f, h = h, level = 95)
  list(order = arr(f$arma[c(1, 6, 2, 3, 7, 4)]), mean = "intercept" %in% nm, drift = "drift" %in% nm,
       aicc = f$aicc, aic = f$aic, bic = f$bic, loglik = f$loglik, sigma2 = f$sigma2,
       lambda = if (is.null(f$lambda)) NULL else as.numeric(f$lambda),
       forecast_mean = arr(as.numeric(fc$mean)), forecast_lower = arr(as.numeric(fc$lower)),
       forecast_upper = arr(as.numeric(fc$upper)))
}

cases <- list()
for (s in series) {
  h <- if (s$m > 1) 2 * s$m else 10
  variants <- list(default = fit_record(s$x, s$m, h))
  if (s$m == 1 && length(s$x) <= 100) variants$full <- fit_record(s$x, s$m, h, stepwise = FALSE)
  if (s$name %in% c("AirPassengers", "USAccDeaths", "UKgas")) variants$log <- fit_record(s$x, s$m, h, lambda = 0)
  cases[[length(cases) + 1]] <- list(name = s$name, m = s$m, h = h, x = arr(s$x), variants = variants)
}
cat(to_json(list(generator = "make_search_fixtures.R", r = R.version.string,
                 forecast = as.character(packageVersion("forecast")), cases = cases)), "\n",
    file = "search_cases.json")
