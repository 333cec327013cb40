# auto.arima reference results from R (forecast 8.20) for every series of
# series.R, under the default arguments and some variants. Writes
# auto_arima.json beside this script. Run from this directory:
#   python3 export_competition_series.py competition_subset.csv --every 12   # only to refresh the subset
#   Rscript make_auto_arima_fixtures.R
# See README.md for the format. Deterministic (fixed seeds in series.R).

suppressPackageStartupMessages({
  library(forecast)
  library(urca)
})
source("json.R")
source("series.R")

source("auto_arima_run.R")

variants <- list(
  list(label = "stepwise_false", args = list(stepwise = FALSE)),
  list(label = "approximation_flipped", args = list()),  # filled per series
  list(label = "ic_aic", args = list(ic = "aic")),
  list(label = "ic_bic", args = list(ic = "bic")),
  list(label = "lambda_auto", args = list(lambda = "auto")),
  list(label = "lambda0_biasadj", args = list(lambda = 0, biasadj = TRUE)),
  list(label = "test_adf", args = list(test = "adf")),
  list(label = "test_pp", args = list(test = "pp")),
  list(label = "seasonal_test_ocsb", args = list(seasonal.test = "ocsb")),
  list(label = "seasonal_test_ch", args = list(seasonal.test = "ch")),
  list(label = "no_drift_no_mean", args = list(allowdrift = FALSE, allowmean = FALSE)),
  list(label = "fixed_d1", args = list(d = 1))
)

series <- build_series()
out <- vector("list", length(series))
started <- Sys.time()
for (i in seq_along(series)) {
  s <- series[[i]]
  runs <- list(run_one(s, "default", list()))
  # Two variants per series, in rotation; stepwise = FALSE only where the full
  # search stays affordable (it is run on the short and quarterly series).
  picks <- unique(c((i - 1) %% length(variants) + 1, (i + 4) %% length(variants) + 1))
  for (k in picks) {
    v <- variants[[k]]
    if (v$label == "stepwise_false" && (length(s$x) > 200 || s$m > 4)) next
    if (v$label == "approximation_flipped") {
      v$args <- list(approximation = !(length(s$x) > 150 | s$m > 12))
    }
    if (v$label %in% c("seasonal_test_ocsb", "seasonal_test_ch") && s$m == 1) next
    if (v$label %in% c("lambda_auto", "lambda0_biasadj") && any(s$x <= 0, na.rm = TRUE)) next
    runs[[length(runs) + 1]] <- run_one(s, v$label, v$args)
  }
  out[[i]] <- list(name = s$name, source = s$source, m = s$m, x = arr(s$x),
                   h = s$h, test = arr(s$test), runs = runs)
  if (i %% 25 == 0) cat(sprintf("%d/%d series, %.0fs\n", i, length(series),
                                as.numeric(Sys.time() - started, units = "secs")))
}

write_json_file(list(
  generator = "make_auto_arima_fixtures.R",
  r_version = R.version.string,
  forecast_version = as.character(packageVersion("forecast")),
  urca_version = as.character(packageVersion("urca")),
  series = out
), "auto_arima.json")
cat("wrote auto_arima.json:", length(out), "series,",
    sum(vapply(out, function(e) length(e$runs), 0L)), "runs\n")
