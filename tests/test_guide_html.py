"""The printable guide (`pkus export html`): self-contained, its charts in proportion, and
drawn by a real browser (Debian's Chromium, headless) to a screenshot and a PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pkus_cli.guide_html import chart, guide
from pkus_cli.pack import cache
from pkus_cli.pack.paths import builtin_content_dir
from pkus_cli.views import find

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pack = cache.load(builtin_content_dir())
    out = tmp_path_factory.mktemp("guide") / "guide.html"
    out.write_text(guide(find.select(pack, find.NO_FILTER)), encoding="utf-8")
    return out


def test_the_guide_is_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|link|img)\b", html)  # nothing fetched at view time
    assert html.count('<section class="decade"') >= 9
    assert "break-before: page" in html and "break-inside: avoid" in html
    assert html.count('<a class="src" href="http') > 500


def test_bars_are_in_proportion_to_the_values() -> None:
    svg = chart([(2000, 10.0), (2001, 40.0), (2002, 20.0)], (), "t")
    bars = re.findall(r'data-amount="([\d.]+)"[^>]*height="([\d.]+)"', svg)
    ratios = {round(float(h) / float(a), 3) for a, h in bars}
    assert len(bars) == 3 and len(ratios) == 1


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
         "--v=0", *args], capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_a_real_browser_draws_and_prints_it(page: Path, tmp_path: Path) -> None:
    url = page.as_uri()
    dom = _chromium("--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-500:]
    assert "Uncaught" not in dom.stderr and ":CONSOLE" not in dom.stderr  # no console errors
    assert len(re.findall(r'<rect class="bar"', dom.stdout)) > 70  # the charts were drawn
    shot = tmp_path / "guide.png"
    r = _chromium(f"--screenshot={shot}", "--window-size=1200,1800", url)
    assert r.returncode == 0 and shot.stat().st_size > 20_000
    pdf = tmp_path / "guide.pdf"
    r = _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", url)
    assert r.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    assert pages >= 10  # the front matter, then each decade on a page of its own at least
