package io.lagrs;

/** A fitted model of a family that has no Java class of its own (the benchmark methods). */
final class GenericModel extends NativeFittedModel {
    GenericModel(long handle) {
        super(handle, "FittedModel");
    }
}
