"""Where things are: the built-in content pack, and paths as the user should see them."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # src/pkus_cli, or site-packages/pkus_cli


def builtin_content_dir() -> Path:
    """The pack that ships with pkus: inside the installed package, or the source checkout's."""
    installed = _PACKAGE / "content"  # a wheel: hatch force-includes content/ here
    if (installed / "pack.yaml").is_file():
        return installed
    # An editable install or a source checkout: src/pkus_cli/ -> the repository's content/.
    return _PACKAGE.parents[1] / "content"


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except (ValueError, OSError, RuntimeError):  # a link loop cannot be resolved
        return str(path)
