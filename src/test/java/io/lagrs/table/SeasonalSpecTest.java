package io.lagrs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lagrs.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeasonalSpecTest {
    @Test
    void onlyABarOutsideParenthesesSeparatesFallbacks() {
        assertEquals(List.of("best_of(a|b, c; h=2)", "snaive"), SeasonalSpec.splitTopLevel("best_of(a|b, c; h=2)|snaive", '|'));
        assertEquals(List.of("a", "mean_of(b, c)", "d[4]"), SeasonalSpec.splitTopLevel("a,mean_of(b, c),d[4]", ','));
        assertEquals(List.of(""), SeasonalSpec.splitTopLevel("", '|'));
    }

    @Test
    void theMembersOfASpecOfSpecsGetTheSeasonAndItsFallbacksStayWhole() {
        SeasonalSpec spec = new SeasonalSpec("best_of(auto_arima|snaive, theta, naive; by=mae, h=6, windows=2)");
        assertEquals(ModelSpec.parse("best_of(auto_arima[12]|snaive[12], theta[12], naive; by=mae, h=6, windows=2)").toString(),
                spec.forSeason(12).toString());
        assertEquals(ModelSpec.parse("best_of(auto_arima[4]|snaive[4], theta[4], naive; by=mae, h=6, windows=2)").toString(),
                spec.forSeason(4).toString());
        // nested, and a fallback around a spec of specs
        SeasonalSpec nested = new SeasonalSpec("conformal(mean_of(auto_ets, snaive); h=3)|naive");
        assertEquals(ModelSpec.parse("conformal(mean_of(auto_ets[7], snaive[7]); h=3)|naive").toString(),
                nested.forSeason(7).toString());
        // an explicit [m] inside wins
        assertEquals(ModelSpec.parse("mean_of(snaive[4], snaive[12])").toString(),
                new SeasonalSpec("mean_of(snaive[4], snaive)").forSeason(12).toString());
    }

    @Test
    void aMemberThatCannotBeMadeForTheSeasonIsNamed() {
        SeasonalSpec spec = new SeasonalSpec("best_of(arima(0,1,1)(0,1,1), naive; h=3)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.forSeason(1));
        assertTrue(e.getMessage().contains("the series' season is 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeasonalSpec("best_of(nonsense, naive; h=3)"));
    }
}
