package io.lagrs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A {@link ModelBatch} restored by {@link ModelBatch#fromBytes(byte[])}: one model per fitted
 * series, each restored from its own saved bytes, and the saved error of every other series.
 *
 * <p>The format: {@code "LGRB"}, a version (1), the series count, then per series a tag (0 =
 * error, followed by its UTF-8 text; 1 = model, followed by the length and the bytes of
 * {@link FittedModel#toBytes()}).
 */
final class SavedBatch implements ModelBatch {
    private static final int MAGIC = 0x4c475242; // "LGRB"
    private static final int VERSION = 1;

    private final FittedModel[] models;
    private final byte[][] saved;
    private final String[] errors;
    private volatile boolean closed;

    private SavedBatch(FittedModel[] models, byte[][] saved, String[] errors) {
        this.models = models;
        this.saved = saved;
        this.errors = errors;
    }

    static byte[] toBytes(ModelBatch batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                String error = batch.error(i);
                if (error != null) {
                    out.writeByte(0);
                    byte[] text = error.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(text.length);
                    out.write(text);
                    continue;
                }
                try (FittedModel m = batch.model(i)) {
                    byte[] b = m.toBytes();
                    out.writeByte(1);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return bytes.toByteArray();
    }

    static ModelBatch fromBytes(byte[] bytes) {
        Checks.notNull(bytes, "bytes");
        int n;
        byte[][] saved;
        String[] errors;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (bytes.length < 12 || in.readInt() != MAGIC) {
                throw new IllegalArgumentException("bytes are not a saved model batch (ModelBatch.toBytes())");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("bytes are a saved model batch of format " + version
                        + ", this version reads " + VERSION);
            }
            n = in.readInt();
            if (n < 0 || n > bytes.length) {
                throw new IllegalArgumentException("bytes are a corrupt model batch (series count " + n + ")");
            }
            saved = new byte[n][];
            errors = new String[n];
            for (int i = 0; i < n; i++) {
                int tag = in.readByte();
                int length = in.readInt();
                if (tag < 0 || tag > 1 || length < 0 || length > in.available()) {
                    throw new IllegalArgumentException("bytes are a corrupt model batch (series " + i + ")");
                }
                byte[] b = in.readNBytes(length);
                if (tag == 0) {
                    errors[i] = new String(b, java.nio.charset.StandardCharsets.UTF_8);
                } else {
                    saved[i] = b;
                }
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("bytes are a corrupt model batch (" + in.available()
                        + " bytes after the last series)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("bytes are a truncated model batch", e);
        }
        FittedModel[] models = new FittedModel[n];
        try {
            for (int i = 0; i < n; i++) {
                if (saved[i] != null) {
                    models[i] = FittedModel.fromBytes(saved[i]);
                }
            }
        } catch (RuntimeException e) {
            for (FittedModel m : models) {
                if (m != null) {
                    m.close();
                }
            }
            throw e;
        }
        return new SavedBatch(models, saved, errors);
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("ModelBatch is closed");
        }
    }

    @Override
    public int size() {
        return models.length;
    }

    @Override
    public boolean succeeded(int i) {
        return error(i) == null;
    }

    @Override
    public String error(int i) {
        open();
        return errors[Objects.checkIndex(i, errors.length)];
    }

    @Override
    public String[] labels() {
        open();
        String[] labels = new String[models.length];
        for (int i = 0; i < models.length; i++) {
            labels[i] = models[i] == null ? null : models[i].label();
        }
        return labels;
    }

    @Override
    public Forecast[] forecast(int h, double level) {
        IntervalForecast[] all = forecast(h, new double[] {level});
        Forecast[] out = new Forecast[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i] == null ? null : all[i].at(0);
        }
        return out;
    }

    @Override
    public IntervalForecast[] forecast(int h, double[] levels) {
        Checks.notNull(levels, "levels");
        open();
        IntervalForecast[] out = new IntervalForecast[models.length];
        for (int i = 0; i < models.length; i++) {
            out[i] = models[i] == null ? null : models[i].forecast(h, levels);
        }
        return out;
    }

    @Override
    public IntervalForecast[] forecast(int h, double[] levels, BatchRegressors futureXreg) {
        Checks.notNull(levels, "levels");
        Checks.notNull(futureXreg, "futureXreg");
        open();
        double[][] future = futureXreg.futureFor(this, h);
        IntervalForecast[] out = new IntervalForecast[models.length];
        for (int i = 0; i < models.length; i++) {
            try {
                out[i] = models[i] == null ? null : models[i].forecast(h, levels, BatchRegressors.rows(future, i, h));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("series " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public FittedModel model(int i) {
        open();
        Objects.checkIndex(i, models.length);
        if (saved[i] == null) {
            throw new IllegalStateException("series " + i + " was not fitted: " + errors[i]);
        }
        return FittedModel.fromBytes(saved[i]);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            for (FittedModel m : models) {
                if (m != null) {
                    m.close();
                }
            }
        }
    }
}
