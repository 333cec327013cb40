package io.lagrs;

/**
 * What every fitted model answers through the shared native entry points ({@link NativeModels});
 * a family's class adds only its own accessors.
 */
abstract class NativeFittedModel extends NativeHandle implements FittedModel {
    NativeFittedModel(long handle, String kind) {
        super(handle, NativeModels::free0, kind);
    }

    @Override
    public String label() {
        return call(NativeModels::label0);
    }

    @Override
    public Forecast forecast(int h, double level) {
        return forecast(h, new double[] {level}).at(0);
    }

    @Override
    public IntervalForecast forecast(int h, double[] levels) {
        Checks.notNull(levels, "levels");
        double[] asked = levels.clone();
        double[] packed = call(handle -> NativeModels.forecast0(handle, h, asked));
        return IntervalForecast.fromPacked(packed, 0, h, asked);
    }

    @Override
    public Forecast forecast(int h, double level, double[][] futureXreg) {
        return forecast(h, new double[] {level}, futureXreg).at(0);
    }

    @Override
    public IntervalForecast forecast(int h, double[] levels, double[][] futureXreg) {
        Checks.notNull(levels, "levels");
        Checks.notNull(futureXreg, "futureXreg");
        for (int j = 0; j < futureXreg.length; j++) {
            Checks.notNull(futureXreg[j], "futureXreg[" + j + "]");
        }
        double[] asked = levels.clone();
        double[][] future = futureXreg.clone();
        double[] packed = call(handle -> NativeModels.forecastXreg0(handle, h, asked, future));
        return IntervalForecast.fromPacked(packed, 0, h, asked);
    }

    @Override
    public Forecast forecast(int h, double level, Regressors future) {
        return forecast(h, new double[] {level}, future).at(0);
    }

    @Override
    public IntervalForecast forecast(int h, double[] levels, Regressors future) {
        Checks.notNull(future, "future");
        return forecast(h, levels, future.inOrder(regressorNames(), "the model"));
    }

    @Override
    public String[] regressorNames() {
        return call(NativeModels::regressorNames0);
    }

    @Override
    public double[] fitted() {
        return call(h -> NativeModels.vector0(h, NativeModels.Vector.FITTED.ordinal()));
    }

    @Override
    public double[] residuals() {
        return call(h -> NativeModels.vector0(h, NativeModels.Vector.RESIDUALS.ordinal()));
    }

    @Override
    public double sigma2() {
        return scalar(NativeModels.Scalar.SIGMA2);
    }

    @Override
    public double logLikelihood() {
        return scalar(NativeModels.Scalar.LOG_LIKELIHOOD);
    }

    @Override
    public double aic() {
        return scalar(NativeModels.Scalar.AIC);
    }

    @Override
    public double aicc() {
        return scalar(NativeModels.Scalar.AICC);
    }

    @Override
    public double bic() {
        return scalar(NativeModels.Scalar.BIC);
    }

    private double scalar(NativeModels.Scalar which) {
        return callDouble(h -> NativeModels.scalar0(h, which.ordinal()));
    }

    @Override
    public FittedModel forward(double[] y) {
        Checks.notNull(y, "y");
        double[] values = y.clone();
        long forwarded = call(handle -> InterruptibleCall.run("FittedModel.forward",
                cancel -> NativeModels.forward0(handle, values, cancel)));
        return NativeModels.wrap(forwarded);
    }

    @Override
    public byte[] toBytes() {
        return call(NativeModels::toBytes0);
    }

    /** R's name of the model, or {@code Kind[closed]}. */
    @Override
    public String toString() {
        return isClosed() ? getClass().getSimpleName() + "[closed]" : label();
    }
}
