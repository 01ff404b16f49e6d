package io.todo.validator.admission;

/** What the admission matchers compare: group, version, plural resource, scope and name. */
record ResourceKey(String group, String version, String kind, String resource, boolean namespaced, String name, String namespace) {}
