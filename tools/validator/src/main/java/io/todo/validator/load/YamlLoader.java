package io.todo.validator.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Reads YAML (and JSON) streams into Jackson trees, remembering the {@code file:line:col} of every
 * node. Each document of a stream is parsed on its own so that a broken document in the middle
 * does not hide the errors of the others; all errors are reported together. A document is read
 * by SnakeYAML's scanner and parser over {@link ChunkReader}, and its tree built from the parser's
 * events by {@link TreeBuilder}.
 */
public final class YamlLoader {
  private final ScalarSchema schema;
  private final YamlLimits limits;
  private final boolean annotationText;

  public YamlLoader(ScalarSchema schema, YamlLimits limits) {
    this(schema, limits, false);
  }

  private YamlLoader(ScalarSchema schema, YamlLimits limits, boolean annotationText) {
    this.schema = schema;
    this.limits = limits;
    this.annotationText = annotationText;
  }

  /**
   * The same loader, but a plain scalar directly under a document's {@code metadata.annotations} is
   * kept as its text ({@code True}, {@code 0x1F}, {@code ~}): kustomize reads annotations as the
   * nodes' raw values and writes them back as strings.
   */
  public YamlLoader keepingAnnotationText() {
    return new YamlLoader(schema, limits, true);
  }

  public YamlLoader() {
    this(ScalarSchema.CORE_1_2, YamlLimits.DEFAULT);
  }

  /** Reads a file; {@code displayName} is the path printed in diagnostics. */
  public List<YamlDocument> load(Path file, String displayName) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      bytes = BoundedRead.file(file, limits.maxFileBytes());
      if (size > limits.maxFileBytes() || bytes.length > limits.maxFileBytes()) {
        throw ValidatorException.input(new Location(displayName, 1, 1), "file is "
            + (size > limits.maxFileBytes() ? size + " bytes, " : "") + "more than the limit of "
            + limits.maxFileBytes() + " bytes (limit maxFileBytes)");
      }
    } catch (NoSuchFileException e) {
      throw ValidatorException.input(Location.of(displayName), "no such file");
    } catch (IOException e) {
      throw ValidatorException.input(Location.of(displayName), "cannot read file: " + e.getClass().getSimpleName());
    }
    return load(bytes, displayName);
  }

  public List<YamlDocument> load(byte[] bytes, String displayName) {
    if (bytes.length > limits.maxFileBytes()) {
      throw ValidatorException.input(
          new Location(displayName, 1, 1),
          "input is more than the limit of " + limits.maxFileBytes() + " bytes (limit maxFileBytes)");
    }
    return parse(decode(bytes, displayName), displayName);
  }

  /** Parses text; documents are returned in order, empty ones included (as null content). */
  public List<YamlDocument> parse(String text, String displayName) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    checkLineLengths(text, displayName);
    List<YamlDocument> docs = new ArrayList<>();
    List<ValidatorException> errors = new ArrayList<>();
    List<Chunk> chunks = DocumentSplitter.split(text);
    if (chunks.size() > limits.maxDocuments()) {
      throw ValidatorException.input(
          new Location(displayName, chunks.get(limits.maxDocuments()).firstLine + 1, 1),
          "more than " + limits.maxDocuments() + " documents (limit maxDocuments)");
    }
    // documents are independent: large streams parse on every core, results keep stream order
    Object[] parsed = new Object[chunks.size()];
    Shared shared = new Shared();
    java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks.size());
    (chunks.size() >= 64 ? range.parallel() : range).forEach(i -> {
      try {
        parsed[i] = parseChunk(chunks.get(i), displayName, shared);
      } catch (ValidatorException e) {
        parsed[i] = e;
      }
    });
    for (Object o : parsed) {
      if (o instanceof ValidatorException e) {
        errors.add(e);
      } else {
        docs.add((YamlDocument) o);
      }
    }
    if (!errors.isEmpty()) {
      throw ValidatorException.all(errors);
    }
    return docs;
  }

  /** By {@code indexOf}, which is compiled early: a loop of our own over every char ran interpreted. */
  private void checkLineLengths(String text, String file) {
    int line = 1;
    int start = 0;
    while (true) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      if (end - start > limits.maxLineLength()) {
        throw ValidatorException.input(new Location(file, line, 1),
            "line is longer than " + limits.maxLineLength() + " characters (limit maxLineLength)");
      }
      if (nl < 0) {
        return;
      }
      line++;
      start = nl + 1;
    }
  }

  private YamlDocument parseChunk(Chunk chunk, String file, Shared shared) {
    // what the scanner reads of them; aliases and nesting are the tree builder's to limit
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
    options.setProcessComments(false);
    Location start = new Location(file, chunk.firstLine + 1, 1);
    SourceMap locations = new SourceMap();
    JsonNode content;
    try {
      TreeBuilder builder = new TreeBuilder(new ParserImpl(chunk.reader(), options), schema, limits, annotationText,
          file, chunk, shared);
      content = builder.document(locations.cursor());
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      // an unclosed construct is found at the end of the document: point at where it opened
      String problem = String.valueOf(e.getProblem());
      if (e.getContextMark() != null && (problem.contains("<stream end>") || problem.contains("end of stream"))) {
        m = e.getContextMark();
      }
      Location where = chunk.at(file, m);
      int last = lastContentLine(chunk);
      if (where.line() > last) {
        // past the end of the document: the last line with content is what the user must fix
        where = new Location(file, last, 1);
      }
      throw ValidatorException.input(where, "invalid YAML: " + describe(e));
    } catch (YAMLException e) {
      throw ValidatorException.input(
          new Location(file, chunk.firstLine + 1, 1), "invalid YAML: " + limitMessage(e.getMessage()));
    } catch (IllegalArgumentException e) {
      // SnakeYAML rejects some malformed tags (`!%1` at the very end of a document) without a mark
      throw ValidatorException.input(new Location(file, chunk.firstLine + 1, 1),
          "invalid YAML: malformed tag (" + limitMessage(e.getMessage()) + ")");
    }
    if (content == null) {
      locations.put("", start);
      return new YamlDocument(null, start, locations);
    }
    return new YamlDocument(content, locations.get(""), locations);
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    String context = e.getContext();
    String msg = context != null && !context.isBlank() ? context + ": " + problem : problem;
    return limitMessage(msg.replaceAll("\\s+", " ").trim());
  }

  private static String limitMessage(String msg) {
    if (msg == null) {
      return "unknown error";
    }
    if (msg.contains("code points")) {
      return "document too large (limit maxFileBytes)";
    }
    // SnakeYAML messages may quote input; keep only the first line and cap its length.
    String first = msg.lines().findFirst().orElse(msg);
    return first.length() > 200 ? first.substring(0, 200) + "..." : first;
  }

  /** The 1-based stream line of the chunk's last line that holds more than blanks or a comment. */
  private static int lastContentLine(Chunk chunk) {
    String[] lines = chunk.text().split("\n", -1);
    for (int i = lines.length - 1; i >= 0; i--) {
      String l = lines[i].strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        return chunk.firstLine + i + 1;
      }
    }
    return chunk.firstLine + 1;
  }

  private static String decode(byte[] bytes, String file) {
    // the JDK's own decoding is the fast path; it replaces what is malformed with U+FFFD, and only
    // then (or for a U+FFFD in the input) does the strict decoder run to find the line
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return fast;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw ValidatorException.input(new Location(file, line, 1), "invalid UTF-8 in input");
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
