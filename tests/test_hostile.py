"""A pack from someone else, or a damaged file, can never hurt the user.

Every view and export of a pack poisoned with terminal controls and Rich markup is run
through the real entry point (`python -m pkus_cli`, fast path included) with colour forced
on; the only escape sequences in the output may be pkus's own colours. Then the files a
pack or a store can hold to do harm: links out of the pack, devices, FIFOs, loops, alias
bombs, tags, oversized files, damaged databases.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import TINY

SGR = re.compile(r"\x1b\[[0-9;]*m")  # colours and styles: pkus's own, and nothing else
# pkus's own hyperlinks: OSC 8 to an http(s) URL (the loader takes no other), or the close.
OSC8 = re.compile(r"\x1b\]8;[^;\x1b\x07]*;(?:https?://[^\x1b\x07]*)?(?:\x1b\\|\x07)")
# YAML escapes for OSC 0 (retitle), CSI 2J (clear), CSI 6n (make the terminal answer), a C1
# CSI, a right-to-left override, and Rich markup that would make a link and blink.
POISON = (
    r'"A \e]0;pwned\a \e[2J \e[6n \x9b31m \u202e '
    r'[link=file:///etc/passwd]click[/link] [blink]x [/]"'
)


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pkus_cli", *args], input=stdin, capture_output=True,
        text=True, env=full, timeout=120, check=False,
    )  # fmt: skip


def foreign_controls(text: str) -> list[str]:
    """Control characters that are not part of pkus's own colour codes."""
    bare = OSC8.sub("", SGR.sub("", text))
    return sorted({f"U+{ord(c):04X}" for c in bare if re.match(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", c)})  # fmt: skip


@pytest.fixture
def poisoned(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(TINY, pack)
    decade = pack / "decades" / "1950s.yaml"
    text = decade.read_text(encoding="utf-8")
    text = text.replace("title: Alliance years", f"title: {POISON}")
    text = text.replace("role: President, name: Dwight D. Eisenhower",
                        f"role: {POISON}, name: {POISON}")  # fmt: skip
    text = text.replace(
        'label: Military aid, value: "$1 billion"', f"label: {POISON}, value: {POISON}"
    )
    text = text.replace("title: Pakistan joins SEATO", f"title: {POISON}")
    text = text.replace(
        "summary: The two countries sign a defence agreement.", f"summary: {POISON}"
    )
    decade.write_text(text, encoding="utf-8")
    people = pack / "people" / "all.yaml"
    people.write_text(
        people.read_text(encoding="utf-8").replace(
            "summary: US president who signed Pakistan up to the alliances.", f"summary: {POISON}"
        ),
        encoding="utf-8",
    )
    quotes = pack / "quotes" / "quotes.yaml"
    quotes.write_text(
        quotes.read_text(encoding="utf-8").replace('"A test quotation about the pact."', POISON),
        encoding="utf-8",
    )
    return pack


VIEWS = [
    ["outline"], ["outline", "--section", "1"], ["decade"], ["decade", "1950s"],
    ["decade", "1950s", "--json"], ["timeline"], ["event", "seato"], ["event", "mdaa"],
    ["search", "pact"], ["people"], ["people", "ike"], ["terms"], ["terms", "seato"],
    ["sources"], ["corrections"], ["books"], ["quotes"], ["papers"], ["paper", "css-2020-ca-1"],
    ["stats"],
]  # fmt: skip


def test_every_view_of_a_poisoned_pack_shows_text_only(poisoned: Path, tmp_path: Path) -> None:
    env = {"FORCE_COLOR": "1", "PKUS_DB": str(tmp_path / "p.db"), "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    os.environ.pop("NO_COLOR", None)
    for args in VIEWS:
        r = run("--content", str(poisoned), *args, env=env)
        assert r.returncode == 0, (args, r.stderr)
        assert foreign_controls(r.stdout + r.stderr) == [], args
        assert not re.search(r"\x1b\]8;[^;]*;file:", r.stdout)  # no link from "[link=...]"
    shown = run("--content", str(poisoned), "decade", "1950s", env=env).stdout
    assert "[link=file:///etc/passwd]click[/link]" in SGR.sub("", shown)  # markup stays text
    for kind in ("flashcard", "typed", "year", "choice", "first", "order"):
        r = run("--content", str(poisoned), "quiz", "--kind", kind, "--cram", env=env,
                stdin="1\n" * 20)  # fmt: skip
        assert foreign_controls(r.stdout + r.stderr) == [], kind


def test_every_export_of_a_poisoned_pack_is_clean(poisoned: Path, tmp_path: Path) -> None:
    for fmt, name in (("markdown", "g.md"), ("tsv", "d.tsv"), ("json", "p.json")):
        out = tmp_path / name
        r = run("--content", str(poisoned), "export", fmt, "-o", str(out))
        assert r.returncode == 0, r.stderr
        assert foreign_controls(out.read_text(encoding="utf-8")) == [], fmt


def test_validate_names_each_control_character_with_its_line(poisoned: Path) -> None:
    r = run("validate", str(poisoned))
    assert r.returncode == 1
    assert "1950s.yaml:3: decade 1950s: field 'title': control characters removed" in r.stderr
    assert "U+001B (ESCAPE)" in r.stderr and "RIGHT-TO-LEFT OVERRIDE" in r.stderr
    assert foreign_controls(r.stderr) == []


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    dest = tmp_path / "pack"
    shutil.copytree(TINY, dest)
    return dest


def _refused(pack: Path, needle: str, secret: str | None = None) -> None:
    r = run("--content", str(pack), "validate")
    assert r.returncode == 1, r.stdout
    assert "Traceback" not in r.stderr and needle in r.stderr, r.stderr
    if secret:
        assert secret not in r.stderr + r.stdout


def test_links_out_of_the_pack_are_refused_unread(pack: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("people:\n  - id: x\n    name: TOP-SECRET-CONTENT\n", encoding="utf-8")
    (pack / "people" / "zz.yaml").symlink_to(secret)
    _refused(pack, "symbolic link to a file outside the pack", "TOP-SECRET")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_devices_fifos_and_loops_are_refused(pack: Path) -> None:
    (pack / "terms" / "zero.yaml").symlink_to("/dev/zero")
    _refused(pack, "outside the pack")
    (pack / "terms" / "zero.yaml").unlink()
    os.mkfifo(pack / "terms" / "x.yaml")
    _refused(pack, "not a regular file")  # and it does not block
    (pack / "terms" / "x.yaml").unlink()
    (pack / "terms" / "a.yaml").symlink_to(pack / "terms" / "b.yaml")
    (pack / "terms" / "b.yaml").symlink_to(pack / "terms" / "a.yaml")
    _refused(pack, "loops")


def test_alias_bombs_tags_and_oversized_files(pack: Path) -> None:
    terms = pack / "terms" / "all.yaml"
    original = terms.read_text(encoding="utf-8")
    terms.write_text(original.replace("term: SEATO", "term: &big SEATO", 1) + "\nextra: *big\n",
                     encoding="utf-8")  # fmt: skip
    _refused(pack, "anchors and aliases are not allowed")
    terms.write_text(original.replace("term: SEATO", "term: !!python/name:os.system SEATO", 1),
                     encoding="utf-8")  # fmt: skip
    _refused(pack, "YAML tags are not allowed")
    terms.write_text(original + "#" + "x" * 4_100_000 + "\n", encoding="utf-8")
    _refused(pack, "larger than 4 MB")


def test_a_bad_byte_is_reported_at_its_line(pack: Path) -> None:
    people = pack / "people" / "all.yaml"
    data = people.read_bytes().split(b"\n")
    data[4] = data[4] + b" \xff"
    people.write_bytes(b"\n".join(data))
    _refused(pack, "all.yaml:5: not UTF-8 text")


def test_impossible_dates_and_foreign_digits_are_refused(pack: Path) -> None:
    decade = pack / "decades" / "1950s.yaml"
    decade.write_text(decade.read_text(encoding="utf-8").replace("1954-05-19", "1954-02-30"),
                      encoding="utf-8")  # fmt: skip
    _refused(pack, "got '1954-02-30'")
    decade.write_text(decade.read_text(encoding="utf-8").replace("1954-02-30", "١٩٥٤"),
                      encoding="utf-8")  # fmt: skip
    _refused(pack, "ASCII digits")


def test_exports_write_only_what_they_mean_to(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    r = run("export", "json", "-o", str(fifo), "--force")
    assert r.returncode == 1 and "not a regular file" in r.stderr
    target = tmp_path / "real.md"
    target.write_text("mine\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    r = run("export", "markdown", "-o", str(link))
    assert r.returncode == 1 and "symbolic link" in r.stderr
    r = run("export", "markdown", "-o", str(target))
    assert r.returncode == 1 and "exists; use --force" in r.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    r = run("export", "markdown", "-o", str(link), "--force")
    assert r.returncode == 0 and link.is_symlink() and "# " in target.read_text(encoding="utf-8")
    r = run("export", "markdown", "-o", "-")
    assert r.returncode == 0 and r.stdout.startswith("# ") and not Path("-").exists()
    r = run("export", "json", "-o", str(tmp_path / ("x" * 300)))
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_damaged_stores_are_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert run("quiz", "--kind", "year", "-n", "1", env={"PKUS_DB": str(db)},
               stdin="1954\n").returncode == 0  # fmt: skip
    con = sqlite3.connect(db)
    con.execute("DROP TABLE attempts")
    con.commit()
    con.close()
    before = db.read_bytes()
    r = run("stats", env={"PKUS_DB": str(db)})
    assert r.returncode == 1 and "damaged (table 'attempts' is missing)" in r.stderr
    assert db.read_bytes() == before
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("PRAGMA user_version = 7")
    con.close()
    r = run("stats", env={"PKUS_DB": str(other)})
    assert r.returncode == 1 and "another program" in r.stderr
    r = run("stats", env={"PKUS_DB": str(tmp_path / "missing" / "p.db")})
    assert r.returncode == 1 and "does not exist" in r.stderr
    assert not (tmp_path / "missing").exists()


def test_a_bad_row_is_a_message(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    run("quiz", "--kind", "year", "-n", "1", env={"PKUS_DB": str(db)}, stdin="1954\n")
    con = sqlite3.connect(db)
    con.execute("UPDATE reviews SET reviewed_at = 'yesterday'")
    con.execute("UPDATE cards SET card_json = '{broken'")
    con.commit()
    con.close()
    for args in (["stats"], ["quiz", "--kind", "year"]):
        r = run(*args, env={"PKUS_DB": str(db)}, stdin="1954\n")
        assert r.returncode == 1 and "damaged" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_store_is_refused_before_the_first_question(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    run("stats", env={"PKUS_DB": str(db)})
    db.chmod(0o444)
    r = run("quiz", "--kind", "year", env={"PKUS_DB": str(db)}, stdin="1954\n")
    assert r.returncode == 1 and "read-only" in r.stderr and "In what year" not in r.stdout


@pytest.mark.parametrize("value", ["9999-12-31T23:59:59", "tomorrow", "1900-01-01T00:00:00"])
def test_clock_overrides_out_of_range(value: str) -> None:
    r = run("stats", env={"PKUS_NOW": value})
    assert r.returncode == 1 and r.stderr.startswith("error: PKUS_NOW")


def test_a_non_utc_clock_override_is_taken_as_utc(tmp_path: Path) -> None:
    env = {"PKUS_NOW": "2026-01-01T10:00:00+05:00", "PKUS_DB": str(tmp_path / "p.db")}
    r = run("quiz", "--kind", "year", "-n", "1", env=env, stdin="1954\n")
    assert r.returncode == 0, r.stderr


def test_a_latin_1_terminal_degrades_instead_of_failing() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    r = subprocess.run([sys.executable, "-m", "pkus_cli", "search", "Ayub"], capture_output=True,
                       env=env, timeout=60, check=False)  # fmt: skip
    assert r.returncode == 0 and b"Traceback" not in r.stderr and b"Ayub" in r.stdout


def test_names_over_the_file_system_limit_are_one_line(tmp_path: Path) -> None:
    long = "x" * 300
    for args in (["--db", str(tmp_path / f"{long}.db"), "stats"],
                 ["--content", str(tmp_path / long), "outline"]):  # fmt: skip
        r = run(*args)
        assert r.returncode in (1, 2) and r.stderr.count("\n") == 1, r.stderr
        assert "Traceback" not in r.stderr


@pytest.mark.parametrize("args", [
    ["timline"], ["quiz", "--count", "abc"], ["event"], ["--bogus", "outline"],
    ["timeline", "--tag", "nosuch"], ["decade", "1880s"], ["export", "pdf"],
])  # fmt: skip
def test_every_usage_error_is_one_line(args: list[str]) -> None:
    r = run(*args)
    assert r.returncode == 2, (args, r.stderr)
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("error: "), r.stderr
