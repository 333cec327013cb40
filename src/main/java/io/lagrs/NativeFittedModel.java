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
    public byte[] toBytes() {
        return call(NativeModels::toBytes0);
    }

    /** R's name of the model, or {@code Kind[closed]}. */
    @Override
    public String toString() {
        return isClosed() ? getClass().getSimpleName() + "[closed]" : label();
    }
}
