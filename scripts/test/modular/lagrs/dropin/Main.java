package lagrs.dropin;

import io.lagrs.NativeLibrary;
import io.lagrs.Rolling;
import java.util.Arrays;

/** The drop-in program again, this time as a named module started from the module path. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        double[] mean = Rolling.mean(new double[] {1, 2, 3, 4, 5}, 2);
        double[] expected = {Double.NaN, 1.5, 2.5, 3.5, 4.5};
        if (!Arrays.equals(mean, expected)) {
            throw new AssertionError("Rolling.mean gave " + Arrays.toString(mean));
        }
        System.out.println(NativeLibrary.class.getModule().getName() + " " + NativeLibrary.platform());
    }
}
