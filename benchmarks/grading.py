"""Precision and recall of the typed-answer grader on the grading table.

    python benchmarks/grading.py            # prints the table's confusion counts

Precision: of the answers the quiz accepts, how many an examiner would accept. Recall: of
the answers an examiner would accept, how many the quiz accepts. The goal is 1.0 for both
(no right answer rejected, no wrong one accepted); the script exits 1 below it and lists
the rows it got wrong. It also times one judgement, which the quiz makes per answer.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.grading_table import Judge, rows


def main() -> int:
    judge = Judge()
    table = rows()
    tp = fp = fn = tn = 0
    misses = []
    times = []
    for row in table:
        judge.question(row.card)  # phrase first: time the judging alone
        start = time.perf_counter()
        v = judge.verdict(row)
        times.append(time.perf_counter() - start)
        if v.correct and row.right:
            tp += 1
        elif v.correct:
            fp += 1
            misses.append(("accepted", row))
        elif row.right:
            fn += 1
            misses.append(("rejected", row))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    times.sort()
    print(f"rows {len(table)}: {tp + fn} right answers, {fp + tn} wrong ones")
    print(f"accepted right {tp}, accepted wrong {fp}, rejected right {fn}, rejected wrong {tn}")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    p95 = times[int(len(times) * 0.95)] * 1000
    print(f"one judgement: median {times[len(times) // 2] * 1000:.2f} ms, p95 {p95:.2f} ms")
    for what, row in misses:
        print(f"  {what}: {row.card}: {row.response!r} ({row.why})")
    return 0 if precision == recall == 1.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
