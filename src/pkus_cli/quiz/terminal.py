"""Reading the student's input: single keys in a terminal, one line each when scripted."""

from __future__ import annotations

import os
import sys
from typing import TextIO


class EndOfInput(Exception):
    """Standard input closed (Ctrl-D, or the end of a script): end the session cleanly."""


def is_interactive(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdin
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def read_line(stream: TextIO | None = None) -> str:
    """One line without its newline; EndOfInput at the end of input."""
    line = (stream or sys.stdin).readline()
    if line == "":
        raise EndOfInput
    return line.rstrip("\r\n")


def read_key() -> str:
    """One key press, without Enter, from the terminal. Ctrl-C raises KeyboardInterrupt."""
    if os.name == "nt":  # pragma: no cover - exercised only on Windows
        import msvcrt

        ch = str(msvcrt.getwch())  # type: ignore[attr-defined,unused-ignore]
    else:
        import termios
        import tty

        fd = sys.stdin.fileno()
        old = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)  # keys arrive at once; Ctrl-C still raises SIGINT
            ch = os.read(fd, 4).decode("utf-8", "replace")
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, old)
    if ch in ("\x04", ""):
        raise EndOfInput
    if ch == "\x03":
        raise KeyboardInterrupt
    return "\n" if ch in ("\r", "\n") else ch[:1]
