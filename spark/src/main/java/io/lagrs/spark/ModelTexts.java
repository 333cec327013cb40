package io.lagrs.spark;

import io.lagrs.ModelSpec;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The models of a {@link ForecastSpec} as canonical spec texts, read on the driver: a text that
 * is not a spec fails where the user wrote it, not in a task.
 */
final class ModelTexts {
    private ModelTexts() {
    }

    /**
     * The canonical texts of {@code texts}, in the order given.
     *
     * @throws NullPointerException if {@code texts} or one of them is null
     * @throws IllegalArgumentException if there are none, a text is not a spec, or two texts
     *     name the same spec
     */
    static String[] canonical(String... texts) {
        Objects.requireNonNull(texts, "texts must not be null");
        if (texts.length == 0) {
            throw new IllegalArgumentException("at least one model is needed, got none");
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (int i = 0; i < texts.length; i++) {
            String text = Objects.requireNonNull(texts[i], "texts[" + i + "] must not be null");
            String read = canonical(text);
            if (!canonical.add(read)) {
                // Two rows per series and step under one spec name could not be told apart.
                throw new IllegalArgumentException("model spec '" + text + "' is given twice (as " + read + ")");
            }
        }
        return canonical.toArray(new String[0]);
    }

    /** The core's reader: its message quotes a bad text and says where and why it is not a spec. */
    static String canonical(String text) {
        return ModelSpec.parse(text).toString();
    }
}
