package io.lagrs;

/** A spec read from its text, held in canonical form (two equal specs have equal texts). */
final class SpecText implements ModelSpec {
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

    @Override
    public String toString() {
        return text;
    }
}
