package io.todo.validator.model;

/** Process exit codes. Only {@code Main.main} turns them into {@code System.exit}. */
public final class ExitCodes {
  /** Nothing at error level. */
  public static final int OK = 0;
  /** At least one finding at error level. */
  public static final int FINDINGS = 1;
  /** Usage or input error: bad YAML, missing file, unsupported input. */
  public static final int USAGE = 2;
  /** A bug in the validator itself; reported without a stack trace unless --debug. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
