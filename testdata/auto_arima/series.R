# The series every auto-ARIMA fixture is computed on: R's classic data sets,
# simulated series (fixed seed) and a subset of the M1 / Tourism monthly and
# quarterly series (competition_subset.csv, written by
# export_competition_series.py). Sourced by the generators in this directory.
#
# Each entry: list(name, source, m, x, h, test) where test is the competition's
# hold-out (empty for other series) and h the forecast horizon recorded.

default_h <- function(m) if (m > 1) 2 * m else 10

build_series <- function() {
  out <- list()
  add <- function(name, source, x, m, h = default_h(m), test = numeric(0)) {
    out[[length(out) + 1]] <<- list(name = name, source = source, m = m,
                                    x = as.numeric(x), h = h, test = as.numeric(test))
  }

  classic <- c("AirPassengers", "USAccDeaths", "lynx", "Nile", "LakeHuron",
               "WWWusage", "co2", "nottem", "austres", "sunspot.year", "UKgas",
               "JohnsonJohnson", "ldeaths", "mdeaths", "fdeaths", "airmiles",
               "presidents", "UKDriverDeaths", "BJsales", "uspop", "discoveries",
               "treering", "LakeHuron", "precip", "women", "nhtemp", "Seatbelts")
  classic <- unique(classic)
  for (nm in classic) {
    y <- get(nm, envir = asNamespace("datasets"))
    if (nm == "Seatbelts") y <- y[, "drivers"]
    if (nm == "women") y <- y$weight
    if (nm == "treering") y <- tail(y, 400)
    m <- if (is.ts(y)) frequency(y) else 1
    add(nm, "R datasets", y, m)
  }

  set.seed(4242)
  models <- list(
    wn = list(),
    ar1 = list(ar = 0.7),
    ma1 = list(ma = -0.5),
    arma11 = list(ar = 0.6, ma = 0.3),
    ar2 = list(ar = c(0.5, 0.3)),
    arma22 = list(ar = c(1.2, -0.5), ma = c(0.4, 0.2)),
    i1 = list(order = c(0, 1, 0)),
    ima11 = list(order = c(0, 1, 1), ma = -0.4),
    ari11 = list(order = c(1, 1, 0), ar = 0.5),
    i2ma1 = list(order = c(0, 2, 1), ma = -0.6)
  )
  for (mn in names(models)) {
    for (n in c(25, 60, 150, 400)) {
      spec <- models[[mn]]
      y <- arima.sim(model = spec, n = n)
      mean_shift <- if (mn %in% c("ar1", "arma11", "ar2")) 10 else 0
      drift <- if (mn %in% c("i1", "ari11")) 0.3 * seq_along(y) else 0
      add(sprintf("sim_%s_n%d", mn, n), "simulated", as.numeric(y) + mean_shift + drift, 1)
    }
  }
  sarima <- function(n, m, phi = 0, theta = 0, Phi = 0, Theta = 0, d = 0, D = 0, sigma = 1) {
    burn <- 5 * m + 50
    e <- rnorm(n + burn, sd = sigma)
    w <- numeric(n + burn)
    for (t in seq_len(n + burn)) {
      ar <- if (t > 1) phi * w[t - 1] else 0
      sar <- if (t > m) Phi * w[t - m] else 0
      sarar <- if (t > m + 1) -phi * Phi * w[t - m - 1] else 0
      ma <- if (t > 1) theta * e[t - 1] else 0
      sma <- if (t > m) Theta * e[t - m] else 0
      smama <- if (t > m + 1) theta * Theta * e[t - m - 1] else 0
      w[t] <- ar + sar + sarar + e[t] + ma + sma + smama
    }
    w <- tail(w, n + D * m + d)
    if (D > 0) for (i in seq_len(D)) w <- diffinv(w, lag = m)[-(1:m)] + 0
    if (d > 0) for (i in seq_len(d)) w <- cumsum(w)
    tail(w, n)
  }
  seasonal_specs <- list(
    airline = list(theta = -0.4, Theta = -0.6, d = 1, D = 1),
    sar1 = list(Phi = 0.7),
    sarma = list(phi = 0.5, Theta = 0.4),
    sdiff = list(phi = 0.3, D = 1),
    trend_season = list(theta = 0.3, d = 1, D = 0)
  )
  for (sn in names(seasonal_specs)) {
    for (m in c(4, 12)) {
      for (n in c(3 * m, 6 * m, 12 * m)) {
        args <- c(list(n = n, m = m), seasonal_specs[[sn]])
        y <- do.call(sarima, args)
        pattern <- if (sn %in% c("sar1", "sarma", "trend_season")) 5 * sin(2 * pi * seq_len(n) / m) else 0
        add(sprintf("sim_%s_m%d_n%d", sn, m, n), "simulated", y + pattern + 100, m)
      }
    }
  }
  # Weekly-ish and other periods.
  y <- 20 + 3 * sin(2 * pi * (1:140) / 7) + arima.sim(list(ar = 0.5), 140)
  add("sim_period7_n140", "simulated", y, 7)
  y <- 50 + cumsum(rnorm(90, 0.1)) + 4 * cos(2 * pi * (1:90) / 6)
  add("sim_period6_n90", "simulated", y, 6)

  # Special cases R handles by its own rules.
  add("constant_m1", "special", rep(3.5, 30), 1)
  add("constant_m12", "special", rep(-2, 48), 12)
  add("linear_trend", "special", 2 + 0.5 * (1:40), 1)
  add("quadratic", "special", (1:30)^2, 1)
  add("pure_seasonal_pattern", "special", rep(c(1, 5, 3, 8), 10), 4)
  add("seasonal_pattern_plus_trend", "special", rep(c(1, 5, 3, 8), 10) + 0.25 * (1:40), 4)
  add("short_n3", "special", c(4, 7, 5), 1)
  add("short_n5", "special", c(4, 7, 5, 9, 6), 1)
  add("short_n8", "special", c(10, 12, 9, 14, 11, 15, 13, 17), 1)
  add("short_m12_n20", "special", 100 + 10 * sin(2 * pi * (1:20) / 12) + rnorm(20), 12)
  add("short_m4_n9", "special", c(5, 9, 7, 12, 6, 10, 8, 13, 7), 4)
  add("short_m12_n24", "special", 100 + 10 * sin(2 * pi * (1:24) / 12) + rnorm(24), 12)
  y <- 100 + cumsum(rnorm(80))
  y[c(5, 6, 40)] <- NA
  add("na_inside", "special", y, 1)
  y <- 30 + 5 * sin(2 * pi * (1:72) / 12) + cumsum(rnorm(72, 0, 0.5))
  y[c(1, 2, 3, 30, 71, 72)] <- NA
  add("na_ends_m12", "special", y, 12)
  add("all_na", "special", rep(NA_real_, 20), 1)
  y <- rpois(60, 2)
  add("counts_with_zeros", "special", y, 1)
  y <- 1e6 + cumsum(rnorm(100, 0, 1e3))
  add("large_level", "special", y, 1)

  comp <- read.csv("competition_subset.csv", stringsAsFactors = FALSE)
  for (i in seq_len(nrow(comp))) {
    r <- comp[i, ]
    add(sprintf("%s_%s", r$source, r$id), r$source,
        as.numeric(strsplit(r$train, " ")[[1]]), r$m, r$h,
        as.numeric(strsplit(r$test, " ")[[1]]))
  }
  out
}
