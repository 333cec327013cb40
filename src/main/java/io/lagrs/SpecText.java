package io.lagrs;

/**
 * A spec held as its canonical text (two equal specs have equal texts): what
 * {@link ModelSpec#parse(String)} returns, and the base of the builders that are only a text.
 */
sealed class SpecText implements ModelSpec permits Baseline, Ets, Intermittent, Theta {
    private final String text;

    SpecText(String canonicalText) {
        this.text = canonicalText;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecText s && text.equals(s.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The spec text, e.g. {@code snaive(lambda=0)[12]}. */
    @Override
    public String toString() {
        return text;
    }
}
