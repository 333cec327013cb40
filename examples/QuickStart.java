import io.lagrs.*;
import io.lagrs.table.*;
import java.nio.file.*;

/** java -cp lagrs.jar:lagrs-NATIVE.jar examples/QuickStart.java sales.csv out */
public class QuickStart {
    public static void main(String[] args) throws Exception {
        SeriesTable sales = LongCsv.read(Path.of(args[0]));   // series,time,value: ids and dates
        Path out = Files.createDirectories(Path.of(args[1]));
        Forecaster arima = Forecaster.of("auto_arima").horizon(12).levels(0.8, 0.95)
                .onProgress(p -> System.err.printf("\r%d/%d series", p.done(), p.total()));
        arima.forecast(sales).writeCsv(out.resolve("forecast.csv"));   // id, date, model, mean, 80/95%
        System.out.println("holdout: " + arima.evaluate(sales, 12));    // MASE, sMAPE of the last 12
        try (ModelBatch models = ModelSpec.parse("auto_arima[12]").fitAll(sales.values(), sales.offsets())) {
            Files.write(out.resolve("models.bin"), models.toBytes());
        }
        try (ModelBatch saved = ModelBatch.fromBytes(Files.readAllBytes(out.resolve("models.bin")))) {
            System.out.println(sales.id(0) + ": " + saved.labels()[0]);
        }
        double[] mean12 = Rolling.applyMany(RollingStatistic.MEAN, sales.values(), sales.offsets(), 12, 1);
        System.out.println("rolling mean of the last point: " + mean12[sales.offsets()[1] - 1]);
    }
}
