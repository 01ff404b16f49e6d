package io.todo.validator.admission.cel;

import java.util.ArrayList;
import java.util.List;

/**
 * A semantic version as Kubernetes' CEL {@code semver()} reads it (github.com/blang/semver/v4's
 * Parse): {@code major.minor.patch[-prerelease][+build]}, numbers without leading zeros, compared by
 * SemVer precedence (build metadata ignored). {@code semver(s, true)} first normalizes as
 * k8s.io/apiserver does: a leading {@code v} dropped, leading zeros trimmed, missing minor and patch
 * filled with 0.
 */
final class Semver implements Comparable<Semver> {
  private static final String NUMBERS = "0123456789";
  private static final String ALPHANUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-" + NUMBERS;

  private final long major;
  private final long minor;
  private final long patch;
  /** Pre-release identifiers: a Long (numeric) or a String. */
  private final List<Object> pre;
  private final String text;

  private Semver(long major, long minor, long patch, List<Object> pre, String text) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
    this.text = text;
  }

  static boolean isSemver(String s, boolean normalize) {
    try {
      parse(s, normalize);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static Semver parse(String s, boolean normalize) {
    return parse(normalize ? normalized(s) : s);
  }

  private static String normalized(String s) {
    String[] parts = (s.startsWith("v") ? s.substring(1) : s).split("\\.", 3);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.length() > 1) {
        int zeros = 0;
        while (zeros < p.length() && p.charAt(zeros) == '0') {
          zeros++;
        }
        p = p.substring(zeros);
        if (p.isEmpty() || NUMBERS.indexOf(p.charAt(0)) < 0) {
          p = "0" + p;
        }
        parts[i] = p;
      }
    }
    List<String> all = new ArrayList<>(List.of(parts));
    if (all.size() < 3) {
      String last = all.get(all.size() - 1);
      if (last.contains("+") || last.contains("-")) {
        throw new IllegalArgumentException("short version cannot contain PreRelease/Build meta data");
      }
      while (all.size() < 3) {
        all.add("0");
      }
    }
    return String.join(".", all);
  }

  private static Semver parse(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("Version string empty");
    }
    String[] parts = s.split("\\.", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("No Major.Minor.Patch elements found");
    }
    long major = number(parts[0], "major number");
    long minor = number(parts[1], "minor number");
    String patchText = parts[2];
    List<String> build = List.of();
    int plus = patchText.indexOf('+');
    if (plus >= 0) {
      build = List.of(patchText.substring(plus + 1).split("\\.", -1));
      patchText = patchText.substring(0, plus);
    }
    List<String> preText = List.of();
    int dash = patchText.indexOf('-');
    if (dash >= 0) {
      preText = List.of(patchText.substring(dash + 1).split("\\.", -1));
      patchText = patchText.substring(0, dash);
    }
    long patch = number(patchText, "patch number");
    List<Object> pre = new ArrayList<>();
    for (String p : preText) {
      if (p.isEmpty()) {
        throw new IllegalArgumentException("Prerelease is empty");
      }
      if (only(p, NUMBERS)) {
        if (p.length() > 1 && p.charAt(0) == '0') {
          throw new IllegalArgumentException("Numeric PreRelease version must not contain leading zeroes \"" + p + "\"");
        }
        pre.add(unsigned(p));
      } else if (only(p, ALPHANUM)) {
        pre.add(p);
      } else {
        throw new IllegalArgumentException("Invalid character(s) found in prerelease \"" + p + "\"");
      }
    }
    for (String b : build) {
      if (b.isEmpty()) {
        throw new IllegalArgumentException("Build meta data is empty");
      }
      if (!only(b, ALPHANUM)) {
        throw new IllegalArgumentException("Invalid character(s) found in build meta data \"" + b + "\"");
      }
    }
    return new Semver(major, minor, patch, pre, s);
  }

  private static long number(String p, String what) {
    if (!only(p, NUMBERS)) {
      throw new IllegalArgumentException("Invalid character(s) found in " + what + " \"" + p + "\"");
    }
    if (p.length() > 1 && p.charAt(0) == '0') {
      throw new IllegalArgumentException(Character.toUpperCase(what.charAt(0)) + what.substring(1)
          + " must not contain leading zeroes \"" + p + "\"");
    }
    return unsigned(p);
  }

  /** Go's ParseUint(s, 10, 64), kept in a long's 64 bits. */
  private static long unsigned(String p) {
    try {
      return Long.parseUnsignedLong(p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("strconv.ParseUint: parsing \"" + p + "\": "
          + (p.isEmpty() ? "invalid syntax" : "value out of range"));
    }
  }

  private static boolean only(String s, String set) {
    return s.chars().allMatch(c -> set.indexOf(c) >= 0);
  }

  /** As Go's {@code types.Int(v.Major)}: the uint64 reinterpreted. */
  long major() {
    return major;
  }

  long minor() {
    return minor;
  }

  long patch() {
    return patch;
  }

  @Override
  public int compareTo(Semver o) {
    int c = Long.compareUnsigned(major, o.major);
    c = c != 0 ? c : Long.compareUnsigned(minor, o.minor);
    c = c != 0 ? c : Long.compareUnsigned(patch, o.patch);
    if (c != 0) {
      return Integer.signum(c);
    }
    if (pre.isEmpty() || o.pre.isEmpty()) {
      return Boolean.compare(pre.isEmpty(), o.pre.isEmpty());
    }
    for (int i = 0; i < pre.size() && i < o.pre.size(); i++) {
      Object a = pre.get(i);
      Object b = o.pre.get(i);
      int d;
      if (a instanceof Long x && b instanceof Long y) {
        d = Long.compareUnsigned(x, y);
      } else if (a instanceof Long) {
        d = -1; // numeric identifiers have lower precedence
      } else if (b instanceof Long) {
        d = 1;
      } else {
        d = ((String) a).compareTo((String) b); // ASCII only: the same as Go's byte order
      }
      if (d != 0) {
        return Integer.signum(d);
      }
    }
    return Integer.compare(pre.size(), o.pre.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Semver s && compareTo(s) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(major * 31 + minor) * 31 + Long.hashCode(patch);
  }

  @Override
  public String toString() {
    return text;
  }
}
