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
     * An option may hold a bracketed list ({@code lower=[0.1,0.1,0.1,0.9]}), so commas split
     * options only outside brackets.
     */
    static String withOption(String text, String option) {
        String key = option.substring(0, option.indexOf('=') + 1);
        String head = text.substring(0, periodStart(text));
        String period = text.substring(head.length());
        StringBuilder args = new StringBuilder();
        String name = head;
        int open = head.indexOf('(');
        if (open >= 0) {
            name = head.substring(0, open);
            String inner = head.substring(open + 1, head.length() - 1);
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= inner.length(); i++) {
                char c = i < inner.length() ? inner.charAt(i) : ',';
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    String arg = inner.substring(start, i);
                    if (!arg.startsWith(key)) {
                        args.append(arg).append(',');
                    }
                    start = i + 1;
                }
            }
        }
        args.append(option);
        return name + "(" + args + ")" + period;
    }

    /**
     * Where the seasonal period {@code [m]} starts (the text's length if it has none): the
     * first bracket after the options, whose lists have brackets of their own.
     */
    static int periodStart(String text) {
        int at = text.indexOf('[', text.lastIndexOf(')') + 1);
        return at >= 0 ? at : text.length();
    }

    /** The spec text, e.g. {@code snaive(lambda=0)[12]}. */
    @Override
    public String toString() {
        return text;
    }
}
