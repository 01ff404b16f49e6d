package io.todo.validator.model;

import java.util.List;

/**
 * The one exception type that stops the tool: it carries the exit code and, when known, the
 * source location the user must edit. Messages must never contain secret values.
 */
public class ValidatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final Location location;
  private final List<ValidatorException> all;

  public ValidatorException(int exitCode, String message) {
    this(exitCode, null, message, null);
  }

  public ValidatorException(Location location, String message) {
    this(ExitCodes.USAGE, location, message, null);
  }

  public ValidatorException(int exitCode, Location location, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.location = location;
    this.all = List.of(this);
  }

  private ValidatorException(List<ValidatorException> errors) {
    super(errors.get(0).getMessage(), null);
    this.exitCode = errors.stream().mapToInt(ValidatorException::exitCode).max().orElse(ExitCodes.USAGE);
    this.location = errors.get(0).location();
    this.all = List.copyOf(errors.stream().flatMap(e -> e.all().stream()).toList());
  }

  /** Several errors reported together (a stream with more than one bad document). */
  public static ValidatorException all(List<ValidatorException> errors) {
    return errors.size() == 1 ? errors.get(0) : new ValidatorException(errors);
  }

  /** Every error this one stands for, itself included. */
  public List<ValidatorException> all() {
    return all;
  }

  /** An input error (exit code 2) at a location. */
  public static ValidatorException input(Location location, String message) {
    return new ValidatorException(ExitCodes.USAGE, location, message, null);
  }

  public int exitCode() {
    return exitCode;
  }

  public Location location() {
    return location;
  }

  /** The diagnostic line: {@code path:line:col: error: message}. */
  public String diagnostic() {
    return location == null ? "error: " + getMessage() : location + ": error: " + getMessage();
  }
}
