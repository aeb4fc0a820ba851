/*
 * timefields.c - system time (100-ns intervals since 1601-01-01 UTC) to and
 * from TIME_FIELDS and seconds since 1970: RtlTimeToTimeFields,
 * RtlTimeFieldsToTime, RtlTimeToSecondsSince1970, RtlSecondsSince1970ToTime.
 *
 * Proleptic Gregorian calendar, as Windows. RtlTimeFieldsToTime ignores
 * Weekday and returns FALSE for any field out of range (including a day
 * past the end of its month and a year before 1601).
 */
#include <internal/rtl.h>

#define RTLP_TICKS_PER_SECOND 10000000LL
#define RTLP_TICKS_PER_DAY (86400LL * RTLP_TICKS_PER_SECOND)
#define RTLP_DAYS_1601_TO_1970 134774LL
#define RTLP_TICKS_1601_TO_1970 (RTLP_DAYS_1601_TO_1970 * RTLP_TICKS_PER_DAY)

/* Days since 1970-01-01 of a civil date, and back (Gregorian, any era). */
static LONGLONG RtlpDaysFromCivil(LONGLONG y, LONG m, LONG d)
{
    LONGLONG era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void RtlpCivilFromDays(LONGLONG z, LONGLONG *y, LONG *m, LONG *d)
{
    LONGLONG era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (LONG)(doy - (153 * mp + 2) / 5 + 1);
    *m = (LONG)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static BOOLEAN RtlpIsLeapYear(LONG y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlTimeToTimeFields(PLARGE_INTEGER Time, PTIME_FIELDS TimeFields)
{
    LONGLONG ticks = Time->QuadPart;
    LONGLONG days = ticks / RTLP_TICKS_PER_DAY;
    LONGLONG rest = ticks % RTLP_TICKS_PER_DAY;
    LONGLONG year;
    LONG month, day;

    RtlpCivilFromDays(days - RTLP_DAYS_1601_TO_1970, &year, &month, &day);
    TimeFields->Year = (CSHORT)year;
    TimeFields->Month = (CSHORT)month;
    TimeFields->Day = (CSHORT)day;
    TimeFields->Hour = (CSHORT)(rest / (3600 * RTLP_TICKS_PER_SECOND));
    TimeFields->Minute = (CSHORT)(rest / (60 * RTLP_TICKS_PER_SECOND) % 60);
    TimeFields->Second = (CSHORT)(rest / RTLP_TICKS_PER_SECOND % 60);
    TimeFields->Milliseconds = (CSHORT)(rest / 10000 % 1000);
    /* 1601-01-01 was a Monday; Sunday is 0. */
    TimeFields->Weekday = (CSHORT)((days + 1) % 7);
}

/* @implemented */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlTimeFieldsToTime(PTIME_FIELDS TimeFields, PLARGE_INTEGER Time)
{
    static const UCHAR monthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const TIME_FIELDS *f = TimeFields;
    LONG lastDay;
    LONGLONG days;

    if (f->Milliseconds < 0 || f->Milliseconds > 999 || f->Second < 0 || f->Second > 59 || f->Minute < 0 ||
        f->Minute > 59 || f->Hour < 0 || f->Hour > 23 || f->Month < 1 || f->Month > 12 || f->Day < 1 ||
        f->Year < 1601)
        return FALSE;
    lastDay = monthDays[f->Month - 1] + (f->Month == 2 && RtlpIsLeapYear(f->Year));
    if (f->Day > lastDay)
        return FALSE;
    days = RtlpDaysFromCivil(f->Year, f->Month, f->Day) + RTLP_DAYS_1601_TO_1970;
    Time->QuadPart = days * RTLP_TICKS_PER_DAY + f->Hour * 3600LL * RTLP_TICKS_PER_SECOND +
                     f->Minute * 60LL * RTLP_TICKS_PER_SECOND + f->Second * RTLP_TICKS_PER_SECOND +
                     f->Milliseconds * 10000LL;
    return TRUE;
}

/* @implemented: FALSE before 1970 or past 2106-02-07 06:28:15. */
DECLSPEC_EXPORT BOOLEAN NTAPI RtlTimeToSecondsSince1970(PLARGE_INTEGER Time, PULONG ElapsedSeconds)
{
    LONGLONG seconds;

    if (Time->QuadPart < RTLP_TICKS_1601_TO_1970)
        return FALSE;
    seconds = (Time->QuadPart - RTLP_TICKS_1601_TO_1970) / RTLP_TICKS_PER_SECOND;
    if (seconds > 0xFFFFFFFFLL)
        return FALSE;
    *ElapsedSeconds = (ULONG)seconds;
    return TRUE;
}

/* @implemented */
DECLSPEC_EXPORT VOID NTAPI RtlSecondsSince1970ToTime(ULONG ElapsedSeconds, PLARGE_INTEGER Time)
{
    Time->QuadPart = (LONGLONG)ElapsedSeconds * RTLP_TICKS_PER_SECOND + RTLP_TICKS_1601_TO_1970;
}
