# Reference fits by R's conditional sum of squares, stats::arima(method = "CSS"),
# for the Rust test rust/tests/arima_css.rs. A drift is the regressor t = 1..n as
# forecast::Arima(include.drift = TRUE) passes it (forecast::Arima itself then
# rescales sigma2 by degrees of freedom, which stats::arima and lagrs do not).
# Run from this directory: Rscript make_arima_css_fixtures.R  (writes cases.json)
# Needs R with the jsonlite package; CI reads the committed output.
suppressPackageStartupMessages(library(jsonlite))

num <- function(v) {
  v <- as.numeric(v)
  lapply(v, function(x) if (is.na(x)) "NaN" else x)
}

one <- function(name, y, order, seasonal = c(0, 0, 0), period = 1, mean = TRUE, drift = FALSE) {
  n <- length(y)
  xreg <- if (drift) cbind(drift = seq_len(n)) else NULL
  fit <- arima(y, order = order, seasonal = list(order = seasonal, period = period),
               xreg = xreg, include.mean = mean, method = "CSS")
  se <- sqrt(diag(fit$var.coef))
  newxreg <- if (drift) cbind(drift = n + 1:6) else NULL
  list(
    name = name,
    order = order, seasonal = seasonal, period = period,
    include_mean = mean && sum(order[2], seasonal[2]) == 0, include_drift = drift,
    y = num(y),
    coef = num(coef(fit)),
    se = num(se),
    sigma2 = fit$sigma2,
    loglik = fit$loglik,
    nobs = fit$nobs,
    residuals = num(residuals(fit)),
    forecast = num(predict(fit, n.ahead = 6, newxreg = newxreg)$pred)
  )
}

cases <- list(
  one("lh_ar1", lh, c(1, 0, 0)),
  one("lh_ar3", lh, c(3, 0, 0)),
  one("lh_arma11", lh, c(1, 0, 1)),
  one("usaccdeaths_airline", USAccDeaths, c(0, 1, 1), c(0, 1, 1), 12),
  one("presidents_ar2_missing", presidents, c(2, 0, 0)),
  one("wwwusage_arima111_drift", WWWusage, c(1, 1, 1), drift = TRUE),
  one("lakehuron_arma11_mean_drift", LakeHuron, c(1, 0, 1), drift = TRUE),
  one("ldeaths_sar", ldeaths, c(1, 0, 0), c(1, 0, 0), 12)
)

doc <- list(
  generator = "testdata/arima_css/make_arima_css_fixtures.R",
  r_version = R.version.string,
  cases = cases
)
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE), "cases.json")
