package io.todo.validator.admission.cel;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * cel-go's timestamps and durations where cel-java's differ: timestamps parsed as Go's
 * time.Parse(RFC3339) (a comma or more than nine digits in the fraction, an offset up to 24:00),
 * printed as RFC3339Nano (no trailing zeros in the fraction); durations as Go's
 * time.ParseDuration (int64 nanoseconds, so about ±292 years, with "1.5h", ".5s", "1µs") and
 * their arithmetic checked against that range; time zones as cel-go's getters take them.
 */
final class GoTime {
  private GoTime() {}

  private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  // ---- timestamps

  static Instant parseTimestamp(String s) {
    Instant t = parseRfc3339(s);
    if (t == null) {
      throw GoNumbers.conversionError("google.protobuf.Timestamp");
    }
    if (t.isBefore(MIN) || t.getEpochSecond() > MAX.getEpochSecond()) {
      throw new IllegalArgumentException("timestamp overflow");
    }
    return t;
  }

  private static Instant parseRfc3339(String s) {
    Cursor c = new Cursor(s);
    int year = c.digits(4, 4);
    c.expect('-');
    int month = c.digits(2, 2);
    c.expect('-');
    int day = c.digits(2, 2);
    c.expect('T');
    int hour = c.digits(1, 2); // Go's layout "15" takes one digit too
    c.expect(':');
    int min = c.digits(2, 2);
    c.expect(':');
    int sec = c.digits(2, 2);
    if (c.failed || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
        || hour > 23 || min > 59 || sec > 59) {
      return null;
    }
    long nanos = 0;
    if (c.at < s.length() - 1 && (s.charAt(c.at) == '.' || s.charAt(c.at) == ',') && isDigit(s.charAt(c.at + 1))) {
      c.at++;
      int scale = 0;
      while (c.at < s.length() && isDigit(s.charAt(c.at))) {
        if (scale < 9) {
          nanos = nanos * 10 + (s.charAt(c.at) - '0');
          scale++;
        }
        c.at++;
      }
      for (; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    long offset = 0;
    if (c.at < s.length() && s.charAt(c.at) == 'Z') {
      c.at++;
    } else if (c.at < s.length() && (s.charAt(c.at) == '+' || s.charAt(c.at) == '-')) {
      int sign = s.charAt(c.at) == '-' ? -1 : 1;
      c.at++;
      int oh = c.digits(2, 2);
      c.expect(':');
      int om = c.digits(2, 2);
      if (oh > 24 || om > 60) { // Go's general parser allows an offset of 24 hours or 60 minutes
        return null;
      }
      offset = sign * (oh * 3600L + om * 60L);
    } else {
      return null;
    }
    if (c.failed || c.at != s.length()) {
      return null;
    }
    long epoch = LocalDateTime.of(year, month, day, hour, min, sec).toEpochSecond(ZoneOffset.UTC) - offset;
    return Instant.ofEpochSecond(epoch, nanos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static final class Cursor {
    final String s;
    int at;
    boolean failed;

    Cursor(String s) {
      this.s = s;
    }

    int digits(int min, int max) {
      int v = 0;
      int n = 0;
      while (n < max && at < s.length() && isDigit(s.charAt(at))) {
        v = v * 10 + (s.charAt(at++) - '0');
        n++;
      }
      failed |= n < min;
      return v;
    }

    void expect(char ch) {
      if (at < s.length() && s.charAt(at) == ch) {
        at++;
      } else {
        failed = true;
      }
    }
  }

  /** Go's RFC3339Nano in UTC: the fraction without trailing zeros, none at all when zero. */
  static String formatTimestamp(Instant t) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(30);
    pad(sb, d.getYear(), 4).append('-');
    pad(sb, d.getMonthValue(), 2).append('-');
    pad(sb, d.getDayOfMonth(), 2).append('T');
    pad(sb, d.getHour(), 2).append(':');
    pad(sb, d.getMinute(), 2).append(':');
    pad(sb, d.getSecond(), 2);
    int nanos = t.getNano();
    if (nanos != 0) {
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      pad(sb.append('.'), nanos, digits);
    }
    return sb.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }

  // ---- time zones of the timestamp getters

  /** The wall clock of {@code t} in cel-go's time zone argument. */
  static LocalDateTime in(Instant t, String tz) {
    long offset;
    int colon = tz.indexOf(':');
    if (colon < 0) {
      ZoneId zone = zone(tz);
      return LocalDateTime.ofInstant(t, zone);
    }
    // "(+|-)HH:MM", each side read as Go's strconv.Atoi, any size (a Go fixed zone has no limit)
    long hr = io.todo.validator.model.GoText.atoi(tz.substring(0, colon));
    long min = io.todo.validator.model.GoText.atoi(tz.substring(colon + 1));
    offset = (tz.startsWith("-") ? hr * 60 - min : hr * 60 + min) * 60;
    return LocalDateTime.ofEpochSecond(Math.addExact(t.getEpochSecond(), offset), t.getNano(), ZoneOffset.UTC);
  }

  /**
   * Go's time.LoadLocation: "" and "UTC" are UTC, "Local" the server's zone (UTC here: a
   * cluster's API server runs in UTC as a rule), other names from the time zone database only:
   * none of the offsets ("Z", "+0530") or short names ("PST") that Java's ZoneId also reads.
   */
  private static final class Zones { // the zone list, read when a zone is first named
    static final java.util.Set<String> IDS = java.util.Set.copyOf(ZoneId.getAvailableZoneIds());
  }

  private static ZoneId zone(String name) {
    switch (name) {
      case "", "UTC", "Local", "GMT+0", "GMT-0", "Factory": // tzdata names that Java reads otherwise or lacks
        return ZoneOffset.UTC;
      case "EST": // tzdata links that Java keeps only as deprecated short ids
        return ZoneId.of("America/Panama");
      case "MST":
        return ZoneId.of("America/Phoenix");
      case "HST":
        return ZoneId.of("Pacific/Honolulu");
      default:
        break;
    }
    if (!Zones.IDS.contains(name) || name.startsWith("SystemV/")) { // Java's SystemV zones are not in tzdata
      throw new IllegalArgumentException("unknown time zone " + name);
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone " + name);
    }
  }


  // ---- durations

  private static final long NANOS_MAX_U = Long.MIN_VALUE; // 1 << 63, compared unsigned

  /** Go's time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ (or "0"), within int64 nanoseconds. */
  static Duration parseDuration(String s) {
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalidDuration();
    }
    long d = 0; // unsigned
    int at = 0;
    while (at < s.length()) {
      char c = s.charAt(at);
      if (!(c == '.' || isDigit(c))) {
        throw invalidDuration();
      }
      int start = at;
      long v = 0; // unsigned, at most 1 << 63
      for (; at < s.length() && isDigit(s.charAt(at)); at++) {
        if (Long.compareUnsigned(v, Long.divideUnsigned(NANOS_MAX_U, 10)) > 0) {
          throw invalidDuration();
        }
        v = v * 10 + (s.charAt(at) - '0');
        if (Long.compareUnsigned(v, NANOS_MAX_U) > 0) {
          throw invalidDuration();
        }
      }
      boolean pre = at != start;
      long f = 0;
      double scale = 1;
      boolean post = false;
      if (at < s.length() && s.charAt(at) == '.') {
        at++;
        int fs = at;
        boolean overflow = false;
        for (; at < s.length() && isDigit(s.charAt(at)); at++) {
          if (overflow) {
            continue;
          }
          if (f > Long.MAX_VALUE / 10) {
            overflow = true;
            continue;
          }
          long y = f * 10 + (s.charAt(at) - '0');
          if (y < 0) {
            overflow = true;
            continue;
          }
          f = y;
          scale *= 10;
        }
        post = at != fs;
      }
      if (!pre && !post) {
        throw invalidDuration();
      }
      int us = at;
      while (at < s.length() && s.charAt(at) != '.' && !isDigit(s.charAt(at))) {
        at++;
      }
      if (us == at) {
        throw invalidDuration();
      }
      long unit = unit(s.substring(us, at));
      if (Long.compareUnsigned(v, Long.divideUnsigned(NANOS_MAX_U, unit)) > 0) {
        throw invalidDuration();
      }
      v *= unit;
      if (f > 0) {
        v += toUnsigned((double) f * ((double) unit / scale));
        if (Long.compareUnsigned(v, NANOS_MAX_U) > 0) {
          throw invalidDuration();
        }
      }
      d += v;
      if (Long.compareUnsigned(d, NANOS_MAX_U) > 0) {
        throw invalidDuration();
      }
    }
    if (neg) {
      return Duration.ofNanos(-d);
    }
    if (d < 0) { // 1 << 63
      throw invalidDuration();
    }
    return Duration.ofNanos(d);
  }

  private static long toUnsigned(double x) {
    return x >= 0x1p63 ? (long) (x - 0x1p63) + Long.MIN_VALUE : (long) x;
  }

  private static long unit(String u) {
    switch (u) {
      case "ns":
        return 1L;
      case "us", "\u00b5s", "\u03bcs":
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return 3_600_000_000_000L;
      default:
        throw invalidDuration();
    }
  }

  private static IllegalArgumentException invalidDuration() {
    return GoNumbers.conversionError("google.protobuf.Duration");
  }

  /** A duration's int64 nanoseconds; cel-go's durations never leave that range. */
  static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("integer overflow");
    }
  }

  static Duration add(Duration a, Duration b) {
    try {
      return Duration.ofNanos(Math.addExact(nanos(a), nanos(b)));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("integer overflow");
    }
  }

  static Duration subtract(Duration a, Duration b) {
    try {
      return Duration.ofNanos(Math.subtractExact(nanos(a), nanos(b)));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("integer overflow");
    }
  }

  /** timestamp - duration as cel-go: the duration is negated first, so its minimum overflows. */
  static Instant subtract(Instant t, Duration d) {
    long n = nanos(d);
    if (n == Long.MIN_VALUE) {
      throw new IllegalArgumentException("integer overflow");
    }
    Instant r = t.plusNanos(-n);
    if (r.getEpochSecond() < MIN.getEpochSecond() || r.getEpochSecond() > MAX.getEpochSecond()) {
      throw new IllegalArgumentException("timestamp overflow");
    }
    return r;
  }

  /**
   * timestamp - timestamp as cel-go: the seconds' difference scaled to nanoseconds must fit an
   * int64 before the nanoseconds are added (so a result of exactly the minimum fails).
   */
  static Duration subtract(Instant a, Instant b) {
    try {
      long sec = Math.subtractExact(a.getEpochSecond(), b.getEpochSecond());
      return Duration.ofNanos(Math.addExact(Math.multiplyExact(sec, 1_000_000_000L), a.getNano() - b.getNano()));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("integer overflow");
    }
  }

  /**
   * Go's Duration.Hours()/Minutes()/Seconds() truncated to an int, as cel-go's getters: toward zero
   * (cel-java floors, so -59.9999s was -1 minute), through the same float64 sum.
   */
  static long truncatedUnits(Duration d, long unit) {
    long n = nanos(d);
    return (long) ((double) (n / unit) + (double) (n % unit) / unit);
  }
}
