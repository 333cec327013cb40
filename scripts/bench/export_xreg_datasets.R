# Writes scripts/bench/xreg_r_datasets.csv, the R data sets with regressors that
# scripts/bench/xreg_side_by_side.py forecasts beside its simulated sales (run once; the
# CSV is committed so the benchmark needs no R to read them):
#   Rscript scripts/bench/export_xreg_datasets.R scripts/bench/xreg_r_datasets.csv
# Seatbelts (monthly 1969-1984): each casualty series on the 1983 law and the petrol price
# (front and rear seats on the distance driven too, as ?Seatbelts models them); freeny
# (quarterly revenue on its four explanatory series). The last year is held out; its
# regressor values are the known future ones. Columns as the benchmark's input:
# id,m,seasonal,fourier,h,names,train,test,xreg (xreg column-major over train and test).
args <- commandArgs(trailingOnly = TRUE)
num <- function(v) paste(sprintf("%.17g", as.numeric(v)), collapse = " ")
row <- function(id, y, x, h) {
  n <- length(y) - h
  data.frame(id = id, m = frequency(y), seasonal = "true", fourier = "", h = h,
             names = paste(colnames(x), collapse = " "), train = num(y[1:n]),
             test = num(y[(n + 1):length(y)]), xreg = num(as.matrix(x)))
}
sb <- Seatbelts
rows <- list(
  row("Seatbelts_DriversKilled", sb[, "DriversKilled"], sb[, c("law", "PetrolPrice")], 12),
  row("Seatbelts_drivers", sb[, "drivers"], sb[, c("law", "PetrolPrice")], 12),
  row("Seatbelts_front", sb[, "front"], sb[, c("law", "PetrolPrice", "kms")], 12),
  row("Seatbelts_rear", sb[, "rear"], sb[, c("law", "PetrolPrice", "kms")], 12),
  row("freeny", freeny.y, setNames(as.data.frame(freeny.x), c("lag_revenue", "price_index", "income", "market_potential")), 4)
)
write.csv(do.call(rbind, rows), args[1], row.names = FALSE)
