# The recorder shared by the auto.arima fixture scripts: run_one(s, label, args) runs
# auto.arima(ts(s$x, frequency = s$m), ...) and returns the JSON record described in
# README.md (order, coefficients, criteria, differencing decisions, forecasts, every
# candidate). Sourced by make_auto_arima_fixtures.R and make_test_variant_fixtures.R.

# Every candidate auto.arima fits, with its exact IC: record myarima's
# arguments and result on exit (the printed trace keeps only 7 digits).
candidates <- NULL
trace("myarima", where = asNamespace("forecast"), print = FALSE, exit = quote({
  rv <- returnValue()
  candidates[[length(candidates) + 1]] <<- list(
    order = arr(c(order, seasonal)), constant = isTRUE(as.logical(constant)),
    approximation = isTRUE(approximation),
    ic = if (is.null(rv$ic)) NA_real_ else rv$ic)
}))
# trace() evaluates `candidates <<-` in the function's frame; keep the list global.
environment(build_series) <- globalenv()

# The differencing decisions auto.arima makes, recomputed the way it does.
diffs_as_auto_arima <- function(x, args) {
  m <- frequency(x)
  miss <- is.na(x)
  if (all(miss)) return(list(nsdiffs = NA, ndiffs = NA))
  x <- subset(x, start = which(!miss)[1])
  if (is.constant(x)) return(list(nsdiffs = NA, ndiffs = NA))
  lambda <- args$lambda
  if (!is.null(lambda)) x <- BoxCox(x, lambda)
  seasonal.test <- if (is.null(args[["seasonal.test"]])) "seas" else args[["seasonal.test"]]
  test <- if (is.null(args[["test"]])) "kpss" else args[["test"]]
  D <- if (!is.null(args$D)) args$D else if (m == 1) 0 else if (length(x) <= 2 * m) 0 else {
    D <- suppressWarnings(do.call(nsdiffs, c(list(x, test = seasonal.test, max.D = 1), args[["seasonal.test.args"]])))
    if (D > 0 && all(is.na(diff(x, differences = D, lag = m)))) D <- D - 1
    D
  }
  dx <- if (D > 0) diff(x, differences = D, lag = m) else x
  d <- if (!is.null(args$d)) args$d else {
    d <- suppressWarnings(do.call(ndiffs, c(list(dx, test = test, max.d = 2), args[["test.args"]])))
    if (d > 0 && all(is.na(diff(dx, differences = d)))) d <- d - 1
    d
  }
  list(nsdiffs = if (m == 1) NA else D, ndiffs = d)
}

run_one <- function(s, label, args) {
  x <- ts(s$x, frequency = s$m)
  candidates <<- list()
  fit <- tryCatch(suppressWarnings(do.call(auto.arima, c(list(y = x), args))),
                  error = function(e) e)
  rec <- list(label = label, args = args)
  if (inherits(fit, "error")) {
    rec$error <- conditionMessage(fit)
    return(rec)
  }
  arma <- fit$arma  # p, q, P, Q, m, d, D
  coef <- fit$coef
  rec$order <- arr(c(arma[1], arma[6], arma[2], arma[3], arma[7], arma[4], arma[5]))
  rec$include_mean <- "intercept" %in% names(coef)
  rec$include_drift <- "drift" %in% names(coef)
  rec$constant_series <- isTRUE(fit$constant)
  rec$lambda <- if (is.null(fit$lambda)) NULL else as.numeric(fit$lambda)
  rec$approximation <- if (is.null(args$approximation)) (length(s$x) > 150 | s$m > 12) else args$approximation
  rec$loglik <- fit$loglik
  rec$sigma2 <- fit$sigma2
  rec$aic <- if (is.null(fit$aic)) NA_real_ else fit$aic
  rec$aicc <- if (is.null(fit$aicc)) NA_real_ else fit$aicc
  rec$bic <- if (is.null(fit$bic)) NA_real_ else fit$bic
  ic <- if (is.null(args$ic)) "aicc" else args$ic
  rec$ic_name <- ic
  rec$ic <- rec[[ic]]
  rec$nobs <- fit$nobs
  rec$coef_names <- arr(names(coef))
  rec$coef <- arr(as.numeric(coef))
  rec$mask <- arr(if (is.null(fit$mask)) rep(TRUE, length(coef)) else fit$mask)
  diffs <- diffs_as_auto_arima(x, args)
  rec$nsdiffs <- diffs$nsdiffs
  rec$ndiffs <- diffs$ndiffs
  fc <- tryCatch(suppressWarnings(forecast(fit, h = s$h, level = c(80, 95))), error = function(e) e)
  if (inherits(fc, "error")) {
    rec$forecast_error <- conditionMessage(fc)
  } else {
    rec$forecast <- list(h = s$h, mean = arr(as.numeric(fc$mean)),
                         lower80 = arr(as.numeric(fc$lower[, 1])), upper80 = arr(as.numeric(fc$upper[, 1])),
                         lower95 = arr(as.numeric(fc$lower[, 2])), upper95 = arr(as.numeric(fc$upper[, 2])))
  }
  rec$candidates <- candidates
  rec
}

