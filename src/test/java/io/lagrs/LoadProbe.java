package io.lagrs;

/**
 * Run in a separate JVM by {@link NativeLoadingTest}: uses lagrs as a program would and prints
 * "OK <platform>" or, on failure, the error's class and message and its cause's message.
 */
public final class LoadProbe {
    private LoadProbe() {
    }

    public static void main(String[] args) {
        try {
            double[] mean = Rolling.mean(new double[] {1, 2, 3}, 2);
            if (mean[2] != 2.5) {
                throw new AssertionError("wrong rolling mean " + mean[2]);
            }
            System.out.println("OK " + NativeLibrary.platform());
        } catch (Throwable t) {
            Throwable root = t instanceof ExceptionInInitializerError && t.getCause() != null ? t.getCause() : t;
            System.out.println("FAILED " + root.getClass().getName() + ": " + oneLine(root.getMessage()));
            if (root.getCause() != null) {
                System.out.println("CAUSE " + oneLine(root.getCause().getMessage()));
            }
            // Once a load failed, every later use must fail the same clear way.
            try {
                Rolling.mean(new double[] {1, 2, 3}, 2);
                System.out.println("SECOND LOAD SUCCEEDED");
            } catch (UnsatisfiedLinkError again) {
                System.out.println("SECOND " + again.getMessage().equals(root.getMessage()));
            }
        }
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replace('\n', '|');
    }
}
