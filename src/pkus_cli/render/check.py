"""`pkus check` on screen: each sentence that contradicts the pack, as FILE:LINE, the wrong
words, what the pack says and its source; then a count."""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text

from pkus_cli.factcheck.check import Report
from pkus_cli.pack.model import Pack

KIND_LABEL = {
    "year": "wrong year",
    "anachronism": "anachronism",
    "office": "wrong office",
    "misconception": "known misconception",
    "decade": "wrong period",
    "quote": "misattributed quotation",
    "work": "wrong author or year of a book",
}


def render(report: Report, pack: Pack) -> list[tuple[RenderableType, bool]]:
    """The report as (renderable, soft) pairs: a soft one is printed without wrapping, so a
    long FILE:LINE stays whole for an editor to jump to."""
    titles = {s.id: s.title for s in pack.sources()}
    parts: list[tuple[RenderableType, bool]] = []
    for f in report.findings:
        # FILE:LINE is what an editor jumps to: never broken across lines.
        head = Text(f"{report.path}:{f.line}: ", style="bold")
        head.append(KIND_LABEL.get(f.kind, f.kind), style="bold red")
        head.append(f": {f.wrong}", style="yellow")
        body = Text(f.sentence, style="dim")
        body.append("\nPack: ", style="bold")
        body.append(f.fact)
        if f.sources:
            shown = titles.get(f.sources[0], f.sources[0])
            more = f" (and {len(f.sources) - 1} more)" if len(f.sources) > 1 else ""
            body.append(f"\nSource: {shown}{more}", style="dim")
        parts += [(head, True), (Padding(body, (0, 0, 0, 2)), False), (Text(""), False)]
    n = len(report.findings)
    words = f"{report.words:,} words, {report.sentences} sentences"
    if n:
        line = f"{n} finding{'s' if n != 1 else ''} in {report.path} ({words} checked)."
        parts.append((Text(line, style="bold"), False))
    else:
        line = f"No sentence of {report.path} contradicts the pack ({words} checked)."
        parts.append((Text(line, style="green"), False))
    note = (
        "pkus check knows the pack's dated names, offices and corrections; a sentence it "
        "does not flag is not thereby proved right."
    )
    parts.append((Text(note, style="dim"), False))
    return parts
