"""The command line: Typer adapters, shared options, the fast path and shell completion."""
