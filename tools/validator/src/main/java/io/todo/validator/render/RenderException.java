package io.todo.validator.render;

/** A kustomize build error without a source position yet; the caller adds the file it was working on. */
final class RenderException extends RuntimeException {
  RenderException(String message) {
    super(message);
  }
}
