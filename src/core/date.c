/* date.c — civil date arithmetic (see date.h). Day-number conversion after Howard Hinnant's
 * days_from_civil / civil_from_days, valid for the whole proleptic Gregorian calendar. */
#include "core/date.h"


bool date_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int date_days_in_month(int y, int m) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

bool date_valid(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

static int digits(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool date_parse(const char *s, Date *out) {
  if (!s) return false;
  for (int i = 0; i < 10; i++)
    if (s[i] == '\0') return false;
  if (s[10] != '\0' || s[4] != '-' || s[7] != '-') return false;
  int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
  if (y < 0 || m < 0 || d < 0 || !date_valid(y, m, d)) return false;
  if (out) *out = (Date){y, m, d};
  return true;
}

char *date_format(Date d, char buf[DATE_STRLEN]) {
  if (!date_is_set(d)) {
    buf[0] = '\0';
    return buf;
  }
  unsigned y = (unsigned)d.y % 10000u, m = (unsigned)d.m % 100u, dd = (unsigned)d.d % 100u;
  buf[0] = (char)('0' + y / 1000), buf[1] = (char)('0' + y / 100 % 10);
  buf[2] = (char)('0' + y / 10 % 10), buf[3] = (char)('0' + y % 10), buf[4] = '-';
  buf[5] = (char)('0' + m / 10), buf[6] = (char)('0' + m % 10), buf[7] = '-';
  buf[8] = (char)('0' + dd / 10), buf[9] = (char)('0' + dd % 10), buf[10] = '\0';
  return buf;
}

int32_t date_to_days(Date dt) {
  int y = dt.y - (dt.m <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int mp = dt.m > 2 ? dt.m - 3 : dt.m + 9;
  int doy = (153 * mp + 2) / 5 + dt.d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_from_days(int32_t z) {
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp < 10 ? mp + 3 : mp - 9;
  return (Date){y + (m <= 2), m, d};
}

int date_cmp(Date a, Date b) {
  if (a.y != b.y) return a.y < b.y ? -1 : 1;
  if (a.m != b.m) return a.m < b.m ? -1 : 1;
  if (a.d != b.d) return a.d < b.d ? -1 : 1;
  return 0;
}

int32_t date_diff_days(Date from, Date to) { return date_to_days(to) - date_to_days(from); }

int date_weekday(Date d) {
  int32_t z = date_to_days(d); /* 1970-01-01 was a Thursday (4) */
  int w = (int)((z % 7 + 7) % 7); /* 0 = Thursday */
  return (w + 3) % 7 + 1;
}

Date date_add_days(Date d, int32_t n) { return date_from_days(date_to_days(d) + n); }
Date date_add_weeks(Date d, int32_t n) { return date_add_days(d, 7 * n); }

Date date_add_months(Date d, int32_t n) {
  int32_t idx = d.y * 12 + (d.m - 1) + n;
  int y = (int)(idx / 12), m = (int)(idx % 12) + 1;
  int last = date_days_in_month(y, m);
  return (Date){y, m, d.d > last ? last : d.d};
}

Date date_add_years(Date d, int32_t n) { return date_add_months(d, 12 * n); }

Date date_period_end_months(Date start, int32_t n) {
  return date_add_days(date_add_months(start, n), -1);
}

Date date_birthday(Date birth, int years) {
  int y = birth.y + years;
  if (birth.m == 2 && birth.d == 29 && !date_is_leap(y)) return (Date){y, 3, 1};
  return (Date){y, birth.m, birth.d};
}

int date_age_on(Date birth, Date on) {
  int age = on.y - birth.y;
  if (date_before(on, date_birthday(birth, age))) age--;
  return age;
}
