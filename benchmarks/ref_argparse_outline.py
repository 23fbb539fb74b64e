"""Reference: argparse + Rich printing the same 8-section outline tree from a JSON file."""

import argparse
import json

from rich.console import Console
from rich.tree import Tree


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("outline", help="outline JSON (as `pkus outline --json` prints)")
    args = parser.parse_args()
    with open(args.outline, encoding="utf-8") as fh:
        data = json.load(fh)
    tree = Tree(data["title"])
    for s in data["sections"]:
        branch = tree.add(f"{s['number']}. {s['title']}")
        for sub in s["subsections"]:
            branch.add(f"{sub['letter']}. {sub['title']}")
    Console().print(tree)


if __name__ == "__main__":
    main()
