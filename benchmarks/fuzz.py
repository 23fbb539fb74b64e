"""Run the property-based fuzz tests at length (CI runs a short version of the same).

    python benchmarks/fuzz.py --examples 1000

Mutated content packs must only ever produce the project's content error (with file and
line), and random argument vectors must exit 0, 1 or 2 without a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--examples", type=int, default=1000)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="pkus-fuzz-"))
    os.environ.update(PKUS_DB=str(work / "p.db"), XDG_CACHE_HOME=str(work / "cache"), NO_COLOR="1")

    from hypothesis import HealthCheck, given, settings

    from tests import test_fuzz as t

    config = settings(
        max_examples=args.examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )

    def mutated(case: tuple[str, str]) -> None:
        t.check_mutated_pack(*case)

    arguments = t.test_random_arguments_exit_0_1_or_2_without_traceback.hypothesis.inner_test
    argv = (t.st.sampled_from(t.COMMANDS), t.st.lists(t.st.sampled_from(t.WORDS), max_size=6))
    runs = (
        ("loader mutations", given(t.mutations())(mutated)),
        ("argument vectors", given(*argv)(arguments)),
    )
    for name, test in runs:
        start = time.perf_counter()
        config(test)()
        print(f"{name}: {args.examples} examples passed in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
