# R side of scripts/bench/xreg_side_by_side.py: forecast::auto.arima(y, xreg = X) on every
# series of its input (id,m,seasonal,fourier,h,names,train,test,xreg; xreg column-major over
# the training and test rows), X the named regressors then fourier(y, K) for the periods of
# `fourier` ("52.18:3" or "7:3 365.25:4"), forecast with the true future regressors and
# fourier(y, K, h). One thread, one untimed warm-up fit first.
#   Rscript scripts/bench/xreg_r.R IN.csv OUT.csv
# Writes id,step,mean,order,cpu (the series' CPU seconds) and prints {"cpu_seconds": c, "wall_seconds": w, "series": n}.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE, colClasses = c(id = "character", fourier = "character"))
nums <- function(s) as.numeric(strsplit(s, " ")[[1]])
prepare <- function(i) {
  y <- nums(d$train[i])
  n <- length(y)
  h <- d$h[i]
  names <- strsplit(d$names[i], " ")[[1]]
  x <- matrix(nums(d$xreg[i]), ncol = length(names), dimnames = list(NULL, names))
  list(y = y, m = d$m[i], seasonal = d$seasonal[i] %in% c("true", "TRUE", TRUE), h = h,
       fourier = if (is.na(d$fourier[i]) || d$fourier[i] == "") NULL else
         do.call(rbind, lapply(strsplit(strsplit(d$fourier[i], " ")[[1]], ":"), as.numeric)),
       x = x[1:n, , drop = FALSE], future = x[(n + 1):(n + h), , drop = FALSE])
}
one <- function(s) {
  x <- s$x
  future <- s$future
  if (!is.null(s$fourier)) {
    # One period: a ts of that frequency (msts() with a single period rounds it to a whole
    # number, 52.18 -> 52); several: msts, whose fourier() takes each period as given.
    z <- if (nrow(s$fourier) == 1) ts(s$y, frequency = s$fourier[1, 1]) else msts(s$y, seasonal.periods = s$fourier[, 1])
    x <- cbind(x, fourier(z, K = s$fourier[, 2]))
    future <- cbind(future, fourier(z, K = s$fourier[, 2], h = s$h))
  }
  fit <- auto.arima(ts(s$y, frequency = s$m), xreg = x, seasonal = s$seasonal)
  list(mean = as.numeric(forecast(fit, xreg = future)$mean), order = paste(arimaorder(fit), collapse = " "))
}
series <- lapply(seq_len(nrow(d)), prepare)
invisible(one(series[[1]]))
out <- vector("list", nrow(d))
t0 <- proc.time()
for (i in seq_along(series)) {
  c0 <- proc.time()
  r <- tryCatch(one(series[[i]]), error = function(e) list(mean = rep(NA_real_, d$h[i]), order = "error"))
  c1 <- proc.time() - c0
  out[[i]] <- data.frame(id = d$id[i], step = seq_len(d$h[i]), mean = r$mean, order = r$order,
                         cpu = c1[["user.self"]] + c1[["sys.self"]])
}
t <- proc.time() - t0
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
cat(sprintf("{\"cpu_seconds\": %.6f, \"wall_seconds\": %.6f, \"series\": %d}\n",
            t[["user.self"]] + t[["sys.self"]], t[["elapsed"]], length(series)))
