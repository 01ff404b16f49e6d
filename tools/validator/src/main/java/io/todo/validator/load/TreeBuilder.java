package io.todo.validator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Builds one document's Jackson tree, and the source map of its nodes, straight from SnakeYAML's
 * parser events. SnakeYAML's composer built a node graph first, which the loader then walked: a
 * tenth of the load of a large stream, and garbage. What the composer did is done here: anchors,
 * aliases (an alias to a collection counts against {@code maxAliases}), the nesting limit, one
 * document per chunk. Not its refusal of tags such as {@code !!foo}, which guards SnakeYAML's
 * construction of Java objects: we build none, and kustomize reads such a value as a string. An anchored node's events are kept, and an alias replays
 * them, so that it is converted where it is used (as the node graph was): it counts against
 * {@code maxNodesPerDocument} again and keeps the anchor's positions. Merge keys are applied after
 * the mapping's own keys, which win.
 */
final class TreeBuilder {
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
  /** A plain scalar, whose type we resolve ourselves (SnakeYAML resolves YAML 1.1 only). */
  static final Tag PLAIN = new Tag("tag:todo.validator:plain");
  /** Where a node is, as far as annotation text cares: the document, its metadata, its annotations. */
  private static final int ROOT = 0;
  private static final int METADATA = 1;
  private static final int ANNOTATIONS = 2;
  private static final int ELSEWHERE = -1;
  /** Pointer segments of list indices, shared by every document. */
  private static final String[] INDICES = new String[256];

  static {
    // a loop, not a stream: method references bootstrap classes on a cold start
    for (int i = 0; i < INDICES.length; i++) {
      INDICES[i] = Integer.toString(i);
    }
  }

  /** The pointer segment of list index {@code i}. */
  static String index(int i) {
    return i < INDICES.length ? INDICES[i] : Integer.toString(i);
  }

  private final Parser parser;
  private final ScalarSchema schema;
  private final YamlLimits limits;
  private final boolean annotationText;
  private final String file;
  private final Chunk chunk;
  private final Shared shared;
  private final Live live = new Live();
  private int nodes;
  /** The collections open around the node being converted, aliases expanded. */
  private int nesting;

  TreeBuilder(Parser parser, ScalarSchema schema, YamlLimits limits, boolean annotationText, String file,
      Chunk chunk, Shared shared) {
    this.parser = parser;
    this.schema = schema;
    this.limits = limits;
    this.annotationText = annotationText;
    this.file = file;
    this.chunk = chunk;
    this.shared = shared;
  }

  /** The chunk's document, or null when it holds none (only comments, or nothing). */
  JsonNode document(SourceMap.Cursor root) {
    parser.getEvent(); // stream start
    if (parser.checkEvent(Event.ID.StreamEnd)) {
      return null;
    }
    Event start = parser.getEvent(); // document start
    JsonNode content;
    try {
      content = convert(live.next(), live, root, ROOT);
    } catch (ValidatorException e) {
      // the composer read the whole document before it was converted: its errors, and syntax
      // errors, came first, and the user must fix them first
      while (!parser.checkEvent(Event.ID.DocumentEnd)) {
        try {
          live.next();
        } catch (ValidatorException later) {
          // a later error of the same kind: the first one stands
        }
      }
      end(start);
      throw e;
    }
    end(start);
    return content;
  }

  private void end(Event start) {
    parser.getEvent(); // document end
    if (!parser.checkEvent(Event.ID.StreamEnd)) {
      throw new Problem("expected a single document in the stream", start.getStartMark(),
          "but found another document", parser.getEvent().getStartMark());
    }
  }

  /** Converts the node that {@code first} opens; the rest of its events come from {@code events}. */
  private JsonNode convert(Object first, Events events, SourceMap.Cursor at, int where) {
    if (first instanceof Anchored anchored) {
      // an alias: the anchored node again, where it is used
      Replay replay = new Replay(anchored);
      return convert(replay.next(), replay, at, where);
    }
    Event event = (Event) first;
    if (++nodes > limits.maxNodesPerDocument()) {
      throw ValidatorException.input(at(event.getStartMark()), "document expands to more than "
          + limits.maxNodesPerDocument() + " nodes (limit maxNodesPerDocument; an alias bomb?)");
    }
    // the nesting limit (the collections around a node, as SnakeYAML's composer counted them) holds
    // for the tree as built: aliases nest what they stand for, and a chain of deep anchored lists,
    // shallow as written, overflowed the stack once expanded
    if (nesting > limits.maxNestingDepth()) {
      boolean expanded = events instanceof Replay r && r.anchored.named;
      throw new Problem(null, null, (expanded ? "nesting too deep once aliases are expanded" : "nesting too deep")
          + " (limit maxNestingDepth)", event.getStartMark());
    }
    mark(at, event.getStartMark());
    if (event instanceof ScalarEvent scalar) {
      return shared.text(scalar(tag(scalar), scalar.getValue(), schema, scalar.getStartMark(), file, chunk));
    }
    nesting++;
    try {
      return collection(event, events, at, where);
    } finally {
      nesting--;
    }
  }

  private JsonNode collection(Event event, Events events, SourceMap.Cursor at, int where) {
    if (event instanceof SequenceStartEvent) {
      ArrayNode array = F.arrayNode();
      int i = 0;
      for (Object item = events.next(); !(item instanceof CollectionEndEvent); item = events.next()) {
        array.add(convert(item, events, at.child(index(i)), ELSEWHERE));
        i++;
      }
      return array;
    }
    return mapping((MappingStartEvent) event, events, at, where);
  }

  private ObjectNode mapping(MappingStartEvent start, Events events, SourceMap.Cursor at, int where) {
    ObjectNode object = F.objectNode();
    List<Anchored> merges = List.of();
    for (Object k = events.next(); !(k instanceof CollectionEndEvent); k = events.next()) {
      ScalarEvent keyEvent = keyScalar(k);
      if (isMergeKey(keyEvent)) {
        if (merges.isEmpty()) {
          merges = new ArrayList<>();
        }
        merges.add(events.record());
        continue;
      }
      String key = shared.name(key(keyEvent));
      SourceMap.Cursor child = at.child(SourceMap.escape(key));
      if (object.get(key) != null) {
        // merged maps come after this loop, so the field is an earlier key of this mapping
        throw ValidatorException.input(at(keyEvent.getStartMark()),
            "duplicate key \"" + key + "\" (first defined at line " + child.line() + ")");
      }
      Object value = events.next();
      ScalarEvent plainText = annotationText && where == ANNOTATIONS ? plainText(value) : null;
      object.set(key, plainText != null ? F.textNode(plainText.getValue()) : convert(value, events, child, below(where, key)));
      // a field's location is its key, which is where users look
      mark(child, keyEvent.getStartMark());
    }
    // merge keys: explicit keys win, earlier merged maps win over later ones
    for (Anchored merge : merges) {
      Events value = new Replay(merge);
      Object v = value.next();
      while (v instanceof Anchored alias) {
        value = new Replay(alias);
        v = value.next();
      }
      if (v instanceof SequenceStartEvent) {
        for (Object item = value.next(); !(item instanceof CollectionEndEvent); item = value.next()) {
          merge(object, item, value, at, where, start);
        }
      } else {
        merge(object, v, value, at, where, start);
      }
    }
    return object;
  }

  /** Adds the fields of one merged map that the mapping does not have. */
  private void merge(ObjectNode object, Object first, Events events, SourceMap.Cursor at, int where,
      MappingStartEvent mapping) {
    Events from = events;
    Object v = first;
    while (v instanceof Anchored alias) {
      from = new Replay(alias);
      v = from.next();
    }
    if (!(v instanceof MappingStartEvent)) {
      throw ValidatorException.input(at(((Event) v).getStartMark()), "map merge requires a map or a sequence of maps");
    }
    convert(v, from, at, where).fields().forEachRemaining(e -> {
      if (!object.has(e.getKey())) {
        object.set(e.getKey(), e.getValue());
      }
    });
    mark(at, mapping.getStartMark());
  }

  /** The first event of what an alias (or an alias of an alias) stands for. */
  private static Object resolve(Object first) {
    Object v = first;
    while (v instanceof Anchored a) {
      v = a.first();
    }
    return v;
  }

  private ScalarEvent keyScalar(Object k) {
    Object first = resolve(k);
    if (first instanceof ScalarEvent s) {
      return s;
    }
    Event e = (Event) first;
    throw ValidatorException.input(at(e.getStartMark()),
        "a map key must be a scalar, not a " + (e instanceof SequenceStartEvent ? "sequence" : "mapping"));
  }

  private boolean isMergeKey(ScalarEvent key) {
    Tag tag = tag(key);
    return tag == PLAIN && "<<".equals(key.getValue()) || tag.equals(Tag.MERGE);
  }

  /** A plain, non-empty scalar value (or an alias of one), which annotations keep as text. */
  private ScalarEvent plainText(Object value) {
    return resolve(value) instanceof ScalarEvent s && tag(s) == PLAIN && !s.getValue().isEmpty() ? s : null;
  }

  private static int below(int where, String key) {
    if (where == ROOT && key.equals("metadata")) {
      return METADATA;
    }
    return where == METADATA && key.equals("annotations") ? ANNOTATIONS : ELSEWHERE;
  }

  /** The composer's tag: plain scalars are ours to type, other untagged ones are strings. */
  private static Tag tag(ScalarEvent event) {
    String tag = event.getTag();
    if (tag == null || tag.equals("!")) {
      return event.getImplicit().canOmitTagInPlainScalar() ? PLAIN : Tag.STR;
    }
    return new Tag(tag);
  }

  private String key(ScalarEvent keyEvent) {
    Tag tag = tag(keyEvent);
    String value = keyEvent.getValue();
    if (tag == PLAIN && schema == ScalarSchema.CORE_1_2) {
      JsonNode typed = ScalarResolver.resolvePlain(value, schema);
      if (!typed.isTextual() || ScalarResolver.isTimestamp(value)) {
        throw ValidatorException.input(at(keyEvent.getStartMark()),
            "map key " + value + " is not a string (kustomize cannot encode it; quote it)");
      }
    }
    if (tag == PLAIN && schema == ScalarSchema.YAML_1_1) {
      JsonNode typed = ScalarResolver.resolvePlain(value, schema);
      return typed.isNull() ? "null" : typed.asText();
    }
    return value;
  }

  /** A scalar's value, typed by its tag ({@link #PLAIN}: by the schema's rules); errors at {@code mark}. */
  static JsonNode scalar(Tag tag, String v, ScalarSchema schema, Mark mark, String file, Chunk chunk) {
    if (tag == PLAIN) {
      if (v.isEmpty() && schema == ScalarSchema.CORE_1_2) {
        return EmptyNull.INSTANCE;
      }
      if (!ScalarResolver.isTimestamp(v)) {
        return ScalarResolver.resolvePlain(v, schema);
      }
      return schema == ScalarSchema.CORE_1_2 ? new PlainTimestamp(v) : F.textNode(v);
    }
    try {
      if (tag.equals(Tag.STR)) {
        return F.textNode(v);
      }
      if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
        JsonNode typed = ScalarResolver.resolvePlain(v, schema);
        boolean ok =
            tag.equals(Tag.INT) && typed.isIntegralNumber()
                || tag.equals(Tag.FLOAT) && typed.isNumber()
                || tag.equals(Tag.BOOL) && typed.isBoolean()
                || tag.equals(Tag.NULL) && typed.isNull();
        if (!ok) {
          throw ValidatorException.input(chunk.at(file, mark),
              "cannot decode !!" + tag.getValue().substring(18) + " `" + abbreviate(v) + "`");
        }
        return tag.equals(Tag.FLOAT) && typed.isIntegralNumber() ? F.numberNode(new BigDecimal(typed.bigIntegerValue())) : typed;
      }
      if (tag.equals(Tag.BINARY)) {
        // the Go YAML libraries decode it into a string of its bytes, and JSON replaces bytes that are
        // not UTF-8 with U+FFFD: kustomize prints `!!binary aGVsbG8=` as hello
        // as Go's encoding/json writes a string of the bytes: a byte that starts no valid UTF-8 sequence is U+FFFD
        return F.textNode(io.todo.validator.model.GoText.textOf(
            new String(Base64.getMimeDecoder().decode(v), java.nio.charset.StandardCharsets.ISO_8859_1)));
      }
    } catch (IllegalArgumentException e) {
      throw ValidatorException.input(chunk.at(file, mark), "invalid !!binary value");
    }
    if (tag.equals(Tag.TIMESTAMP) && schema == ScalarSchema.CORE_1_2) {
      return new PlainTimestamp(v); // yaml.v3 decodes it as it decodes a plain date: printed in RFC 3339
    }
    // custom tags (!Ref, !!foo): the value is kept as a string, as kyaml does
    return F.textNode(v);
  }

  private static String abbreviate(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "..." : v;
  }

  /** Records a mark's position without a Location object: the loader records every node. */
  private void mark(SourceMap.Cursor at, Mark m) {
    at.set(file, chunk.line(m), Chunk.column(m));
  }

  private Location at(Mark m) {
    return chunk.at(file, m);
  }

  /** The events of a node: the parser's, or an anchored node's again. */
  private interface Events {
    /** The next event, or the {@link Anchored} node an alias stands for. */
    Object next();

    /** The next node's events, kept to be replayed later (a merge key's value). */
    Anchored record();
  }

  /**
   * A node's events, kept: a range of the document's log of events, in which a nested alias is its
   * own {@link Anchored}. One log, not a list per anchor: anchors nested in anchors would each have
   * kept their own copy of the events inside them.
   */
  private static final class Anchored {
    final List<Object> log;
    final int from;
    /** The end of the range, or -1 while the node is still being read. */
    int to = -1;
    /** The depth of open collections the node starts at: it ends when the depth is that again. */
    final int depth;
    /** An anchor's node or a part of one, which aliases expand (not a merge key's own value). */
    final boolean named;

    Anchored(List<Object> log, int from, int depth, boolean named) {
      this.log = log;
      this.from = from;
      this.depth = depth;
      this.named = named;
    }

    Object first() {
      return log.get(from);
    }

    boolean complete() {
      return to >= 0;
    }
  }

  private static final class Replay implements Events {
    final Anchored anchored;
    private int next;

    Replay(Anchored anchored) {
      this.anchored = anchored;
      this.next = anchored.from;
    }

    @Override
    public Object next() {
      return anchored.log.get(next++);
    }

    @Override
    public Anchored record() {
      Anchored kept = new Anchored(anchored.log, next, 0, anchored.named);
      int open = 0;
      do {
        Object e = next();
        open += e instanceof CollectionStartEvent ? 1 : e instanceof CollectionEndEvent ? -1 : 0;
      } while (open > 0);
      kept.to = next;
      return kept;
    }
  }

  /** The parser's events: anchors are bound, aliases resolved and counted, nesting limited. */
  private final class Live implements Events {
    private final Map<String, Anchored> anchors = new HashMap<>();
    /** The events of every kept node, each logged once. */
    private final List<Object> log = new ArrayList<>();
    /** Kept collections still being read, innermost last; while there is one, every event is logged. */
    private final List<Anchored> open = new ArrayList<>();
    private boolean keepNext;
    private Anchored lastKept;
    private int depth;
    private int collectionAliases;

    @Override
    public Object next() {
      Event event = parser.getEvent();
      Object item = event;
      String anchor = null;
      if (event instanceof AliasEvent alias) {
        item = alias(alias);
      } else if (event instanceof NodeEvent node) {
        anchor = node.getAnchor();
      }
      boolean keep = anchor != null || keepNext;
      keepNext = false;
      if (keep || !open.isEmpty()) {
        log.add(item);
      }
      if (keep) {
        lastKept = new Anchored(log, log.size() - 1, depth, anchor != null);
        if (item instanceof CollectionStartEvent) {
          open.add(lastKept);
        } else {
          lastKept.to = log.size();
        }
        if (anchor != null) {
          // a later anchor of the same name hides this one from later aliases
          anchors.put(anchor, lastKept);
        }
      }
      if (item instanceof CollectionStartEvent) {
        depth++;
      } else if (item instanceof CollectionEndEvent) {
        depth--;
        while (!open.isEmpty() && open.get(open.size() - 1).depth == depth) {
          open.remove(open.size() - 1).to = log.size();
        }
      }
      return item;
    }

    private Anchored alias(AliasEvent alias) {
      Anchored anchored = anchors.get(alias.getAnchor());
      if (anchored == null) {
        throw new Problem(null, null, "found undefined alias " + alias.getAnchor(), alias.getStartMark());
      }
      if (!(anchored.first() instanceof ScalarEvent) && ++collectionAliases > limits.maxAliases()) {
        throw new Problem(null, null, "too many aliases (limit maxAliases; a \"billion laughs\" alias bomb?)",
            alias.getStartMark());
      }
      if (!anchored.complete()) {
        throw ValidatorException.input(at(((Event) anchored.first()).getStartMark()),
            "recursive alias (a node that contains itself)");
      }
      return anchored;
    }

    /** A merge key's value, kept as an anchored node is, under no name. */
    @Override
    public Anchored record() {
      keepNext = true;
      Object first = next();
      if (first instanceof Anchored alias) {
        return alias;
      }
      Anchored kept = lastKept;
      while (!kept.complete()) {
        next();
      }
      return kept;
    }
  }

  /**
   * An error of the document's structure or a limit, reported as SnakeYAML's parser errors are
   * (invalid YAML, at its mark), and before any error of conversion the document also has.
   */
  static final class Problem extends MarkedYAMLException {
    private static final long serialVersionUID = 1L;

    Problem(String context, Mark contextMark, String problem, Mark problemMark) {
      super(context, contextMark, problem, problemMark);
    }
  }
}
