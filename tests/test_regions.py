import pytest

from pipeline.regions import (
    all_regions,
    ancestors,
    by_code,
    find_regions_in,
    is_within,
    lookup,
    names_opening_with_numerals,
    national,
    short_name,
)


def test_table_covers_every_level_with_a_consistent_hierarchy() -> None:
    regions = all_regions()
    levels = {level: sum(r.level == level for r in regions) for level in ("country", "province", "prefecture", "county")}
    assert levels["country"] == 1
    assert levels["province"] == 34  # 31, plus Taiwan, Hong Kong and Macao as a whole
    assert 330 <= levels["prefecture"] <= 345
    assert 2800 <= levels["county"] <= 2900
    codes = {r.code for r in regions}
    assert len(codes) == len(regions)
    for region in regions:
        assert len(region.code) == 6 and region.code.isdigit()
        if region.level in ("country", "province"):
            assert region.parent_code is None
        else:
            parent = by_code(region.parent_code)
            assert parent is not None and parent.level in ("province", "prefecture")


@pytest.mark.parametrize(
    ("code", "name", "short", "level", "chain"),
    [
        ("320582", "张家港市", "张家港", "county", ["苏州市", "江苏省"]),
        ("320500", "苏州市", "苏州", "prefecture", ["江苏省"]),
        ("440303", "罗湖区", "罗湖", "county", ["深圳市", "广东省"]),
        ("500103", "渝中区", "渝中", "county", ["重庆市"]),  # a municipality's districts hang on it directly
        ("500000", "重庆市", "重庆", "province", []),
        ("500112", "渝北区", "渝北", "county", ["重庆市"]),  # added by hand: the source lacks it
        ("500105", "江北区", "江北", "county", ["重庆市"]),  # likewise (宁波 has a 江北区 too)
        ("419001", "济源市", "济源", "county", ["河南省"]),  # directly administered county-level city
        ("222400", "延边朝鲜族自治州", "延边", "prefecture", ["吉林省"]),
        ("450000", "广西壮族自治区", "广西", "province", []),
        ("320322", "沛县", "", "county", ["徐州市", "江苏省"]),  # one character left: no short form
        ("100000", "全国", "全国", "country", []),
    ],
)
def test_rows(code: str, name: str, short: str, level: str, chain: list[str]) -> None:
    region = by_code(code)
    assert region is not None
    assert (region.name, region.short_name, region.level) == (name, short, level)
    assert [a.name for a in ancestors(region)] == chain


@pytest.mark.parametrize(
    ("name", "level", "expected"),
    [
        ("长阳土家族自治县", "county", "长阳"),
        ("恩施土家族苗族自治州", "prefecture", "恩施"),
        ("新疆维吾尔自治区", "province", "新疆"),
        ("香港特别行政区", "province", "香港"),
        ("神农架林区", "county", "神农架"),
        ("锡林郭勒盟", "prefecture", "锡林郭勒"),
        ("城区", "county", ""),
    ],
)
def test_short_name(name: str, level: str, expected: str) -> None:
    assert short_name(name, level, ["汉族", "土家族", "苗族", "维吾尔族", "蒙古族"]) == expected


def test_lookup() -> None:
    assert [r.code for r in lookup("张家港")] == ["320582"]
    assert [r.code for r in lookup("张家港市")] == ["320582"]
    assert [r.code for r in lookup("320500")] == ["320500"]
    # A short name shared by a division and one inside it names the outer one.
    assert [r.code for r in lookup("吉林")] == ["220000"]  # 吉林省, not its 吉林市
    assert [r.code for r in lookup("淮安")] == ["320800"]  # 淮安市, not its 淮安区
    assert [r.code for r in lookup("淮安区")] == ["320803"]
    assert len(lookup("鼓楼区")) >= 3
    assert lookup("全国") == (national(),)
    assert lookup("不存在市") == ()


def test_is_within() -> None:
    assert is_within(by_code("320582"), by_code("320000"))
    assert is_within(by_code("320582"), by_code("320582"))
    assert not is_within(by_code("320500"), by_code("320582"))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("苏州市应急管理局", ["苏州市"]),
        ("深圳市罗湖区司法局", ["深圳市", "罗湖区"]),
        ("法治张家港建设", ["张家港"]),
        ("江苏省安全生产条例", ["江苏省"]),
        # Short forms that are ordinary words are not places; full names still are.
        ("公安机关、新安法和平安建设", []),
        ("公安县人民政府", ["公安县"]),
        ("确保建党100周年大庆的安全稳定", []),  # 大庆: a grand celebration
        ("大庆市应急管理局", ["大庆市"]),
        ("全国安全生产", []),  # 全国 is not found in text: only ministries get it
        # A two-character name inside a word is none; as a word of its own it is one.
        ("办理县人大代表建议119件", []),  # 理县
        ("振兴县域经济，收费县道全部取消", []),  # 兴县, 费县
        ("四川省理县应急管理局", ["四川省", "理县"]),
        ("市和县两级执法队伍", []),  # 和 is the conjunction
        ("县第十四次党代会第三次会议和县委、县政府年初确定的目标任务", []),  # …和 县委
        ("中共和县委员会2023年工作报告", []),  # 中共 holds no 共和县
        ("安徽省和县应急管理局", ["安徽省", "和县"]),
        ("沅江路街道2024法治政府建设年度报告", []),  # a street named after 沅江 (沅江市)
        ("沅江市应急管理局", ["沅江市"]),
        ("在履行原州安全生产监督管理局职能职责", []),  # 原 (former) + 州, not 原州区
        ("福田街道2023年法治政府建设工作报告", ["福田"]),  # a street office lies in the district it is named after
        # A full name that is an ordinary word (城区, 郊区, 矿区) is the district only after its city.
        ("城区五街道综合执法", []),
        ("阳泉市城区司法局", ["阳泉市", "城区"]),
        ("铜陵郊区应急管理局", ["铜陵", "郊区"]),
        ("阳泉市城区、郊区、矿区应急管理局", ["阳泉市", "城区", "郊区", "矿区"]),  # later items of the list
        ("城区、郊区、矿区", []),
        # A county's short name across a word boundary is none: 会议和政府 holds 和政 (和政县), 重大安全
        # 大安, 安全和安全 和安; a word of its own (和政2023年, 在常熟召开) is one, even after a line break.
        ("召开党政联席会议和政府常务会议", []),
        ("确保重大安全，做到安全和安全生产两手抓", []),
        ("和政2023年", ["和政"]),
        ("在常熟召开", ["常熟"]),
        ("首页 >\n\n秦州9起、麦积9起", ["秦州", "麦积"]),
        ("确保长治久安，保障幸福安康，开展安康杯竞赛", []),  # idioms and a national competition
        ("山西长治、晋城两市", ["山西", "长治", "晋城"]),
        # a short name goes on with its level word (本溪县 for 本溪满族自治县)
        ("本溪县、桓仁县、新宾县、清原县", ["本溪县", "桓仁县", "新宾县", "清原县"]),
        ("耿马自治县2024年上半年安全生产事故统计表", ["耿马自治县"]),
        ("延边州应急管理局", ["延边州"]),
        # 和 after a word is the conjunction, 和县 at the start or after its province the county
        ("根据《生产安全事故统计调查制度》和县安全生产委员会工作要求", []),
        ("和县应急管理局", ["和县"]),
        ("关于和县2023年度法治政府建设情况的报告", ["和县"]),  # after a word, 和县 is still the county
        ("2023年，和县应急局", ["和县"]),
        ("县司法局会同县府办清理文件", []),  # 会同 (together with) the county office
        ("怀化市会同县府办召开会议", ["怀化市", "会同县"]),
        ("天台县府办召开推进会", ["天台县"]),
        # an ordinary word (城区, 矿区) is a district only right after its own city, not after a province
        ("阳泉市城区、郊区、矿区", ["阳泉市", "城区", "郊区", "矿区"]),
        ("山西省城区道路改造", ["山西省"]),
        ("《安全生产法》和安徽省和县应急管理局", ["安徽省", "和县"]),
    ],
)
def test_find_regions_in(text: str, found: list[str]) -> None:
    assert [m.surface for m in find_regions_in(text)] == found


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("巴州党委、政府坚持依法行政", "巴音郭楞蒙古自治州"),  # the customary abbreviation
        ("巴中市巴州区应急管理局", "巴州区"),  # the district of 巴中市 is written in full
        ("博州应急管理局", "博尔塔拉蒙古自治州"),
    ],
)
def test_customary_abbreviations(text: str, region: str) -> None:
    assert find_regions_in(text)[-1].regions[0].name == region


def test_mentions_carry_offsets_and_every_division_of_the_name() -> None:
    [mention] = find_regions_in("位于鼓楼区的")
    assert (mention.start, mention.end, mention.full) == (2, 5, True)
    assert {r.parent_code for r in mention.regions} >= {"320100", "350100"}


def test_names_opening_with_numerals_are_the_full_names_a_number_reader_must_skip():
    names = names_opening_with_numerals()
    assert {"三元区", "七里河区", "万年县", "十堰市"} <= set(names)
    assert all(name[0] in "一二三四五六七八九十百千万两" for name in names)
