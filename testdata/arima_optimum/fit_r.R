# R side of make_optimum_fixtures.py: reads the cases it writes (one line each:
# id, p d q P D Q s, include_mean, include_drift, kind, n, then the series) and fits
#   fixed: forecast::Arima(ts(y, frequency = s), order, seasonal, include.mean, include.drift)
#          (R's stats::arima, method "CSS-ML", the fixtures' convention);
#   auto:  forecast::auto.arima(ts(y, frequency = s), test = ..., seasonal.test = ...).
# Writes one line per case: id, status, then the numbers (%.17g). Run by the Python
# driver; by hand: Rscript fit_r.R IN OUT.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
lines <- readLines(args[1])
out <- character(length(lines))
num <- function(v) paste(sprintf("%.17g", v), collapse = " ")
for (i in seq_along(lines)) {
  f <- strsplit(lines[i], " ", fixed = TRUE)[[1]]
  id <- f[1]
  kind <- f[2]
  o <- as.integer(f[3:9])
  mean <- f[10] == "1"
  drift <- f[11] == "1"
  test <- f[12]
  stest <- f[13]
  y <- as.numeric(f[-(1:13)])
  x <- ts(y, frequency = o[7])
  res <- tryCatch(suppressWarnings(if (kind == "fixed") {
    fit <- Arima(x, order = o[1:3], seasonal = list(order = o[4:6], period = o[7]),
                 include.mean = mean, include.drift = drift)
    paste("ok", num(fit$loglik), num(fit$coef))
  } else {
    fit <- auto.arima(x, test = test, seasonal.test = stest)
    a <- fit$arma  # p, q, P, Q, m, d, D
    paste("ok", num(c(a[1], a[6], a[2], a[3], a[7], a[4],
                      "intercept" %in% names(fit$coef), "drift" %in% names(fit$coef),
                      fit$aicc, fit$loglik)))
  }), error = function(e) paste("error", gsub("[\r\n ]+", "_", conditionMessage(e))))
  out[i] <- paste(id, res)
}
writeLines(out, args[2])
