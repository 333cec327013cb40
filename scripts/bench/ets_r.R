# Times R's forecast::ets(y) (defaults) on the series of a CSV with the columns
# source,id,m,h,train,test (testdata/auto_arima/export_competition_series.py), one after another,
# after one warm-up fit; prints seconds per series (elapsed and CPU).
#   Rscript scripts/bench/ets_r.R testdata/ets/competition_subset.csv
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
series <- lapply(seq_len(nrow(d)), function(i) ts(as.numeric(strsplit(d$train[i], " ")[[1]]), frequency = d$m[i]))
invisible(suppressWarnings(ets(series[[1]])))
t0 <- proc.time()
for (y in series) invisible(suppressWarnings(ets(y)))
t <- proc.time() - t0
cat(sprintf("{\"seconds_per_series\": %.6f, \"cpu_seconds_per_series\": %.6f, \"series\": %d}\n",
            t[["elapsed"]] / length(series), (t[["user.self"]] + t[["sys.self"]]) / length(series), length(series)))
