package io.todo.validator.admission.cel;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.Message;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelDescriptorUtil;
import dev.cel.common.CelOptions;
import dev.cel.common.internal.CelDescriptorPool;
import dev.cel.common.internal.CombinedDescriptorPool;
import dev.cel.common.internal.DefaultDescriptorPool;
import dev.cel.common.internal.DefaultMessageFactory;
import dev.cel.common.internal.DynamicProto;
import dev.cel.common.internal.ProtoMessageFactory;
import dev.cel.common.values.CelValueConverter;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelInternalRuntimeLibrary;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeLibrary;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.DefaultDispatcher;
import dev.cel.runtime.DescriptorMessageProvider;
import dev.cel.runtime.DescriptorTypeResolver;
import dev.cel.runtime.Interpretable;
import dev.cel.runtime.Interpreter;
import dev.cel.runtime.InternalCelFunctionBinding;
import dev.cel.runtime.ProtoMessageRuntimeHelpers;
import dev.cel.runtime.RuntimeEquality;
import dev.cel.runtime.RuntimeTypeProvider;
import dev.cel.runtime.TypeResolver;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cel-java's legacy runtime, assembled as {@code CelRuntimeLegacyImpl.Builder.build()} assembles it
 * (same interpreter, dispatcher, bindings and order, same message provider and equality) except
 * that its protobuf descriptor pool is built only when an expression creates or reads a protobuf
 * message, which the admission variables never are. The builder builds the pool eagerly, and with
 * it the descriptors of every well-known type and of {@code descriptor.proto} itself: about 40 ms of
 * a cold validate's critical path, for nothing. Its equality is the builder's less proto
 * differencing, which the options leave off (checked).
 *
 * <p>The interpreter and {@code ProgramImpl} are package-private in cel-java 0.14, so they are
 * reached by reflection (our classes are on the class path, in the unnamed module). If that ever
 * fails (a different cel-java), {@link #create} returns empty and the caller uses the builder.
 * {@code LightRuntimeTest} evaluates the CEL corpora on both and compares every result.
 */
final class LightRuntime implements CelEnvironment.Programs {
  private final Interpreter interpreter;
  private final CelOptions options;
  private final Method programFrom;
  private final LazyMessageFactory messages;

  private LightRuntime(Interpreter interpreter, CelOptions options, Method programFrom, LazyMessageFactory messages) {
    this.interpreter = interpreter;
    this.messages = messages;
    this.options = options;
    this.programFrom = programFrom;
  }

  /**
   * The runtime the builder would make of {@code options}, {@code bindings} (added first),
   * {@code libraries} and {@code standard}; empty if cel-java's internals are not as expected.
   */
  static Optional<LightRuntime> create(CelOptions options, List<CelFunctionBinding> bindings,
      List<CelRuntimeLibrary> libraries, CelStandardFunctions standard) {
    try {
      if (options.enableProtoDifferencerEquality()) {
        return Optional.empty(); // the one case where the builder's equality differs from the one below
      }
      LazyMessageFactory messages = new LazyMessageFactory(options);
      DynamicProto dynamicProto = DynamicProto.create(messages);
      // ProtoMessageRuntimeEquality without its ProtoEquality, whose class initialiser builds the
      // well-known descriptors: that equality only differs with enableProtoDifferencerEquality
      RuntimeEquality equality = RuntimeEquality.create(ProtoMessageRuntimeHelpers.create(dynamicProto, options), options);
      // the builder keeps the first binding of an overload id: ours, then the libraries'
      Map<String, CelFunctionBinding> custom = new java.util.HashMap<>();
      bindings.forEach(b -> custom.putIfAbsent(b.getOverloadId(), b));
      BindingsRecorder recorder = new BindingsRecorder(custom);
      for (CelRuntimeLibrary library : libraries) {
        if (library instanceof CelInternalRuntimeLibrary internal) {
          internal.setRuntimeOptions(recorder, equality, options);
        } else {
          library.setRuntimeOptions(recorder);
        }
      }
      DefaultDispatcher.Builder dispatcher = DefaultDispatcher.newBuilder();
      for (CelFunctionBinding b : standard.newFunctionBindings(equality, options)) {
        add(dispatcher, b);
      }
      for (CelFunctionBinding b : custom.values()) {
        add(dispatcher, b);
      }
      RuntimeTypeProvider provider = new DescriptorMessageProvider(messages, options);
      Method resolverOf = DescriptorTypeResolver.class.getDeclaredMethod("create", CelValueConverter.class);
      resolverOf.setAccessible(true);
      TypeResolver resolver = (TypeResolver) resolverOf.invoke(null, CelValueConverter.getDefaultInstance());
      Constructor<?> interpreter = Class.forName("dev.cel.runtime.DefaultInterpreter").getDeclaredConstructor(
          TypeResolver.class, RuntimeTypeProvider.class, DefaultDispatcher.class, CelOptions.class);
      interpreter.setAccessible(true);
      Method from = Class.forName("dev.cel.runtime.ProgramImpl").getDeclaredMethod("from", Interpretable.class, CelOptions.class);
      from.setAccessible(true);
      return Optional.of(new LightRuntime(
          (Interpreter) interpreter.newInstance(resolver, provider, dispatcher.build(), options), options, from, messages));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static void add(DefaultDispatcher.Builder dispatcher, CelFunctionBinding b) {
    String name = b instanceof InternalCelFunctionBinding internal ? internal.getFunctionName() : b.getOverloadId();
    dispatcher.addOverload(name, b.getOverloadId(), b.getArgTypes(), b.isStrict(), b.getDefinition());
  }

  /** Whether anything needed protobuf descriptors (for the tests: nothing should). */
  boolean descriptorsBuilt() {
    return messages.built();
  }

  /** As {@code CelRuntime.createProgram}: the AST must be checked. */
  @Override
  public CelRuntime.Program createProgram(CelAbstractSyntaxTree ast) {
    if (!ast.isChecked()) {
      throw new IllegalStateException("programs must be created from checked expressions");
    }
    try {
      return (CelRuntime.Program) programFrom.invoke(null, interpreter.createInterpretable(ast), options);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The builder's message factory, made on first use. */
  private static final class LazyMessageFactory implements ProtoMessageFactory {
    private final CelOptions options;
    private volatile DefaultMessageFactory factory;

    LazyMessageFactory(CelOptions options) {
      this.options = options;
    }

    boolean built() {
      return factory != null;
    }

    private DefaultMessageFactory factory() {
      DefaultMessageFactory f = factory;
      if (f == null) {
        synchronized (this) {
          if (factory == null) {
            CelDescriptorPool pool = CombinedDescriptorPool.create(ImmutableList.of(DefaultDescriptorPool.create(
                CelDescriptorUtil.getAllDescriptorsFromFileDescriptor(ImmutableSet.of(), options.resolveTypeDependencies()),
                ExtensionRegistry.getEmptyRegistry())));
            factory = DefaultMessageFactory.create(pool);
          }
          f = factory;
        }
      }
      return f;
    }

    @Override
    public Optional<Message.Builder> newBuilder(String messageName) {
      return factory().newBuilder(messageName);
    }

    @Override
    public CelDescriptorPool getDescriptorPool() {
      return factory().getDescriptorPool();
    }
  }

  /**
   * Collects the function bindings a runtime library adds. cel-java's extension libraries add
   * nothing else; anything else fails {@link #create}, which then leaves the runtime to the builder.
   */
  private static final class BindingsRecorder implements dev.cel.runtime.CelRuntimeBuilder {
    private final Map<String, CelFunctionBinding> bindings;

    BindingsRecorder(Map<String, CelFunctionBinding> bindings) {
      this.bindings = bindings;
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addFunctionBindings(CelFunctionBinding... b) {
      return addFunctionBindings(java.util.Arrays.asList(b));
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addFunctionBindings(Iterable<CelFunctionBinding> b) {
      b.forEach(x -> bindings.putIfAbsent(x.getOverloadId(), x));
      return this;
    }

    private static UnsupportedOperationException unsupported() {
      return new UnsupportedOperationException("not a function binding");
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder setOptions(CelOptions o) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addLateBoundFunctions(String... names) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addLateBoundFunctions(Iterable<String> names) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addMessageTypes(com.google.protobuf.Descriptors.Descriptor... d) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addMessageTypes(Iterable<com.google.protobuf.Descriptors.Descriptor> d) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addFileTypes(com.google.protobuf.Descriptors.FileDescriptor... d) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addFileTypes(Iterable<com.google.protobuf.Descriptors.FileDescriptor> d) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addFileTypes(com.google.protobuf.DescriptorProtos.FileDescriptorSet d) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder setTypeProvider(dev.cel.common.types.CelTypeProvider p) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder setTypeFactory(java.util.function.Function<String, Message.Builder> f) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder setValueProvider(dev.cel.common.values.CelValueProvider p) {
      throw unsupported();
    }

    @Override
    public dev.cel.common.values.CelValueProvider valueProvider() {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder setStandardEnvironmentEnabled(boolean enabled) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder setStandardFunctions(CelStandardFunctions f) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addLibraries(CelRuntimeLibrary... l) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder addLibraries(Iterable<? extends CelRuntimeLibrary> l) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder setExtensionRegistry(ExtensionRegistry r) {
      throw unsupported();
    }

    @Override
    public dev.cel.runtime.CelRuntimeBuilder setContainer(dev.cel.common.CelContainer c) {
      throw unsupported();
    }

    @Override
    public CelRuntime build() {
      throw unsupported();
    }
  }
}
