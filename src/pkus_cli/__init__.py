"""pkus: study Pakistan-US relations, 1947 to today, in the terminal."""

__version__ = "0.1.0"
