"""The printed study guide: one self-contained HTML file (no network at view time) with the
outline, the decades, the timeline, charts of aid as inline SVG, the books and quotations,
the corrections and the sources as working links, and a print stylesheet that starts each
decade on a new page and never cuts a table."""

from __future__ import annotations

from html import escape

from pkus_cli.pack.basics import format_date
from pkus_cli.pack.figures import Span
from pkus_cli.pack.model import Pack
from pkus_cli.views import find

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 52rem; margin: 2rem auto;
  padding: 0 1rem; line-height: 1.45; color: #1d1d1d; }
h1, h2, h3 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.2; }
h2 { border-bottom: 2px solid #2a6f3f; padding-bottom: .2rem; margin-top: 2.5rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .4rem; text-align: left;
  vertical-align: top; }
th { background: #eef3ee; }
td.date { white-space: nowrap; color: #2a6f3f; }
.id { color: #777; font-size: .8rem; font-family: monospace; }
figure { margin: 1rem 0; } figcaption { font-size: .85rem; color: #555; }
svg { width: 100%; height: auto; } .note { color: #555; font-size: .9rem; }
nav ol { columns: 2; }
blockquote { margin: .5rem 0 .5rem 1rem; font-style: italic; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  section.decade { break-before: page; }
  table, figure, blockquote, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  a.src::after { content: " (" attr(href) ")"; font-size: .8em; word-break: break-all; }
}
"""

KIND_COLOUR = {
    "alliance": "#2a6f3f", "sanction": "#b22222", "suspension": "#d08c00",
    "waiver": "#1f6fb2", "aid-package": "#6a3fb2",
}  # fmt: skip


def e(text: object) -> str:
    return escape(str(text), quote=True)


def chart(rows: list[tuple[int, float]], spans: tuple[Span, ...], title: str) -> str:
    """An SVG bar chart: one bar per year in proportion to its amount, spans shaded behind."""
    if not rows:
        return ""
    width, height, left, bottom, top = 800, 260, 48, 28, 14
    plot_w, plot_h = width - left - 8, height - bottom - top
    largest = max(a for _, a in rows) or 1.0
    step = plot_w / len(rows)
    first = rows[0][0]
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{e(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" class="chart">'
    ]
    for s in spans:
        a = max(int(s.start[:4]), first)
        b = min(int((s.end or s.start)[:4]), rows[-1][0])
        if a > b:
            continue
        x = left + (a - first) * step
        parts.append(
            f'<rect class="span" x="{x:.1f}" y="{top}" width="{(b - a + 1) * step:.1f}" '
            f'height="{plot_h}" fill="{KIND_COLOUR.get(s.kind, "#999")}" fill-opacity="0.10">'
            f"<title>{e(s.title)} ({e(s.start)}{' to ' + e(s.end) if s.end else ''})</title></rect>"
        )
    for i, (year, amount) in enumerate(rows):
        h = plot_h * amount / largest
        x = left + i * step
        parts.append(
            f'<rect class="bar" data-year="{year}" data-amount="{amount:.2f}" x="{x + 1:.1f}" '
            f'y="{top + plot_h - h:.1f}" width="{max(step - 2, 1):.1f}" height="{h:.1f}" '
            f'fill="#2a6f3f"><title>{year}: {amount:,.1f}</title></rect>'
        )
        if year % 10 == 0 or (i == 0 and year % 10 < 6):
            parts.append(
                f'<text x="{x:.1f}" y="{height - 8}" font-size="11" font-family="sans-serif">'
                f"{year}</text>"
            )
    parts.append(
        f'<text x="4" y="{top + 10}" font-size="11" font-family="sans-serif">'
        f"{largest:,.0f}</text>"
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" '
        'stroke="#333" stroke-width="1"/></svg>'
    )
    return "".join(parts)


def _aid(pack: Pack, start: int | None = None, end: int | None = None) -> str:
    from pkus_cli.errors import UsageError
    from pkus_cli.views import figures

    if not pack.series():
        return ""
    try:
        v = figures.figures(pack, "total", start, end)
    except UsageError:
        return ""
    rows = [(r.year, r.amount) for r in v.rows]
    units = f"{v.series[0].unit}, {v.series[0].dollars} dollars, {v.series[0].years} years"
    srcs = "; ".join(s.title for s in v.sources)
    legend = " ".join(
        f'<span style="color:{c}">&#9632;</span> {e(k)}' for k, c in KIND_COLOUR.items()
    )
    return (
        f"<figure>{chart(rows, v.spans, 'US aid to Pakistan by year')}"
        f"<figcaption>{legend}</figcaption>"
        f"<figcaption>US economic and military aid to Pakistan, obligations ({e(units)}); "
        f"shaded: alliances, sanctions and suspensions. Source: {e(srcs)}.</figcaption></figure>"
    )


def guide(sel: find.Selection) -> str:
    from pkus_cli.views.literature import literature_of

    pack = sel.pack
    people = {p.id: p for p in pack.people()}
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(pack.title)}: study guide</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{CSS}</style></head><body>",
        f"<h1>{e(pack.title)}</h1>",
        f'<p class="note">{e(pack.description)}</p>' if pack.description else "",
        "<nav><h2>Contents</h2><ol>",
        '<li><a href="#outline">Outline</a></li><li><a href="#aid">Aid by year</a></li>',
        *(f'<li><a href="#d-{e(d.id)}">{e(d.id)}: {e(d.title)}</a></li>' for d in sel.decades),
        '<li><a href="#timeline">Timeline</a></li><li><a href="#books">Books</a></li>',
        '<li><a href="#quotes">Quotations</a></li><li><a href="#errors">Common errors</a></li>',
        '<li><a href="#sources">Sources</a></li></ol></nav>',
        '<section id="outline"><h2>Outline</h2><ol>',
    ]
    for s in sel.sections:
        subs = "".join(f"<li>{e(sub.code)} {e(sub.title)}</li>" for sub in s.subsections)
        out.append(f"<li><strong>{e(s.title)}</strong><ul>{subs}</ul></li>")
    out.append("</ol></section>")
    out.append(f'<section id="aid"><h2>Aid by year</h2>{_aid(pack)}</section>')
    for d in sel.decades:
        out.append(f'<section class="decade" id="d-{e(d.id)}">')
        out.append(f"<h2>{e(d.id)}: {e(d.title)} ({e(d.years)})</h2><p>{e(d.summary)}</p>")
        if d.leaders:
            out.append("<h3>Leaders</h3><table><tr><th>Country</th><th>Role</th><th>Name</th>"
                       "<th>Years</th></tr>")  # fmt: skip
            for ld in d.leaders:
                country = "United States" if ld.country.value == "us" else "Pakistan"
                out.append(f"<tr><td>{country}</td><td>{e(ld.role)}</td><td>{e(ld.name)}</td>"
                           f"<td>{e(ld.years)}</td></tr>")  # fmt: skip
            out.append("</table>")
        out.append(_aid(pack, d.start, d.end))
        events = [x for x in sel.events if x.decade == d.id]
        if events:
            out.append("<h3>Key events</h3><table><tr><th>Date</th><th>Event</th>"
                       "<th>Why it matters</th></tr>")  # fmt: skip
            for ev in events:
                who = ", ".join(people[p].name for p in ev.people if p in people)
                out.append(
                    f'<tr><td class="date">{e(ev.display_date)}</td><td>{e(ev.title)}'
                    f"{'<br><small>' + e(who) + '</small>' if who else ''}</td>"
                    f"<td>{e(ev.significance)}</td></tr>"
                )
            out.append("</table>")
        if d.figures:
            out.append("<h3>Key figures</h3><table><tr><th>Figure</th><th>Amount</th>"
                       "<th>Year</th></tr>")  # fmt: skip
            for f in d.figures:
                out.append(
                    f"<tr><td>{e(f.label)}</td><td>{e(f.value)}</td><td>{e(f.year)}</td></tr>"
                )
            out.append("</table>")
        if d.takeaways:
            out.append("<h3>Takeaways for the exam</h3><ul>")
            out += [f"<li>{e(t)}</li>" for t in d.takeaways]
            out.append("</ul>")
        out.append("</section>")
    out.append('<section id="timeline" class="decade"><h2>Timeline</h2><table>')
    out += [f'<tr><td class="date">{e(x.display_date)}</td><td>{e(x.title)}</td></tr>'
            for x in sel.events]  # fmt: skip
    out.append("</table></section>")
    works, quotes = literature_of(sel)
    out.append('<section id="books"><h2>Books, memoirs and reports</h2><ul>')
    out += [f"<li><em>{e(w.title)}</em>, {e(w.byline)} ({e(w.publisher)}, {w.year}): "
            f"{e(w.about)}</li>" for w in works]  # fmt: skip
    out.append('</ul></section><section id="quotes"><h2>Speeches and quotations</h2>')
    out += [f"<blockquote>\u201c{e(q.text)}\u201d</blockquote><p class=\"note\">{e(q.speaker)}, "
            f"{e(q.role)}, {e(format_date(q.date))}; {e(q.occasion)}; {e(q.place)}.</p>"
            for q in quotes]  # fmt: skip
    out.append('</section><section id="errors"><h2>Common errors</h2><table>'
               "<tr><th>The claim</th><th>What the sources say</th></tr>")  # fmt: skip
    out += [f"<tr><td>{e(c.claim)}</td><td>{e(c.correction)}</td></tr>" for c in sel.corrections]
    out.append('</table></section><section id="sources"><h2>Sources</h2><ol>')
    for src in sel.sources:
        title = (
            f'<a class="src" href="{e(src.url)}">{e(src.title)}</a>' if src.url else e(src.title)
        )
        year = f", {src.year}" if src.year else ""
        out.append(f'<li>{e(src.author)}, {title}{year} <span class="id">{e(src.id)}</span></li>')
    out.append("</ol></section></body></html>")
    return "\n".join(x for x in out if x)
