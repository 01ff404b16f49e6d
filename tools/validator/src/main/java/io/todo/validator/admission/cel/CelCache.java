package io.todo.validator.admission.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Type-checked CEL expressions kept on disk between runs: parsing and checking an admission
 * policy's expressions is most of what a cold validate spends on admission policies, and the same
 * policies are compiled on every commit. An entry is the checked AST of one expression, with what it
 * was checked for (the expression, this build of the validator (its jar), the cache version) in
 * full, so a new build or an edited expression never uses an old entry; the file is named by a
 * 128-bit hash of that, not a cryptographic one: a cold start hashed with SHA-256 in the
 * interpreter, and two names that collide only cost a compile. Anything unreadable is ignored and
 * compiled again.
 *
 * <p>Where: {@code $VALIDATOR_CACHE_DIR}, else {@code $XDG_CACHE_HOME/todo-validator}, else
 * {@code ~/.cache/todo-validator}; {@code VALIDATOR_CACHE_DIR=off} turns it off.
 *
 * <p>Bounded: every build and every edited expression leaves entries no later run reads, so a store
 * that finds more than {@link #MAX_ENTRIES} removes the oldest down to {@link #KEEP_AFTER_PRUNE}
 * (stores happen only when something was compiled, never on a run that found all it needed).
 */
final class CelCache {
  static final String ENV = "VALIDATOR_CACHE_DIR";
  static final int MAX_ENTRIES = 1_000;
  static final int KEEP_AFTER_PRUNE = 800;
  private static final String SUFFIX = ".ast";
  /** Entries of builds before version 3 (protobuf CheckedExpr), pruned like the others. */
  private static final String LEGACY_SUFFIX = ".pb";
  /**
   * The format of an entry and what it promises, part of its key: raise it when compile() checks
   * more, so entries of an older check are never trusted (2: Kubernetes' AST validators ran; 3:
   * {@link CelAstFormat} instead of protobuf).
   */
  static final int VERSION = 3;

  private final Path dir;
  private final String build;

  CelCache(Path dir, String build) {
    this.dir = dir;
    this.build = build;
  }

  /** The cache of this process, or null when it is off or has no place to live. */
  static CelCache open() {
    String configured = System.getenv(ENV);
    Path root;
    if (configured != null) {
      if (configured.isBlank() || configured.equals("off")) {
        return null;
      }
      root = Path.of(configured);
    } else {
      String xdg = System.getenv("XDG_CACHE_HOME");
      String home = System.getProperty("user.home");
      if (xdg != null && !xdg.isBlank()) {
        root = Path.of(xdg, "todo-validator");
      } else if (home != null && !home.isBlank()) {
        root = Path.of(home, ".cache", "todo-validator");
      } else {
        return null;
      }
    }
    String build = buildIdentity();
    return build == null ? null : new CelCache(root.resolve("cel"), build);
  }

  /** The checked AST of {@code source} from an earlier run, or null. */
  CelAbstractSyntaxTree load(String source) {
    String key = key(source);
    Path f = file(key);
    try {
      if (!Files.isRegularFile(f)) {
        return null;
      }
      // an entry is its key (checked against the one asked for: a hash names it, the entry proves
      // it) followed by the checked AST
      byte[] bytes = Files.readAllBytes(f);
      java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
      int length = in.readInt();
      if (length < 0 || length > bytes.length) {
        return null;
      }
      byte[] text = new byte[length];
      in.readFully(text);
      if (!new String(text, StandardCharsets.UTF_8).equals(key)) {
        return null;
      }
      return CelAstFormat.read(in);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return null; // compiled again
    }
  }

  /** Keeps a checked AST for later runs; a cache that cannot be written is simply not used. */
  void store(String source, CelAbstractSyntaxTree ast) {
    String key = key(source);
    Path f = file(key);
    try {
      byte[] checked = CelAstFormat.write(ast);
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".entry", ".tmp");
      try {
        byte[] text = key.getBytes(StandardCharsets.UTF_8);
        Files.write(tmp, java.nio.ByteBuffer.allocate(4 + text.length + checked.length)
            .putInt(text.length).put(text).put(checked).array());
        try {
          Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      prune(f);
    } catch (IOException | RuntimeException e) {
      // read-only home, full disk, ...: compile every time
    }
  }

  /**
   * Removes the oldest entries (by modification time) once there are more than MAX_ENTRIES, never
   * {@code kept}, the one just stored. Other processes may prune at the same time: a file already
   * gone is fine, and an entry removed under a reader is only compiled again.
   */
  private void prune(Path kept) throws IOException {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)
          || p.getFileName().toString().endsWith(LEGACY_SUFFIX)).toList();
    }
    if (entries.size() <= MAX_ENTRIES) {
      return;
    }
    record Aged(Path path, long modified) {}
    List<Aged> aged = new ArrayList<>();
    for (Path p : entries) {
      try {
        aged.add(new Aged(p, Files.getLastModifiedTime(p).toMillis()));
      } catch (IOException gone) {
        // pruned by another process meanwhile
      }
    }
    aged.sort(Comparator.comparingLong(Aged::modified));
    int excess = aged.size() - KEEP_AFTER_PRUNE;
    for (int i = 0; i < aged.size() && excess > 0; i++) {
      if (!aged.get(i).path().equals(kept)) {
        Files.deleteIfExists(aged.get(i).path());
        excess--;
      }
    }
  }

  private String key(String source) {
    return VERSION + "\0" + build + "\0" + source;
  }

  /** The file of {@code key}: FNV-1a and a multiplicative hash over its chars, 64 bits each. */
  private Path file(String key) {
    long fnv = 0xcbf29ce484222325L;
    long mul = 1125899906842597L;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      fnv = (fnv ^ c) * 0x100000001b3L;
      mul = 31 * mul + c;
    }
    java.util.HexFormat hex = java.util.HexFormat.of();
    return dir.resolve(hex.toHexDigits(fnv) + hex.toHexDigits(mul) + SUFFIX);
  }

  /**
   * Identifies this build: the jar's (or class directory's) path, size and modification time.
   * Declarations and functions of the environment are code, so they change only with a build.
   */
  private static String buildIdentity() {
    try {
      Path code = Path.of(CelCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path stamp = Files.isDirectory(code)
          ? code.resolve(CelEnvironment.class.getName().replace('.', '/') + ".class")
          : code;
      return code + "|" + Files.size(stamp) + "|" + Files.getLastModifiedTime(stamp).toMillis();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return null;
    }
  }

}
