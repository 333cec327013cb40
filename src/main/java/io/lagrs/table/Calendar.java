package io.lagrs.table;

/**
 * Calendar arithmetic on plain numbers, without an object per observation (it runs for every
 * row): months are counted as {@code year * 12 + month - 1}, days as days since 1970-01-01, in
 * the proleptic Gregorian calendar, as {@link java.time.LocalDate} counts them.
 */
public final class Calendar {
    private Calendar() {
    }

    /**
     * The month, shifted left by 5 bits, plus the day of month, of an epoch day. H. Hinnant's
     * {@code civil_from_days}.
     *
     * @param epochDay days since 1970-01-01
     * @return {@code (month << 5) | dayOfMonth}
     */
    public static long monthAndDay(long epochDay) {
        long z = epochDay + 719_468; // days since 0000-03-01
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100); // from March 1st
        long mp = (5 * dayOfYear + 2) / 153; // month from March: 0..11
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return ((year * 12 + month - 1) << 5) | day;
    }

    /**
     * {@link #monthAndDay} of the first {@code n} ascending epoch days, split into
     * {@code months} and {@code daysOfMonth}. Each day is counted on from the month of the one
     * before (a series' days are usually a few weeks apart at most), without the divisions of a
     * full conversion; a day far from the one before is converted in full.
     *
     * @param days ascending epoch days
     * @param n how many of them
     * @param months where the months go
     * @param daysOfMonth where the days of month go
     */
    public static void monthsAndDays(long[] days, int n, long[] months, long[] daysOfMonth) {
        long month = 0;
        long monthStart = 0; // epoch day of the 1st of that month
        int length = 0;
        for (int i = 0; i < n; i++) {
            long d = days[i];
            if (i == 0 || d < monthStart || d - monthStart > 400) {
                long md = monthAndDay(d);
                month = md >> 5;
                monthStart = d - (md & 31) + 1;
                length = lengthOfMonth(month);
            }
            while (d - monthStart >= length) {
                monthStart += length;
                month++;
                length = lengthOfMonth(month);
            }
            months[i] = month;
            daysOfMonth[i] = d - monthStart + 1;
        }
    }

    /**
     * Days in a month.
     *
     * @param month {@code year * 12 + month - 1}
     * @return 28 to 31
     */
    public static int lengthOfMonth(long month) {
        long year = Math.floorDiv(month, 12L);
        int m = (int) Math.floorMod(month, 12L) + 1;
        return switch (m) {
            case 2 -> (Math.floorMod(year, 4L) == 0 && (Math.floorMod(year, 100L) != 0 || Math.floorMod(year, 400L) == 0))
                    ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * The epoch day of a month's {@code dayOfMonth}; 0 (or a day past the month's end) is its
     * last day.
     *
     * @param month {@code year * 12 + month - 1}
     * @param dayOfMonth 1 to 31, or 0 for the month's end
     * @return days since 1970-01-01
     * @throws java.time.DateTimeException if the year is beyond {@link java.time.LocalDate}'s range
     * @throws ArithmeticException if it does not fit an int year
     */
    public static long epochDay(long month, int dayOfMonth) {
        java.time.LocalDate first = java.time.LocalDate.of(Math.toIntExact(Math.floorDiv(month, 12L)),
                (int) Math.floorMod(month, 12L) + 1, 1);
        int length = first.lengthOfMonth();
        return first.withDayOfMonth(dayOfMonth == 0 ? length : Math.min(dayOfMonth, length)).toEpochDay();
    }
}
