"""What people see, on real material: two real excerpts of 东莞市应急管理局's reports (2024 and 2025,
tests/data/real/gold-real) give accident counts of both years and the changes the 2025 report states
(事故108起、死亡92人，同比分别下降13.6%和下降10.7%; 较大事故 1 both years)."""

import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from real_excerpts import analysed

from assets.cli import document_names, main
from assets.metadata import listed_documents, markdown, table_metadata
from pipeline.storage import Warehouse

PROJECT_ROOT = Path(__file__).resolve().parents[1]
REAL = Path(__file__).parent / "data" / "real" / "gold-real" / "raw"
DONGGUAN = ["dongguan_2024_b00fc9.txt", "dongguan_2025_7afcca.txt"]


@pytest.fixture(scope="module")
def dongguan(tmp_path_factory):
    return analysed((REAL / name for name in DONGGUAN), tmp_path_factory.mktemp("dongguan"))


def test_largest_changes_give_the_stated_change_beside_the_computed_one_and_no_zero_rows(dongguan):
    _, warehouse = dongguan
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("""SELECT indicator_code, prev_value, value, round(pct_change, 1), reported_pct_change,
                                     stated_change_agrees FROM largest_changes""").fetchall()
        unchanged = con.execute("SELECT indicator_code, pct_change FROM yoy_comparison WHERE pct_change = 0").fetchall()
    assert rows == [("acc.accidents", 125.0, 108.0, -13.6, -13.6, True), ("acc.deaths", 103.0, 92.0, -10.7, -10.7, True)]
    assert unchanged == [("acc.major_accidents", 0.0)]  # in the comparison table, not among the largest changes


def test_the_summary_page_shows_the_accident_counts_and_both_changes_in_chinese(dongguan):
    _, warehouse = dongguan
    page = (warehouse.parent / "reports" / "index.html").read_text(encoding="utf-8")
    assert ("<td>2024</td><td class=num>125起</td><td>2025</td><td class=num>108起</td>"
            "<td class=num>-13.6%</td><td class=num>-13.6%</td><td>是</td>") in page
    assert "<td class=num>92人</td><td class=num>-10.7%</td><td class=num>-10.7%</td>" in page
    assert "acc.major_accidents</td><td>2024" not in page  # the 0 % change is not among the largest
    chart = (warehouse.parent / "reports" / "charts" / "441900.svg").read_text(encoding="utf-8")
    assert "stroke-dasharray" in chart  # three lines, two of them dashed


def test_compare_prints_the_stated_change_beside_the_computed_one(dongguan, capsys):
    _, warehouse = dongguan
    assert main(["compare", "--region", "东莞", "--indicator", "acc.accidents", "--warehouse", str(warehouse)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "东莞市 (441900, prefecture)"
    assert lines[1].split()[5:7] == ["同比变化", "报告所述变化"]
    # 2024: the report's change against 2023, which no report here gives; 2025: both changes
    assert [line.split()[1:] for line in lines[2:]] == [
        ["acc.accidents", "2024", "125起", "-12.6%", "当年报告"],
        ["acc.accidents", "2025", "108起", "2024", "-13.6%", "-13.6%", "当年报告"]]


@pytest.mark.parametrize(("given", "close"), [("acc.accident", "acc.accidents (生产安全事故起数)"),
                                               ("deaths", "acc.deaths (事故死亡人数)")])
def test_compare_names_an_unknown_code_and_the_close_ones(dongguan, capsys, given, close):
    _, warehouse = dongguan
    assert main(["compare", "--region", "东莞", "--indicator", given, "--warehouse", str(warehouse)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: no indicator code {given!r}; close codes: {close}")


def test_explain_takes_the_path_the_shell_completes(dongguan, capsys, monkeypatch):
    raw, warehouse = dongguan
    monkeypatch.chdir(raw.parent)
    for given in (f"raw/{DONGGUAN[1]}", str(raw / DONGGUAN[1]), f"./raw/../raw/{DONGGUAN[1]}", DONGGUAN[1]):
        assert main(["explain", given, "--raw", "raw", "--warehouse", str(warehouse)]) == 0, given
        assert capsys.readouterr().out.startswith(f"{DONGGUAN[1]} (")
    assert main(["explain", "raw/no-such-report.txt", "--raw", "raw", "--warehouse", str(warehouse)]) == 2


def test_document_names_put_the_path_under_the_raw_folder_first(tmp_path):
    raw = tmp_path / "raw"
    assert document_names(str(raw / "2021" / "a.txt"), raw) == [str(raw / "2021" / "a.txt"), "2021/a.txt", "a.txt"]
    assert document_names("/elsewhere/a.txt", raw) == ["/elsewhere/a.txt", "a.txt"]
    assert document_names("0123abcd", raw) == ["0123abcd"]


@pytest.mark.parametrize("command", [["explain", DONGGUAN[1]], ["compare", "--region", "东莞"]])
def test_output_into_a_closed_pipe_ends_quietly(dongguan, command):
    """`python -m assets explain … | head`: the reader is gone before the first write; no traceback."""
    raw, warehouse = dongguan
    process = subprocess.Popen([sys.executable, "-m", "assets", *command, "--warehouse", str(warehouse)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT_ROOT)
    process.stdout.close()  # type: ignore[union-attr]
    _, err = process.communicate(timeout=120)
    assert err.decode() == "" and process.returncode == 141


def test_asset_metadata_names_documents_by_file(dongguan):
    _, warehouse = dongguan
    store = Warehouse(warehouse)
    with store.connect() as con:
        doc_ids = [row[0] for row in con.execute("SELECT doc_id FROM documents ORDER BY source_path").fetchall()]
    text = listed_documents(store, [*doc_ids, "0123abcd"]).value
    assert text.splitlines() == [f"- {DONGGUAN[0]} ({doc_ids[0]})", f"- {DONGGUAN[1]} ({doc_ids[1]})", "- 0123abcd"]
    preview = table_metadata(store, "indicators")["preview"].value
    header = preview.splitlines()[0]
    assert header.split("|")[1].strip() == "file" and DONGGUAN[0] in preview and "nan" not in preview


def test_previews_show_null_as_empty():
    frame = pd.DataFrame({"qualifier": ["over", None], "value": [1.5, float("nan")], "code": [None, "enf.fines"],
                          "at": [pd.Timestamp("2024-01-01"), pd.NaT]})
    text = markdown(frame).value
    assert "nan" not in text.lower() and "None" not in text and "NaT" not in text
    assert "over" in text and "enf.fines" in text and "1.5" in text


def sql_shell(warehouse: Path, command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assets", "sql", "--warehouse", str(warehouse), "-c", command],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)


def test_make_sql_opens_the_published_warehouse_read_only_in_the_duckdb_shell(dongguan):
    _, warehouse = dongguan
    first = sql_shell(warehouse, "SELECT indicator_code || ' ' || pct_change FROM largest_changes ORDER BY 1")
    assert first.returncode == 0, first.stderr
    assert "acc.accidents -13.6" in first.stdout and "acc.deaths -10.6796" in first.stdout
    again = sql_shell(warehouse, "SELECT count(*) AS documents FROM documents")
    assert again.returncode == 0 and "│         2 │" in again.stdout
    assert "a copy" not in again.stderr  # the copy for the shell is made once per publish, not per session
    write = sql_shell(warehouse, "DELETE FROM documents")
    assert "read-only" in (write.stdout + write.stderr)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)


def test_a_real_report_sets_its_targets_against_what_it_says_was_done(tmp_path):
    """天津市南开区应急管理局's real 2023 enforcement report (tests/data/real/blind, shipped in raw/):
    全年计划重点检查246家次，实际重点检查253家次；全年计划一般检查186家次，实际一般检查204家次."""
    _, warehouse = analysed([PROJECT_ROOT / "raw" / "tianjin_nankai_2023_a16bb1.txt"], tmp_path)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("""SELECT region, year, target_value, target_unit, actual_value, actual_unit, actual_source, met
                              FROM plan_against_result WHERE actual_source = 'same sentence'
                              ORDER BY target_value""").fetchall()
        actuals = con.execute("SELECT value FROM indicator_panel WHERE indicator_code = 'enf.inspected_entities'").fetchall()
    assert rows == [("南开区", 2023, 186.0, "家次", 204.0, "家次", "same sentence", True),
                    ("南开区", 2023, 246.0, "家次", 253.0, "家次", "same sentence", True)]
    assert (246.0,) not in actuals and (186.0,) not in actuals  # a target never stands in for a result


@pytest.mark.parametrize(("argv0", "prog"), [("/usr/local/bin/reports", "reports"),
                                             ("/repo/assets/__main__.py", "python -m assets")])
def test_usage_names_the_command_as_it_was_called(monkeypatch, argv0, prog):
    from assets.cli import build_parser

    monkeypatch.setattr(sys, "argv", [argv0])
    assert build_parser().format_usage().startswith(f"usage: {prog} ")
