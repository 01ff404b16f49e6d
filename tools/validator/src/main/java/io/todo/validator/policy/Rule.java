package io.todo.validator.policy;

/** One organisation rule (or a family sharing one id) over the rendered output of a target. */
public interface Rule {

  RuleInfo info();

  /** Reports every violation to {@code out}; must not modify the resources. */
  void check(PolicyContext ctx, Violations out);
}
