package io.lagrs.cli;

import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the forecast file and the model table. With one model the files are
 * {@code series,time,mean,lower_80,upper_80,...} and a row per series; with several, as
 * statsforecast's {@code forecast()} names its columns, a column group per model named by the
 * model ({@code series,time,snaive,snaive-lo-80,snaive-hi-80,...,naive,naive-lo-80,...}), and
 * a model-table row per series and model with a {@code model} column.
 */
final class ForecastWriter implements Flushable {
    private final CsvWriter forecasts;
    private final CsvWriter models;
    private final ForecastSettings settings;

    ForecastWriter(CsvWriter forecasts, CsvWriter models, ForecastSettings settings) throws IOException {
        this.forecasts = forecasts;
        this.models = models;
        this.settings = settings;
        forecasts.plainRow(forecastHeader(settings));
        models.plainRow(modelHeader(settings));
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

    /**
     * The series' forecast rows (none if no model forecast it) and its model-table rows; text
     * from the data (names, errors) as {@link CsvWriter#text}, safe in a spreadsheet.
     */
    void write(SeriesResult r) throws IOException {
        RegularSeries s = r.series();
        int levels = settings.levels().length;
        for (int i = 0; i < r.horizon(); i++) {
            forecasts.text(s.name()).plain(s.time(r.trainLength() + i));
            for (SeriesResult.ModelResult m : r.models()) {
                forecasts.plain(m.ok() ? Numbers.format(m.mean()[i]) : "");
                for (int k = 0; k < levels; k++) {
                    forecasts.plain(m.ok() ? Numbers.format(m.lower()[k][i]) : "");
                    forecasts.plain(m.ok() ? Numbers.format(m.upper()[k][i]) : "");
                }
            }
            forecasts.endRow();
        }
        for (int j = 0; j < r.models().size(); j++) {
            SeriesResult.ModelResult m = r.models().get(j);
            models.text(s.name());
            if (settings.severalModels()) {
                models.text(settings.models().get(j).name());
            }
            models.plain(m.ok() ? m.label() : "").plain(Numbers.format(m.aicc())).plain(Numbers.format(m.sigma2()))
                    .plain(Numbers.format(m.logLikelihood())).plain(m.ok() ? "ok" : "failed")
                    .text(m.ok() ? "" : m.error()).plain(Integer.toString(s.length()))
                    .plain(Integer.toString(s.missing() + s.gaps())).plain(Integer.toString(s.gaps()))
                    .plain(s.failure() == null ? s.frequencyLabel() : "");
            if (settings.holdout() != null) {
                models.plain(Numbers.format(m.mase())).plain(Numbers.format(m.smape()));
                for (int k = 0; k < levels; k++) {
                    models.plain(m.coverage() == null ? "" : Numbers.format(m.coverage()[k]));
                }
            }
            models.endRow();
        }
    }

    @Override
    public void flush() throws IOException {
        forecasts.flush();
        models.flush();
    }
}
