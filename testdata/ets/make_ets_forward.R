# Fixtures for carrying a fitted model over new data with its parameters fixed: R's
# forecast (8.20) `ets(y, model = fit, use.initial.values = TRUE)` and
# `Arima(y, model = fit)`, each fitted on the first part of one of R's data sets and applied
# to the whole series. For each: the first fit's parameters (to check both sides start from
# the same model), then the carried model's criteria, sigma^2 and forecasts. (ETS(M,A,M) on the
# first 120 months of AirPassengers is left out: lagrs' fit there finds a higher likelihood than
# R's, so the two carried models differ from the start.)
#
#   Rscript make_ets_forward.R      (writes ets_forward.json beside this script)
suppressMessages(library(forecast))
source("../auto_arima/json.R")

h <- 12
cases <- list()
summary_of <- function(fit) {
  fc <- forecast(fit, h = h, level = 95)
  list(loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic, sigma2 = fit$sigma2,
       mean = arr(as.numeric(fc$mean)), upper95 = arr(as.numeric(fc$upper[, 1])))
}
add_ets <- function(name, y, train, model, damped) {
  y <- ts(as.numeric(y), frequency = frequency(y))
  y1 <- ts(as.numeric(y)[1:train], frequency = frequency(y))
  fit <- ets(y1, model = model, damped = damped)
  on <- ets(y, model = fit, use.initial.values = TRUE)
  cases[[length(cases) + 1]] <<- list(
    name = name, family = "ets", spec = model, damped = damped, m = frequency(y), train = train, h = h,
    y = arr(as.numeric(y)),
    fit = list(par = arr(unname(fit$par)), loglik = fit$loglik),
    forward = summary_of(on))
}
add_arima <- function(name, y, train, order, seasonal) {
  y <- ts(as.numeric(y), frequency = frequency(y))
  y1 <- ts(as.numeric(y)[1:train], frequency = frequency(y))
  fit <- Arima(y1, order = order, seasonal = seasonal)
  on <- Arima(y, model = fit)
  cases[[length(cases) + 1]] <<- list(
    name = name, family = "arima", m = frequency(y), train = train, h = h,
    order = arr(c(order, seasonal)), y = arr(as.numeric(y)),
    fit = list(par = arr(unname(fit$coef)), loglik = fit$loglik),
    forward = summary_of(on))
}

add_ets("USAccDeaths_ANA", USAccDeaths, 60, "ANA", FALSE)
add_ets("USAccDeaths_AAdA", USAccDeaths, 60, "AAA", TRUE)
add_arima("AirPassengers_011_011", AirPassengers, 120, c(0, 1, 1), c(0, 1, 1))

write_json_file(list(cases = cases), "ets_forward.json")
