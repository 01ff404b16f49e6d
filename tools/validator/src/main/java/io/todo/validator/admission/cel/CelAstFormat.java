package io.todo.validator.admission.cel;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.UnsignedLong;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSource;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructTypeReference;
import dev.cel.common.types.TypeParamType;
import dev.cel.common.types.TypeType;
import dev.cel.common.types.UnspecifiedType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked AST as bytes, for {@link CelCache}, without protobuf: reading cel-java's
 * {@code CheckedExpr} initialises protobuf's descriptors of the well-known types and of
 * {@code descriptor.proto} (its map fields need them), about 40 ms of every cold validate.
 *
 * <p>It holds what the {@code CheckedExpr} held and gives back what
 * {@code CelProtoAbstractSyntaxTree.fromCheckedExpr} made of it: the expression, references and
 * types, and the source's description, line offsets, positions and macro calls (not its text).
 * Anything else (source extensions, timestamp or duration literals, function types) is refused
 * with {@link Unsupported}, and such an expression is simply compiled on every run.
 * {@code CelAstFormatTest} round-trips every expression of the CEL corpora both ways and compares.
 */
final class CelAstFormat {
  /** What the format cannot hold; the cache then keeps nothing for the expression. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * Deeper than any expression cel-java's parser accepts (its recursion limit of 250 allows ASTs
   * about 500 deep, through nested macros), shallow enough that a damaged or forged entry cannot
   * overflow the stack of a thread that reads it (compiled, about 1,000 levels do).
   */
  private static final int MAX_DEPTH = 600;

  private CelAstFormat() {}

  static byte[] write(CelAbstractSyntaxTree ast) {
    if (!ast.isChecked()) {
      throw new Unsupported("a parsed, unchecked expression");
    }
    CelSource source = ast.getSource();
    if (!source.getExtensions().isEmpty()) {
      throw new Unsupported("source extensions");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(source.getDescription());
      out.writeInt(source.getLineOffsets().size());
      for (int offset : source.getLineOffsets()) {
        out.writeInt(offset);
      }
      out.writeInt(source.getPositionsMap().size());
      for (Map.Entry<Long, Integer> e : source.getPositionsMap().entrySet()) {
        out.writeLong(e.getKey());
        out.writeInt(e.getValue());
      }
      out.writeInt(source.getMacroCalls().size());
      for (Map.Entry<Long, CelExpr> e : source.getMacroCalls().entrySet()) {
        out.writeLong(e.getKey());
        expr(out, e.getValue());
      }
      expr(out, ast.getExpr());
      out.writeInt(ast.getReferenceMap().size());
      for (Map.Entry<Long, CelReference> e : ast.getReferenceMap().entrySet()) {
        out.writeLong(e.getKey());
        CelReference r = e.getValue();
        out.writeUTF(r.name());
        strings(out, r.overloadIds());
        out.writeBoolean(r.value().isPresent());
        if (r.value().isPresent()) {
          constant(out, r.value().get());
        }
      }
      out.writeInt(ast.getTypeMap().size());
      for (Map.Entry<Long, CelType> e : ast.getTypeMap().entrySet()) {
        out.writeLong(e.getKey());
        type(out, e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The AST {@link #write} wrote; {@link IOException} when the bytes are not such an AST. */
  static CelAbstractSyntaxTree read(DataInputStream in) throws IOException {
    try {
      CelSource.Builder source = CelSource.newBuilder().setDescription(in.readUTF());
      for (int i = count(in); i > 0; i--) {
        source.addLineOffsets(in.readInt());
      }
      Map<Long, Integer> positions = new LinkedHashMap<>();
      for (int i = count(in); i > 0; i--) {
        positions.put(in.readLong(), in.readInt());
      }
      source.addPositionsMap(positions);
      for (int i = count(in); i > 0; i--) {
        source.addMacroCalls(in.readLong(), expr(in, 0));
      }
      CelExpr root = expr(in, 0);
      Map<Long, CelReference> references = new LinkedHashMap<>();
      for (int i = count(in); i > 0; i--) {
        long id = in.readLong();
        CelReference.Builder r = CelReference.newBuilder().setName(in.readUTF()).addOverloadIds(strings(in));
        if (in.readBoolean()) {
          r.setValue(constant(in));
        }
        references.put(id, r.build());
      }
      Map<Long, CelType> types = new LinkedHashMap<>();
      for (int i = count(in); i > 0; i--) {
        types.put(in.readLong(), type(in));
      }
      if (in.read() != -1) {
        throw new IOException("trailing bytes");
      }
      return CelAbstractSyntaxTree.newCheckedAst(root, source.build(), references, types);
    } catch (RuntimeException e) {
      throw new IOException("not a checked expression: " + e.getMessage(), e);
    }
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad count " + n);
    }
    return n;
  }

  private static void strings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String s : values) {
      out.writeUTF(s);
    }
  }

  private static ImmutableList<String> strings(DataInputStream in) throws IOException {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (int i = count(in); i > 0; i--) {
      b.add(in.readUTF());
    }
    return b.build();
  }

  private static void expr(DataOutputStream out, CelExpr e) throws IOException {
    out.writeLong(e.id());
    CelExpr.ExprKind.Kind kind = e.getKind();
    out.writeByte(kind.ordinal());
    switch (kind) {
      case NOT_SET -> { }
      case CONSTANT -> constant(out, e.constant());
      case IDENT -> out.writeUTF(e.ident().name());
      case SELECT -> {
        expr(out, e.select().operand());
        out.writeUTF(e.select().field());
        out.writeBoolean(e.select().testOnly());
      }
      case CALL -> {
        CelExpr.CelCall c = e.call();
        out.writeBoolean(c.target().isPresent());
        if (c.target().isPresent()) {
          expr(out, c.target().get());
        }
        out.writeUTF(c.function());
        exprs(out, c.args());
      }
      case LIST -> {
        exprs(out, e.list().elements());
        out.writeInt(e.list().optionalIndices().size());
        for (int i : e.list().optionalIndices()) {
          out.writeInt(i);
        }
      }
      case STRUCT -> {
        out.writeUTF(e.struct().messageName());
        out.writeInt(e.struct().entries().size());
        for (CelExpr.CelStruct.Entry x : e.struct().entries()) {
          out.writeLong(x.id());
          out.writeUTF(x.fieldKey());
          expr(out, x.value());
          out.writeBoolean(x.optionalEntry());
        }
      }
      case MAP -> {
        out.writeInt(e.map().entries().size());
        for (CelExpr.CelMap.Entry x : e.map().entries()) {
          out.writeLong(x.id());
          expr(out, x.key());
          expr(out, x.value());
          out.writeBoolean(x.optionalEntry());
        }
      }
      case COMPREHENSION -> {
        CelExpr.CelComprehension c = e.comprehension();
        out.writeUTF(c.iterVar());
        out.writeUTF(c.iterVar2());
        expr(out, c.iterRange());
        out.writeUTF(c.accuVar());
        expr(out, c.accuInit());
        expr(out, c.loopCondition());
        expr(out, c.loopStep());
        expr(out, c.result());
      }
    }
  }

  private static void exprs(DataOutputStream out, List<CelExpr> list) throws IOException {
    out.writeInt(list.size());
    for (CelExpr e : list) {
      expr(out, e);
    }
  }

  private static CelExpr expr(DataInputStream in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("expression nested deeper than " + MAX_DEPTH);
    }
    long id = in.readLong();
    CelExpr.ExprKind.Kind[] kinds = CelExpr.ExprKind.Kind.values();
    int k = in.readUnsignedByte();
    if (k >= kinds.length) {
      throw new IOException("bad expression kind " + k);
    }
    return switch (kinds[k]) {
      case NOT_SET -> CelExpr.ofNotSet(id);
      case CONSTANT -> CelExpr.ofConstant(id, constant(in));
      case IDENT -> CelExpr.ofIdent(id, in.readUTF());
      case SELECT -> CelExpr.ofSelect(id, expr(in, depth + 1), in.readUTF(), in.readBoolean());
      case CALL -> {
        Optional<CelExpr> target = in.readBoolean() ? Optional.of(expr(in, depth + 1)) : Optional.empty();
        yield CelExpr.ofCall(id, target, in.readUTF(), exprs(in, depth + 1));
      }
      case LIST -> {
        ImmutableList<CelExpr> elements = exprs(in, depth + 1);
        ImmutableList.Builder<Integer> optional = ImmutableList.builder();
        for (int i = count(in); i > 0; i--) {
          optional.add(in.readInt());
        }
        yield CelExpr.ofList(id, elements, optional.build());
      }
      case STRUCT -> {
        String name = in.readUTF();
        ImmutableList.Builder<CelExpr.CelStruct.Entry> entries = ImmutableList.builder();
        for (int i = count(in); i > 0; i--) {
          entries.add(CelExpr.ofStructEntry(in.readLong(), in.readUTF(), expr(in, depth + 1), in.readBoolean()));
        }
        yield CelExpr.ofStruct(id, name, entries.build());
      }
      case MAP -> {
        ImmutableList.Builder<CelExpr.CelMap.Entry> entries = ImmutableList.builder();
        for (int i = count(in); i > 0; i--) {
          entries.add(CelExpr.ofMapEntry(in.readLong(), expr(in, depth + 1), expr(in, depth + 1), in.readBoolean()));
        }
        yield CelExpr.ofMap(id, entries.build());
      }
      case COMPREHENSION -> CelExpr.ofComprehension(id, in.readUTF(), in.readUTF(), expr(in, depth + 1), in.readUTF(),
          expr(in, depth + 1), expr(in, depth + 1), expr(in, depth + 1), expr(in, depth + 1));
    };
  }

  private static ImmutableList<CelExpr> exprs(DataInputStream in, int depth) throws IOException {
    ImmutableList.Builder<CelExpr> b = ImmutableList.builder();
    for (int i = count(in); i > 0; i--) {
      b.add(expr(in, depth));
    }
    return b.build();
  }

  private static void constant(DataOutputStream out, CelConstant c) throws IOException {
    CelConstant.Kind kind = c.getKind();
    out.writeByte(kind.ordinal());
    switch (kind) {
      case NOT_SET, NULL_VALUE -> { }
      case BOOLEAN_VALUE -> out.writeBoolean(c.booleanValue());
      case INT64_VALUE -> out.writeLong(c.int64Value());
      case UINT64_VALUE -> out.writeLong(c.uint64Value().longValue());
      case DOUBLE_VALUE -> out.writeLong(Double.doubleToRawLongBits(c.doubleValue()));
      case STRING_VALUE -> text(out, c.stringValue());
      case BYTES_VALUE -> {
        byte[] b = c.bytesValue().toByteArray();
        out.writeInt(b.length);
        out.write(b);
      }
      default -> throw new Unsupported("a " + kind + " literal");
    }
  }

  private static CelConstant constant(DataInputStream in) throws IOException {
    CelConstant.Kind[] kinds = CelConstant.Kind.values();
    int k = in.readUnsignedByte();
    if (k >= kinds.length) {
      throw new IOException("bad constant kind " + k);
    }
    return switch (kinds[k]) {
      case NOT_SET -> CelConstant.ofNotSet();
      case NULL_VALUE -> CelConstant.ofValue(NullValue.NULL_VALUE);
      case BOOLEAN_VALUE -> CelConstant.ofValue(in.readBoolean());
      case INT64_VALUE -> CelConstant.ofValue(in.readLong());
      case UINT64_VALUE -> CelConstant.ofValue(UnsignedLong.fromLongBits(in.readLong()));
      case DOUBLE_VALUE -> CelConstant.ofValue(Double.longBitsToDouble(in.readLong()));
      case STRING_VALUE -> CelConstant.ofValue(text(in));
      case BYTES_VALUE -> {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        yield CelConstant.ofValue(CelByteString.of(b));
      }
      default -> throw new IOException("unsupported constant kind " + kinds[k]);
    };
  }

  /**
   * A string literal as its UTF-16 chars: a literal may be longer than the 64 KiB that
   * {@code writeUTF} (names, identifiers) allows.
   */
  private static void text(DataOutputStream out, String s) throws IOException {
    out.writeInt(s.length());
    for (int i = 0; i < s.length(); i++) {
      out.writeChar(s.charAt(i));
    }
  }

  private static String text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n * 2L > in.available()) {
      throw new IOException("bad string length " + n);
    }
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = in.readChar();
    }
    return new String(chars);
  }

  private static final List<CelType> SIMPLE = List.of(SimpleType.ERROR, SimpleType.DYN, SimpleType.ANY,
      SimpleType.BOOL, SimpleType.BYTES, SimpleType.DOUBLE, SimpleType.DURATION, SimpleType.INT,
      SimpleType.NULL_TYPE, SimpleType.STRING, SimpleType.TIMESTAMP, SimpleType.UINT);

  private enum TypeTag { SIMPLE, OPTIONAL, NULLABLE, LIST, MAP, TYPE, TYPE_PARAM, STRUCT, OPAQUE, UNSPECIFIED }

  private static void type(DataOutputStream out, CelType t) throws IOException {
    if (t instanceof OptionalType) {
      out.writeByte(TypeTag.OPTIONAL.ordinal());
      type(out, t.parameters().get(0));
    } else if (t instanceof NullableType n) {
      out.writeByte(TypeTag.NULLABLE.ordinal());
      type(out, n.targetType());
    } else if (t.kind() == CelKind.LIST) {
      out.writeByte(TypeTag.LIST.ordinal());
      type(out, ((ListType) t).elemType());
    } else if (t.kind() == CelKind.MAP) {
      out.writeByte(TypeTag.MAP.ordinal());
      type(out, ((MapType) t).keyType());
      type(out, ((MapType) t).valueType());
    } else if (t.kind() == CelKind.TYPE) {
      out.writeByte(TypeTag.TYPE.ordinal());
      type(out, ((TypeType) t).type());
    } else if (t.kind() == CelKind.TYPE_PARAM) {
      out.writeByte(TypeTag.TYPE_PARAM.ordinal());
      out.writeUTF(t.name());
    } else if (t.kind() == CelKind.STRUCT) {
      out.writeByte(TypeTag.STRUCT.ordinal());
      out.writeUTF(t.name());
    } else if (t.kind() == CelKind.OPAQUE && !t.name().equals("function")) {
      out.writeByte(TypeTag.OPAQUE.ordinal());
      out.writeUTF(t.name());
      out.writeInt(t.parameters().size());
      for (CelType p : t.parameters()) {
        type(out, p);
      }
    } else if (t.kind() == CelKind.UNSPECIFIED) {
      out.writeByte(TypeTag.UNSPECIFIED.ordinal());
    } else if (SIMPLE.contains(t)) {
      out.writeByte(TypeTag.SIMPLE.ordinal());
      out.writeByte(SIMPLE.indexOf(t));
    } else {
      throw new Unsupported("type " + t);
    }
  }

  private static CelType type(DataInputStream in) throws IOException {
    return type(in, 0);
  }

  private static CelType type(DataInputStream in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("type nested deeper than " + MAX_DEPTH);
    }
    TypeTag[] tags = TypeTag.values();
    int k = in.readUnsignedByte();
    if (k >= tags.length) {
      throw new IOException("bad type tag " + k);
    }
    return switch (tags[k]) {
      case SIMPLE -> {
        int i = in.readUnsignedByte();
        if (i >= SIMPLE.size()) {
          throw new IOException("bad simple type " + i);
        }
        yield SIMPLE.get(i);
      }
      case OPTIONAL -> OptionalType.create(type(in, depth + 1));
      case NULLABLE -> NullableType.create(type(in, depth + 1));
      case LIST -> ListType.create(type(in, depth + 1));
      case MAP -> MapType.create(type(in, depth + 1), type(in, depth + 1));
      case TYPE -> TypeType.create(type(in, depth + 1));
      case TYPE_PARAM -> TypeParamType.create(in.readUTF());
      case STRUCT -> StructTypeReference.create(in.readUTF());
      case OPAQUE -> {
        String name = in.readUTF();
        ImmutableList.Builder<CelType> params = ImmutableList.builder();
        for (int i = count(in); i > 0; i--) {
          params.add(type(in, depth + 1));
        }
        yield OpaqueType.create(name, params.build());
      }
      case UNSPECIFIED -> UnspecifiedType.create();
    };
  }
}
