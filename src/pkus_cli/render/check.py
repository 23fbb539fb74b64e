"""`pkus check` on screen: each sentence that contradicts the pack, as FILE:LINE, the wrong
words, what the pack says and its source; then a count."""

from __future__ import annotations

from rich.console import Group, RenderableType
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


def render(report: Report, pack: Pack) -> RenderableType:
    titles = {s.id: s.title for s in pack.sources()}
    parts: list[RenderableType] = []
    for f in report.findings:
        head = Text(f"{report.path}:{f.line}: ", style="bold")
        head.append(KIND_LABEL.get(f.kind, f.kind), style="bold red")
        head.append(f": {f.wrong}", style="yellow")
        body = Text(f"  {f.sentence}", style="dim")
        body.append("\n  Pack: ", style="bold")
        body.append(f.fact)
        if f.sources:
            shown = titles.get(f.sources[0], f.sources[0])
            more = f" (and {len(f.sources) - 1} more)" if len(f.sources) > 1 else ""
            body.append(f"\n  Source: {shown}{more}", style="dim")
        parts += [head, body, Text("")]
    n = len(report.findings)
    words = f"{report.words:,} words, {report.sentences} sentences"
    if n:
        parts.append(
            Text(
                f"{n} finding{'s' if n != 1 else ''} in {report.path} ({words} checked).",
                style="bold",
            )
        )
    else:
        parts.append(
            Text(
                f"No sentence of {report.path} contradicts the pack ({words} checked).",
                style="green",
            )
        )
    parts.append(
        Text(
            "pkus check knows the pack's dated names, offices and corrections; a sentence it "
            "does not flag is not thereby proved right.",
            style="dim",
        )
    )
    return Group(*parts)
