package io.todo.validator.load;

import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A null written as nothing ({@code key:}), as opposed to {@code null} or {@code ~}. Every check
 * sees a null; kustomize's strategic merge drops such fields from the maps it walks and keeps the
 * spelled-out ones, so the renderer must tell them apart.
 */
public final class EmptyNull extends NullNode {
  private static final long serialVersionUID = 1L;
  public static final EmptyNull INSTANCE = new EmptyNull();

  private EmptyNull() {}
}
