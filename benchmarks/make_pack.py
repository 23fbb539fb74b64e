"""Write a valid synthetic content pack of N events, for scale benchmarks.

    python benchmarks/make_pack.py 10000 /tmp/pack10k

The pack reuses the shipped outline and tags, spreads the events over the decades, and
adds one card per event plus people, terms, sources and corrections in proportion, so
`pkus validate` passes on it and every view has realistic work to do.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "content"
DECADES = [(f"{y}s", max(y, 1947), y + 9) for y in range(1940, 2030, 10)]
SECTION_OF = {
    "1940s": 1, "1950s": 2, "1960s": 2, "1970s": 3, "1980s": 3,
    "1990s": 4, "2000s": 5, "2010s": 6, "2020s": 7,
}  # fmt: skip
WORDS = (
    "aid alliance treaty sanctions embassy visit nuclear programme border talks agreement "
    "assistance military economic relations policy security cooperation crisis war envoy "
    "congress president minister army waiver amendment pact region strategy support"
).split()

try:
    Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    Dumper = yaml.SafeDumper


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def dump(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


def make(n: int, out: Path, seed: int = 1) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("pack.yaml", "outline.yaml", "tags.yaml"):
        shutil.copy(SHIPPED / name, out / name)
    tags = [t["id"] for t in yaml.safe_load((SHIPPED / "tags.yaml").read_text())["tags"]]
    outline = yaml.safe_load((SHIPPED / "outline.yaml").read_text())["sections"]
    letters = {s["number"]: "".join(sub["letter"] for sub in s["subsections"]) for s in outline}
    n_sources, n_people, n_terms = max(25, n // 100), max(40, n // 50), max(40, n // 50)
    sources = [
        {"id": f"src-{i:04d}", "title": f"Report {i}: {words(rng, 5)}", "author": "Synthetic Office",
         "year": 2000 + i % 25, "url": f"https://example.org/report/{i}", "kind": "government"}
        for i in range(n_sources)
    ]  # fmt: skip
    dump(out / "sources/all.yaml", {"sources": sources})
    people = [
        {"id": f"person-{i:04d}", "name": f"Person {i:04d}", "country": ("us", "pakistan")[i % 2],
         "roles": [{"title": "Minister", "years": f"{1950 + i % 70}-{1953 + i % 70}"}],
         "summary": words(rng, 15), "sources": [f"src-{i % n_sources:04d}"]}
        for i in range(n_people)
    ]  # fmt: skip
    dump(out / "people/all.yaml", {"people": people})
    terms = [
        {"id": f"term-{i:04d}", "term": f"Term {i:04d}", "year": str(1950 + i % 70),
         "definition": words(rng, 20), "sources": [f"src-{i % n_sources:04d}"]}
        for i in range(n_terms)
    ]  # fmt: skip
    dump(out / "terms/all.yaml", {"terms": terms})

    span = sum(end - start + 1 for _, start, end in DECADES)
    counter = 0
    for d_index, (decade, start, end) in enumerate(DECADES):
        share = n * (end - start + 1) // span if d_index < len(DECADES) - 1 else n - counter
        section = SECTION_OF[decade]
        events, cards = [], []
        for k in range(max(share, 6)):
            i = counter
            counter += 1
            year = rng.randint(start, end)
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            own = letters[section]
            codes = [f"{section}{own[k % len(own)]}"]
            if decade == "2020s" and k < 3 * len(letters[8]):
                codes.append(f"8{letters[8][k % len(letters[8])]}")
            events.append({
                "id": f"ev-{i:05d}", "date": f"{year}-{month:02d}-{day:02d}",
                "title": f"Event {i:05d}: {words(rng, 4)[:-1]}",
                "summary": words(rng, 30), "significance": words(rng, 18),
                "sections": codes, "people": [f"person-{i % n_people:04d}"],
                "terms": [f"term-{i % n_terms:04d}"], "tags": rng.sample(tags, 2),
                "sources": [f"src-{i % n_sources:04d}"],
            })  # fmt: skip
            cards.append({
                "id": f"card-{i:05d}", "about": f"event:ev-{i:05d}", "kind": "when",
                "question": f"In which year did event {i:05d} happen?", "answer": str(year),
            })  # fmt: skip
        decade_entry = {
            "id": decade, "title": f"Synthetic {decade}", "years": [start, end],
            "summary": words(rng, 180),
            "leaders": [
                {"country": "us", "role": "President", "name": "A President", "years": f"{start}-{end}"},
                {"country": "pakistan", "role": "Prime Minister", "name": "A Premier", "years": f"{start}-{end}"},
            ],
            "figures": [{"label": "Aid", "value": "$1 million", "year": str(start), "sources": ["src-0000"]}],
            "takeaways": [words(rng, 10) for _ in range(4)],
            "sources": ["src-0000"],
        }  # fmt: skip
        dump(out / f"decades/{decade}.yaml", {"decade": decade_entry, "events": events})
        dump(out / f"cards/{decade}.yaml", {"cards": cards})
    corrections = [
        {"id": f"fix-{i}", "claim": words(rng, 8), "correction": words(rng, 12),
         "found_in": "a synthetic web page", "about": f"event:ev-{i:05d}", "sources": ["src-0001"]}
        for i in range(5)
    ]  # fmt: skip
    dump(out / "corrections/all.yaml", {"corrections": corrections})


def main() -> None:
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: make_pack.py N OUTDIR")
    make(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote a {sys.argv[1]}-event pack to {sys.argv[2]}")


if __name__ == "__main__":
    main()
