"""Getting a written answer: from a file, from standard input, or in the user's editor.

In the editor the answer is a draft file beside the progress database; it is kept when
the editor fails or the user presses Ctrl-C, and its path is printed, so no writing is
ever lost.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from pkus_cli.answers_in import MAX_BYTES, read_text
from pkus_cli.errors import PkusError, UsageError
from pkus_cli.pack.study import PaperQuestion

PROMPT = "%"  # template lines starting with this are pkus's, not the answer's

TEMPLATE = """\
% {label}: {text}
% Time: {minutes} minutes. Lines starting with % are ignored. Save and close to finish.
% A strong answer: a short outline first, a thesis, arguments each backed by dated facts
% and figures, the counter-view, a way forward and a conclusion.

Outline:
1.
2.
3.

"""


class DraftKept(PkusError):
    """The answer could not be finished; the draft is on disk and its path is given."""


def template(q: PaperQuestion, minutes: int) -> str:
    return TEMPLATE.format(label=q.label, text=" ".join(q.text.split()), minutes=minutes)


def strip_template(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith(PROMPT)).strip()


def draft_path(db_path: Path, q: PaperQuestion, now: datetime) -> Path:
    folder = db_path.parent / "drafts"
    return folder / f"{q.id}-{now.strftime('%Y%m%d-%H%M%S')}.md"


def from_editor(path: Path, q: PaperQuestion, minutes: int) -> str:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise UsageError("set $EDITOR (or $VISUAL) to write in your editor, or pass --file")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(template(q, minutes), encoding="utf-8")
    try:
        done = subprocess.run([*shlex.split(editor), str(path)], check=False)
    except KeyboardInterrupt:
        raise DraftKept(f"stopped; your draft is kept at {path}") from None
    except OSError as e:
        raise DraftKept(
            f"cannot start the editor '{editor}': {e.strerror}; draft: {path}"
        ) from None
    if done.returncode != 0:
        raise DraftKept(
            f"the editor exited with status {done.returncode}; your draft is kept at {path}"
        )
    if path.stat().st_size > MAX_BYTES:
        raise DraftKept(f"the answer is larger than 1 MB; your draft is kept at {path}")
    text, _ = read_text(str(path))
    return strip_template(text)


def from_stdin() -> str:
    text, _ = read_text("-")
    return strip_template(text)


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()
