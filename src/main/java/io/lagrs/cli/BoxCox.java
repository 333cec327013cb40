package io.lagrs.cli;

/**
 * The Box-Cox transform and its inverse, as R's {@code forecast::BoxCox} and
 * {@code InvBoxCox}: forecasts are made on the transformed scale and transformed back (the
 * back-transformed mean is the forecast median, R's default {@code biasadj = FALSE}).
 */
final class BoxCox {
    private BoxCox() {
    }

    /** {@code log(x)} for lambda 0, else {@code (sign(x)|x|^lambda - 1) / lambda}; negative x is NaN when lambda < 0. */
    static double[] transform(double[] x, double lambda) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (lambda < 0 && v < 0) {
                out[i] = Double.NaN;
            } else if (lambda == 0) {
                out[i] = Math.log(v);
            } else {
                out[i] = (Math.signum(v) * Math.pow(Math.abs(v), lambda) - 1) / lambda;
            }
        }
        return out;
    }

    /** The inverse: {@code exp(y)} for lambda 0, else {@code sign(t)|t|^(1/lambda)} with {@code t = lambda*y + 1}. */
    static double[] inverse(double[] y, double lambda) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (lambda < 0 && v > -1 / lambda) {
                out[i] = Double.NaN;
            } else if (lambda == 0) {
                out[i] = Math.exp(v);
            } else {
                double t = lambda * v + 1;
                out[i] = Math.signum(t) * Math.pow(Math.abs(t), 1 / lambda);
            }
        }
        return out;
    }
}
