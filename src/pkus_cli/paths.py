"""Where things are: the built-in content pack, and paths as the user should see them."""

from __future__ import annotations

import os
from pathlib import Path


def builtin_content_dir() -> Path:
    """The pack that ships with pkus: inside the installed package, or the source checkout's."""
    here = Path(__file__).resolve().parent
    if (here / "content" / "pack.yaml").is_file():  # a normal install: the package folder
        return here / "content"
    checkout = Path(__file__).resolve().parents[2] / "content"
    if (checkout / "pack.yaml").is_file():  # an editable install or a source checkout
        return checkout
    from importlib.resources import files  # zip imports and other unusual loaders

    packaged = Path(str(files("pkus_cli"))) / "content"
    if (packaged / "pack.yaml").is_file():
        return packaged
    # An editable install or a source checkout: src/pkus_cli/ -> the repository's content/.
    return Path(__file__).resolve().parents[2] / "content"


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except (ValueError, OSError):
        return str(path)
