package io.todo.validator.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file or stream whole, but never more than a limit. A size checked beforehand is not
 * enough: devices and pipes ({@code /dev/zero}, {@code <(cmd)}, standard input) report no size, and
 * reading one of them whole ran the JVM out of memory.
 */
public final class BoundedRead {
  private BoundedRead() {}

  /**
   * At most {@code max + 1} bytes of the file: a result longer than {@code max} means the input is
   * over the limit (and was not read further).
   */
  public static byte[] file(Path file, long max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return stream(in, max);
    }
  }

  /** At most {@code max + 1} bytes of the stream, read in steps (nothing is allocated up front). */
  public static byte[] stream(InputStream in, long max) throws IOException {
    return in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 16));
  }
}
