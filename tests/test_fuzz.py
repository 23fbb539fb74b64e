"""Property-based tests: broken packs and random arguments never end in a traceback.

CI runs a modest number of examples; `python benchmarks/fuzz.py --examples 1000` runs
the same properties at length.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pkus_cli.cli.app import app
from pkus_cli.errors import ContentError
from pkus_cli.pack import checks, loader, safe

from .conftest import TINY

FILES = sorted(p.relative_to(TINY).as_posix() for p in TINY.rglob("*.yaml"))
ODD = [
    "\u200b",
    "\ufeff",
    "é",
    "😀",
    "\x00",
    "\t",
    "\r",
    "&",
    "*x",
    "!!python/object:os.system",
    "]",
    # What a hostile pack puts in its text: YAML escapes for terminal controls, markup.
    ' "\\e]0;title\\a\\e[2J\\x9b6n\\u202e" ',
    "[link=file:///etc/passwd]x[/link]",
    "[/]",
    "&a x",
]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str]:
    """One file of the tiny pack, mutated the way hand edits and bad copies break YAML."""
    name = draw(st.sampled_from(FILES))
    lines = (TINY / name).read_text(encoding="utf-8").split("\n")
    kind = draw(
        st.sampled_from(
            ["drop", "duplicate", "indent", "unicode", "huge", "truncate", "retype", "blank"]
        )
    )
    i = draw(st.integers(0, max(0, len(lines) - 1)))
    if kind == "drop":
        del lines[i]
    elif kind == "duplicate":
        j = draw(st.integers(i, min(len(lines), i + 8)))
        lines[j:j] = lines[i:j]
    elif kind == "indent":
        lines[i] = " " * draw(st.integers(0, 7)) + lines[i].lstrip()
    elif kind == "unicode":
        pos = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:pos] + draw(st.sampled_from(ODD)) + lines[i][pos:]
    elif kind == "huge":
        lines[i] = lines[i].split(":")[0] + ": " + "x" * draw(st.integers(1000, 200_000))
    elif kind == "retype":
        if ":" in lines[i]:
            key = lines[i].split(":")[0]
            value = draw(
                st.sampled_from(["[]", "{}", "~", "12", "[a, [b]]", "{a: 1}", "- x", "''"])
            )
            lines[i] = f"{key}: {value}"
    elif kind == "blank":
        lines = [""]
    text = "\n".join(lines)
    if kind == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    return name, text


def vars_of(item: object) -> list[str]:
    import dataclasses

    out: list[str] = []
    for f in dataclasses.fields(item):  # type: ignore[arg-type]
        v = getattr(item, f.name)
        out += (
            [v]
            if isinstance(v, str)
            else [x for x in v if isinstance(x, str)]
            if isinstance(v, tuple)
            else []
        )
    return out


def check_mutated_pack(name: str, text: str) -> None:
    """Load a pack with one mutated file: a Pack or a ContentError, nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "pack"
        shutil.copytree(TINY, root)
        (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            pack = loader.load(root)
        except ContentError as e:
            assert e.problems
            for p in e.problems:
                assert p.line >= 1 and p.path.endswith(".yaml"), p
                assert "\n" not in p.message, p
            return
        checks.quality_problems(pack)  # must not raise either
        # What loads holds no terminal control in any string, whatever the file said.
        for group in (pack.events(), pack.people(), pack.terms(), pack.cards(), pack.sources()):
            for item in group:
                for value in vars_of(item):
                    assert not safe.CONTROL.search(value), (name, value)
        # What loads is whole: every event sits in a known decade and known subsections.
        codes = {sub.code for s in pack.sections for sub in s.subsections}
        assert all(set(e.sections) <= codes for e in pack.events())
        assert {e.decade for e in pack.events()} <= set(pack.decade_ids())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutated_packs_only_ever_give_content_errors(case: tuple[str, str]) -> None:
    check_mutated_pack(*case)


COMMANDS = ["outline", "decade", "validate", "quiz", "stats", "timeline", "event", "search",
            "people", "terms", "sources", "corrections", "export"]  # fmt: skip
WORDS = ["--json", "--section", "-s", "4", "99", "estrangement", "1990s", "90s", "1880s",
         "--decade", "--tag", "nuclear", "nope", "--person", "ike", "--kind", "typed,year",
         "essay", "--count", "0", "3", "--new", "-1", "--from", "1990", "--to", "abc", "--cram",
         "--seed", "7", "--grading", "2", "5", "pressler-cutoff", "seato", "--limit", "anki",
         "tsv", "markdown", "json", "pdf", "-o", "out.file", "--help", "--bogus", "", "é", "--",
         "--leeches", "--content", "/nonexistent"]  # fmt: skip


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.sampled_from(COMMANDS),
    st.lists(st.sampled_from(WORDS), max_size=5),
)
def test_random_arguments_exit_0_1_or_2_without_traceback(command: str, words: list[str]) -> None:
    args = ["--content", str(TINY), command, *words]
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # exports land here
        try:
            result = CliRunner().invoke(app, args, input="", catch_exceptions=True)
        finally:
            os.chdir(here)
    assert result.exit_code in (0, 1, 2), (args, result.output, result.exception)
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.output
