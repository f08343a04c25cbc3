"""Imported by the worker processes' fork server: the library, jieba's dictionary and route table,
and every table the analysis builds on first use (regions, units, catalog, regexes), made once
here and inherited by each worker instead of rebuilt in each."""

import pandas as pd

from pipeline import tables
from pipeline.datafiles import data_path
from pipeline.segment import _cutter

_cutter()
# A made-up report with a web page's furniture, a title block, Chinese numerals, traditional
# characters, changes, targets and a signature: the rules that build their regexes and tables on
# first use (and the numerals' cn2an) meet it here, once, not once per worker.
_SAMPLE = data_path("warm_up_report.txt").read_text(encoding="utf-8")
tables.analyse_documents(pd.DataFrame([{"doc_id": "warm-up", "source_path": "warm-up.txt", "sha256": "",
                                        "encoding": "utf-8", "text": _SAMPLE}]))
