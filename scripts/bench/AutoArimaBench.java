import io.lagrs.ArimaBatch;
import io.lagrs.ArimaModel;
import io.lagrs.AutoArima;
import io.lagrs.Forecast;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lagrs side of scripts/bench/auto_arima_side_by_side.py.
 *
 * <p>Usage: {@code java -cp lagrs-all.jar:. AutoArimaBench IN.csv OUT.csv THREADS}. Reads
 * {@code id,m,h,train} (train space-separated), fits {@code AutoArima} with R's defaults and
 * the series' period, forecasts h steps and writes {@code id,step,mean}. THREADS = 1 fits one
 * series after another on the calling thread; otherwise {@code AutoArima.fitAll} (all cores).
 * A warm-up pass over the first series is not timed; the last stdout line is
 * {@code {"seconds": S}} for the timed pass.
 */
public final class AutoArimaBench {
    private record Series(String id, int m, int h, double[] y) {}

    public static void main(String[] args) throws Exception {
        List<Series> all = read(Path.of(args[0]));
        int threads = Integer.parseInt(args[2]);
        run(all.subList(0, Math.min(20, all.size())), threads);
        long t0 = System.nanoTime();
        Map<String, double[]> forecasts = run(all, threads);
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            out.println("id,step,mean");
            for (Series s : all) {
                double[] f = forecasts.get(s.id());
                for (int k = 0; k < s.h(); k++) {
                    out.println(s.id() + "," + (k + 1) + "," + (f == null ? "NaN" : Double.toString(f[k])));
                }
            }
        }
        System.out.println("{\"seconds\": " + seconds + "}");
    }

    private static Map<String, double[]> run(List<Series> all, int threads) {
        Map<List<Integer>, List<Series>> groups = new LinkedHashMap<>();
        for (Series s : all) {
            groups.computeIfAbsent(List.of(s.m(), s.h()), k -> new ArrayList<>()).add(s);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<List<Integer>, List<Series>> g : groups.entrySet()) {
            int m = g.getKey().get(0);
            int h = g.getKey().get(1);
            AutoArima auto = AutoArima.builder().seasonalPeriod(m).build();
            List<Series> group = g.getValue();
            if (threads == 1) {
                for (Series s : group) {
                    try (ArimaModel model = auto.fit(s.y())) {
                        out.put(s.id(), model.forecast(h, 0.95).mean());
                    } catch (RuntimeException e) {
                        out.put(s.id(), null);
                    }
                }
            } else {
                double[][] ys = group.stream().map(Series::y).toArray(double[][]::new);
                try (ArimaBatch batch = auto.fitAll(ys)) {
                    Forecast[] f = batch.forecast(h, 0.95);
                    for (int i = 0; i < group.size(); i++) {
                        out.put(group.get(i).id(), batch.succeeded(i) ? f[i].mean() : null);
                    }
                }
            }
        }
        return out;
    }

    private static List<Series> read(Path path) throws Exception {
        List<Series> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(path)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",", 4);
                double[] y = Arrays.stream(f[3].split(" ")).mapToDouble(Double::parseDouble).toArray();
                out.add(new Series(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), y));
            }
        }
        return out;
    }
}
