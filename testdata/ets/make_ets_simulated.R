# Fixtures for the simulated prediction intervals of lagrs' ETS family: R's forecast::ets
# (8.20) fits forms whose intervals forecast.ets simulates (a multiplicative trend, or an
# additive error with a multiplicative season), and forecast() draws its 5,000 paths after
# set.seed(SEED). For each: the fitted form, parameters, final state and sigma^2 (so the test
# simulates from exactly R's model), R's means and 80/95% bounds.
#
#   Rscript make_ets_simulated.R      (writes ets_simulated.json beside this script)
suppressMessages(library(forecast))
source("../auto_arima/json.R")

SEED <- 20261207
cases <- list()
add <- function(name, y, m, model, damped = FALSE, h = if (m > 1) 2 * m else 10) {
  y <- ts(as.numeric(y), frequency = m)
  fit <- suppressWarnings(ets(y, model = model, damped = damped, restrict = FALSE,
                              allow.multiplicative.trend = TRUE))
  set.seed(SEED)
  fc <- forecast(fit, h = h, level = c(80, 95))
  p <- fit$par
  g <- function(k) if (k %in% names(p)) unname(p[[k]]) else NULL
  cases[[length(cases) + 1]] <<- list(
    name = name, m = m, h = h, method = fit$method,
    components = fit$components,
    alpha = g("alpha"), beta = g("beta"), gamma = g("gamma"), phi = g("phi"),
    last_state = arr(unname(fit$states[nrow(fit$states), ])),
    sigma2 = fit$sigma2,
    mean = arr(as.numeric(fc$mean)),
    lower = list(arr(as.numeric(fc$lower[, 1])), arr(as.numeric(fc$lower[, 2]))),
    upper = list(arr(as.numeric(fc$upper[, 1])), arr(as.numeric(fc$upper[, 2])))
  )
}

add("AirPassengers MMM", AirPassengers, 12, "MMM")
add("AirPassengers MMdM", AirPassengers, 12, "MMM", damped = TRUE)
add("AirPassengers AAM", AirPassengers, 12, "AAM")
add("UKgas ANM", UKgas, 4, "ANM")
add("UKgas AAdM", UKgas, 4, "AAM", damped = TRUE)
add("uspop MMN", uspop, 1, "MMN")
add("airmiles MMdN", airmiles, 1, "MMN", damped = TRUE)
add("austres AMN", austres, 4, "AMN")
add("JohnsonJohnson MMA", JohnsonJohnson, 4, "MMA")

write_json_file(list(seed = SEED, paths = 5000, cases = cases), "ets_simulated.json")
