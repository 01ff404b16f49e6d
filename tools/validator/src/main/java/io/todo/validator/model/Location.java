package io.todo.validator.model;

/** A position in a source file, 1-based, as printed in diagnostics (`file:line:col`). */
public record Location(String file, int line, int column) {

  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return file + ":" + line + ":" + column;
  }
}
