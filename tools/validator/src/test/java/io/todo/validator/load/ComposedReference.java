package io.todo.validator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.model.Location;
import io.todo.validator.model.SourceMap;
import io.todo.validator.model.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The loader's conversion as it was before {@link TreeBuilder}: SnakeYAML's composer builds a
 * node graph, which is then walked. Kept only as the reference that TreeBuilderTest compares with.
 */
final class ComposedReference {
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
  private static final Tag PLAIN = TreeBuilder.PLAIN;
  private static final PlainResolver PLAIN_RESOLVER = new PlainResolver();
  private final ScalarSchema schema;
  private final YamlLimits limits;
  private final boolean annotationText;

  ComposedReference(ScalarSchema schema, YamlLimits limits, boolean annotationText) {
    this.schema = schema;
    this.limits = limits;
    this.annotationText = annotationText;
  }

  /** The document's tree and source map (null content for no document); errors are thrown. */
  YamlDocument document(Chunk chunk, String file) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    options.setTagInspector(tag -> true); // the builder reads !!foo as kustomize does, as a string
    Node root = new Composer(new ParserImpl(chunk.reader(), options), PLAIN_RESOLVER, options).getSingleNode();
    SourceMap locations = new SourceMap();
    if (root == null) {
      return new YamlDocument(null, new Location(file, chunk.firstLine + 1, 1), locations);
    }
    JsonNode content = new Converter(file, chunk, new Shared()).convert(root, locations.cursor(), Converter.ROOT);
    return new YamlDocument(content, locations.get(""), locations);
  }

  /** Lets plain scalars through untyped so that we can apply the Go libraries' rules. */
  private static final class PlainResolver extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind == NodeId.scalar && implicit) {
        return PLAIN;
      }
      return super.resolve(kind, value, implicit);
    }
  }

  /** Turns a composed node graph into a Jackson tree, expanding aliases within limits. */
  private final class Converter {
    /** Where a node is, as far as annotation text cares: the document, its metadata, its annotations. */
    static final int ROOT = 0;
    static final int METADATA = 1;
    static final int ANNOTATIONS = 2;
    static final int ELSEWHERE = -1;
    private final String file;
    private final Chunk chunk;
    private final Shared shared;
    private int nodes;
    /** Collections being converted, to reject an alias that refers to its own ancestor. */
    private final java.util.Set<Node> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    Converter(String file, Chunk chunk, Shared shared) {
      this.file = file;
      this.chunk = chunk;
      this.shared = shared;
    }

    JsonNode convert(Node node, SourceMap.Cursor at, int where) {
      if (++nodes > limits.maxNodesPerDocument()) {
        throw ValidatorException.input(
            chunk.at(file, node.getStartMark()),
            "document expands to more than " + limits.maxNodesPerDocument()
                + " nodes (limit maxNodesPerDocument; an alias bomb?)");
      }
      mark(at, node.getStartMark());
      if (node.getNodeId() != NodeId.scalar && !open.add(node)) {
        throw ValidatorException.input(chunk.at(file, node.getStartMark()), "recursive alias (a node that contains itself)");
      }
      try {
        return convertNode(node, at, where);
      } finally {
        open.remove(node);
      }
    }

    /** Records a mark's position without a Location object: the loader records every node. */
    private void mark(SourceMap.Cursor at, Mark m) {
      at.set(file, chunk.line(m), Chunk.column(m));
    }

    private JsonNode convertNode(Node node, SourceMap.Cursor at, int where) {
      switch (node.getNodeId()) {
        case scalar:
          return shared.text(scalar((ScalarNode) node));
        case sequence:
          {
            ArrayNode array = F.arrayNode();
            int i = 0;
            for (Node item : ((SequenceNode) node).getValue()) {
              array.add(convert(item, at.child(TreeBuilder.index(i)), ELSEWHERE));
              i++;
            }
            return array;
          }
        case mapping:
          return mapping((MappingNode) node, at, where);
        default:
          throw ValidatorException.input(chunk.at(file, node.getStartMark()), "unsupported YAML node");
      }
    }

    private ObjectNode mapping(MappingNode node, SourceMap.Cursor at, int where) {
      ObjectNode object = F.objectNode();
      List<NodeTuple> merges = List.of();
      for (NodeTuple t : node.getValue()) {
        Node keyNode = t.getKeyNode();
        if (keyNode instanceof ScalarNode sk && sk.getTag() == PLAIN && "<<".equals(sk.getValue())
            || keyNode.getTag().equals(Tag.MERGE)) {
          if (merges.isEmpty()) {
            merges = new ArrayList<>();
          }
          merges.add(t);
          continue;
        }
        String key = shared.name(key(keyNode));
        SourceMap.Cursor child = at.child(SourceMap.escape(key));
        if (object.get(key) != null) {
          // merged maps come after this loop, so the field is an earlier key of this mapping
          throw ValidatorException.input(chunk.at(file, keyNode.getStartMark()),
              "duplicate key \"" + key + "\" (first defined at line " + child.line() + ")");
        }
        Node valueNode = t.getValueNode();
        object.set(key, annotationText && where == ANNOTATIONS
            && valueNode instanceof ScalarNode sv && sv.getTag() == PLAIN && !sv.getValue().isEmpty()
            ? F.textNode(sv.getValue()) : convert(valueNode, child, below(where, key)));
        // a field's location is its key, which is where users look
        mark(child, keyNode.getStartMark());
      }
      // merge keys: explicit keys win, earlier merged maps win over later ones
      for (NodeTuple t : merges) {
        Node v = t.getValueNode();
        List<Node> sources = new ArrayList<>();
        if (v instanceof SequenceNode seq) {
          sources.addAll(seq.getValue());
        } else {
          sources.add(v);
        }
        for (Node src : sources) {
          if (!(src instanceof MappingNode)) {
            throw ValidatorException.input(
                chunk.at(file, src.getStartMark()), "map merge requires a map or a sequence of maps");
          }
          JsonNode merged = convert(src, at, where);
          merged.fields().forEachRemaining(e -> {
            if (!object.has(e.getKey())) {
              object.set(e.getKey(), e.getValue());
            }
          });
        }
        mark(at, node.getStartMark());
      }
      return object;
    }

    private static int below(int where, String key) {
      if (where == ROOT && key.equals("metadata")) {
        return METADATA;
      }
      return where == METADATA && key.equals("annotations") ? ANNOTATIONS : ELSEWHERE;
    }

    private String key(Node keyNode) {
      if (!(keyNode instanceof ScalarNode sk)) {
        throw ValidatorException.input(
            chunk.at(file, keyNode.getStartMark()), "a map key must be a scalar, not a " + keyNode.getNodeId());
      }
      if (sk.getTag() == PLAIN && schema == ScalarSchema.CORE_1_2) {
        JsonNode typed = ScalarResolver.resolvePlain(sk.getValue(), schema);
        if (!typed.isTextual() || ScalarResolver.isTimestamp(sk.getValue())) {
          throw ValidatorException.input(
              chunk.at(file, keyNode.getStartMark()),
              "map key " + sk.getValue() + " is not a string (kustomize cannot encode it; quote it)");
        }
      }
      if (sk.getTag() == PLAIN && schema == ScalarSchema.YAML_1_1) {
        JsonNode typed = ScalarResolver.resolvePlain(sk.getValue(), schema);
        return typed.isNull() ? "null" : typed.asText();
      }
      return sk.getValue();
    }

    /** Typed as the builder types them: the reference is about the graph, not the scalars. */
    private JsonNode scalar(ScalarNode node) {
      return TreeBuilder.scalar(node.getTag(), node.getValue(), schema, node.getStartMark(), file, chunk);
    }
  }

}
