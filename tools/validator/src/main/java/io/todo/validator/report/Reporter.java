package io.todo.validator.report;

import io.todo.validator.pipeline.TargetResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** Writes the findings of a run in one output format. */
public interface Reporter {

  void write(List<TargetResult> results, Duration elapsed, PrintWriter out);
}
