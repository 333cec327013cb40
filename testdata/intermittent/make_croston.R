# Reference values for lagrs' `croston` from R's forecast::croston.
# Writes croston.json beside this script. Run from this directory:
#   Rscript make_croston.R
# Needs R >= 4.2 with forecast 8.20 and jsonlite (to read the series); the JSON writer is
# ../auto_arima/json.R. The series are those of statsforecast.json (make_statsforecast.py
# writes them), so both references see the same data.
#
# Each case is croston(ts(x), h = 7, alpha) for alpha 0.1 (the default, spec `croston`) and
# 0.3 (spec `croston(alpha=0.3)`): `mean`, `fitted` (fc$fitted) and `residuals`
# (fc$residuals). An all-zero series is a case (R forecasts zeros); R stops on negative and
# missing values, which lagrs refuses with an error (tested in Rust, not here).

suppressPackageStartupMessages(library(forecast))
source("../auto_arima/json.R")

input <- jsonlite::fromJSON("statsforecast.json", simplifyVector = TRUE)
cases <- list()
for (name in names(input$series)) {
  x <- as.numeric(input$series[[name]])
  for (alpha in c(0.1, 0.3)) {
    fc <- croston(ts(x), h = 7, alpha = alpha)
    spec <- if (alpha == 0.1) "croston" else sprintf("croston(alpha=%g)", alpha)
    cases[[length(cases) + 1]] <- list(
      series = name, spec = spec, h = 7L,
      mean = arr(as.numeric(fc$mean)),
      fitted = arr(as.numeric(fc$fitted)),
      residuals = arr(as.numeric(fc$residuals))
    )
  }
}
out <- list(
  generator = "make_croston.R",
  forecast = as.character(packageVersion("forecast")),
  note = "series: those of statsforecast.json",
  cases = cases
)
writeLines(to_json(out), "croston.json")
cat(sprintf("wrote croston.json: %d cases\n", length(cases)))
