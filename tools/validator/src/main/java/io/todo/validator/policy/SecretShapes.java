package io.todo.validator.policy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises secret-looking literals by well-known shapes, and high-entropy values under
 * secret-looking keys. Returns a description of the shape, never the value.
 */
final class SecretShapes {
  private record Shape(String description, Pattern pattern) {}

  // A pattern with a long run followed by a required suffix (the JSON Web Token) must start only
  // where its run starts (a lookbehind, not \b, which also matches after each '-' in the run):
  // otherwise every position inside a long run is tried, quadratic time on a long value.
  private static final List<Shape> SHAPES = List.of(
      new Shape("a private key block", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----")),
      new Shape("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
      new Shape("a GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\\b")),
      new Shape("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
      new Shape("an OpenAI API key", Pattern.compile("\\bsk-(proj-)?[A-Za-z0-9_-]{20,}")),
      new Shape("an Anthropic API key", Pattern.compile("\\bsk-ant-[A-Za-z0-9_-]{20,}")),
      new Shape("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")),
      new Shape("a Stripe secret key", Pattern.compile("\\b[rs]k_live_[0-9a-zA-Z]{20,}")),
      new Shape("a JSON Web Token", Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")));

  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i).*(password|passwd|pwd|secret|token|api[_.-]?key|apikey|private[_.-]?key|credential|auth[_.-]?key|access[_.-]?key|signing[_.-]?key).*");
  /** Values that are references or placeholders, not secrets. */
  private static final Pattern REFERENCE = Pattern.compile("^(\\$\\(|\\$\\{|<|/|file:|vault:|ref\\+|arn:aws:secretsmanager).*|.*(changeme|example|placeholder|redacted).*", Pattern.CASE_INSENSITIVE);

  /** Object names and host names (SECRET_NAME: openai-api-key) are references, not secrets. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9._]*[a-z0-9])?");

  private SecretShapes() {}

  /** How many of lower case, upper case, digits and other symbols the value mixes. */
  static int classes(String v) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (char c : v.toCharArray()) {
      lower |= Character.isLowerCase(c);
      upper |= Character.isUpperCase(c);
      digit |= Character.isDigit(c);
      other |= !Character.isLetterOrDigit(c);
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  /** Why {@code value} under {@code key} looks like a secret, or null. */
  static String describe(String key, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (hasPasswordInUrl(value)) {
      return "a connection string with a password";
    }
    for (Shape s : SHAPES) {
      if (s.pattern().matcher(value).find()) {
        return s.description();
      }
    }
    if (key != null && SECRET_KEY.matcher(key).matches() && !REFERENCE.matcher(value.trim()).matches()
        && value.length() >= 8 && !value.contains(" ") && !NAME.matcher(value).matches()
        && classes(value) >= 2 && entropy(value) >= 3.0) {
      return "a high-entropy value under the secret-looking key \"" + key + "\"";
    }
    return null;
  }

  /**
   * {@code scheme://user:password@host}: scanned by hand from each "://" (a regex would backtrack
   * quadratically on long values). A password that is a $(VAR) or ${VAR} reference is not a secret.
   */
  static boolean hasPasswordInUrl(String v) {
    int from = 0;
    while (true) {
      int i = v.indexOf("://", from);
      if (i < 0) {
        return false;
      }
      int end = i + 3;
      while (end < v.length() && "/?# \t\r\n".indexOf(v.charAt(end)) < 0) {
        end++;
      }
      String authority = v.substring(i + 3, end);
      int at = authority.lastIndexOf('@');
      if (at > 0) {
        String userinfo = authority.substring(0, at);
        int colon = userinfo.indexOf(':');
        String password = colon < 0 ? "" : userinfo.substring(colon + 1);
        if (colon > 0 && !password.isEmpty() && !password.startsWith("$(") && !password.startsWith("${")) {
          return true;
        }
      }
      from = end;
    }
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (char ch : s.toCharArray()) {
      if (ch < 128) {
        counts[ch]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int c : counts) {
      h -= term(c, s.length());
    }
    return h - term(other, s.length());
  }

  private static double term(int c, int n) {
    if (c == 0) {
      return 0;
    }
    double p = (double) c / n;
    return p * Math.log(p) / Math.log(2);
  }
}
