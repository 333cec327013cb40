# Golden values for io.lagrs.Accuracy: MASE from forecast::accuracy on the test set, sMAPE,
# MSIS and interval coverage by the M4 competition's formulas, for forecasts made by R itself.
# Run from the repository root: Rscript testdata/accuracy/make_accuracy_fixtures.R
# JSON has no NaN: missing values are written as the string "NA".
# Needs R with the forecast and jsonlite packages (forecast 8.20 was used).
suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})

# M4 competition formulas (M4-methods repository, "Evaluation" code), written out here.
smape_m4 <- function(actual, f) {
  terms <- 200 * abs(actual - f) / (abs(actual) + abs(f))
  terms[abs(actual) + abs(f) == 0] <- 0  # both zero: a perfect forecast (as utilsforecast)
  mean(terms, na.rm = TRUE)
}
naive_scale <- function(train, m) mean(abs(diff(as.numeric(train), lag = max(1, m))), na.rm = TRUE)
msis_m4 <- function(train, actual, lower, upper, level, m) {
  a <- 1 - level
  s <- (upper - lower) + (2 / a) * (lower - actual) * (actual < lower) +
    (2 / a) * (actual - upper) * (actual > upper)
  mean(s, na.rm = TRUE) / naive_scale(train, m)
}
coverage <- function(actual, lower, upper) {
  ok <- !is.na(actual)
  mean(actual[ok] >= lower[ok] & actual[ok] <= upper[ok])
}

make_case <- function(name, y, h, model) {
  n <- length(y)
  train <- window(y, end = time(y)[n - h])
  test <- window(y, start = time(y)[n - h + 1])
  fc <- model(train, h)
  m <- frequency(y)
  acc <- accuracy(fc, test)
  lo <- fc$lower
  up <- fc$upper
  list(
    name = name,
    period = m,
    train = as.numeric(train),
    actual = as.numeric(test),
    mean = as.numeric(fc$mean),
    lower80 = as.numeric(lo[, 1]), upper80 = as.numeric(up[, 1]),
    lower95 = as.numeric(lo[, 2]), upper95 = as.numeric(up[, 2]),
    mase = acc["Test set", "MASE"],
    scale = naive_scale(train, m),
    smape = smape_m4(as.numeric(test), as.numeric(fc$mean)),
    coverage80 = coverage(as.numeric(test), as.numeric(lo[, 1]), as.numeric(up[, 1])),
    coverage95 = coverage(as.numeric(test), as.numeric(lo[, 2]), as.numeric(up[, 2])),
    msis95 = msis_m4(train, as.numeric(test), as.numeric(lo[, 2]), as.numeric(up[, 2]), 0.95, m)
  )
}

set.seed(20261124)
with_gaps <- USAccDeaths
with_gaps[c(5, 30, 70)] <- NA  # missing values in both the training and the test part
intermittent <- ts(c(0, 0, 3, 0, 1, 0, 0, 2, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0), frequency = 1)

cases <- list(
  make_case("AirPassengers, seasonal ARIMA on logs", AirPassengers, 12,
            function(x, h) forecast(Arima(x, order = c(0, 1, 1), seasonal = c(0, 1, 1), lambda = 0), h = h)),
  make_case("USAccDeaths, seasonal naive", USAccDeaths, 12, function(x, h) snaive(x, h = h)),
  make_case("USAccDeaths with missing values, ARIMA", with_gaps, 12,
            function(x, h) forecast(Arima(x, order = c(1, 0, 0), seasonal = c(0, 1, 1)), h = h)),
  make_case("Nile, ARIMA(1,1,1)", Nile, 10,
            function(x, h) forecast(Arima(x, order = c(1, 1, 1)), h = h)),
  make_case("WWWusage, drift", WWWusage, 8, function(x, h) rwf(x, h = h, drift = TRUE)),
  make_case("intermittent zeros, naive", intermittent, 5, function(x, h) naive(x, h = h))
)

out <- "testdata/accuracy/accuracy.json"
writeLines(toJSON(list(generator = paste("R", getRversion(), "forecast", packageVersion("forecast")),
                       cases = cases), auto_unbox = TRUE, digits = NA, na = "string", pretty = TRUE), out)
cat("wrote", out, "\n")
