# R side of theta_side_by_side.py: thetaf on every series of IN.csv (id,m,h,train).
# Usage: Rscript theta_r.R IN.csv OUT.csv ; prints {"seconds": S}, the CPU time (user + system) of the fits and forecasts.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
input <- read.csv(args[1], stringsAsFactors = FALSE)
series <- lapply(seq_len(nrow(input)), function(i) {
  list(id = input$id[i], m = input$m[i], h = input$h[i],
       y = ts(as.numeric(strsplit(input$train[i], " ")[[1]]), frequency = input$m[i]))
})
invisible(thetaf(series[[1]]$y, h = series[[1]]$h))  # untimed: loads and byte-compiles
t0 <- sum(proc.time()[c("user.self", "sys.self")])
means <- lapply(series, function(s) as.numeric(thetaf(s$y, h = s$h)$mean))
seconds <- sum(proc.time()[c("user.self", "sys.self")]) - t0
rows <- do.call(rbind, lapply(seq_along(series), function(i) {
  data.frame(id = series[[i]]$id, step = seq_along(means[[i]]), mean = sprintf("%.17g", means[[i]]))
}))
write.csv(rows, args[2], row.names = FALSE, quote = FALSE)
cat(sprintf("{\"seconds\": %.6f}\n", seconds))
