"""Reference tables people join against: administrative divisions and the indicator catalog.

Both come from data files shipped with the package (regions.tsv, catalog.tsv), so they are
loaded as they are; the region table gains the prefecture and province of every division so
that SQL can roll counties up to cities and provinces without a recursive query.
"""

from __future__ import annotations

import pandas as pd

from pipeline.datafiles import read_table
from pipeline.regions import all_regions, ancestors

REGION_COLUMNS = ["code", "name", "short_name", "level", "parent_code", "prefecture_code", "province_code"]
CATALOG_COLUMNS = ["code", "name_zh", "unit_family", "cue_terms"]


def regions_frame() -> pd.DataFrame:
    """One row per division with its parent, prefecture and province codes (NULL where none)."""
    rows = []
    for region in all_regions():
        chain = [region, *ancestors(region)]
        by_level = {r.level: r.code for r in chain}
        rows.append({
            "code": region.code, "name": region.name, "short_name": region.short_name, "level": region.level,
            "parent_code": region.parent_code,
            "prefecture_code": by_level.get("prefecture"), "province_code": by_level.get("province"),
        })
    return pd.DataFrame(rows, columns=REGION_COLUMNS)


def catalog_frame() -> pd.DataFrame:
    """The indicator catalog: code, Chinese name, unit family and cue terms."""
    return pd.DataFrame([{c: row.get(c) for c in CATALOG_COLUMNS} for row in read_table("catalog.tsv")],
                        columns=CATALOG_COLUMNS)
