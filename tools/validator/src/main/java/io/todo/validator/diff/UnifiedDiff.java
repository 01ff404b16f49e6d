package io.todo.validator.diff;

import java.util.ArrayList;
import java.util.List;

/** A line-based unified diff (LCS), small and dependency-free; inputs are config files, not logs. */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The hunks of {@code a → b} with three lines of context; empty when equal. */
  public static String diff(String aName, String bName, List<String> a, List<String> b) {
    List<Op> ops = ops(a, b);
    if (ops.stream().allMatch(o -> o.kind == ' ')) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(aName).append('\n').append("+++ ").append(bName).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while changes are within 2*CONTEXT of each other
      int lastChange = i;
      while (end < ops.size()) {
        if (ops.get(end).kind != ' ') {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      int aStart = ops.get(start).aLine;
      int bStart = ops.get(start).bLine;
      int aCount = 0;
      int bCount = 0;
      StringBuilder body = new StringBuilder();
      for (int k = start; k < end; k++) {
        Op o = ops.get(k);
        body.append(o.kind).append(o.text).append('\n');
        if (o.kind != '+') {
          aCount++;
        }
        if (o.kind != '-') {
          bCount++;
        }
      }
      out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
      out.append(body);
      i = end;
    }
    return out.toString();
  }

  private static String range(int start, int count) {
    int shown = count == 0 ? start : start + 1;
    return count == 1 ? String.valueOf(shown) : shown + "," + count;
  }

  private record Op(char kind, String text, int aLine, int bLine) {}

  private static List<Op> ops(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Op> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new Op(' ', a.get(i), i, j));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new Op('-', a.get(i), i, j));
        i++;
      } else {
        ops.add(new Op('+', b.get(j), i, j));
        j++;
      }
    }
    return ops;
  }
}
