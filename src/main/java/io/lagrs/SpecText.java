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

    /**
     * The text with one more option in its first parentheses, a repeated one replacing the
     * earlier (the engine parses the result, so the builders need no grammar of their own).
     */
    static String withOption(String text, String option) {
        String key = option.substring(0, option.indexOf('=') + 1);
        String head = text.contains("[") ? text.substring(0, text.indexOf('[')) : text;
        String period = text.substring(head.length());
        StringBuilder args = new StringBuilder();
        String name = head;
        int open = head.indexOf('(');
        if (open >= 0) {
            name = head.substring(0, open);
            for (String arg : head.substring(open + 1, head.length() - 1).split(",")) {
                if (!arg.startsWith(key)) {
                    args.append(arg).append(',');
                }
            }
        }
        args.append(option);
        return name + "(" + args + ")" + period;
    }

    /** The spec text, e.g. {@code snaive(lambda=0)[12]}. */
    @Override
    public String toString() {
        return text;
    }
}
