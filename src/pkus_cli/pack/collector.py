"""The cyclic garbage collector, paused while a pack is built in memory."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The cyclic collector off for a while. A pack is hundreds of thousands of YAML nodes,
    records and items, none in a cycle: the collector would walk them all again and again
    as they are made (at 50,000 events it took two thirds of a load), and freeing them
    needs no collector."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
