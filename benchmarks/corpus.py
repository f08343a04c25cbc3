"""A synthetic corpus of N reports made from the bundled reports in raw/, deterministic for a seed.

Each document is one of the bundled reports with its region swapped for another prefecture-level
city, its years shifted together by -3..+2, and every other number redrawn with the same number
of digits: texts differ (each is a new doc_id), sizes and structure stay those of real reports.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from pipeline.regions import all_regions

BUNDLED_RAW = Path(__file__).resolve().parents[1] / "raw"

# The place names of each bundled report that are swapped for the new region (full, then short).
_PLACES = ("苏州市", "张家港市", "武汉市", "连云港市", "苏州", "张家港", "武汉", "连云港")
_YEAR = re.compile(r"(?<![0-9])(20[0-3][0-9])(?![0-9])")
_NUMBER = re.compile(r"(?<![0-9.])([0-9]+)(\.[0-9]+)?")


def bundled_texts(raw_dir: Path = BUNDLED_RAW) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(raw_dir.glob("*.txt"))]


def _cities() -> list[tuple[str, str]]:
    """(name, short name) of every prefecture-level city whose name ends in 市."""
    return [(r.name, r.short_name) for r in all_regions() if r.level == "prefecture" and r.name.endswith("市")
            and len(r.short_name) >= 2]


def _redraw_numbers(text: str, rng: random.Random) -> str:
    def redraw(m: re.Match[str]) -> str:
        whole, fraction = m.group(1), m.group(2) or ""
        if len(whole) == 4 and whole.startswith(("19", "20")):
            return m.group(0)  # a year: shifted separately
        if len(whole) == 1 and not fraction:
            return m.group(0)  # list numbering, 1.深入学习...
        first = str(rng.randint(1, 9))
        rest = "".join(str(rng.randint(0, 9)) for _ in range(len(whole) - 1))
        frac = "." + "".join(str(rng.randint(0, 9)) for _ in range(len(fraction) - 1)) if fraction else ""
        return first + rest + frac

    return _NUMBER.sub(redraw, text)


def variant(template: str, city: tuple[str, str], year_shift: int, rng: random.Random) -> str:
    name, short = city
    text = template
    for place in _PLACES:
        text = text.replace(place, name if place.endswith("市") else short)
    text = text.replace("xx市", name).replace("xx", short)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), text)
    return _redraw_numbers(text, rng)


def write_corpus(out_dir: Path, n: int, seed: int = 20240601, start: int = 0) -> list[Path]:
    """Write documents start..start+n-1 of the corpus for `seed` into `out_dir`; the same (seed, i) gives the same text."""
    templates = bundled_texts()
    cities = _cities()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        rng = random.Random(f"{seed}:{i}")
        template_index = i % len(templates)
        city = cities[rng.randrange(len(cities))]
        text = variant(templates[template_index], city, rng.randint(-3, 2), rng)
        path = out_dir / f"{i:05d}_{template_index}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
