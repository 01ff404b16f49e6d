package io.todo.validator.render;

import io.todo.validator.model.GoText;

/** Go's strconv.Atoi ({@link GoText#atoi}) where kustomize's messages show its NumError text. */
final class GoStrconv {
  private GoStrconv() {}

  static long atoi(String s) {
    try {
      return GoText.atoi(s);
    } catch (IllegalArgumentException e) {
      throw new RenderException(e.getMessage());
    }
  }
}
