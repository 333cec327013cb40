# Fixtures for regression with ARIMA errors: forecast::Arima(xreg = ) and
# auto.arima(xreg = ) on R data sets (Seatbelts) and on simulated series with known
# coefficients, dummies, trends, collinear and constant columns, missing values in y,
# and Fourier terms (forecast::fourier) for weekly and daily series.
# Run from this directory: Rscript make_xreg_fixtures.R  (writes xreg.json)
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })
set.seed(20261207)

cols_of <- function(X) {
  X <- as.matrix(X)
  lapply(seq_len(ncol(X)), function(j) unname(as.numeric(X[, j])))
}

# Everything the Rust test compares for one fit and its forecast.
describe <- function(fit, h, newx, level = 95) {
  fc <- if (is.null(newx)) forecast(fit, h = h, level = level) else forecast(fit, xreg = newx, level = level)
  list(
    arma = fit$arma, coef_names = names(coef(fit)), coef = unname(coef(fit)),
    se = unname(sqrt(diag(fit$var.coef))),
    sigma2 = fit$sigma2, loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
    residuals = as.numeric(residuals(fit)), regression_residuals = as.numeric(residuals(fit, type = "regression")),
    fc_mean = as.numeric(fc$mean), fc_lower = as.numeric(fc$lower), fc_upper = as.numeric(fc$upper))
}

cases <- list()
add <- function(name, kind, y, m, X, Xf, args, note = "") {
  X <- as.matrix(X)
  Xf <- if (is.null(Xf)) NULL else as.matrix(Xf)
  yts <- ts(y, frequency = m)
  res <- tryCatch(suppressWarnings(do.call(if (kind == "arima") Arima else auto.arima, c(list(y = yts, xreg = X), args))),
                  error = function(e) e)
  rec <- list(name = name, kind = kind, note = note, m = m, y = as.numeric(y), xreg_names = colnames(X),
              xreg = cols_of(X), future = if (is.null(Xf)) list() else cols_of(Xf), args = args)
  if (inherits(res, "error")) {
    rec$error <- conditionMessage(res)
  } else {
    rec$result <- describe(res, nrow(Xf), Xf)
  }
  cases[[length(cases) + 1]] <<- rec
}

# --- R data: Seatbelts (monthly 1969-1984), drivers killed/injured with the petrol price
# and the seat-belt law; the last 12 months held out as the future regressors.
sb <- Seatbelts
n <- nrow(sb) - 12
X <- cbind(PetrolPrice = sb[, "PetrolPrice"], law = sb[, "law"])
for (series in c("drivers", "front", "rear", "DriversKilled")) {
  y <- as.numeric(sb[, series])
  add(paste0("seatbelts_", series, "_arima"), "arima", y[1:n], 12, X[1:n, ], X[n + 1:12, ],
      list(order = c(1, 0, 1), seasonal = c(0, 1, 1)))
  add(paste0("seatbelts_", series, "_auto"), "auto", y[1:n], 12, X[1:n, ], X[n + 1:12, ], list())
  add(paste0("seatbelts_log_", series, "_auto"), "auto", log(y[1:n]), 12, X[1:n, ], X[n + 1:12, ], list())
}
add("seatbelts_drivers_kms_auto", "auto", as.numeric(sb[1:n, "drivers"]), 12,
    cbind(kms = sb[1:n, "kms"] / 1000, PetrolPrice = sb[1:n, "PetrolPrice"], law = sb[1:n, "law"]),
    cbind(kms = sb[n + 1:12, "kms"] / 1000, PetrolPrice = sb[n + 1:12, "PetrolPrice"], law = sb[n + 1:12, "law"]), list())
add("seatbelts_drivers_arima_drift", "arima", as.numeric(sb[1:n, "drivers"]), 12, X[1:n, ], X[n + 1:12, ],
    list(order = c(1, 1, 1), include.drift = TRUE))

# --- Simulated regression with ARIMA errors, known coefficients.
sim <- function(n, beta, X, model, sd = 1) {
  e <- as.numeric(arima.sim(model, n = n, sd = sd))
  as.numeric(X %*% beta) + e
}
for (i in 1:24) {
  n <- sample(c(60, 96, 120, 160, 200), 1)
  h <- 8
  k <- sample(1:3, 1)
  X <- matrix(rnorm((n + h) * k, 5, 2), ncol = k, dimnames = list(NULL, paste0("x", 1:k)))
  if (i %% 3 == 0) X[, 1] <- rbinom(n + h, 1, 0.3)                  # a promotion dummy
  if (i %% 4 == 0) X <- cbind(X, price = 10 + cumsum(rnorm(n + h, 0, 0.2)))
  beta <- round(runif(ncol(X), -3, 3), 1)
  ar <- if (i %% 2 == 0) runif(1, -0.7, 0.8) else numeric(0)
  ma <- if (i %% 5 != 0) runif(1, -0.6, 0.6) else numeric(0)
  y <- 20 + sim(n + h, beta, X, list(ar = ar, ma = ma), sd = 1.5)
  if (i %% 6 == 1) y <- cumsum(sim(n + h, beta, X, list(ar = ar), sd = 0.5)) / 3 + as.numeric(X %*% beta)  # d = 1
  add(sprintf("sim_%02d_auto", i), "auto", y[1:n], 1, X[1:n, , drop = FALSE], X[n + 1:h, , drop = FALSE], list(),
      note = sprintf("beta = (%s), ar = %s, ma = %s", paste(beta, collapse = ", "), paste(ar, collapse = ","), paste(ma, collapse = ",")))
  add(sprintf("sim_%02d_arima", i), "arima", y[1:n], 1, X[1:n, , drop = FALSE], X[n + 1:h, , drop = FALSE],
      list(order = c(length(ar), 0, length(ma))))
}
# Seasonal simulated with a holiday dummy, monthly.
n <- 144
hol <- as.numeric((1:(n + 12)) %% 12 == 11)
Xh <- cbind(holiday = hol, temp = 15 + 8 * sin(2 * pi * (1:(n + 12)) / 12) + rnorm(n + 12))
yh <- 100 + 12 * hol + 1.5 * Xh[, 2] + as.numeric(arima.sim(list(order = c(0, 1, 1), ma = -0.5), n = n + 11)) * 2
add("monthly_holiday_auto", "auto", yh[1:n], 12, Xh[1:n, ], Xh[n + 1:12, ], list())
add("monthly_holiday_arima", "arima", yh[1:n], 12, Xh[1:n, ], Xh[n + 1:12, ], list(order = c(0, 1, 1), seasonal = c(0, 1, 1)))

# Trend column as a regressor (d = 0 with a mean), and with drift at d = 1.
n <- 100
tt <- cbind(trend = 1:(n + 6))
yt <- 5 + 0.3 * tt[, 1] + as.numeric(arima.sim(list(ar = 0.6), n = n + 6))
add("trend_column_arima", "arima", yt[1:n], 1, tt[1:n, , drop = FALSE], tt[n + 1:6, , drop = FALSE], list(order = c(1, 0, 0)))
add("trend_column_auto", "auto", yt[1:n], 1, tt[1:n, , drop = FALSE], tt[n + 1:6, , drop = FALSE], list())

# Missing values in y.
n <- 120
Xm <- cbind(x = rnorm(n + 6))
ym <- 3 + 2 * Xm[, 1] + as.numeric(arima.sim(list(ar = 0.5), n = n + 6))
ym[c(10, 11, 50, 90)] <- NA
add("missing_y_arima", "arima", ym[1:n], 1, Xm[1:n, , drop = FALSE], Xm[n + 1:6, , drop = FALSE], list(order = c(1, 0, 0)))
add("missing_y_auto", "auto", ym[1:n], 1, Xm[1:n, , drop = FALSE], Xm[n + 1:6, , drop = FALSE], list())

# Collinear and constant columns: what R does (errors, or what auto.arima drops).
Xc <- cbind(a = rnorm(n + 6), b = rnorm(n + 6))
Xc <- cbind(Xc, c = Xc[, 1] + 2 * Xc[, 2])
yc <- 1 + Xc[, 1] - Xc[, 2] + as.numeric(arima.sim(list(ar = 0.5), n = n + 6))
add("collinear_arima", "arima", yc[1:n], 1, Xc[1:n, ], Xc[n + 1:6, ], list(order = c(1, 0, 0)))
add("collinear_auto", "auto", yc[1:n], 1, Xc[1:n, ], Xc[n + 1:6, ], list())
Xk <- cbind(a = Xc[, 1], k = 4)
add("constant_column_mean_arima", "arima", yc[1:n], 1, Xk[1:n, ], Xk[n + 1:6, ], list(order = c(1, 0, 0)))
add("constant_column_nomean_arima", "arima", yc[1:n], 1, Xk[1:n, ], Xk[n + 1:6, ], list(order = c(1, 0, 0), include.mean = FALSE))
add("constant_column_auto", "auto", yc[1:n], 1, Xk[1:n, ], Xk[n + 1:6, ], list())

# Fourier terms: weekly (52.18) and daily (7 and 365.25) series, K chosen by hand.
fourier_case <- function(name, y, periods, K, h, args) {
  # One period: a ts of that (non-integer) frequency, as R's documentation does; msts()
  # would make a single period its floor.
  yt <- if (length(periods) == 1) ts(y, frequency = periods) else msts(y, seasonal.periods = periods)
  F <- fourier(yt, K = K)
  Ff <- fourier(yt, K = K, h = h)
  add(name, "auto", y, 1, F, Ff, args)
  cases[[length(cases)]]$fourier <<- list(periods = periods, K = K, h = h)
}
nw <- 260
wk <- 50 + 10 * sin(2 * pi * (1:(nw + 26)) / 52.18) + 4 * cos(4 * pi * (1:(nw + 26)) / 52.18) +
  as.numeric(arima.sim(list(ar = 0.5), n = nw + 26)) * 2
fourier_case("fourier_weekly_auto", wk[1:nw], 52.18, 3, 26, list(seasonal = FALSE))
nd <- 730
dy <- 200 + 20 * sin(2 * pi * (1:nd) / 7) + 30 * sin(2 * pi * (1:nd) / 365.25) + as.numeric(arima.sim(list(ar = 0.6, ma = 0.2), n = nd)) * 5
fourier_case("fourier_daily_auto", dy, c(7, 365.25), c(3, 5), 14, list(seasonal = FALSE))

# Rear seats on the law, the petrol price and the distance driven (unscaled, as in the
# benchmark): drift and kms are nearly collinear, so the search's CSS Hessians are close to
# singular; R keeps ARIMA(0,0,1)(0,1,1) with drift, whose coefficient variances are all
# positive only with R's finite-difference steps. Appended last: the cases above keep
# their random draws.
Xk <- cbind(law = sb[, "law"], PetrolPrice = sb[, "PetrolPrice"], kms = sb[, "kms"])
nb <- nrow(sb) - 12
add("seatbelts_rear_kms_auto", "auto", as.numeric(sb[1:nb, "rear"]), 12, Xk[1:nb, ], Xk[nb + 1:12, ], list())
add("seatbelts_rear_kms_arima_drift", "arima", as.numeric(sb[1:nb, "rear"]), 12, Xk[1:nb, ], Xk[nb + 1:12, ],
    list(order = c(0, 0, 1), seasonal = c(0, 1, 1), include.drift = TRUE))

out <- list(generator = "testdata/xreg/make_xreg_fixtures.R",
            versions = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))),
            cases = cases)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, na = "string", null = "null"), "xreg.json")
