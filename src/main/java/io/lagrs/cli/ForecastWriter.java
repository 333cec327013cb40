package io.lagrs.cli;

import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the forecast file and the model table. With one model the files are
 * {@code series,time,mean,lower_80,upper_80,...} and a row per series; with several, as
 * statsforecast's {@code forecast()} names its columns, a column group per model named by the
 * model ({@code series,time,snaive,snaive-lo-80,snaive-hi-80,...,naive,naive-lo-80,...}), and
 * a model-table row per series and model with a {@code model} column.
 */
final class ForecastWriter implements Flushable {
    private final CSVPrinter forecasts;
    private final CSVPrinter models;
    private final ForecastSettings settings;

    ForecastWriter(CSVPrinter forecasts, CSVPrinter models, ForecastSettings settings) throws IOException {
        this.forecasts = forecasts;
        this.models = models;
        this.settings = settings;
        forecasts.printRecord(forecastHeader(settings));
        models.printRecord(modelHeader(settings));
    }

    static List<String> forecastHeader(ForecastSettings settings) {
        List<String> header = new ArrayList<>(List.of("series", "time"));
        for (ModelChoice m : settings.models()) {
            boolean several = settings.severalModels();
            header.add(several ? m.name() : "mean");
            for (double p : settings.levelsPercent()) {
                String level = Numbers.level(p);
                header.add(several ? m.name() + "-lo-" + level : "lower_" + level);
                header.add(several ? m.name() + "-hi-" + level : "upper_" + level);
            }
        }
        return header;
    }

    static List<String> modelHeader(ForecastSettings settings) {
        List<String> header = new ArrayList<>(List.of("series"));
        if (settings.severalModels()) {
            header.add("model");
        }
        header.addAll(List.of("order", "aicc", "sigma2", "loglik", "status", "error", "n", "missing", "gaps",
                "frequency"));
        if (settings.holdout() != null) {
            header.add("mase");
            header.add("smape");
            for (double p : settings.levelsPercent()) {
                header.add("coverage_" + Numbers.level(p));
            }
        }
        return header;
    }

    /** The series' forecast rows (none if no model forecast it) and its model-table rows. */
    void write(SeriesResult r) throws IOException {
        RegularSeries s = r.series();
        int levels = settings.levels().length;
        List<String> row = new ArrayList<>();
        for (int i = 0; i < r.horizon(); i++) {
            row.clear();
            row.add(s.name());
            row.add(s.time(r.trainLength() + i));
            for (SeriesResult.ModelResult m : r.models()) {
                row.add(m.ok() ? Numbers.format(m.mean()[i]) : "");
                for (int k = 0; k < levels; k++) {
                    row.add(m.ok() ? Numbers.format(m.lower()[k][i]) : "");
                    row.add(m.ok() ? Numbers.format(m.upper()[k][i]) : "");
                }
            }
            forecasts.printRecord(row);
        }
        for (int j = 0; j < r.models().size(); j++) {
            SeriesResult.ModelResult m = r.models().get(j);
            row.clear();
            row.add(s.name());
            if (settings.severalModels()) {
                row.add(settings.models().get(j).name());
            }
            row.add(m.ok() ? m.label() : "");
            row.add(Numbers.format(m.aicc()));
            row.add(Numbers.format(m.sigma2()));
            row.add(Numbers.format(m.logLikelihood()));
            row.add(m.ok() ? "ok" : "failed");
            row.add(m.ok() ? "" : m.error());
            row.add(Integer.toString(s.length()));
            row.add(Integer.toString(s.missing() + s.gaps()));
            row.add(Integer.toString(s.gaps()));
            row.add(s.failure() == null ? s.frequencyLabel() : "");
            if (settings.holdout() != null) {
                row.add(Numbers.format(m.mase()));
                row.add(Numbers.format(m.smape()));
                for (int k = 0; k < levels; k++) {
                    row.add(m.coverage() == null ? "" : Numbers.format(m.coverage()[k]));
                }
            }
            models.printRecord(row);
        }
    }

    @Override
    public void flush() throws IOException {
        forecasts.flush();
        models.flush();
    }
}
