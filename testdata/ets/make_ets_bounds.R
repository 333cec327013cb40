# Fixtures for ETS's parameter bounds (`lower`, `upper`): R's forecast::ets (8.20) on R's
# data sets with bounds other than R's defaults (c(rep(0.0001, 3), 0.8) and
# c(rep(0.9999, 3), 0.98)), with the model chosen automatically and fixed. For each: R's
# chosen model, AICc, log-likelihood, parameters, initial states, forecasts and 80/95%
# bounds; where R refuses the bounds, its message.
#
#   Rscript make_ets_bounds.R      (writes ets_bounds.json beside this script)
suppressMessages(library(forecast))
source("../auto_arima/json.R")

cases <- list()
add <- function(name, y, lower, upper, model = "ZZZ", damped = NULL, h = NULL) {
  m <- frequency(y)
  y <- ts(as.numeric(y), frequency = m)
  if (is.null(h)) h <- if (m > 1) 2 * m else 10
  fit <- tryCatch(suppressWarnings(ets(y, model = model, damped = damped, lower = lower, upper = upper)),
                  error = function(e) e)
  args <- list(model = model, lower = arr(lower), upper = arr(upper))
  if (!is.null(damped)) args$damped <- damped
  case <- list(name = name, m = m, y = arr(as.numeric(y)), args = args, h = h)
  if (inherits(fit, "error")) {
    case$error <- conditionMessage(fit)
  } else {
    # Models R forecasts by simulation get no bounds here (random paths).
    simulated <- !(fit$components[2] != "M" && (fit$components[3] != "M" || fit$components[1] == "M"))
    fc <- forecast(fit, h = h, level = c(80, 95))
    p <- fit$par
    g <- function(k) if (k %in% names(p)) unname(p[[k]]) else NULL
    case$r <- list(
      method = fit$method, aicc = fit$aicc, aic = fit$aic, bic = fit$bic, loglik = fit$loglik,
      alpha = g("alpha"), beta = g("beta"), gamma = g("gamma"), phi = g("phi"),
      initstate = arr(unname(fit$initstate)),
      last_state = arr(unname(fit$states[nrow(fit$states), ])),
      sigma2 = fit$sigma2, n = length(fit$x),
      mean = arr(as.numeric(fc$mean)),
      lower = if (simulated) NULL else list(arr(as.numeric(fc$lower[, 1])), arr(as.numeric(fc$lower[, 2]))),
      upper = if (simulated) NULL else list(arr(as.numeric(fc$upper[, 1])), arr(as.numeric(fc$upper[, 2])))
    )
  }
  cases[[length(cases) + 1]] <<- case
}

def_lo <- c(rep(0.0001, 3), 0.8)
def_up <- c(rep(0.9999, 3), 0.98)
narrow_phi_lo <- c(rep(0.0001, 3), 0.9)
narrow_phi_up <- c(rep(0.9999, 3), 0.99)
slow_up <- c(0.5, 0.9999, 0.9999, 0.98)
both_lo <- c(0.0001, 0.0001, 0.0001, 0.9)
both_up <- c(0.5, 0.2, 0.3, 0.99)
quick_lo <- c(0.3, 0.0001, 0.0001, 0.8)

# Automatic selection under the user's bounds.
add("AirPassengers_auto_both", AirPassengers, both_lo, both_up)
add("AirPassengers_auto_phi", AirPassengers, narrow_phi_lo, narrow_phi_up)
add("USAccDeaths_auto_slow", USAccDeaths, def_lo, slow_up)
add("USAccDeaths_auto_both", USAccDeaths, both_lo, both_up)
add("UKgas_auto_both", UKgas, both_lo, both_up)
add("austres_auto_phi", austres, narrow_phi_lo, narrow_phi_up)
add("Nile_auto_slow", Nile, def_lo, slow_up)
add("Nile_auto_quick", Nile, quick_lo, def_up)
add("WWWusage_auto_phi", WWWusage, narrow_phi_lo, narrow_phi_up)
add("airmiles_auto_both", airmiles, both_lo, both_up)

# Fixed models under the user's bounds.
add("AirPassengers_MAdM", AirPassengers, both_lo, both_up, model = "MAM", damped = TRUE)
add("USAccDeaths_AAdA", USAccDeaths, narrow_phi_lo, narrow_phi_up, model = "AAA", damped = TRUE)
add("UKgas_MAM", UKgas, def_lo, slow_up, model = "MAM", damped = FALSE)
add("austres_AAdN", austres, both_lo, both_up, model = "AAN", damped = TRUE)
add("Nile_ANN_quick", Nile, quick_lo, def_up, model = "ANN")
add("WWWusage_AAdN", WWWusage, both_lo, both_up, model = "AAN", damped = TRUE)
add("airmiles_MAdN", airmiles, narrow_phi_lo, narrow_phi_up, model = "MAN", damped = TRUE)

# R refuses an upper bound below its lower bound.
add("refused_phi", USAccDeaths, c(rep(0.0001, 3), 0.99), def_up)

write_json_file(list(cases = cases), "ets_bounds.json")
cat(length(cases), "cases\n")
