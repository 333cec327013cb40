# Unit-root and seasonal-unit-root test reference values (urca, uroot,
# forecast 8.20) for every series of series.R: the ADF and PP statistics of
# ndiffs(test = "adf"/"pp"), the OCSB and Canova-Hansen statistics of
# nsdiffs(test = "ocsb"/"ch"), and the numbers of differences R chooses.
# Writes unit_root_tests.json beside this script. Run from this directory:
#   Rscript make_unit_root_fixtures.R

suppressPackageStartupMessages({
  library(forecast)
  library(urca)
  library(uroot)
})
source("json.R")
source("series.R")

safely <- function(expr) tryCatch(suppressWarnings(expr), error = function(e) e)

# relative_residual: residual norm over the norm of the differenced series. Near
# zero the regression fits exactly and the statistic is rounding noise (e.g. a
# quadratic trend), which no other implementation can be expected to reproduce.
urca_record <- function(t, clean) {
  if (inherits(t, "error")) return(list(error = conditionMessage(t)))
  list(statistic = as.numeric(t@teststat[1]), critical = arr(as.numeric(t@cval[1, ])),
       relative_residual = sqrt(sum(t@res^2)) / sqrt(sum(diff(clean)^2)))
}

cases <- list()
for (s in build_series()) {
  x <- s$x
  if (all(is.na(x))) next
  clean <- c(na.omit(x))
  rec <- list(name = s$name, m = s$m, x = arr(x))
  rec$adf_level <- urca_record(safely(ur.df(clean, type = "drift", lags = 1)), clean)
  rec$adf_trend <- urca_record(safely(ur.df(clean, type = "trend", lags = 1)), clean)
  rec$pp_level <- urca_record(safely(ur.pp(clean, type = "Z-tau", model = "constant", lags = "short")), clean)
  rec$pp_trend <- urca_record(safely(ur.pp(clean, type = "Z-tau", model = "trend", lags = "short")), clean)
  for (test in c("kpss", "adf", "pp")) {
    rec[[paste0("ndiffs_", test)]] <- safely(ndiffs(x, test = test, max.d = 2))
    if (inherits(rec[[paste0("ndiffs_", test)]], "error")) rec[[paste0("ndiffs_", test)]] <- NULL
  }
  if (s$m > 1) {
    xt <- ts(x, frequency = s$m)
    o <- safely(forecast:::ocsb.test(xt, maxlag = 3, lag.method = "AIC"))
    rec$ocsb <- if (inherits(o, "error")) list(error = conditionMessage(o)) else
      list(statistic = as.numeric(o$statistics), critical = as.numeric(o$critical),
           lag_order = o$lag.order)
    ch <- safely(uroot::ch.test(xt, type = "trig"))
    rec$ch <- if (inherits(ch, "error")) list(error = conditionMessage(ch)) else
      list(statistic = as.numeric(ch$statistics["joint"]), p_value = as.numeric(ch$pvalues["joint"]),
           statistics = arr(as.numeric(ch$statistics)), p_values = arr(as.numeric(ch$pvalues)),
           nw_order = ch$NW.order)
    for (test in c("seas", "ocsb", "ch")) {
      v <- safely(nsdiffs(xt, test = test, max.D = 1))
      rec[[paste0("nsdiffs_", test)]] <- if (inherits(v, "error")) NULL else v
    }
    sh <- safely(forecast:::seas.heuristic(xt))
    if (!inherits(sh, "error")) rec$seasonal_strength <- sh
  }
  cases[[length(cases) + 1]] <- rec
}

write_json_file(list(
  generator = "make_unit_root_fixtures.R",
  r_version = R.version.string,
  forecast_version = as.character(packageVersion("forecast")),
  urca_version = as.character(packageVersion("urca")),
  uroot_version = as.character(packageVersion("uroot")),
  cases = cases
), "unit_root_tests.json")
cat("wrote unit_root_tests.json:", length(cases), "cases\n")
