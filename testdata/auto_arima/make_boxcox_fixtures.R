# Box-Cox reference values from R's forecast package: BoxCox, InvBoxCox (with
# and without bias adjustment) and BoxCox.lambda(method = "guerrero").
# Writes boxcox.json beside this script. Run from this directory:
#   Rscript make_boxcox_fixtures.R
# Needs R >= 4.2 with forecast 8.20. Deterministic (fixed seeds).

suppressPackageStartupMessages(library(forecast))
source("json.R")

cases <- list()
add_case <- function(name, x, m) {
  x <- as.numeric(x)
  xt <- ts(x, frequency = m)
  lambdas <- list()
  for (bounds in list(c(-1, 2), c(-0.9, 2), c(0, 1.5))) {
    lam <- suppressWarnings(BoxCox.lambda(xt, method = "guerrero",
                                          lower = bounds[1], upper = bounds[2]))
    lambdas[[length(lambdas) + 1]] <- list(lower = bounds[1], upper = bounds[2], lambda = lam)
  }
  # Guerrero's criterion itself at a few points (NaN where R gives NaN/NA).
  grid <- c(-1, -0.5, 0, 0.3, 1, 2)
  cv <- vapply(grid, function(l) {
    v <- suppressWarnings(forecast:::guer.cv(l, xt))
    if (is.null(v) || length(v) == 0) NA_real_ else as.numeric(v)
  }, 0)
  cases[[length(cases) + 1]] <<- list(
    name = name, m = m, x = arr(x),
    guerrero = lambdas,
    cv_lambda = arr(grid), cv = arr(cv)
  )
}

data_sets <- list(
  AirPassengers = AirPassengers, USAccDeaths = USAccDeaths, lynx = lynx,
  Nile = Nile, co2 = co2, nottem = nottem, UKgas = UKgas,
  JohnsonJohnson = JohnsonJohnson, austres = austres, WWWusage = WWWusage,
  sunspot.year = sunspot.year, LakeHuron = LakeHuron, ldeaths = ldeaths,
  presidents = presidents, airmiles = airmiles, UKDriverDeaths = UKDriverDeaths,
  beer = NULL
)
data_sets <- data_sets[!vapply(data_sets, is.null, TRUE)]
for (nm in names(data_sets)) {
  y <- data_sets[[nm]]
  add_case(nm, y, frequency(y))
}

set.seed(20261124)
# Multiplicative seasonal series, positive, several periods and lengths.
for (m in c(1, 4, 7, 12)) {
  for (n in c(2 * max(m, 2), 2 * max(m, 2) + 1, 25, 60, 144)) {
    t <- seq_len(n)
    season <- if (m > 1) 1 + 0.3 * sin(2 * pi * t / m) else 1
    level <- exp(cumsum(rnorm(n, 0.01, 0.05))) * 100
    y <- level * season * exp(rnorm(n, 0, 0.05))
    add_case(sprintf("sim_pos_m%d_n%d", m, n), y, m)
  }
}
# Series with missing values (NA inside and at both ends).
y <- 50 + cumsum(rnorm(96)) + 10 * sin(2 * pi * (1:96) / 12)
y[c(1, 17, 18, 40, 96)] <- NA
add_case("sim_na_m12", y, 12)
y <- rep(NA_real_, 36); y[c(2, 30)] <- c(4, 5)
add_case("sim_mostly_na_m4", y, 4)
# Non-positive values: lower bound is raised to 0 by R.
y <- c(0, rpois(59, 3))
add_case("sim_counts_m12", y, 12)
y <- rnorm(80)
add_case("sim_signed_m4", y, 4)
# Constant and near-constant.
add_case("sim_constant_m4", rep(7, 40), 4)
add_case("sim_short_m12", c(5, 6, 7, 8, 9, 10), 12)

# Transforms: forward, inverse, inverse with bias adjustment.
transforms <- list()
xs <- c(-3, -1, -0.5, 0, 1e-8, 0.25, 1, 2.5, 10, 1e3, NA)
for (lam in c(-1, -0.9, -0.5, -0.1, 0, 0.1, 0.5, 1, 1.5, 2)) {
  fwd <- suppressWarnings(BoxCox(xs, lam))
  attributes(fwd) <- NULL
  zs <- c(-20, -3, -1, -0.5, 0, 0.3, 1, 2, 5, NA)
  inv <- suppressWarnings(InvBoxCox(zs, lam))
  fvar <- c(0.5, 0.1, 0.01, 0.2, 0, 1, 0.05, 0.3, 2, 0.1)
  invb <- suppressWarnings(InvBoxCox(zs, lam, biasadj = TRUE, fvar = fvar))
  transforms[[length(transforms) + 1]] <- list(
    lambda = lam, x = arr(xs), box_cox = arr(fwd),
    z = arr(zs), inv = arr(inv), fvar = arr(fvar), inv_biasadj = arr(invb)
  )
}

write_json_file(list(
  generator = "make_boxcox_fixtures.R",
  r_version = R.version.string,
  forecast_version = as.character(packageVersion("forecast")),
  cases = cases,
  transforms = transforms
), "boxcox.json")
cat("wrote boxcox.json:", length(cases), "lambda cases,", length(transforms), "transform cases\n")
