"""The exact Gaussian ARIMA log-likelihood in high precision (mpmath), R's convention.

Used by rescore_references.py and rescore_lagrs_end_points.py beside it. The convention is
the one of the fixture's likelihood values (R's `stats::arima` ML, lagrs', and
make_optimum_fixtures.py's re-scoring with SARIMAX's exact diffuse start): the likelihood
of the differenced series w = (1 - B)^d (1 - B^s)^D (y - X beta), X the mean column (only
when d + D = 0) and the drift column t = 1..n, as a stationary ARMA with the variance
concentrated out:

    ll = -m/2 (log(2 pi) + 1 + log(S / m)) - 1/2 sum(log r_t),   m = n - d - D s,

with S = sum(e_t^2 / r_t) over the one-step prediction errors e_t and their variances
r_t (unit innovation variance). The errors come from the innovations algorithm applied to
the ARMA-transformed process (Brockwell and Davis, Time Series: Theory and Methods, 5.3;
the transform has unit Jacobian, so the likelihood is that of w): the ARMA's
autocovariances (seasonal polynomials expanded) solved exactly, then O(m q^2) operations
(q the expanded MA order). Every step is in `dps` decimal digits, so the value does not
depend on how close the AR roots are to the unit circle or how large the series is, only
on the coefficients and the data as the doubles they are.
"""
from __future__ import annotations

import mpmath
from mpmath import mp, mpf


def expand(block, seasonal, s, sign):
    """Coefficients c_1..c_k of (1 + sign*sum(block B^i)) (1 + sign*sum(seasonal B^(s i)))
    as the ARMA's phi (sign = -1: returned so that x_t = sum(phi_i x_{t-i}) + ...) or
    theta (sign = +1)."""
    a = [mpf(1)] + [sign * mpf(v) for v in block]
    b = [mpf(0)] * (s * len(seasonal) + 1)
    b[0] = mpf(1)
    for i, v in enumerate(seasonal, start=1):
        b[s * i] = sign * mpf(v)
    prod = [mpf(0)] * (len(a) + len(b) - 1)
    for i, u in enumerate(a):
        for j, v in enumerate(b):
            prod[i + j] += u * v
    return [sign * c for c in prod[1:]]


def stationary(phi):
    """Whether x_t = sum(phi_i x_{t-i}) + noise is stationary: the step-down (Schur-Cohn)
    recursion's partial autocorrelations all strictly inside (-1, 1)."""
    a = list(phi)
    while a:
        k = a[-1]
        if abs(k) >= 1:
            return False
        a = [(a[j] + k * a[-2 - j]) / (1 - k * k) for j in range(len(a) - 1)]
    return True


def autocovariances(phi, theta, lags):
    """gamma(0..lags-1) of the ARMA with unit innovation variance (Brockwell and Davis
    3.3.8-3.3.9: psi weights, a (p+1)-dimensional linear system, then the recursion)."""
    p, q = len(phi), len(theta)
    th = [mpf(1)] + list(theta)
    psi = [mpf(0)] * (q + 1)
    for j in range(q + 1):
        psi[j] = th[j] + sum(phi[i - 1] * psi[j - i] for i in range(1, min(j, p) + 1))
    rhs = [sum(th[j] * psi[j - k] for j in range(k, q + 1)) for k in range(max(p, q) + 1)]
    gamma = [mpf(0)] * max(lags, p + 1)
    if p:
        a = mpmath.zeros(p + 1, p + 1)
        for k in range(p + 1):
            a[k, k] += 1
            for i in range(1, p + 1):
                a[k, abs(k - i)] -= phi[i - 1]
        sol = mpmath.lu_solve(a, mpmath.matrix(rhs[:p + 1]))
        for k in range(p + 1):
            gamma[k] = sol[k]
    else:
        gamma[0] = rhs[0]
    for k in range(p + 1, len(gamma)):
        gamma[k] = sum(phi[i - 1] * gamma[k - i] for i in range(1, p + 1)) + (rhs[k] if k <= q else 0)
    return gamma[:lags]


def arma_loglik(w, phi, theta, gain_limit=None):
    """The concentrated Gaussian log-likelihood of the stationary ARMA series w (mpf values)
    by the innovations algorithm (None when the AR part is not stationary).

    gain_limit: None for the exact likelihood; a number to reproduce R's `ARIMA_Like`
    (and lagrs', which follows it): innovations whose variance (in units of the innovation
    variance) is gain_limit (R: 1e4) or more are left out of the sums, which are then
    averaged over the nu innovations kept but scaled to all m observations."""
    if not stationary(phi):
        return None
    m, p, q = len(w), len(phi), len(theta)
    m0 = max(p, q)
    gamma = autocovariances(phi, theta, max(m0 + 1, 2 * m0 + 1))
    th = [mpf(1)] + list(theta)

    def g(h):
        return gamma[abs(h)] if abs(h) < len(gamma) else mpf(0)

    def kappa(i, j):  # 1-based, Brockwell and Davis (5.3.5)
        lo, hi = min(i, j), max(i, j)
        h = hi - lo
        if hi <= m0:
            return g(h)
        if lo <= m0 < hi <= 2 * m0:
            return g(h) - sum(phi[r - 1] * g(r - h) for r in range(1, p + 1))
        if lo > m0:
            return sum(th[r] * th[r + h] for r in range(0, q + 1 - h)) if h <= q else mpf(0)
        return mpf(0)

    v = [kappa(1, 1)]
    thetas = [{}]  # thetas[n][j] = theta_{n,j}, only the lags that can be non-zero
    xhat = [mpf(0)]
    for n in range(1, m):
        row = {}
        k0 = 0 if n < m0 else max(0, n - q)
        for k in range(k0, n):
            acc = kappa(n + 1, k + 1)
            for j in range(max(k0, 0), k):
                a, b = thetas[k].get(k - j), row.get(n - j)
                if a is not None and b is not None:
                    acc -= a * b * v[j]
            row[n - k] = acc / v[k]
        thetas.append(row)
        v.append(kappa(n + 1, n + 1) - sum(t * t * v[n - j] for j, t in row.items()))
        pred = sum(t * (w[n - j] - xhat[n - j]) for j, t in row.items())
        if n >= m0:
            pred += sum(phi[i - 1] * w[n - i] for i in range(1, p + 1))
        xhat.append(pred)
    keep = [t for t in range(m) if gain_limit is None or v[t] < gain_limit]
    nu = len(keep)
    s = sum((w[t] - xhat[t]) ** 2 / v[t] for t in keep)
    sumlog = sum(mpmath.log(v[t]) for t in keep)
    return -mpf(m) / 2 * (mpmath.log(2 * mp.pi) + 1 + mpmath.log(s / nu)) - mpf(m) / nu * sumlog / 2


def differenced_residuals(y, d, D, s, include_mean, include_drift, reg):
    """(1 - B)^d (1 - B^s)^D applied to y - X beta, in mpf."""
    n = len(y)
    cols = []
    if include_mean and d + D == 0:
        cols.append([mpf(1)] * n)
    if include_drift:
        cols.append([mpf(t) for t in range(1, n + 1)])
    x = [mpf(v) - sum(mpf(b) * c[t] for b, c in zip(reg, cols)) for t, v in enumerate(y)]
    for _ in range(d):
        x = [x[t] - x[t - 1] for t in range(1, len(x))]
    for _ in range(D):
        x = [x[t] - x[t - s] for t in range(s, len(x))]
    return x


def exact_loglik(case, coef, dps=80, gain_limit=None):
    """The log-likelihood of a fixture case (its y, order, seasonal, include_mean,
    include_drift) at coefficients in R's order (ar, ma, sar, sma, intercept, drift), as a
    float; None when the AR part is not stationary (no stationary likelihood exists).
    gain_limit: see arma_loglik (None: the exact likelihood)."""
    p, d, q = case["order"]
    P, D, Q, s = case["seasonal"]
    k = p + q + P + Q
    n_reg = int(case["include_mean"] and d + D == 0) + int(case["include_drift"])
    if len(coef) != k + n_reg:
        raise ValueError(f"{case['name']}: {len(coef)} coefficients, expected {k + n_reg}")
    with mp.workdps(dps):
        phi = expand(coef[:p], coef[p + q:p + q + P], s, -1)
        theta = expand(coef[p:p + q], coef[p + q + P:k], s, 1)
        w = differenced_residuals(case["y"], d, D, s, case["include_mean"], case["include_drift"], coef[k:])
        ll = arma_loglik(w, phi, theta, gain_limit)
        return None if ll is None else float(ll)
