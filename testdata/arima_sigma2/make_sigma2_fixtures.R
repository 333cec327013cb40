# Which innovation variance R reports, and which one its intervals use, for a fixed-order and
# an automatic ARIMA fit (forecast 8.20):
#   stats::arima       sigma2 = sum of squared standardized innovations / n.used;
#   forecast::Arima    sigma2 = sum(residuals^2) / (nstar - npar + 1), nstar = n - d - D m,
#                      npar = estimated coefficients + 1 (unless model = is given);
#   auto.arima         the same formula (myarima), kept in the returned fit;
#   forecast()         intervals from predict.Arima: se = sqrt(v_h * object$sigma2).
# R's residuals include the first d + D m, standardized by the 1e6 diffuse prior, so
# forecast's sigma2 is a hair above stats' times n.used / (nstar - npar + 1).
#   Rscript testdata/arima_sigma2/make_sigma2_fixtures.R   (writes sigma2.json beside it)
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })
h <- 12
one <- function(name, y, order, seasonal) {
  s <- stats::arima(y, order = order, seasonal = seasonal)
  f <- Arima(y, order = order, seasonal = seasonal)
  ff <- forecast(f, h = h, level = 95)
  a <- auto.arima(y)
  fa <- forecast(a, h = h, level = 95)
  list(name = name, y = as.numeric(y), m = frequency(y), order = order, seasonal = seasonal,
       stats_sigma2 = s$sigma2, stats_loglik = s$loglik, n_used = s$nobs,
       stats_se = as.numeric(predict(s, n.ahead = h)$se),
       arima_sigma2 = f$sigma2, arima_loglik = f$loglik,
       arima_mean = as.numeric(ff$mean), arima_lower = as.numeric(ff$lower), arima_upper = as.numeric(ff$upper),
       auto_arma = as.numeric(a$arma), auto_coef_names = names(a$coef), auto_sigma2 = a$sigma2,
       auto_mean = as.numeric(fa$mean), auto_lower = as.numeric(fa$lower), auto_upper = as.numeric(fa$upper))
}
cases <- list(
  one("airpassengers_120", window(AirPassengers, end = c(1958, 12)), c(0, 1, 1), c(0, 1, 1)),
  one("usaccdeaths", USAccDeaths, c(0, 1, 1), c(0, 1, 1)),
  one("lh_ar1_mean", lh, c(1, 0, 0), c(0, 0, 0))
)
out <- list(generator = "testdata/arima_sigma2/make_sigma2_fixtures.R",
            versions = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))),
            cases = cases)
dir <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), file.path(dir, "sigma2.json"))
