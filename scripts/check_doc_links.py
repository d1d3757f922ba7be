#!/usr/bin/env python3
"""Checks that every relative markdown link `](path#anchor)` in README.md and docs/*.md resolves:
the file exists and, when an anchor is given, a heading of that file has it as its slug.
Usage: python3 scripts/check_doc_links.py   (from anywhere; exit code 1 on a broken link)"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def lines_outside_code(path):
    inside = False
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if FENCE.match(line):
                inside = not inside
                continue
            if not inside:
                yield number, line


def slug(heading):
    # The common markdown renderers' rule: lower case, drop punctuation (keep letters of any script, digits,
    # spaces, hyphens and underscores), spaces to hyphens.
    text = re.sub(r"`", "", heading.strip().lower())
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


def anchors(path):
    seen = {}
    result = set()
    for _, line in lines_outside_code(path):
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            base = slug(m.group(2))
            n = seen.get(base, 0)
            seen[base] = n + 1
            result.add(base if n == 0 else f"{base}-{n}")
    return result


def main():
    files = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
    broken = checked = 0
    for source in files:
        for number, line in lines_outside_code(source):
            for target in LINK.findall(line):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target):   # http:, https:, mailto: ... not relative
                    continue
                checked += 1
                path, _, anchor = target.partition("#")
                resolved = source if path == "" else os.path.normpath(os.path.join(os.path.dirname(source), path))
                where = f"{os.path.relpath(source, ROOT)}:{number}: {target}"
                if not os.path.exists(resolved):
                    print(f"{where}: no such file")
                    broken += 1
                elif anchor and (not resolved.endswith(".md") or anchor not in anchors(resolved)):
                    print(f"{where}: no heading with the anchor #{anchor}")
                    broken += 1
    print(f"{checked} relative links checked, {broken} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
