package io.todo.validator.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading resources that may not have the shape their schema gives them. */
public final class Nodes {
  private Nodes() {}

  /**
   * The number of elements of {@code n} when it is a list, else 0. The checks also meet input the
   * schema stage refuses (a mapping where a list belongs, whose {@code get(i)} is null), and must
   * then skip it rather than stop the run.
   */
  public static int elements(JsonNode n) {
    return n != null && n.isArray() ? n.size() : 0;
  }
}
