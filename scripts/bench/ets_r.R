# Times R's forecast::ets(y) (defaults) on the series of a CSV with the columns
# source,id,m,h,train,test (testdata/auto_arima/export_competition_series.py) or id,m,h,train,
# one after another, after one warm-up fit; prints seconds per series (elapsed and CPU).
#   Rscript scripts/bench/ets_r.R testdata/ets/competition_subset.csv
# With OUT.csv the timed loop also forecasts each series h steps (forecast.ets) and the
# forecasts are written as id,step,mean (scripts/bench/ets_side_by_side.py):
#   Rscript scripts/bench/ets_r.R IN.csv OUT.csv
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE, colClasses = c(id = "character"))
series <- lapply(seq_len(nrow(d)), function(i) ts(as.numeric(strsplit(d$train[i], " ")[[1]]), frequency = d$m[i]))
invisible(suppressWarnings(ets(series[[1]])))
if (length(args) < 2) {
  t0 <- proc.time()
  for (y in series) invisible(suppressWarnings(ets(y)))
  t <- proc.time() - t0
} else {
  out <- vector("list", nrow(d))
  t0 <- proc.time()
  for (i in seq_len(nrow(d))) {
    fc <- tryCatch(as.numeric(forecast(suppressWarnings(ets(series[[i]])), h = d$h[i])$mean),
                   error = function(e) rep(NA_real_, d$h[i]))
    out[[i]] <- data.frame(id = d$id[i], step = seq_len(d$h[i]), mean = fc)
  }
  t <- proc.time() - t0
  write.csv(do.call(rbind, out), args[2], row.names = FALSE)
}
cat(sprintf("{\"seconds_per_series\": %.6f, \"cpu_seconds_per_series\": %.6f, \"series\": %d}\n",
            t[["elapsed"]] / length(series), (t[["user.self"]] + t[["sys.self"]]) / length(series), length(series)))
