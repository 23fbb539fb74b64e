"""How good and how fast `pkus check` is.

    python benchmarks/check.py          # precision and recall per set, then timings

Quality: every text in tests/data/check with an answer key (the planted essays, a held-out
essay, and the seed essay when ../shared/seed is beside the checkout) is checked; a flagged
line is right when the key lists it. Speed: `pkus check` on a 3,000-word essay, warm (the
pack compiled, as on any second run), from process start to exit; the target is 0.5 s. The
script exits 1 past that target.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pkus_cli.factcheck.check import check  # noqa: E402
from pkus_cli.pack import cache  # noqa: E402
from pkus_cli.pack.paths import builtin_content_dir  # noqa: E402
from tests.check_sets import score, sets  # noqa: E402

TARGET = 0.5


def essay(words: int = 3000) -> str:
    """A 3,000-word essay from the measured texts, repeated to length."""
    texts = [p.read_text(encoding="utf-8") for _, p, _ in sets()]
    out: list[str] = []
    while sum(len(t.split()) for t in out) < words:
        out += texts
    body = "\n\n".join(out).split()
    return " ".join(body[:words])


def main() -> int:
    pack = cache.load(builtin_content_dir())
    print("set                 keyed  flagged  right  precision  recall")
    total_k = total_f = total_h = 0
    for name, path, keyed in sets():
        s = score(pack, name, path, keyed)
        total_k, total_f, total_h = total_k + len(keyed), total_f + len(s.flagged), total_h + s.hits
        print(
            f"{name:18} {len(keyed):6} {len(s.flagged):8} {s.hits:6} {s.precision:10.2f}"
            f" {s.recall:7.2f}"
        )
    p = total_h / total_f if total_f else 1.0
    r = total_h / total_k if total_k else 1.0
    print(f"{'all':18} {total_k:6} {total_f:8} {total_h:6} {p:10.2f} {r:7.2f}")

    text = essay()
    start = time.perf_counter()
    check(pack, text)
    print(f"\nin process, 3,000 words (index built once): {time.perf_counter() - start:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "essay.md"
        path.write_text(text, encoding="utf-8")
        cmd = [sys.executable, "-m", "pkus_cli", "check", str(path)]
        env = {**os.environ, "NO_COLOR": "1"}
        subprocess.run(cmd, capture_output=True, env=env, check=False)  # warm the cache
        runs = []
        for _ in range(7):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env, check=False)
            runs.append(time.perf_counter() - t)
    median = statistics.median(runs)
    print(f"pkus check, 3,000 words, warm, median of 7: {median:.3f} s (target {TARGET} s)")
    return 0 if median <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
