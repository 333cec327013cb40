# R side of scripts/bench/auto_arima_side_by_side.py: forecast::auto.arima with
# its defaults on every series of a CSV (id,m,h,train as space-separated
# numbers), one thread. Usage: Rscript auto_arima_r.R IN.csv OUT.csv
# Writes id,step,mean and prints the timed seconds (one untimed warm-up fit first).
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
series <- lapply(seq_len(nrow(d)), function(i) ts(as.numeric(strsplit(d$train[i], " ")[[1]]), frequency = d$m[i]))
invisible(forecast(auto.arima(series[[1]]), h = d$h[1]))
out <- vector("list", nrow(d))
started <- proc.time()[["elapsed"]]
for (i in seq_len(nrow(d))) {
  fc <- tryCatch(as.numeric(forecast(auto.arima(series[[i]]), h = d$h[i])$mean),
                 error = function(e) rep(NA_real_, d$h[i]))
  out[[i]] <- data.frame(id = d$id[i], step = seq_len(d$h[i]), mean = fc)
}
elapsed <- proc.time()[["elapsed"]] - started
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
cat(sprintf("%.6f\n", elapsed))
