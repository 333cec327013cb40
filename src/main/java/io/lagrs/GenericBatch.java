package io.lagrs;

/** A batch of models of any family (from a {@link ModelSpec} that is not an ARIMA builder). */
final class GenericBatch extends NativeModelBatch {
    GenericBatch(long handle, int size) {
        super(handle, size, "ModelBatch");
    }

    @Override
    public FittedModel model(int i) {
        return NativeModels.wrap(modelHandle(i));
    }
}
