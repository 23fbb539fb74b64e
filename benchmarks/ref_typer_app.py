"""Reference: the smallest Typer + Rich app, what any Typer CLI pays to start."""

import typer
from rich.console import Console

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    Console().print(f"hello {name}")


if __name__ == "__main__":
    app()
