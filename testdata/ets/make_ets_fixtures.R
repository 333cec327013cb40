# Fixtures for lagrs' ETS family: R's forecast::ets (8.20) on R's data sets, on series
# simulated from every model class, on every 8th monthly/quarterly/yearly series of M1 and
# Tourism (competition_subset.csv, from ../auto_arima/export_competition_series.py --every 8
# --periods 12,4,1), on series with
# missing and non-positive values, and with R's options (fixed models and parameters,
# criteria, bounds). For each: R's chosen model, AICc, log-likelihood, parameters, initial
# and final states, sigma^2, forecasts and 80/95% bounds.
#
#   Rscript make_ets_fixtures.R      (writes ets.json beside this script)
suppressMessages(library(forecast))
source("../auto_arima/json.R")

cases <- list()
add <- function(name, y, m, args = list(), h = NULL) {
  y <- ts(as.numeric(y), frequency = m)
  if (is.null(h)) h <- if (m > 1) 2 * m else 10
  fit <- tryCatch(suppressWarnings(do.call(ets, c(list(y), args))), error = function(e) e)
  case <- list(name = name, m = m, y = arr(as.numeric(y)), args = args, h = h)
  if (inherits(fit, "error")) {
    case$error <- conditionMessage(fit)
  } else {
    # Models R forecasts by simulation get no bounds here (random paths).
    simulated <- !(fit$components[2] != "M" && (fit$components[3] != "M" || fit$components[1] == "M"))
    fc <- forecast(fit, h = h, level = c(80, 95))
    p <- fit$par
    g <- function(k) if (k %in% names(p)) unname(p[[k]]) else NULL
    n <- length(fit$x)
    case$r <- list(
      method = fit$method, aicc = fit$aicc, aic = fit$aic, bic = fit$bic, loglik = fit$loglik,
      alpha = g("alpha"), beta = g("beta"), gamma = g("gamma"), phi = g("phi"),
      initstate = arr(unname(fit$initstate)),
      last_state = arr(unname(fit$states[nrow(fit$states), ])),
      sigma2 = fit$sigma2, n = n, mse = fit$mse, amse = fit$amse,
      mean = arr(as.numeric(fc$mean)),
      lower = if (simulated) NULL else list(arr(as.numeric(fc$lower[, 1])), arr(as.numeric(fc$lower[, 2]))),
      upper = if (simulated) NULL else list(arr(as.numeric(fc$upper[, 1])), arr(as.numeric(fc$upper[, 2])))
    )
  }
  cases[[length(cases) + 1]] <<- case
}

# R's data sets, automatic selection.
add("AirPassengers", AirPassengers, 12)
add("USAccDeaths", USAccDeaths, 12)
add("ldeaths", ldeaths, 12)
add("nottem", nottem, 12)
add("co2", co2, 12)
add("UKgas", UKgas, 4)
add("JohnsonJohnson", JohnsonJohnson, 4)
add("austres", austres, 4)
add("Nile", Nile, 1)
add("lynx", lynx, 1)
add("WWWusage", WWWusage, 1)
add("LakeHuron", LakeHuron, 1)
add("airmiles", airmiles, 1)
add("uspop", uspop, 1)
add("BJsales", BJsales, 1)
add("wineind", wineind, 12)
add("woolyrnq", woolyrnq, 4)
add("gas", gas, 12)
add("UKDriverDeaths", UKDriverDeaths, 12)
add("short_monthly_30", window(AirPassengers, end = c(1951, 6)), 12)
add("short_quarterly_10", window(UKgas, end = c(1962, 2)), 4)
add("high_frequency_52", 100 + sin(2 * pi * (1:200) / 52) * 10 + (1:200) / 10 + rep(c(0, 1.5, -0.7, 0.3), 50), 52)

# Non-positive values: no multiplicative components.
add("sunspot.year", sunspot.year, 1)
add("diff_AirPassengers", diff(AirPassengers), 12)
set.seed(21)
add("negative_drift", cumsum(rnorm(80, -0.5, 2)), 4)

# Missing values: R keeps the longest contiguous stretch.
add("gold", gold, 1)
ap <- as.numeric(AirPassengers); ap[c(20, 21, 100)] <- NA
add("AirPassengers_na", ap, 12)

# Series simulated from each class, fitted with their own form fixed and automatically.
forms <- c("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN", "MNA", "MAA",
           "MAdA", "MNM", "MAM", "MAdM")
for (k in seq_along(forms)) {
  f <- forms[k]
  model <- sub("d", "", f)
  damped <- grepl("d", f)
  base <- ets(USAccDeaths, model = model, damped = damped)
  set.seed(100 + k)
  y <- simulate(base, nsim = 84, future = FALSE)
  add(paste0("sim_", f), y, 12)
  add(paste0("sim_", f, "_fixed"), y, 12, list(model = model, damped = damped))
}

# R's options.
add("opt_mse", USAccDeaths, 12, list(opt.crit = "mse"))
add("opt_amse", USAccDeaths, 12, list(opt.crit = "amse", nmse = 5))
add("opt_sigma", ldeaths, 12, list(opt.crit = "sigma"))
add("opt_mae", UKgas, 4, list(opt.crit = "mae"))
add("bounds_usual", AirPassengers, 12, list(bounds = "usual"))
add("bounds_admissible", USAccDeaths, 12, list(bounds = "admissible"))
add("ic_bic", UKgas, 4, list(ic = "bic"))
add("ic_aic", Nile, 1, list(ic = "aic"))
add("fixed_alpha", Nile, 1, list(model = "ANN", alpha = 0.3))
add("fixed_beta_phi", austres, 4, list(model = "AAN", damped = TRUE, beta = 0.05, phi = 0.9))
add("fixed_gamma", USAccDeaths, 12, list(model = "MNM", gamma = 0.1))
add("multiplicative_trend_allowed", AirPassengers, 12, list(allow.multiplicative.trend = TRUE))
add("additive_only", AirPassengers, 12, list(additive.only = TRUE))
add("fixed_MAdM", AirPassengers, 12, list(model = "MAM", damped = TRUE))
add("fixed_AAdA", UKgas, 4, list(model = "AAA", damped = TRUE))

# M1 and Tourism, each on its own horizon.
comp <- read.csv("competition_subset.csv", stringsAsFactors = FALSE)
for (i in seq_len(nrow(comp))) {
  y <- as.numeric(strsplit(comp$train[i], " ")[[1]])
  add(paste(comp$source[i], comp$id[i], sep = "/"), y, comp$m[i], h = comp$h[i])
}

write_json_file(list(cases = cases), "ets.json")
cat(length(cases), "cases\n")
