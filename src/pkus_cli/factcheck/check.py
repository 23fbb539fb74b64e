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
        here: list[Finding] = []
        for rule in rules.RULES:
            for f in rule(s, ix):
                if not any((f.kind, f.item) == (g.kind, g.item) for g in here):
                    here.append(f)
        # A known misconception names the error best: another finding about its item, or
        # about the very words it matched, yields to it.
        known = [f for f in here if f.kind == "misconception"]
        found += [f for f in here if f.kind == "misconception" or not _same_error(f, known)]
    return Report(path, len(sents), len(body.split()), tuple(found))


def _same_error(f: Finding, known: list[Finding]) -> bool:
    parts = [p.strip().lower() for p in f.wrong.split("...") if p.strip()]
    for k in known:
        if k.about and k.about == f.item:
            return True
        if parts and all(p in k.wrong.lower() for p in parts):
            return True
    return False
