"""Reading a text a user hands pkus (an essay to check, an answer to grade): from a file or
standard input, refused with one line when it is not a text pkus can read."""

from __future__ import annotations

import sys
from pathlib import Path

from pkus_cli.errors import UsageError

MAX_BYTES = 1_000_000  # about 150,000 words: far beyond any exam answer or essay


def read_text(source: str) -> tuple[str, str]:
    """(text, name to show) from a path or "-" (standard input)."""
    if source == "-":
        # Text mode, not the byte buffer: lines already read by a prompt (the mock paper's
        # choice of question) sit in the text layer's buffer.
        name = "<stdin>"
        try:
            got = sys.stdin.read(MAX_BYTES + 1)
        except UnicodeDecodeError:
            raise UsageError(f"{name}: not UTF-8 text; save it as UTF-8 and try again") from None
        data = got.encode("utf-8", "surrogateescape")
    else:
        path = Path(source)
        try:
            if not path.is_file():
                raise UsageError(f"no such file: {source}")
            if path.stat().st_size > MAX_BYTES:
                raise UsageError(f"{source} is larger than 1 MB; check a single essay or answer")
            data = path.read_bytes()
        except OSError as e:
            raise UsageError(f"cannot read {source}: {e.strerror or e}") from None
        name = source
    if len(data) > MAX_BYTES:
        raise UsageError(f"{name} is larger than 1 MB; check a single essay or answer")
    if b"\x00" in data:
        raise UsageError(f"{name} is not a text file (it holds binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise UsageError(f"{name}:{line}: not UTF-8 text; save it as UTF-8 and try again") from None
    if not text.strip():
        raise UsageError(f"{name} is empty")
    return text, name
