# More auto.arima reference runs for the differencing tests, beside the rotation of
# make_auto_arima_fixtures.R: seasonal.test = "ocsb" and "ch" on seasonal series that
# rotation did not give them, and the tests' significance levels (test.args and
# seasonal.test.args alpha). Writes test_variants.json (same format as auto_arima.json).
# Run from this directory: Rscript make_test_variant_fixtures.R (a few minutes).

suppressPackageStartupMessages({
  library(forecast)
  library(urca)
})
source("json.R")
source("series.R")
source("auto_arima_run.R")

# Labels in the order of make_auto_arima_fixtures.R's variants (its rotation is replayed
# here so that no run is repeated).
rotation <- c("stepwise_false", "approximation_flipped", "ic_aic", "ic_bic", "lambda_auto",
              "lambda0_biasadj", "test_adf", "test_pp", "seasonal_test_ocsb", "seasonal_test_ch",
              "no_drift_no_mean", "fixed_d1")
rotated <- function(i) rotation[unique(c((i - 1) %% 12 + 1, (i + 4) %% 12 + 1))]

seasonal_variants <- list(
  list(label = "seasonal_test_ocsb", args = list(seasonal.test = "ocsb")),
  list(label = "seasonal_test_ch", args = list(seasonal.test = "ch")),
  list(label = "seasonal_test_ch_alpha10", args = list(seasonal.test = "ch", seasonal.test.args = list(alpha = 0.1)))
)
any_variants <- list(
  list(label = "test_adf_alpha01", args = list(test = "adf", test.args = list(alpha = 0.01))),
  list(label = "test_pp_alpha10", args = list(test = "pp", test.args = list(alpha = 0.1))),
  list(label = "test_kpss_alpha01", args = list(test.args = list(alpha = 0.01)))
)

series <- build_series()
seasonal_index <- 0
out <- list()
started <- Sys.time()
for (i in seq_along(series)) {
  s <- series[[i]]
  if (all(is.na(s$x))) next
  chosen <- list()
  if (s$m > 1) {
    seasonal_index <- seasonal_index + 1
    # Every third seasonal series (about 60).
    if (seasonal_index %% 3 == 1) chosen <- seasonal_variants
  } else if (i %% 4 == 1) {
    chosen <- any_variants  # about 20 non-seasonal series
  }
  if (s$m > 1 && seasonal_index %% 9 == 2) chosen <- c(chosen, any_variants)  # and about 20 seasonal ones
  chosen <- Filter(function(v) !(v$label %in% rotated(i)), chosen)
  if (length(chosen) == 0) next
  runs <- lapply(chosen, function(v) run_one(s, v$label, v$args))
  out[[length(out) + 1]] <- list(name = s$name, source = s$source, m = s$m, x = arr(s$x),
                                 h = s$h, test = arr(s$test), runs = runs)
  if (length(out) %% 10 == 0) cat(sprintf("%d series, %.0fs\n", length(out),
                                          as.numeric(Sys.time() - started, units = "secs")))
}

write_json_file(list(
  generator = "make_test_variant_fixtures.R",
  r_version = R.version.string,
  forecast_version = as.character(packageVersion("forecast")),
  urca_version = as.character(packageVersion("urca")),
  uroot_version = as.character(packageVersion("uroot")),
  series = out
), "test_variants.json")
cat("wrote test_variants.json:", length(out), "series,",
    sum(vapply(out, function(e) length(e$runs), 0L)), "runs\n")
