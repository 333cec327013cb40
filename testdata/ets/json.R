# Minimal JSON writer for the fixture generators. jsonlite prints at most 15
# significant digits, which does not round-trip doubles; fixtures need every bit.
#
# Conventions: numbers as %.17g; NA and NaN as null; +-Inf as "Infinity" /
# "-Infinity"; a vector of length 1 is a scalar unless wrapped in arr(); a named
# list is an object, an unnamed list an array; NULL is null.

arr <- function(x) {
  if (is.null(x)) x <- numeric(0)
  structure(x, class = c("json_array", class(x)))
}

json_num <- function(v) {
  out <- sprintf("%.17g", v)
  out[is.na(v)] <- "null"
  out[!is.na(v) & v == Inf] <- "\"Infinity\""
  out[!is.na(v) & v == -Inf] <- "\"-Infinity\""
  out
}

json_str <- function(s) {
  s <- gsub("\\\\", "\\\\\\\\", s)
  s <- gsub("\"", "\\\\\"", s)
  paste0("\"", s, "\"")
}

to_json <- function(x) {
  if (is.null(x)) return("null")
  force_array <- inherits(x, "json_array")
  if (force_array) class(x) <- setdiff(class(x), "json_array")
  if (is.list(x)) {
    parts <- vapply(x, to_json, "")
    if (!is.null(names(x))) {
      return(paste0("{", paste0(json_str(names(x)), ":", parts, collapse = ","), "}"))
    }
    return(paste0("[", paste0(parts, collapse = ","), "]"))
  }
  x <- as.vector(x)
  items <- if (is.logical(x)) {
    ifelse(is.na(x), "null", ifelse(x, "true", "false"))
  } else if (is.numeric(x)) {
    json_num(as.double(x))
  } else {
    ifelse(is.na(x), "null", json_str(as.character(x)))
  }
  if (length(x) == 1 && !force_array) return(items)
  paste0("[", paste0(items, collapse = ","), "]")
}

write_json_file <- function(x, path) {
  writeLines(to_json(x), path, useBytes = TRUE)
}
