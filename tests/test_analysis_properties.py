"""Property tests: whatever text a report holds, its analysis never raises and never outlives its
budget: a document of report size (up to 50,000 characters; real reports have 3,000-25,000) is
analysed well within it, a larger one is analysed or rejected as over budget when the budget runs
out, and nothing else (a document that raised would come back under REJECTED with the error).

Random text over the alphabets reports mix (CJK in both scripts, ASCII and full-width digits and
punctuation, Chinese numerals, Latin, units), and adversarial shapes: long digit runs, long lines
without punctuation, deeply nested brackets and quotes, runs of one punctuation mark, mixed scripts.
"""

import time

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.budget import DEFAULT_SECONDS
from pipeline.tables import REJECTED, analyse_documents

# A document of report size must finish in a fifth of the default budget.
LIMIT = DEFAULT_SECONDS / 5
REPORT_SIZE = 50_000
# The budget of the adversarial examples (kept short so that the test is): dense indicators cost
# about 25 microseconds a character, so some examples of 100,000 characters and more run over it.
ADVERSARIAL_BUDGET = 5.0

ALPHABET = st.sampled_from(
    list("立案查处件起人次万亿元罚款同比下降增长上升年月日全市区县政府法治建设") + list("0123456789０１２３４５６７８９")
    + list("一二三四五六七八九十百千万零〇两") + list("。，、；：？！（）《》“”「」【】…—%.,;:()[]-+/ \n\t")
    + list("縣區萬億處")  # traditional
    + list("abcXYZ€αβγ😀\u200b\ufeff")
)
random_text = st.text(alphabet=ALPHABET, max_size=3000)

FRAGMENTS = ["1", "9", "０", "一", "十", "万", ".", "%", "。", "，", "（", "）", "《", "》", "“", "”", "年", "月",
             "日", "件", "立案查处", "同比下降", "2023", "第", "-", "/", " ", "\n", "a", "縣", "😀"]


@st.composite
def adversarial_text(draw) -> str:
    """A few pieces, each one fragment (or a short random string) repeated to up to 50,000 characters."""
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        unit = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=ALPHABET, min_size=1, max_size=8)))
        times = draw(st.one_of(st.integers(1, 100), st.sampled_from([1_000, 10_000, 50_000])))
        pieces.append(unit * max(1, times // len(unit)))
    return "".join(pieces)


def _analyse(text: str, budget: float) -> tuple[pd.DataFrame, pd.DataFrame, float]:
    source = pd.DataFrame([{"doc_id": "d", "source_path": "d.txt", "sha256": "0", "encoding": "utf-8", "text": text}])
    started = time.perf_counter()
    frames = analyse_documents(source, budget)
    return frames["documents"], frames[REJECTED], time.perf_counter() - started


def _analysed_within_limit(text: str) -> None:
    documents, rejected, elapsed = _analyse(text, DEFAULT_SECONDS)
    assert rejected.empty, rejected.to_dict("records")
    assert documents["doc_id"].tolist() == ["d"]
    assert elapsed < LIMIT, f"{len(text):,} characters took {elapsed:.1f} s"


def _analysed_or_over_budget(text: str) -> None:
    documents, rejected, elapsed = _analyse(text, ADVERSARIAL_BUDGET)
    assert elapsed < ADVERSARIAL_BUDGET + 1, f"{len(text):,} characters took {elapsed:.1f} s"
    if len(text) <= REPORT_SIZE:
        assert rejected.empty, rejected.to_dict("records")
    else:
        assert rejected["reason"].tolist() in ([], [f"analysis exceeded {ADVERSARIAL_BUDGET:g} s"])
    assert len(documents) + len(rejected) == 1


@settings(max_examples=150, deadline=None, database=None)
@given(random_text)
def test_random_text_is_analysed_without_error(text):
    _analysed_within_limit(text)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(adversarial_text())
def test_adversarial_text_is_analysed_or_rejected_within_budget(text):
    _analysed_or_over_budget(text)


def test_the_known_worst_shapes_are_analysed_within_budget():
    """The shapes of issue 16 at full size: a 100,000-digit run after a cue, a 1,000,000-character
    line without punctuation, 20,000 nested brackets."""
    _analysed_within_limit("立案查处" + "1" * 100_000 + "件。")
    _analysed_within_limit("\t" * 50_000)  # a run of spaces followed by no Chinese (found by the property test)
    _analysed_within_limit("全市法治政府建设" * 125_000)
    _analysed_within_limit("（" * 20_000 + "立案查处12件" + "）" * 20_000)
