package io.todo.validator.promote;

import io.todo.validator.model.Location;

/** One {@code images:} entry of a kustomization, with where it is written. */
public record ImageEntry(String name, String newName, String newTag, String digest, Location location) {

  /** The version part as a human reads it: {@code newName:newTag@digest}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(newName != null ? newName : name);
    if (newTag != null) {
      sb.append(':').append(newTag);
    }
    if (digest != null) {
      sb.append('@').append(digest);
    }
    return sb.toString();
  }

  public boolean sameVersion(ImageEntry o) {
    return java.util.Objects.equals(newName, o.newName)
        && java.util.Objects.equals(newTag, o.newTag)
        && java.util.Objects.equals(digest, o.digest);
  }
}
