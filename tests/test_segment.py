import pytest

from pipeline.segment import is_debris_line, split_sentences, tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("立案查处6517件。经济处罚1.90亿元！", ["立案查处6517件。", "经济处罚1.90亿元！"]),
        ("事故70起、死亡37人；同比分别下降38.6%和33.9%。", ["事故70起、死亡37人；同比分别下降38.6%和33.9%。"]),
        ("他说：“已完成。”随后离开。", ["他说：“已完成。”", "随后离开。"]),
        ("一、基本情况\n（一）组织领导", ["一、基本情况", "（一）组织领导"]),
        ("正文。\n扫码查看手机版\n返回\n发布时间:2022-03-08 17:11", ["正文。"]),
        ("没有句号的结尾", ["没有句号的结尾"]),
        # a sentence opening with its comparison basis goes on with the one before, on the same line
        ("发生事故17起、死亡23人。同比减少4起、2人。", ["发生事故17起、死亡23人。同比减少4起、2人。"]),
        ("发生事故17起。\n\n同比减少4起。", ["发生事故17起。\n\n同比减少4起。"]),
        ("  \n  ", []),
        # a page converted onto one line: a heading's enumerator after a space starts a sentence
        ("二、行业领域事故情况 (一)工矿商贸事故。1月发生事故1起 (二)道路运输事故。",
         ["二、行业领域事故情况", "(一)工矿商贸事故。", "1月发生事故1起", "(二)道路运输事故。"]),
        ("分为两类 三、其他", ["分为两类", "三、其他"]),
        ("共有(一)至(三)项", ["共有(一)至(三)项"]),  # no space, no heading
        ("事故主要集中在 一、二季度,同比下降10%。", ["事故主要集中在 一、二季度,同比下降10%。"]),  # numerals, no heading
        ("现有 一、二级重大危险源12处。", ["现有 一、二级重大危险源12处。"]),
    ],
)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_sentence_spans_index_the_text():
    text = "  第一句。第二句！\n第三句"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    "line", ["扫码查看手机版", "字号:[ 大 中 小 ]", "发布时间:2022-03-08 17:11  【 下载 】", "索引号：11320500/2022-00123", "关联 文章",
             "今天是:2019年10月31日 星期三 农历十月初七", "您所在的位置:政务公开 > 工作报告",
             "北京青年报客户端 2023-06-29 11:15", "北京青年报客户端2023-06-29 11:15",
             "- 2024-02-07今年全省民航旅客吞吐量预计突破2000万人次"]  # a related link: a date, then a headline
)
def test_debris_lines(line):
    assert is_debris_line(line)


@pytest.mark.parametrize("line", ["武汉市应急管理局", "2022年3月8日", "返回原籍务工人员1200名。",
                                  "截至2023年6月29日,全市共发生事故3起", "- 2024年2月7日召开会议3次",
                                  "- 2023-06-16全市开展安全生产月咨询日活动，发放宣传资料1.2万份。",
                                  "某县化工厂2023年6月29日 11:15发生爆炸事故 造成3人死亡 2人受伤"])
def test_report_lines_are_not_debris(line):
    assert not is_debris_line(line)


@pytest.mark.parametrize("term", ["双随机", "两法衔接", "三项制度", "危险化学品", "重大危险源", "法治政府建设"])
def test_domain_dictionary_keeps_terms_whole(term):
    assert term in tokenize(f"全面推进{term}工作")


def test_a_common_verb_jieba_splits_wrongly_is_kept_whole():
    """Without the domain dictionary jieba reads 有效应对 as 有|效应|对 (an effect), and the metric of
    全省有效应对9轮强降雨 lost its verb."""
    assert tokenize("全省有效应对9轮强降雨")[:2] == ["全省", "有效应对"]


def test_a_sentence_longer_than_the_limit_is_cut_into_pieces():
    from pipeline.segment import MAX_SENTENCE_CHARS, split_sentences

    text = "检查企业12家，" * 400 + "完成。"
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert "".join(p.text for p in pieces) == text  # nothing lost, offsets in order
    assert all(text[p.start:p.end] == p.text for p in pieces)
    assert all(p.text.endswith("，") for p in pieces[:-1])  # cut after a comma, never inside a number
    no_breaks = "检" * 2500
    assert [len(p.text) for p in split_sentences(no_breaks)] == [1000, 1000, 500]
