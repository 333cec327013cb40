# Reference values for the Nelder-Mead unit tests (rust/src/numerics/optim/nelder_mead.rs).
# Run: Rscript nelder_mead_r.R   (R 4.2; optim's defaults: alpha 1, beta 0.5, gamma 2,
# reltol sqrt(.Machine$double.eps), abstol -Inf, maxit 500 unless given).
show <- function(name, r) {
  cat(sprintf("%s: par = c(%s), value = %.17g, fncount = %d, convergence = %d\n", name,
              paste(sprintf("%.17g", r$par), collapse = ", "), r$value,
              r$counts[["function"]], r$convergence))
}
rosen <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
show("rosenbrock", optim(c(-1.2, 1), rosen, method = "Nelder-Mead"))
show("rosenbrock_maxit50", optim(c(-1.2, 1), rosen, method = "Nelder-Mead",
                                 control = list(maxit = 50)))
quad3 <- function(x) sum((x - c(1, -2, 3))^2 * c(1, 10, 100))
show("quad3_from_zero", optim(c(0, 0, 0), quad3, method = "Nelder-Mead"))
# Infinite outside a box: optim's nmmin replaces non-finite values by 1e35.
boxed <- function(x) if (any(abs(x) > 2)) Inf else (x[1] - 1.5)^2 + (x[2] + 0.5)^4 + x[1] * x[2]
show("boxed", optim(c(0.3, 0.2), boxed, method = "Nelder-Mead"))
show("abstol", optim(c(3, 4), function(x) sum(x^2), method = "Nelder-Mead",
                     control = list(abstol = 1e-3)))
show("reltol_loose", optim(c(3, 4), function(x) sum(x^2) + 1, method = "Nelder-Mead",
                           control = list(reltol = 1e-4)))
