package io.lagrs;

import java.util.Map;

/**
 * The codes shared with the native library, and a native call that lists the native side's
 * names for them, so a test can prove both sides agree. Not part of the public API.
 */
final class NativeContract {
    /** The Java enums whose ordinals cross the bridge, by the name the native side uses. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            Map.entry("RollingStatistic.Kind", RollingStatistic.Kind.class),
            Map.entry("Lags.Kind", Lags.Kind.class),
            Map.entry("ArimaModel.Vector", ArimaModel.Vector.class),
            Map.entry("ArimaModel.Scalar", ArimaModel.Scalar.class),
            Map.entry("NativeModels.Vector", NativeModels.Vector.class),
            Map.entry("NativeModels.Scalar", NativeModels.Scalar.class),
            Map.entry("ArimaModel.OrderSlot", ArimaModel.OrderSlot.class),
            Map.entry("DemandPattern", DemandPattern.class));

    /** Java constants that mirror a native limit or code, by the name the native side uses. */
    static final Map<String, Long> LIMITS = Map.of("ArimaModel.MAX_HORIZON", (long) ArimaModel.MAX_HORIZON,
            "NativeModels.ARIMA_FAMILY", (long) NativeModels.ARIMA_FAMILY,
            "NativeModels.ETS_FAMILY", (long) NativeModels.ETS_FAMILY);

    static {
        NativeLibrary.load();
    }

    private NativeContract() {
    }

    /**
     * One line per native enum, {@code JavaType=NAME0,NAME1,...} in code order, and one per
     * limit, {@code JavaType.CONSTANT=value}.
     */
    static native String[] names0();
}
