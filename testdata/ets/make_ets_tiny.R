# Fixtures for ETS on series too short for R's own fit (n <= npars + 4): R's forecast::ets
# (8.20) then fits HoltWintersZZ (smoothing parameters by L-BFGS-B on the sum of squared
# one-step errors, initial states from the first values, not estimated) for the models it
# can, with a warning, and stops for the others. For each case: R's method, components,
# parameters, initial and last states, sigma2, fitted values, forecasts and 80/95% bounds and
# its warnings; where R stops, its message.
#
#   Rscript make_ets_tiny.R      (writes ets_tiny.json beside this script)
suppressMessages(library(forecast))
source("../auto_arima/json.R")

cases <- list()
add <- function(name, y, model = "ZZZ", damped = NULL, alpha = NULL, beta = NULL, phi = NULL, lambda = NULL,
                h = NULL) {
  m <- frequency(y)
  y <- ts(as.numeric(y), frequency = m)
  if (is.null(h)) h <- if (m > 1) 2 * m else 6
  warnings <- character(0)
  # The automatic request leaves `model` out, as ets(y) does (R treats a constant series,
  # one value included, apart only then).
  call <- if (model == "ZZZ") {
    function() ets(y, damped = damped, alpha = alpha, beta = beta, phi = phi, lambda = lambda)
  } else {
    function() ets(y, model = model, damped = damped, alpha = alpha, beta = beta, phi = phi, lambda = lambda)
  }
  fit <- tryCatch(withCallingHandlers(call(),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }), error = function(e) e)
  args <- list(model = model)
  if (!is.null(damped)) args$damped <- damped
  if (!is.null(alpha)) args$alpha <- alpha
  if (!is.null(beta)) args$beta <- beta
  if (!is.null(phi)) args$phi <- phi
  if (!is.null(lambda)) args$lambda <- lambda
  case <- list(name = name, m = m, y = arr(as.numeric(y)), args = args, h = h, warnings = arr(warnings))
  if (inherits(fit, "error")) {
    case$error <- conditionMessage(fit)
  } else {
    # Models R forecasts by simulation get no bounds here (random paths).
    simulated <- !(fit$components[2] != "M" && (fit$components[3] != "M" || fit$components[1] == "M"))
    fc <- suppressWarnings(forecast(fit, h = h, level = c(80, 95)))
    p <- fit$par
    g <- function(k) if (k %in% names(p)) unname(p[[k]]) else NULL
    case$r <- list(
      method = fit$method, components = arr(fit$components),
      alpha = g("alpha"), beta = g("beta"), gamma = g("gamma"), phi = g("phi"),
      initstate = arr(unname(fit$initstate)),
      last_state = arr(unname(fit$states[nrow(fit$states), ])),
      sigma2 = fit$sigma2, fitted = arr(as.numeric(fit$fitted)),
      mean = arr(as.numeric(fc$mean)),
      lower = if (simulated) NULL else list(arr(as.numeric(fc$lower[, 1])), arr(as.numeric(fc$lower[, 2]))),
      upper = if (simulated) NULL else list(arr(as.numeric(fc$upper[, 1])), arr(as.numeric(fc$upper[, 2])))
    )
  }
  cases[[length(cases) + 1]] <<- case
}

# A positive series with a trend, a season of the given period and some noise.
base <- function(n, m) {
  t <- seq_len(n)
  noise <- c(0.8, -1.3, 2.1, -0.4, 1.7, -2.2, 0.3, 1.1, -0.9, 2.6, -1.8, 0.5)
  season <- if (m > 1) 12 * sin(2 * pi * t / m) else 0
  ts(100 + 2.5 * t + season + 3 * noise[(t - 1) %% 12 + 1], frequency = m)
}

for (n in 1:9) {
  y <- base(n, 1)
  add(sprintf("y1_n%d_auto", n), y)
  add(sprintf("y1_n%d_ANN", n), y, "ANN")
  add(sprintf("y1_n%d_MNN", n), y, "MNN")
  add(sprintf("y1_n%d_AAN", n), y, "AAN")
  add(sprintf("y1_n%d_AAdN", n), y, "AAN", damped = TRUE)
  add(sprintf("y1_n%d_MAN", n), y, "MAN")
  add(sprintf("y1_n%d_MMN", n), y, "MMN")
  add(sprintf("y1_n%d_auto_damped", n), y, damped = TRUE)
}
add("y1_n5_ANN_alpha", base(5, 1), "ANN", alpha = 0.3)
add("y1_n6_AAN_beta", base(6, 1), "AAN", beta = 0.05)
add("y1_n6_AAdN_phi", base(6, 1), "AAN", damped = TRUE, phi = 0.9)
add("y1_n6_AZN_phi", base(6, 1), "AZN", phi = 0.9)
add("y1_n3_AZN_phi", base(3, 1), "AZN", phi = 0.9)
add("y1_n5_AAN_lambda0", base(5, 1), "AAN", lambda = 0)
add("y4_n9_ANA_lambda0", base(9, 4), "ANA", lambda = 0)
add("y1_n4_auto_lambda0", base(4, 1), lambda = 0)
# Zeros or negatives: R refuses an M error only; its fallback fits an exponential trend anyway
# and passes over a multiplicative season it cannot fit.
add("y1_n5_ZMN_negative", base(5, 1) - 104, "ZMN")
add("y4_n9_ZNM_negative", base(9, 4) - 104, "ZNM")
add("y1_n9_ZMN_negative", base(9, 1) - 104, "ZMN")
add("y1_n4_AMN_forbidden", base(4, 1), "AMN")
add("y1_n4_ANA_nonseasonal", base(4, 1), "ANA")
add("y1_n4_MNN_negative", base(4, 1) - 120, "MNN")
for (n in 1:12) {
  y <- base(n, 4)
  add(sprintf("y4_n%d_auto", n), y)
  add(sprintf("y4_n%d_ANA", n), y, "ANA")
  add(sprintf("y4_n%d_AAA", n), y, "AAA")
  add(sprintf("y4_n%d_MAM", n), y, "MAM")
  add(sprintf("y4_n%d_MNM", n), y, "MNM")
}
for (n in c(1, 2, 5, 6, 12, 13, 17, 18, 20)) {
  y <- base(n, 12)
  add(sprintf("y12_n%d_auto", n), y)
  add(sprintf("y12_n%d_ANA", n), y, "ANA")
  add(sprintf("y12_n%d_AAA", n), y, "AAA")
  add(sprintf("y12_n%d_MAM", n), y, "MAM")
}

write_json_file(list(cases = cases), "ets_tiny.json")
cat(length(cases), "cases\n")
