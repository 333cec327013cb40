package io.lagrs.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesTableTest {
    private static SeriesTable csv(String text) throws Exception {
        return LongCsv.read(new StringReader(text), "test.csv", LongCsv.Options.defaults());
    }

    @Test
    void monthlyDatesWithAGapAreOneGridWithNaNAndFutureDatesInTheInputsType() throws Exception {
        SeriesTable t = csv("series,time,value\n"
                + "a,2024-01-31,1\na,2024-02-29,2\na,2024-04-30,4\na,2024-05-31,5\n"
                + "b,2024-01-01,10\nb,2024-02-01,NA\nb,2024-03-01,30\n");
        assertEquals(2, t.size());
        assertEquals(TimeType.DATE, t.timeType());
        assertArrayEquals(new double[] {1, 2, Double.NaN, 4, 5}, t.values(0));
        assertEquals(1, t.gaps(0));
        assertEquals(Frequency.MONTHLY, t.frequency(0));
        assertEquals(12, t.season(0));
        assertEquals(LocalDate.parse("2024-06-30"), t.time(0, 5));
        assertEquals("2024-02-29", t.timeText(0, 1));
        assertEquals(LocalDate.parse("2024-04-01"), t.time(1, 3));
        assertEquals(1, t.missing(1));
        assertArrayEquals(new int[] {0, 5, 8}, t.offsets());
        assertEquals(8, t.values().length);
    }

    @Test
    void timestampsAtOneTimeOfDayStepInDaysAndKeepTheirTimeAndTextForm() throws Exception {
        SeriesTable t = csv("series,time,value\ns,2024-03-30 06:00,1\ns,2024-03-31 06:00,2\ns,2024-04-02 06:00,3\n");
        assertEquals(Frequency.DAILY, t.frequency(0));
        assertArrayEquals(new double[] {1, 2, Double.NaN, 3}, t.values(0));
        assertEquals("2024-04-03 06:00", t.timeText(0, 4));
        assertEquals(Instant.parse("2024-04-03T06:00:00Z"), t.time(0, 4));
        SeriesTable hourly = csv("series,time,value\nh,2024-03-30T06:00:00Z,1\nh,2024-03-30T07:00:00Z,2\n");
        assertEquals(Frequency.HOURLY, hourly.frequency(0));
        assertEquals(24, hourly.season(0));
        assertEquals("2024-03-30T08:00:00Z", hourly.timeText(0, 2));
    }

    @Test
    void theMostFrequentStepWinsAndATimeOffItFailsOnlyItsSeriesNamingTheTimeAndLine() throws Exception {
        SeriesTable t = csv("series,time,value\n"
                + "bad,0,1\nbad,3,2\nbad,6,3\nbad,7,4\n"
                + "ok,1,1\nok,2,2\n");
        assertTrue(t.error(0).contains("7 (line 5)") && t.error(0).contains("whole number of steps"), t.error(0));
        assertEquals(0, t.length(0));
        assertNull(t.error(1));
        assertArrayEquals(new double[] {1, 2}, t.values(1));
        assertThrows(IllegalStateException.class, () -> t.time(0, 0));
    }

    @Test
    void badRowsAreSkippedWithTheirLineAndDuplicatesKeepTheFirst() throws Exception {
        SeriesTable t = csv("series;time;value\n"
                + "a;2024-01;1\na;2024-02;x\n;2024-03;3\na;2024-13;3\n\"a\";2024-03;3\na;2024-03;99\na;2024-02;2\n");
        assertArrayEquals(new double[] {1, 2, 3}, t.values(0));
        assertEquals(TimeType.MONTH, t.timeType());
        assertEquals(YearMonth.of(2024, 4), t.time(0, 3));
        String problems = String.join("\n", t.problems().report());
        assertTrue(problems.contains("line 3: value is not a number: 'x'"), problems);
        assertTrue(problems.contains("line 4: empty series name"), problems);
        assertTrue(problems.contains("line 5: time is not a valid month: '2024-13'"), problems);
        assertTrue(problems.contains("line 7: duplicate time 2024-03 for series a (the first, line 6, is kept)"), problems);
        assertTrue(problems.contains("line 8: time 2024-02 of series a comes after 2024-03"), problems);
        assertEquals(4, t.problems().skipped());
        assertEquals(7, t.rows());
    }

    @Test
    void aMissingColumnUnparsableTimesAndBrokenQuotesAreOneErrorNamingTheColumnOrLine() {
        var missing = assertThrows(LongCsv.MissingColumnException.class, () -> csv("id,time,value\na,1,2\n"));
        assertEquals("id", missing.role());
        assertTrue(missing.getMessage().contains("the header has no column 'series' (it has id, time, value"),
                missing.getMessage());
        var times = assertThrows(IllegalArgumentException.class,
                () -> csv("series,time,value\na,yesterday,1\na,today,2\n"));
        assertTrue(times.getMessage().contains("none of its 2 rows can be used (line 2: time is not a whole number"),
                times.getMessage());
        var quote = assertThrows(IllegalArgumentException.class,
                () -> csv("series,time,value\na,1,2\n\"a,2,3\nb,1,1\n"));
        assertTrue(quote.getMessage().contains("line 3: a quoted field opened here is not closed"), quote.getMessage());
        var after = assertThrows(IllegalArgumentException.class, () -> csv("series,time,value\n\"a\"x,1,2\n"));
        assertTrue(after.getMessage().contains("line 2: text after a closing quote"), after.getMessage());
        assertThrows(IllegalArgumentException.class, () -> csv(""));
    }

    @Test
    void quotedFieldsKeepDelimitersAndLineBreaksAndLinesAreCountedAcrossThem() throws Exception {
        SeriesTable t = csv("\uFEFFseries,time,value\r\n\"a, \"\"one\"\"\",1,1\r\n\"b\nc\",1,2\r\n\"b\nc\",2,3\r\nx,1,1\r\nx,3,y\r\n");
        assertEquals("a, \"one\"", t.id(0));
        assertEquals("b\nc", t.id(1));
        assertArrayEquals(new double[] {2, 3}, t.values(1));
        assertTrue(t.problems().examples().get(0).startsWith("line 8: value is not a number"),
                t.problems().examples().toString());
    }

    @Test
    void columnsCollectionsAndRowsBuildTheSameTable() {
        String[] ids = {"a", "b", "a", "a"};
        YearMonth[] months = {YearMonth.of(2024, 3), YearMonth.of(2024, 5), YearMonth.of(2024, 1), YearMonth.of(2024, 4)};
        SeriesTable t = SeriesTable.ofColumns(ids, months, new double[] {3, 7, 1, 4});
        assertArrayEquals(new double[] {1, Double.NaN, 3, 4}, t.values(0));
        assertEquals(Frequency.MONTHLY, t.frequency(0));
        assertTrue(t.error(1).contains("at least two observations"), t.error(1));
        assertEquals(1, t.problems().count(ReadProblems.Kind.UNSORTED));
        SeriesTable fromRows = SeriesTable.builder(TimeType.MONTH).add("a", YearMonth.of(2024, 1), 1)
                .add("a", YearMonth.of(2024, 3), 3).add("a", YearMonth.of(2024, 4), 4).build();
        assertArrayEquals(t.values(0), fromRows.values(0));
        Map<String, double[]> map = new LinkedHashMap<>();
        map.put("x", new double[] {1, 2, 3});
        map.put("y", new double[] {4, Double.NaN});
        SeriesTable arrays = SeriesTable.ofSeries(map);
        assertArrayEquals(new String[] {"x", "y"}, arrays.ids());
        assertEquals(4L, arrays.time(0, 3));
        assertArrayEquals(new int[] {0, 3, 5}, arrays.offsets());
        SeriesTable longs = SeriesTable.ofColumns(new String[] {"z", "z"}, new long[] {10, 20}, new double[] {1, 2});
        assertEquals(30L, longs.time(0, 2));
    }

    @Test
    void badColumnsAreRejectedNamingTheArgumentOrRow() {
        assertThrows(NullPointerException.class, () -> SeriesTable.ofColumns(null, new Object[0], new double[0]));
        var lengths = assertThrows(IllegalArgumentException.class,
                () -> SeriesTable.ofColumns(new String[] {"a"}, new long[] {1, 2}, new double[] {1}));
        assertTrue(lengths.getMessage().contains("one length"), lengths.getMessage());
        var mixed = assertThrows(IllegalArgumentException.class, () -> SeriesTable.ofColumns(new String[] {"a", "a"},
                new Object[] {LocalDate.of(2024, 1, 1), YearMonth.of(2024, 2)}, new double[] {1, 2}));
        assertTrue(mixed.getMessage().contains("YearMonth"), mixed.getMessage());
        var infinite = assertThrows(IllegalArgumentException.class,
                () -> SeriesTable.ofColumns(new String[] {"a"}, new long[] {1}, new double[] {Double.POSITIVE_INFINITY}));
        assertTrue(infinite.getMessage().contains("row 1"), infinite.getMessage());
        var nullId = assertThrows(NullPointerException.class,
                () -> SeriesTable.ofColumns(new String[] {"a", null}, new long[] {1, 2}, new double[] {1, 2}));
        assertTrue(nullId.getMessage().contains("ids[1]"), nullId.getMessage());
    }

    @Test
    void aGivenFrequencyFixesTheStepAndDropLastKeepsTheTimes() throws Exception {
        SeriesTable t = LongCsv.read(new StringReader("series,time,value\na,2024-01-15,1\na,2024-03-10,3\n"), "f",
                LongCsv.Options.defaults().withFrequency(Frequency.MONTHLY));
        assertArrayEquals(new double[] {1, Double.NaN, 3}, t.values(0));
        assertEquals("2024-04-15", t.timeText(0, 3));
        SeriesTable train = t.dropLast(1);
        assertArrayEquals(new double[] {1, Double.NaN}, train.values(0));
        assertEquals("2024-03-15", train.timeText(0, 2));
    }
}
