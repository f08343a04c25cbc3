"""Imported by the worker processes' fork server: the library, jieba's dictionary and route table,
and every table the analysis builds on first use (regions, units, catalog, regexes), made once
here and inherited by each worker instead of rebuilt in each."""

import pandas as pd

from pipeline import tables
from pipeline.segment import _cutter

_SAMPLE = "苏州市应急管理局2021年度法治政府建设工作报告\n2021年，全市立案查处违法行为6517件，罚款1.90亿元，同比下降38.6%。"

_cutter()
tables.analyse_documents(pd.DataFrame([{"doc_id": "warm-up", "source_path": "warm-up.txt", "sha256": "",
                                        "encoding": "utf-8", "text": _SAMPLE}]))
