import io.lagrs.NativeLibrary;
import io.lagrs.Rolling;
import java.util.Arrays;

/** What a user's program does after adding the API jar and the classifier jar: call lagrs. */
public class DropIn {
    public static void main(String[] args) {
        double[] mean = Rolling.mean(new double[] {1, 2, 3, 4, 5}, 2);
        double[] expected = {Double.NaN, 1.5, 2.5, 3.5, 4.5};
        if (!Arrays.equals(mean, expected)) {
            throw new AssertionError("Rolling.mean gave " + Arrays.toString(mean));
        }
        System.out.println(NativeLibrary.platform());
    }
}
