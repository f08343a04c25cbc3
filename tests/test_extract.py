"""extract_mentions, table-driven from the rules of the annotation guide (tests/data/gold/GUIDE.md).

The sentences are written for these tests (they are not taken from the sample reports).
"""

import pytest

from pipeline.catalog import assign_code
from pipeline.document_state import DocumentState, in_document
from pipeline.extract import extract_mentions
from pipeline.lists import bracket_close, bracket_open_at
from pipeline.mention import DocumentContext
from pipeline.segment import tokenize

REPORT = DocumentContext(report_year=2023, doc_type="annual_report")
PLAN = DocumentContext(report_year=2024, doc_type="work_plan")


def run(sentence, context=REPORT):
    return [(sentence[m.start:m.end], m) for m in extract_mentions(sentence, tokenize(sentence), context)]


# ---- numbers, units and values ------------------------------------------------------------
# (sentence, span text, value, base unit)
VALUES = [
    ("最高洪峰水位涨幅14.23米。", "14.23米", 14.23, "米"),
    ("办理7000米以上山峰行政许可29件次。", "29件次", 29, "件次"),  # 7000米以上山峰 is a class of peaks
    ("报送观测数据7300组。", "7300组", 7300, "组"),
    ("平均处置一起警情用时13秒钟。", "13秒钟", 13, "秒"),
    ("对综合管廊75.94千米实施日常维护管理。", "75.94千米", 75.94, "千米"),  # 千 starts the unit, not the number
    ("派出检查组23万组次。", "23万组次", 230000, "组次"),
    ("较上年该类案件量增长了一倍。", "一倍", 1, "倍"),  # doubled
    ("执法检查同比增加一倍。", "一倍", 1, "倍"),  # 增加一倍 is one jieba word
    ("全省PM2.5年均浓度为29.8微克每立方米。", "29.8微克每立方米", 29.8, "微克/立方米"),  # the unit spelt out
    ("全年共查处违法案件812件。", "812件", 812, "件"),
    ("全市发生火灾事故15起。", "15起", 15, "起"),
    ("储备砂石料9.8万方。", "9.8万方", 98000, "方"),  # 方: cubic metres, kept as written
    ("全县山塘水库总蓄水量为3867万立方。", "3867万立方", 38670000, "立方"),  # 立方 (for 立方米), kept as written
    ("申请彩条布10万平米。", "10万平米", 100000, "平米"),
    ("约谈企业负责人36人。", "36人", 36, "人"),
    ("抽调执法骨干12名。", "12名", 12, "名"),
    ("检查生产经营单位3210家。", "3210家", 3210, "家"),
    ("执法检查1,204家次。", "1,204家次", 1204, "家次"),
    ("全年办理结婚登记5234对、离婚登记1987对。", "1987对", 1987, "对"),
    ("为300余对新人颁发结婚证。", "300余对", 300, "对"),
    ("累计检测燃气管道2002千米。", "2002千米", 2002, "千米"),  # 千 starts the unit, not a scale
    ("全体市领导带头督促整改隐患4轮次。", "4轮次", 4, "轮次"),
    ("全县平均累计降水891.7毫米。", "891.7毫米", 891.7, "毫米"),
    ("免费赠送公章6095枚。", "6095枚", 6095, "枚"),
    ("14个部门53类电子证照实现共享应用。", "53类", 53, "类"),  # kinds, in Arabic digits
    ("累计发布17批重点问题。", "17批", 17, "批"),
    ("购买2架直升机。", "2架", 2, "架"),
    ("发现违法行为492项次。", "492项次", 492, "项次"),
    ("投入资金5千万元。", "5千万元", 50_000_000, "元"),
    ("培训安全管理人员5600人次。", "5600人次", 5600, "人次"),
    ("出动检查人员17127人(次)。", "17127人(次)", 17127, "人次"),  # 人(次) is written for 人次
    ("会前学法698场（次）。", "698场（次）", 698, "场次"),  # so is any compound count with 次
    ("3万余台套各类扑火机具设备靠前布防。", "3万余台套", 30000, "台套"),  # sets of equipment
    ("造成经济损失0.06万，同比下降40%。", "0.06万", 600, "元"),  # a loss closing its clause is money
    ("检查企业5000家（次）。", "5000家（次）", 5000, "家次"),
    ("举办专题讲座18场次。", "18场次", 18, "场次"),
    ("抽查企业3批次。", "3批次", 3, "批次"),
    ("主动公开政府信息4025条次。", "4025条次", 4025, "条次"),
    ("申领发票2个工作小时内办结。", "2个工作小时", 2, "小时"),
    ("国内生产总值达到7.4万亿元。", "7.4万亿元", 7.4e12, "元"),
    ("全年财政收入6，688，587，000元。", "6，688，587，000元", 6688587000, "元"),
    ("实施经济处罚1 900 000元。", "1 900 000元", 1900000, "元"),
    ("分别增长3.124.08%12.5%。", "4.08%", 4.08, "%"),  # decimals glued by text conversion
    ("办理行政许可事项1520件次。", "1520件次", 1520, "件次"),
    ("编印宣传手册9000册。", "9000册", 9000, "册"),
    ("组建专业救援队伍14支。", "14支", 14, "支"),
    ("排查尾矿库6座。", "6座", 6, "座"),
    ("发现安全隐患235处。", "235处", 235, "处"),
    ("制定权责清单事项312项。", "312项", 312, "项"),
    ("印发执法文书模板40份。", "40份", 40, "份"),
    ("提出整改意见86条。", "86条", 86, "条"),
    ("开设培训班8期。", "8期", 8, "期"),
    ("发布典型案例12篇。", "12篇", 12, "篇"),
    ("罚款金额356万元。", "356万元", 3560000, "元"),
    ("经济处罚2.35亿元。", "2.35亿元", 235000000, "元"),
    ("发放举报奖励金12800元。", "12800元", 12800, "元"),
    ("整改投入资金1528.36万元。", "1528.36万元", 15283600, "元"),
    ("行政处罚案件同比下降12.5%。", "12.5%", 12.5, "%"),
    ("网上办理率达到98.76%。", "98.76%", 98.76, "%"),
    ("全市共处置突发事件两万三千多起。", "两万三千多起", 23000, "起"),
    ("开展执法检查叁佰伍拾家次。", "叁佰伍拾家次", 350, "家次"),
    ("新增注册用户12万余人。", "12万余人", 120000, "人"),
    ("累计受理群众来电十余万件。", "十余万件", 100000, "件"),
    ("开展联合检查两次。", "两次", 2, "次"),
    ("组织四期专题轮训。", "四期", 4, "期"),
    ("公众号粉丝3.2万人。", "3.2万人", 32000, "人"),
    ("查扣液化石油气瓶781瓶。", "781瓶", 781, "瓶"),
    ("查收非法烟花爆竹1472箱。", "1472箱", 1472, "箱"),
    ("捐赠医用外科手套276万双。", "276万双", 2760000, "双"),
    ("收到群众表扬信8封。", "8封", 8, "封"),
    ("群众共寄来120封信。", "120封", 120, "封"),
    ("发放劳保手套500副。", "500副", 500, "副"),
    ("查扣液化气罐36罐、柴油20桶、化肥30袋。", "36罐", 36, "罐"),
    ("查扣柴油20桶。", "20桶", 20, "桶"),
    ("查扣假冒化肥30袋。", "30袋", 30, "袋"),
]


@pytest.mark.parametrize("sentence,text,value,unit", VALUES)
def test_value_and_unit(sentence, text, value, unit):
    found = {t: m for t, m in run(sentence)}
    assert text in found, f"{text!r} not in {list(found)}"
    assert found[text].value == pytest.approx(value)
    assert found[text].unit == unit


@pytest.mark.parametrize("sentence,text,unit,noun", [
    ("视频号已有15万关注量。", "15万", "人", "关注"),
    ("专题页面获得30万浏览量。", "30万", "次", "浏览"),
    ("平台累计2.6万办件量。", "2.6万", "件", "办件"),
    ("保障了70余万缺水人员安全饮水。", "70余万", "人", "缺水人员"),
    ("受灾人口170.7万、同比下降54.2%。", "170.7万", "人", "受灾人口"),  # the noun before, closing the clause
    ("全年共处罚款103.5万。", "103.5万", "元", "罚款"),  # money (implicit_units.tsv)
    ("涉及资金1314.7127万，已全部兑现。", "1314.7127万", "元", "资金"),
    # a death rate per a base, written without its unit; so is its change
    ("该省煤矿百万吨死亡率0.017，同比减少0.016。", "0.017", "人/百万吨", "百万吨死亡率"),
    ("火灾十万人口死亡率0.047。", "0.047", "人/10万人", "死亡率"),  # one name for one base (rate_bases.tsv)
    ("亿元GDP生产安全事故死亡率：2022年为0.008，已达到规划指标要求。", "0.008", "人/亿元", "死亡率"),
    ("亿元国内生产总值安全事故死亡率由2021年的0.06下降到2022年的0.04。", "0.06", "人/亿元", "死亡率"),
    ("10万人口火灾发生率为19.7，高于东部地区。", "19.7", "起/10万人", "发生率"),  # a rate of events
    ("道路交通万车事故率为1.2。", "1.2", "起/万车", "事故率"),
    ("全年共处罚款十二万。", "十二万", "元", "罚款"),  # Chinese numerals too
])
def test_implicit_unit(sentence, text, unit, noun):
    (t, m), *_ = run(sentence)
    assert t == text and m.unit == unit and m.unit_implicit and noun in m.metric


@pytest.mark.parametrize("sentence,text,value,unit,qualifier", [
    ("对受理的事项在三个工作日内作出决定。", "三个工作日", 3, "日", "at_most"),
    ("开展为期两个月的专项整治。", "两个月", 2, "月", None),
    ("公共服务事项最快10分钟办理。", "10分钟", 10, "分钟", None),  # a verb of completion after it
    ("企业开办全程帮办30分钟办结。", "30分钟", 30, "分钟", None),
    ("公示期不少于30日。", "30日", 30, "日", "at_least"),
    ("整改期限一般不超过15天。", "15天", 15, "天", "at_most"),
    ("接到报告后2小时内到达现场。", "2小时", 2, "小时", "at_most"),
    ("局班子成员带队3个多月包片督查。", "3个多月", 3, "月", "over"),  # the qualifier inside the unit
    ("全年累计完成执法培训80余小时。", "80余小时", 80, "小时", "over"),  # hours of training
])
def test_durations(sentence, text, value, unit, qualifier):
    (t, m), = run(sentence)
    assert (t, m.value, m.unit, m.qualifier, m.kind) == (text, value, unit, qualifier, "duration")


# ---- qualifiers ---------------------------------------------------------------------------
QUALIFIERS = [
    ("全年检查企业1200余家。", "1200余家", "over"),
    ("培训干部职工300多人。", "300多人", "over"),
    ("受理投诉举报200件以上。", "200件", "over"),
    ("参与群众超过5万人次。", "5万人次", "over"),
    ("覆盖企业逾千家。", "千家", "over"),
    ("累计发放资料近8万份。", "8万份", "approx"),
    ("约有120人参加考试。", "120人", "approx"),
    ("参训人员60人左右。", "60人", "approx"),
    ("每季度至少开展2次检查。", "2次", "at_least"),
    ("抽查比例不低于5%。", "5%", "at_least"),
    ("抽查企业不少于20家。", "20家", "at_least"),
    ("单次检查人数不超过3人。", "3人", "at_most"),
    ("办理时限压缩至法定时限的40%以内。", "40%", "at_most"),
    ("参训率不足60%。", "60%", "under"),
    ("整改完成率不到一半。", "一半", "under"),
    ("审批时限压缩一半以上。", "一半", "over"),
    ("共查处案件56起。", "56起", None),
    ("实施罚款达1200万元。", "1200万元", None),
]


@pytest.mark.parametrize("sentence,text,qualifier", QUALIFIERS)
def test_qualifier(sentence, text, qualifier):
    found = {t: m for t, m in run(sentence)}
    assert text in found, f"{text!r} not in {list(found)}"
    assert found[text].qualifier == qualifier


# ---- kinds, changes, periods, targets -------------------------------------------------------
def test_distributed_changes():
    got = run("全区发生生产安全事故12起、死亡9人，同比分别下降20%和25%。")
    assert [t for t, _ in got] == ["12起", "9人", "20%", "25%"]
    assert [m.kind for _, m in got] == ["count", "count", "change", "change"]
    assert [m.direction for _, m in got[2:]] == ["down", "down"]
    assert [m.basis for _, m in got[2:]] == ["yoy", "yoy"]
    assert "事故" in got[2][1].metric and "死亡" in got[3][1].metric


@pytest.mark.parametrize("sentence,text,direction,basis", [
    ("较大事故起数同比下降50%。", "50%", "down", "yoy"),
    ("网上办件量较上年增长18.2%。", "18.2%", "up", "yoy"),
    ("受理举报件数比上年增加35件。", "35件", "up", "yoy"),
    ("事故起数减少3起。", "3起", "down", None),
    ("满意度提高2.5个百分点。", "2.5个百分点", "up", None),
    ("规上企业较上年新增5家。", "5家", "up", "yoy"),  # new things compared with last year: a change
])
def test_changes(sentence, text, direction, basis):
    found = {t: m for t, m in run(sentence)}
    assert text in found, f"{text!r} not in {list(found)}"
    m = found[text]
    assert (m.kind, m.direction, m.basis) == ("change", direction, basis)


@pytest.mark.parametrize("sentence,text", [
    ("上半年新增3个投资项目入库。", "3个"),
    ("其中年度新增2名持证执法人员。", "2名"),
    ("全县安全生产形势同比持续稳定，新增3家企业纳入重点监管。", "3家"),  # the basis is another clause's
])
def test_new_things_counted_are_no_change(sentence, text):
    m = dict(run(sentence))[text]
    assert (m.kind, m.direction) == ("count", None)


@pytest.mark.parametrize("sentence,kind", [
    ("立案查处违法行为95件。", "count"),
    ("收缴罚没款38.5万元。", "money"),
    ("即办件比例达到70%。", "ratio"),
    ("开展为期三个月的专项行动。", "duration"),
])
def test_kind(sentence, kind):
    (_, m), = run(sentence)
    assert m.kind == kind


@pytest.mark.parametrize("sentence,text,qualifier", [
    ("年度至少组织1次应急演练。", "1次", "at_least"),
    ("每季度开展联合执法检查1次。", "1次", None),
    ("重大行政决策公开征求意见不少于30日。", "30日", "at_least"),
])
def test_targets_in_work_plans(sentence, text, qualifier):
    found = {t: m for t, m in run(sentence, PLAN)}
    assert text in found
    assert found[text].kind == "target" and found[text].qualifier == qualifier


@pytest.mark.parametrize("sentence,text", [
    ("今年将培训50万人次以上。", "50万人次"),  # announced in a report of results: a target, not an actual
    ("2006年全市各类事故死亡人数控制在724人以内。", "724人"),
    ("全年计划重点检查246家次。", "246家次"),
    ("力争全年培训1000人次。", "1000人次"),
    ("《工作要点》要求,全年生产安全事故死亡人数要同比下降5%。", "5%"),  # 要同比下降: what is required
])
def test_targets_announced_outside_work_plans(sentence, text):
    found = {t: m for t, m in run(sentence)}
    assert found[text].kind == "target"


def test_what_was_done_next_to_what_was_planned_is_no_target():
    found = {t: m for t, m in run("全年计划重点检查246家次，实际重点检查253家次，完成率103%。")}
    assert (found["246家次"].kind, found["253家次"].kind) == ("target", "count")


def test_a_target_measures_nothing_and_names_the_indicator_it_aims_at():
    sentence = "全年计划重点检查246家次，实际重点检查253家次。"
    found = {sentence[m.start:m.end]: m
             for m in in_document(DocumentState(), sentence, extract_mentions(sentence, tokenize(sentence), REPORT))}
    planned, done = found["246家次"], found["253家次"]
    assert (planned.indicator_code, planned.target_of) == (None, "enf.inspected_entities")
    assert (done.indicator_code, done.target_of) == ("enf.inspected_entities", None)


def test_prior_and_current_year_values():
    got = run("承诺办结时限由2022年的70%进一步压缩到2023年的45%。")
    assert [(t, m.period_year) for t, m in got] == [("70%", 2022), ("45%", 2023)]
    assert all("承诺办结时限" in m.metric for _, m in got)


def test_a_clause_about_last_years_same_period_gives_last_years_values():
    found = {t: m for t, m in run("9月份，全市共发生安全生产事故2起，全市去年同期发生安全生产事故6起。")}
    assert (found["2起"].period_year, found["6起"].period_year) == (2023, 2022)


@pytest.mark.parametrize("sentence,period", [
    ("1-9月份，全市接报火灾事故31起。", "2023-01..2023-09"),
    ("2023年1至6月，共受理举报58件。", "2023-01..2023-06"),
    ("1-12月份共办理热线工单233件。", "2023"),
    ("全年共办理热线工单233件。", "2023"),
])
def test_periods(sentence, period):
    (_, m), = run(sentence)
    assert m.period == period and m.period_year == 2023


def test_sub_counts_and_shares():
    got = run("全市开展自评企业5000家，其中绿码3100家，占62%。")
    assert [t for t, _ in got] == ["5000家", "3100家", "62%"]
    assert "绿码" in got[1][1].metric and "绿码" in got[2][1].metric
    assert got[2][1].kind == "ratio"


def test_shares_after_a_total_and_its_parts_are_the_parts():
    got = dict(run("全市共有行政执法人员1500人、持证执法人员1420人、具有法律职业资格人员120人，分别占94.7%、8%。"))
    assert "持证" in got["94.7%"].metric and "法律职业资格" in got["8%"].metric


def test_a_posting_time_inside_a_paragraph_is_no_page_furniture():
    got = dict(run("2023年7月29日20:00至8月1日8:00，全县平均降雨量412.3毫米，转移群众1.2万人。"))
    assert "1.2万人" in got and "412.3毫米" in got


@pytest.mark.parametrize("sentence,text,metric_word", [
    ("我省PM2.5平均浓度39微克每立方米，同比改善15.2%。", "15.2%", "浓度"),  # 改善 names no subject
    ("全省刑事立案从24.1万起下降至15.8万起、降幅34.3%。", "34.3%", "刑事立案"),  # 降幅: the fall's size
])
def test_a_change_named_only_by_its_size_is_the_measure_before(sentence, text, metric_word):
    assert metric_word in dict(run(sentence))[text].metric


def test_list_under_one_verb():
    got = run("累计排查建筑施工企业320家、交通运输企业415家，责令整改隐患88处。")
    assert [t for t, _ in got] == ["320家", "415家", "88处"]
    assert "建筑施工企业" in got[0][1].metric
    assert "交通运输企业" in got[1][1].metric
    assert "隐患" in got[2][1].metric


def test_a_later_item_named_by_its_level_counts_what_the_first_counts():
    got = {t: m for t, m in run("创建防震减灾科普示范学校国家级4所、省级6所、市级8所。")}
    assert got["6所"].metric == "防震减灾科普示范学校省级"
    assert got["8所"].metric == "防震减灾科普示范学校市级"


@pytest.mark.parametrize("sentence,metrics", [
    ("建成2个省级、2个市级、4个县应急普法基地。", ["建成省级应急普法基地", "市级应急普法基地", "县应急普法基地"]),
    ("建成2个省级和4个市级应急普法基地。", ["建成省级应急普法基地", "市级应急普法基地"]),
    # 区域 and 市场 open the noun; they are no level
    ("建成1个国家级、2个省级、5个区域应急救援中心。", ["建成国家级区域应急救援中心", "省级区域应急救援中心", "区域应急救援中心"]),
    # a level item after one with a level of its own takes that item's words at its level
    ("争取中央资金1200万元、省级300万元、市级150万元。", ["中央资金", "省级资金", "市级资金"]),
    ("创建省级示范学校6所、市级8所。", ["创建省级示范学校", "创建市级示范学校"]),
    # …and keeps its level alone when the item before names none (or a range of levels)
    ("创建市级以上文明单位15个、省级6个。", ["创建市级以上文明单位", "省级"]),
])
def test_levels_listed_count_what_their_list_counts(sentence, metrics):
    assert [m.metric for _, m in sorted(run(sentence), key=lambda found: found[1].start)] == metrics


def test_counts_that_only_look_like_structure_or_furniture_are_counted():
    got = {t: m for t, m in run("全市共评查行政执法案卷2016卷。全年共完成12个阶段性目标任务。")}
    assert set(got) == {"2016卷", "12个"}


def test_a_count_of_fatal_accidents_listed_before_deaths_keeps_its_own_metric():
    got = {t: m for t, m in run("死亡事故起数和死亡人数同比分别下降37.9%和44.8%。")}
    assert got["37.9%"].metric == "死亡事故起数" and got["37.9%"].indicator_code is None
    assert got["44.8%"].indicator_code == "acc.deaths_yoy"


def test_a_verb_joined_to_a_noun_names_no_policy_package():
    # 落实…20条 is a package known by its articles; in 执行和结果公开115条, 执行 is a noun of the list
    got = run("决策公开42条、执行和结果公开115条、管理和服务公开175条。")
    assert [t for t, _ in got] == ["42条", "115条", "175条"]
    got = run("决策公开42条、执行公开115条、结果公开60条。")
    assert [t for t, _ in got] == ["42条", "115条", "60条"]


def test_adjacent_numbers_share_the_noun():
    got = run("完成三批次120家企业双随机抽查。")
    assert [t for t, _ in got] == ["三批次", "120家"]
    assert all("双随机" in m.metric for _, m in got)


# ---- metric phrases -----------------------------------------------------------------------
@pytest.mark.parametrize("sentence,text,key", [
    ("全年立案查处非法违法行为1380件。", "1380件", "立案查处"),
    ("实施行政处罚案件426起。", "426起", "行政处罚"),
    ("共组织开展200余场宣讲活动。", "200余场", "宣讲"),
    ("培训人数近3万人次。", "3万人次", "培训"),
    ("累计编发政务信息560条。", "560条", "信息"),
    ("执法检查207家粉末加工企业。", "207家", "粉末加工企业"),
    ("网上可办率达100%。", "100%", "网上可办率"),
    ("为企业提供法律咨询45次。", "45次", "法律咨询"),
    ("组织42名执法人员参加轮训。", "42名", "执法人员"),
    ("发生一起较大道路交通事故。", "一起", "事故"),
    ("总体合格率99.3%，较2019年的98.7%提高0.6个百分点。", "98.7%", "合格率"),  # a prior-year value's subject
    ("总体合格率99.3%，较2019年的98.7%提高0.6个百分点。", "0.6个百分点", "合格率"),
    ("检查渔船2,430艘次。", "2,430艘次", "渔船"),
    ("(三)商贸制造业1月份无事故，同比减少2起。", "2起", "商贸制造业"),  # the clause that opens the sentence
    ("传达学习习近平总书记重要讲话指示精神42次。", "42次", "传达学习"),  # the activity, not what was studied
    ("局党委理论学习中心组集体学习党的二十大精神8次。", "8次", "集体学习"),
    ("集中学习《安全生产法》《消防法》等法律法规51次。", "51次", "集中学习"),
    ("局党委和各级党组织分别开展第一议题学习36次、252次。", "252次", "第一议题"),  # agents before 分别
    ("县应急局、县市场监管局分别与辖区企业签订安全生产责任书120份、85份。", "85份", "签订"),  # 与 is no basis here
    # 均 with one percentage after several changes: the events' change speaks for all
    ("(三)商贸制造业1月份无事故,同比减少2起、少死亡2人,均下降100%。", "100%", "商贸制造业"),
    # a change against an average names nothing itself: it is the measure's before it
    ("事故死亡人数同比2019年下降70.3%,比近三年(2021年~2023年)平均数下降32.7%。", "32.7%", "死亡"),
    ("优良天数比例为90.2%，PM2.5同比下降5%。", "5%", "PM2.5"),  # a subject in Latin letters
    ("优良天数比例为90.2%，PM2.5平均浓度同比下降5%。", "5%", "PM2.5"),  # 均 of 平均 distributes nothing
    ("扑救火灾279起，超2018年全年2倍。", "2倍", "扑救火灾"),  # a multiple of the count before
    # 同比去年 is one basis: last year's value and the change after it are the subject's before them
    ("优良天数为273天,同比去年265天上升8天。", "265天", "优良天数"),
    ("优良天数为273天,同比去年265天上升8天。", "8天", "优良天数"),
    ("全年查处违法采矿、违法占用耕地案件分别为41件和63件。", "41件", "违法采矿"),  # subjects listed before 分别
    ("全年查处违法采矿、违法占用耕地案件分别为41件和63件。", "63件", "占用耕地"),
    ("查处违法采矿、违法占用耕地案件分别为41件和63件，同比分别下降12.8%和9.5%。", "9.5%", "占用耕地"),
    ("其中，重大事故1起、14人，同比持平。", "14人", "死亡"),  # people counted bare after accidents: their dead
    ("共受理举报20030件，是去年同期的1.45倍；发放奖励337.3万元，是去年同期的2.15倍。", "1.45倍", "举报"),
    ("全省受理举报6299件，包括省应急管理厅845件，各市应急系统5454件。", "845件", "受理举报"),  # a part named by who
    ("全省受理举报6299件，包括省应急管理厅845件，各市应急系统5454件。", "5454件", "受理举报"),
    ("共发生生产安全事故832起、死亡828人，与2019年相比减少了482起、507人。", "482起", "生产安全事故"),
    ("共发生生产安全事故832起、死亡828人，与2019年相比减少了482起、507人。", "507人", "死亡"),
    ("共受理举报20030件，是去年同期的1.45倍；发放奖励337.3万元，是去年同期的2.15倍。", "2.15倍", "奖励"),
    ("事故总量从多到少依次是，甲省2起、15人，乙省3起、4人。", "4人", "死亡"),
    ("共举办培训班2期、150人。", "150人", "培训"),  # after anything but accidents, no one died
    # a noun followed by 对/向 does the act: the number counts the doers, not what they act on
    ("省安委办组织7个执法小分队对各地持续开展督导执法检查。", "7个", "小分队"),
    ("实现全年2次市对县安全生产管控力排名处于A档。", "2次", "管控力排名"),  # 市对县: no doer of two characters
    # an item naming only another kind of what the item before counted shares its verb
    ("共排查重大隐患31处,一般隐患2379处,整改重大隐患18处,一般隐患2144处。", "2379处", "排查一般隐患"),
    ("共排查重大隐患31处,一般隐患2379处,整改重大隐患18处,一般隐患2144处。", "2144处", "整改一般隐患"),
    ("共排查重大隐患31处,一般隐患2379处,整改重大隐患18处,一般隐患2144处。", "18处", "整改重大隐患"),
    # a state or a time of the thing counted is no kind of it: no verb shared
    ("全年培训执法人员300人，持证执法人员280人。", "280人", "持证执法人员"),
    ("整改重大隐患18处，剩余隐患3处。", "3处", "剩余隐患"),
    ("今年排查隐患2379处，去年同期隐患1980处。", "1980处", "去年同期隐患"),
    ("培训企业主要负责人300人,安全管理人员500人。", "500人", "安全管理人员"),  # another head noun: no verb shared
    # a bare verb of taking part counts those who took part in what the clause before names
    ("组织街道、社区灾害信息员参加多轮业务培训,共200余人次参训。", "200余人次", "灾害信息员参加多轮业务培训"),
    ("开展法治讲座,共300人参加。", "300人", "法治讲座"),
    # a verb alone counts what the numberless clause before names
    ("人大政协建议提案答复内容公开更加细致全面,共公开45件。", "45件", "建议提案"),
    # words cut from inside a title name nothing counted; what follows the title does
    ("发放《应急科普知识宣传手册》《消防安全常识》等安全生产资料6500余份。", "6500余份", "发放安全生产资料"),
    ("上半年新增3个投资项目入库。", "3个", "新增投资项目"),  # new things counted, no change
])
def test_metric(sentence, text, key):
    found = {t: m for t, m in run(sentence)}
    assert text in found, f"{text!r} not in {list(found)}"
    assert key in (found[text].metric or "")


@pytest.mark.parametrize("sentence,text,metric", [
    ("当季进度7-9月全市共发生生产安全事故28起。", "28起", "全市共发生生产安全事故"),  # 月 of the date cut off
    ("日均接警200起。", "200起", "日均接警"),  # 日均, 月度, 日常 are words of their own
])
def test_a_metric_opens_on_no_orphan_date_unit(sentence, text, metric):
    assert dict(run(sentence))[text].metric == metric


@pytest.mark.parametrize("sentence", [
    "开展事故警示教育，查处违法案件12起、35人。",  # cases, not accidents, were counted
    "生产安全事故责任追究12起、35人。",  # people held to account
    "查处火灾隐患案件12起、35人。",
])
def test_people_counted_after_acts_on_events_did_not_die(sentence):
    found = {t: m for t, m in run(sentence)}
    assert "死亡" not in (found["35人"].metric or "")


# ---- negatives: no mention at all ---------------------------------------------------------
NEGATIVES = [
    "事故四项指数与去年同期相比均有下降。",  # the indices a comparison covers
    "付出一倍的努力。",  # 一倍 without a change
    "网上办件量较上年增长数十倍。",  # tens of times is no ten times
    "记者从四川省应急管理厅了解到6组数字。",  # the figures an item presents
    "围绕省委1310具体部署开展工作。",  # 具体 is no measure word (具 counts bodies)
    "全年作出1.2万余罚款决定。",  # 罚款 counts money only before the number (implicit_units.tsv)
    "综合考核居全市13个镇街首位。",  # the peers of a ranking, and the rank
    "在全市13个镇街中考核排名第一。",
    "位列全省16个地市前列。",
    "城市信用监测居全国261个地级市19名。",
    "获评全省法治为民16件实事之一。",  # one of a list
    "用三组数据看法治建设成效。",
    "整治10吨以上货车。",  # a size names a class of things
    "未发生死亡5人以上生产安全事故。",  # a grade of accidents
    "市四套班子领导带队开展督导。",  # the city's four leading bodies
    "将六类行政权力事项纳入目录。",  # kinds in Chinese numerals sort, not count
    "发布第11批文件目录。",
    "推出优化营商环境10条，将民营经济发展12条迭代升级为20条。",  # policy packages known by their articles
    "认真落实市委六届五次、六次全会精神。",  # party plenary sessions
    "贯彻省委十五届五次全会和市委九届六次全会精神。",
    "深入贯彻落实十二届市委三次、四次全会精神。",  # the body named between 届 and the sessions
    "明确9个方面重点任务。",  # the structure of a plan
    "紧扣一个大市场、两个纲要、三个监管、四个安全工作着力点。",  # a slogan counting its own items
    "报告全文分总体情况、存在的主要问题及改进情况6个部分。",  # the structure of a report
    "专项行动分为动员部署阶段、集中排查整治阶段、督导整改和总结提高3个阶段。",  # the stages of a campaign
    "内蒙古年鉴2018卷",  # a yearbook's volume
    "参考《中国安全生产年鉴》2018卷。",
    "致全市人民的一封信。",  # a letter's title: a bare 一 counts nothing
    "6.双重预防机制建设。",
    "加入收藏 共计5989个字,预计阅读时长20分钟",  # a document-sharing page's length
    "聚焦全市八个方面重点工作。",
    "交通运输业四项指标同比“两升一降一持平”。",  # how many indicators a comparison covers
    "工矿商贸企业10万人死亡率持续下降，煤炭百万吨死亡率稳中有降。",  # the base of a rate, not a count
    "年均每百万人口因自然灾害死亡人数大幅下降。",  # a per-capita base
    "工矿商贸企业就业人员10万人生产安全事故死亡人数持续下降。",  # the base of a rate
    "去年全国火灾主要有五个特点。",  # the structure of an account
    "政府透明度指数在全国49个较大城市中排名第四。",  # the peers of a ranking
    "长春在全国36个参评城市中综合排名第十。",
    "公共服务质量监测名列全国31个省(区、市)之首。",
    "报告所列数据的统计期限为202311日至1231日。",  # a date whose 年 and 月 the page lost
    "合议共管工作法被评为全国新时代枫桥经验104个先进典型之一。",  # a list the reporter is one of
    "海安是江苏第二批10个农村物流达标县之一。",
    "聚焦“接续高质量发展建设百万人口大城市”奋斗主题。",  # a class of cities
    "统筹发展和安全两件大事。",
    "锲而不舍落实中央八项规定精神。",
    "2023年1月15日，召开全市安全生产工作会议。",
    "3月份印发年度执法计划。",
    "1-11月份执法工作情况通报如下。",
    "根据《法治政府建设实施纲要（2021-2025年）》要求推进工作。",
    "谋划“十四五”应急体系规划。",
    "举办第七届安全知识竞赛。",
    "深入学习贯彻党的二十大和二十届二中全会精神。",
    "一是加强组织领导。",
    "开展一对一帮扶，对标对表抓整改。",
    "畅通12345政务服务便民热线和12333人社服务热线。",
    "（一）强化责任落实。",
    "1.完善制度体系。",
    "严格落实行政执法“三项制度”。",
    "落实“一岗双责”要求。",
    "坚决做到“两个维护”。",
    "推进“五个一”活动开展。",
    "构建“1+3+N”工作体系。",
    "按照“双下降”目标推进工作。",
    "认真贯彻《安全生产法》第三十条规定。",
    "印发连应急〔2024〕15号文件。",
    "根据省政府令第138号执行。",
    "联系电话：0518-85821234。",
    "畅通12345政务服务热线。",
    "建设5G智能监测网络。",
    "苏公网安备32058202010198号。",
    "深刻吸取“8·12”事故教训。",
    "组织开展“12.4”国家宪法日宣传。",
    "推广“365安全工作法”经验。",
    "至少开展X次专题学习。",
    "贯彻党的XX届全会精神。",
    "一些企业主体责任落实不到位。",
    "进一步统一执法标准，推进一体化平台建设。",
    "压实第一责任人责任，推行一网通办和一次办。",
    "建立市、县、乡三级联动机制。",
    "对两类清单实行动态管理。",
    "形成一批可复制的经验。",
    "推动项目二期工程建设。",
    "实行24小时值班值守。",
    "开展百日攻坚行动。",
    "对照15条硬措施，细化分解具体任务。",  # the national 安全生产十五条措施 by name
    "结合近3年执法数据分析。",
    "庆祝建党100周年。",
    "通过自查、整改、巩固三个阶段推进。",
    "召开三部门联席会议。",
    "走进千家万户宣传安全知识。",
    "一起研究解决重大问题。",
    "发布2022版执法手册。",
    "三元区应急管理局召开会议。",  # a place whose name opens with a numeral (三元区, 七里河区) is no 3元
    "七里河区安委会召开全体会议。",
    "紧抓预防减少事故和建立应急救援体系两个重点，强化三种意识。",  # the structure of a plan
    "今年前7个月，全省安全生产形势平稳。",  # a period, not a duration
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_negative(sentence):
    assert run(sentence) == []


def test_sentence_without_numbers_is_cheap():
    assert extract_mentions("全面加强安全生产法治建设。", [], REPORT) == []


# ---- 零 before an event: a count of none, unless a slogan or a streak ------------------------
@pytest.mark.parametrize("sentence,found", [
    ("全年行政工作实现了零投诉、零复议、零诉讼。", [(0.0, "件", "投诉"), (0.0, "件", "复议"), (0.0, "件", "诉讼")]),
    ("元旦、春节等重点时段零火情。", [(0.0, "起", "火情")]),
    ("实现自然灾害“零伤亡”。", []),              # a slogan in quotes
    ("连续五年安全度汛零亡人。", [(5.0, "年", None)]),  # a streak: only its length counts
    ("坚持零容忍，零距离服务企业。", []),         # not events
])
def test_zero_counts(sentence, found):
    got = [(m.value, m.unit, m.metric) for _, m in run(sentence)]
    assert [(value, unit) for value, unit, _ in got] == [(value, unit) for value, unit, _ in found]
    assert all(noun is None or noun in (metric or "") for (_, _, noun), (_, _, metric) in zip(found, got))


# ---- indicator codes ----------------------------------------------------------------------
@pytest.mark.parametrize("sentence,text,code", [
    ("立案查处违法行为95件。", "95件", "enf.cases_filed"),
    ("实施经济处罚860万元。", "860万元", "enf.fines"),
    ("检查企业1200家次。", "1200家次", "enf.inspected_entities"),
    ("排查一般隐患3200条。", "3200条", "haz.hazards_found"),
    ("排查重大隐患12条。", "12条", "haz.major_hazards_found"),
    ("发生生产安全事故8起。", "8起", "acc.accidents"),
    ("全年受理劳动保障投诉举报案件1,024宗。", "1,024宗", "comp.reports_received"),  # 宗 counts cases like 件
    ("向公安机关移送涉嫌拒不支付劳动报酬犯罪案件5宗。", "5宗", "enf.criminal_referrals"),
    ("查补税款、罚款及滞纳金合计4.73亿元。", "4.73亿元", None),  # fines mixed with other money: no code
    ("组织应急演练320场次。", "320场次", "emg.drills"),
    ("培训特种作业人员4200名。", "4200名", "train.participants"),
    ("受理信访举报75件。", "75件", "comp.reports_received"),
    ("办理12345工单310件。", "310件", "comp.hotline_tickets"),
    ("承办政协提案6件。", "6件", "comp.proposals"),
    ("即办件比例达60%。", "60%", "svc.instant_rate"),
    ("实施红橙黄蓝动态监管企业934家，其中红色0家、黄色134家。", "134家", "ent.self_assessed"),
    # reviewing documents for legality is legal.documents_reviewed; clearing them out is not; making,
    # amending and repealing regulations together (立改废) is lawmaking, neither of the two
    ("合法性审核区政府规范性文件和重要政策文件138件。", "138件", "legal.documents_reviewed"),
    ("共审查行政规范性文件26件。", "26件", "legal.documents_reviewed"),
    ("经清理，对12件规范性文件提出了修订或继续有效的意见。", "12件", "legal.normative_docs_cleared"),
    ("制定、修改和废止政府规章7件。", "7件", None),
    ("市应急局现有行政职权394项。", "394项", "svc.power_list_items"),
    ("开展专题宣传15.5万余场次。", "15.5万余场次", "pub.events"),
    ("开展重大事故隐患判定标准宣贯50次。", "50次", "pub.events"),
    ("组织开展自然灾害类应急演练活动6011场次。", "6011场次", "emg.drills"),  # a drill, not a publicity event
    ("14个专委会共排查出一般隐患2241处。", "14个", None),  # who inspected, not what was inspected
    ("责令停产整顿12处，行政处罚205次。", "12处", "enf.suspensions"),  # sites are counted in 处
    ("停产停业整顿56家，立案查处108次。", "108次", "enf.cases_filed"),
    ("行政处罚98次，行政处罚63.68万元。", "63.68万元", "enf.fines"),  # the money of penalties is fines
    ("责令关停整顿企业3家。", "3家", "enf.suspensions"),  # shut for rectification, not closed for good
    ("举办习近平法治思想专题研讨班2期。", "2期", "train.sessions"),
    ("举办学习贯彻习近平法治思想专题讲座1期。", "1期", "pub.events"),
    ("开设专栏，已刊载各地实践成果18期。", "18期", "pub.media_reports"),
    ("工作动态公开145条。", "145条", "pub.media_reports"),
    ("发布政策解读17条。", "17条", "pub.media_reports"),
    ("在各类媒体刊发宣传报道100篇次。", "100篇次", "pub.media_reports"),
    ("开展主题党日活动6次。", "6次", None),  # a party branch's own day, no publicity
    ("我镇新制发规范性文件1件。", "1件", None),  # newly issued, not cleared
    ("全区公职律师单位37家，公职律师69人。", "37家", None),  # bodies that have public lawyers
    ("全区公职律师单位37家，公职律师69人。", "69人", "org.legal_staff"),
    # people only said to be reached after a count of training sessions are its participants
    ("组织干部职工开展法治培训10场次，覆盖500余人次。", "500余人次", "train.participants"),
    ("开展普法宣传活动20场，覆盖3000余人次。", "3000余人次", "pub.participants"),
    ("开展普法宣传10次，发放各类宣传材料2000余份，惠及群众近3000余人。", "3000余人", "pub.participants"),
    ("举办社区体育赛事130场，惠及群众超2万人次。", "2万人次", None),  # no publicity reached them
    ("全年受训人员605人。", "605人", "train.participants"),
    ("全国共下达环境行政处罚决定书13.28万份。", "13.28万份", "enf.penalty_cases"),  # decisions are cases
    ("抽查区应急管理局行政处罚案卷30份。", "30份", None),  # case files reviewed
    ("案件平均罚款金额8.8万元。", "8.8万元", None),  # an average, no total of fines
    # people in a sentence about training who were not trained: licence holders, recruits, experts, the exempted
    ("我局应持执法证人员84人,已持证83人,均通过执法证考试持证上岗。", "83人", None),
    ("完成省下达230人的招录任务,并完成队员岗前集中培训工作。", "230人", None),
    ("组织执法专题培训119次,聘请专家600余人次参与指导服务。", "600余人次", None),
    ("举办综合执法大讲堂6次。", "6次", None),  # a lecture series is no training class
    # a list of materials handed out: each item that names publicity material is counted
    ("共计发放宣传资料13000余份、防震避灾知识画册300余册、减灾救灾宣传读物1000余份。", "300余册", "pub.materials"),
    ("共计发放宣传资料13000余份、防震避灾知识画册300余册、减灾救灾宣传读物1000余份。", "1000余份", "pub.materials"),
    ("发放医用防护服53万套、隔离服96万套。", "53万套", None),  # supplies, no publicity
    # a team counted is no enterprise inspected; what a team inspects is (督查组$ in the catalog)
    ("市安委会办公室组成督查组6个。", "6个", None),
    ("督查组检查企业200家。", "200家", "enf.inspected_entities"),
    ("开展政商交流活动12场。", "12场", None),  # business events, no publicity
    ("各单位开展专题学习活动20场次。", "20场次", None),  # the bodies' own study
    # government bodies supervised or given tasks are no enterprises inspected
    ("配合区依法治区办实地督察检查了9家单位。", "9家", None),
    ("组织全区17家责任单位研究提出16项具体工作举措并定期跟进检查。", "17家", None),
    # one value for all the counts before 均 is the first one's (the official gold's reading)
    ("全市发生生产安全事故6起，死亡6人，同比均下降66.7%。", "66.7%", "acc.accidents_yoy"),
    ("全年检查企业1200家，全市发生生产安全事故3起，死亡2人，同比均下降50%。", "50%", "acc.accidents_yoy"),
    ("全市受灾人口1.2万人，直接经济损失3000万元，较近五年平均减少40%。", "40%", None),  # 平均 is no 均
    # 由 names who did it, not where a pair starts: what passed is no second count of what was inspected
    ("由县应急局牵头检查企业120家，合格的为100家。", "100家", None),
    # a clause with a subject of its own changes that subject, not what the clause before denies
    ("全市未发生较大事故，一般事故同比分别下降10%、20%。", "20%", None),
    # publicity material on a topic that names supplies is still publicity material
    ("发放食品药品安全宣传资料5000份。", "5000份", "pub.materials"),
    ("发放防疫物资宣传折页3000份。", "3000份", "pub.materials"),
    ("制发行政处罚事先告知书35份。", "35份", None),  # an enforcement document
    ("全市机关事业单位公职律师320人。", "320人", "org.legal_staff"),
    # people reached by publicity and training together are neither's alone
    ("开展普法宣传活动20场、法治培训10场次，覆盖3000人次。", "3000人次", "pub.participants"),
    ("将习近平法治思想纳入党员干部教育培训核心内容,通过专题讲座、线上课堂、现场教学等形式,"
     "组织干部职工开展法治培训10场次,覆盖500余人次。", "500余人次", "train.participants"),
    # second review: 均 in 均值 distributes nothing; one value after 均 for counts that are not an event's
    # outcomes goes to the first count of its part; money lost is an outcome
    ("事故6起，直接经济损失300万元，同比均下降20%。", "20%", "acc.accidents_yoy"),
    ("全程网办事项955项，占全省网办事项总数的10%。", "10%", None),  # a share of the province's
    ("全程不见面审批事项514项，办结率达100%。", "100%", None),  # a completion rate
    ("州本级零跑动和最多跑一次事项占全部政务服务事项98.96%。", "98.96%", "svc.online_rate"),
    ("共检查了市场主体1200家。", "1200家", "enf.inspected_entities"),  # 市场 is no 市
    ("发放消毒液3000件。", "3000件", None),  # supplies
    # fires counted first are another kind of events, no part of the accidents that follow
    ("全市发生火灾3起；发生生产安全事故6起，死亡6人。", "6起", "acc.accidents"),
    ("开设专题课程6次，覆盖学员310人次。", "310人次", "train.participants"),
    ("发布预警信息25条。", "25条", None),  # warnings are no media items
    ("召开新闻发布会2次。", "2次", None),
    ("市长工作例会定期专题听取安全生产汇报12次。", "12次", None),  # 定期 is no training session (期)
    ("挂牌督办重大事故隐患16起。", "16起", None),  # hazards under supervision, not hazards found
    ("及时公开1起较大事故调查报告。", "1起", None),  # reports published about accidents
    ("全年发生较大生产安全事故2起。", "2起", "acc.major_accidents"),
    ("创新开设廉政课堂12期。", "12期", "train.sessions"),
    ("全省各级党校将习近平法治思想纳入主体班次852期。", "852期", "train.sessions"),
    ("61名新任命的国家工作人员开展宪法宣誓。", "61名", None),  # an oath is no training, whatever the sentence
    ("节假日期间增开客运班次260次。", "260次", None),  # buses, not training classes
    ("全国消防救援队伍共接报火灾90.8万起。", "90.8万起", None),  # fires reported: events, not the crews' work
    ("工矿商贸企业就业人员10万人生产安全事故死亡人数1.244人。", "1.244人", None),  # a rate, not a headcount
    ("对2起重大生产安全事故进行调查处理。", "2起", None),  # investigations (调查处理 holds 查处), not cases
    ("全省309个检查站值勤值守。", "309个", None),  # checkpoints, not inspections
    ("建议给予党纪政纪处分109人。", "109人", None),  # party discipline, not criminal referral
    ("开展公平竞争审查2件。", "2件", None),  # no review of a penalty decision
    ("1人获浙江省中医药监督执法竞赛第一名。", "1人", None),  # a winner, not participants
    ("向受灾群众发放衣被555套。", "555套", None),  # relief, not publicity materials
    # the exclusions stay narrow: the usual phrasings keep their codes
    ("发放防灾减灾救灾宣传资料1.2万份。", "1.2万份", "pub.materials"),
    ("全面清理因机构改革需调整的规范性文件48件。", "48件", "legal.normative_docs_cleared"),
    ("通过行政复议委员会会议审理案件23件。", "23件", "legal.reconsideration_litigation"),
    ("审核工程建设领域重大行政处罚决定25件。", "25件", "legal.penalty_reviews"),
    ("按通知要求完成应急预案修订46件。", "46件", "emg.plans"),
    ("依托治超检查站检查危险货物运输企业23家。", "23家", "enf.inspected_entities"),
    ("全区行政复议案件100%当场办结。", "100%", None),  # no government-service rate
    ("全市行政许可事项85%压缩办理时限。", "85%", None),  # 85% of the items, not a cut of 85%
    ("各镇(街道)全面清理议事协调机构1038个。", "1038个", None),  # bodies, not normative documents
    ("主动公开行政规范性文件4件。", "4件", None),  # published, not cleared
    ("省长16次主持省政府常务会议研究政府立法、行政复议等议题60项。", "16次", None),  # meetings, not cases
    ("工矿商贸企业就业人员10万人生产安全事故死亡人数1.244人，比上年上升4.2%。", "4.2%", None),  # the rate's change
    ("救援队伍共接报处置各类警情235.8万起。", "235.8万起", "emg.incidents_handled"),
    ("全年安排应急值守班次365次。", "365次", None),
    ("深入开展打非治违专项行动(检查企业1560家次、责令整改隐患2300项)。", "1560家次", "enf.inspected_entities"),
    ("制定重大事故隐患判定标准和重点检查事项51项。", "51项", None),  # standards, not hazards found
    ("承办省级会议活动8次。", "8次", None),  # meetings hosted are no publicity events
    # a power list counts powers; services, and lists of penalties waived, are not it
    ("梳理行政许可事项466项。", "466项", "svc.power_list_items"),
    ("市本级政务服务事项进驻市政务服务中心1638项。", "1638项", None),
    ("编制不予处罚事项291项。", "291项", None),
    ("梳理行政处罚事项276项、行政强制事项9项。", "9项", "svc.power_list_items"),
    ("组织32个工作组开展暗访检查。", "32个", None),  # the teams that inspect, not what they inspected
    ("查处各类事故隐患与违法行为946条，同比上升9.11%。", "9.11%", None),  # hazards, not accidents
    ("查处隐患问题418项。", "418项", "haz.hazards_found"),  # hazards, not cases
    ("全区各级应急管理部门共检查2250矿次，责令停产整顿36矿次。", "2250矿次", "enf.inspected_entities"),  # mine visits
    ("全区各级应急管理部门共检查2250矿次，责令停产整顿36矿次。", "36矿次", "enf.suspensions"),
    ("全系统共监察矿井986座，责令停产整顿矿井88座。", "986座", "enf.inspected_entities"),
    ("全系统共监察矿井986座，责令停产整顿矿井88座。", "88座", "enf.suspensions"),
    ("派发宣传资料3250多册。", "3250多册", "pub.materials"),
    ("为区重点项目出具意见1284份。", "1284份", "legal.advice_given"),
    ("全年刑事立案1027起。", "1027起", None),  # criminal cases are no administrative enforcement case
    ("建立法制审核队伍，现有法制审核人员4名。", "4名", "org.legal_staff"),
    # orders issued are documents, not the hazards they order fixed; what is proposed is not done
    ("发现各类隐患165条,下发责令限期整改指令书11条。", "11条", None),
    ("发现各类隐患165条,下发责令限期整改指令书11条。", "165条", "haz.hazards_found"),
    ("拟立案违法行为322项。", "322项", None),
    ("拟处罚企业20家,立案查处违法行为15起。", "15起", "enf.cases_filed"),
    # a penalty appealed counts the appeals, not penalties; a bound the count fell below is no count
    ("行政处罚被申请行政复议9宗。", "9宗", "legal.reconsideration_litigation"),
    ("行刑衔接45起,现场责令暂时停产停业741家。", "45起", "enf.criminal_referrals"),  # cases passed to the judiciary
    # a drill is no incident handled, a proposed penalty no penalty, an office kept no document kept,
    # officers taking an exam are trainees, handling illegal building is no emergency response
    ("重点企业组织应急救援演练7312次。", "7312次", "emg.drills"),
    ("拟实施行政处罚11件。", "11件", None),
    ("保留内设科室8个。", "8个", None),
    ("已排查通报违法建设情况处置44件。", "44件", None),
    ("组织12名执法人员参与市、区法治政府建设示范创建法律知识考试。", "12名", "train.participants"),  # an exam's takers
    ("现有参与一线执法的执法人员86名。", "86名", "org.enforcement_officers"),
    ("各科室共清理规范性文件32件。", "32件", "legal.normative_docs_cleared"),
    ("全年接警出动处置违法用火引发的火情12起。", "12起", "emg.incidents_handled"),
    ("全国生产安全事故死亡人数首次降至2万人以下。", "2万人", None),
    ("全国生产安全事故死亡18261人。", "18261人", "acc.deaths"),
    # an award-winning case file is no licence handled; policy measures reviewed are no penalty reviews
    ("1件行政许可案卷获评市优秀执法案卷。", "1件", None),
    ("全国累计审查的政策措施161.8万件。", "161.8万件", None),
    # accidental deaths (意外事故: drownings, falls) are no production-safety accidents
    ("据不完全统计，共发生意外事故8起，造成10人死亡。", "8起", None),
    ("据不完全统计，共发生意外事故8起，造成10人死亡。", "10人", None),
    ("全县共发生溺水等意外死亡事件8起，死亡10人，同比下降20%。", "20%", None),
    # the size of a change compared in turn (降幅较上年提高) is its own subject
    ("全年共发生生产安全事故12起、死亡10人，同比分别下降20%、16.7%，降幅较上年提高3.5个百分点。", "3.5个百分点", None),
    # lenient and waived penalties are no penalties or fines; a checkpoint set up is nothing inspected
    ("从轻减轻行政处罚案件2246件。", "2246件", None),
    ("为各类市场主体免除罚款3550.25万元。", "3550.25万元", None),
    ("设置1840个森林防火检查站。", "1840个", None),
    # an override cue (向公安机关移送) decides its own 、-item, or every item when it closes the clause
    ("全年办理的查封扣押案件2起、向公安机关移送案件合计34起。", "2起", None),
    ("全年办理的查封扣押案件2起、向公安机关移送案件合计34起。", "34起", "enf.criminal_referrals"),
    ("完成3起行政许可案件、24起行政处罚案件的合法性审查。", "3起", "legal.penalty_reviews"),
    ("完成三起行政许可案件、二十四起行政处罚案件的合法性审查。", "三起", "legal.penalty_reviews"),
    ("全年向公安机关移送非法生产案件3起、非法经营案件5起。", "5起", "enf.criminal_referrals"),  # the clause's head
    ("向公安机关移送非法储存、经营、燃放烟花爆竹案件37起。", "37起", "enf.criminal_referrals"),
    ("法制审核重大行政处罚案件120件、行政强制案件45件。", "45件", "legal.penalty_reviews"),
    # what is counted names no such quantity: licences issued (a title ending the metric names the
    # thing counted), social-assistance calls, traffic violations, fines paid, national regulations
    # repealed, inspections passed
    ("全年受理卫生行政许可申请270件，发放《卫生许可证》254件。", "254件", None),
    ("发放《安全生产法》宣传册2000册。", "2000册", "pub.materials"),
    ("全市消防救援队伍共接处警1.23万起，其中火灾扑救1849起、社会救助5799起、公务执勤417起。", "5799起", None),
    ("建成以综合性消防救援队伍为主体、社会应急救援队伍为补充的应急救援力量，共计有80支2400余人。", "80支",
     "emg.rescue_teams"),
    ("省安委办组织7个执法小分队对各地持续开展督导执法检查。", "7个", None),  # teams, not entities inspected
    ("组织街道、社区灾害信息员参加多轮业务培训,共200余人次参训。", "200余人次", "dis.info_officers_trained"),
    ("举办培训班3期,共500人参加。", "500人", "train.participants"),  # the clause before has a number: no event
    ("人大政协建议提案答复内容公开更加细致全面,共公开45件。", "45件", "comp.proposals"),
    # a change of a bare measure after a count of one class of accidents measures that class
    ("发生较大事故2起、死亡7人,同比事故起数持平、死亡人数下降12.5%。", "12.5%", "acc.major_deaths_yoy"),
    ("全年发生较大生产安全事故2起、死亡6人,死亡人数同比下降14.3%。", "14.3%", "acc.major_deaths_yoy"),
    ("全市发生事故10起、死亡8人,其中较大事故1起,同比死亡人数下降10%。", "10%", "acc.deaths_yoy"),  # opens on the total
    # another count, or a whole place, between the class and the change: the class no longer
    ("全市共发生较大事故1起、死亡3人，全县共发生生产安全事故20起、死亡15人，死亡人数同比下降12.5%。", "12.5%",
     "acc.deaths_yoy"),
    # a clause opening on 相比 that names subjects of its own is no basis alone
    ("全年发生较大事故1起、死亡3人，相比上年全市事故起数和死亡人数分别下降20%和16.7%。", "16.7%", "acc.deaths_yoy"),
    ("全区道路交通安全形势持续向好，相比上年交通事故起数、死亡人数分别下降12%和15%。", "15%", None),
    ("科普短视频点击量达3.2万次。", "3.2万次", None),  # views, no events
    ("组织开展以山区灾害避险为主要内容的安全科普教育254次。", "254次", "pub.events"),  # popular-science sessions
    ("建设消防科普教育基地30余处。", "30余处", None),  # bases, not events
    ("对新领执法证人员开展专题培训120人次。", "120人次", "train.participants"),  # newly licensed, trained here
    ("全年共调派救援力量56支、救援人员1200人次。", "56支", None),  # deployments, not the teams there are
    # a 其中 part counts a kind of what its total counts and takes its code, as the official gold does
    # (承办建议8件，其中主办3件; 自评企业3685家，其中蓝码2043家): fires fought are calls handled
    ("全市消防救援队伍共接处警1.23万起，其中火灾扑救1849起、社会救助5799起、公务执勤417起。", "1849起",
     "emg.incidents_handled"),
    ("全市消防救援队伍共接处警1.23万起，其中火灾扑救1849起、社会救助5799起、公务执勤417起。", "1.23万起",
     "emg.incidents_handled"),
    ("目前检查企业商户42家,隐患93处,其中线路老化杂乱未穿管20处,配电箱损坏无防护罩4处。", "20处", "haz.hazards_found"),
    ("主动公开政府信息586条，其中政策文件9条、部门动态49条。", "49条", "pub.media_reports"),
    ("全面梳理行政权力事项441项，其中行政许可28项、行政处罚342项。", "342项", "svc.power_list_items"),
    ("主动公开政府信息586条。其中，政策文件9条，部门动态49条。", "9条", "pub.media_reports"),  # the total before
    # …but not a part of a change, a part after figures of other units, a later stage, nor a sector's accidents
    ("现有持证执法人员131人，较上一年度减少22人，其中退休10人。", "10人", None),
    ("检查企业1712家，发现隐患1485项，其中重大事故隐患97项，立案151起，现场责令停止设备使用的907家。", "907家", None),
    ("发现隐患539处，其中已整改504处。", "504处", None),
    ("作出罚款决定金额520万元，其中已收缴入库380万元。", "380万元", None),  # 已…: done, a later stage
    ("排查隐患1500处，其中已消除1420处，正在整改80处。", "80处", None),
    ("立案查处违法案件86件，其中结案80件。", "80件", None),
    ("受理举报320件，其中经核查属实85件。", "85件", "comp.reports_verified"),  # a code of its own
    ("共监察矿井26矿次，责令局部停止作业7处，行政罚款84.8万元。", "7处", "enf.suspensions"),  # an order to stop work
    # the nearest 其中 binds, and shares or changes said of a figure do not end the run
    ("检查企业1200家，其中责令停产整顿32家，其中危化企业12家。", "12家", "enf.suspensions"),
    ("主动公开政府信息586条，其中政策文件9条，占1.5%，部门动态49条，占8.4%。", "49条", "pub.media_reports"),
    ("主动公开政府信息586条，同比增长12%，其中政策文件9条。", "9条", "pub.media_reports"),
    ("全年共发生生产安全事故12起，其中道路运输事故8起。", "8起", None),
    ("2021年全省共查处各类交通违法1194万起。", "1194万起", None),
    ("共立案50起，罚款205万元，已缴纳罚款121万元。", "121万元", None),  # paid, not imposed
    ("共立案50起，罚款205万元，已缴纳罚款121万元。", "205万元", "enf.fines"),
    ("连续举办安全监管能力提升班2期。", "2期", "train.sessions"),  # a class (班) held in sessions
    ("制定行政法规4部，废止行政法规11部。", "11部", None),
    ("清理与行政法规不一致的规范性文件12件。", "12件", "legal.normative_docs_cleared"),
    # pieces placed (发稿, 录用, 播出, 推送) are media reports; legal advice is counted in 起 and 件次 too
    ("2023年，我局在区政府网站发稿61篇、局微信公众号发稿640篇。", "640篇", "pub.media_reports"),
    ("发布、推送微博109条。", "109条", "pub.media_reports"),
    ("发布暴雨预警信息12条，推送预警短信3000条。", "3000条", None),
    ("办理区级征求法律意见335件次。", "335件次", "legal.advice_given"),
    ("接受群众法律咨询500余起。", "500余起", "legal.advice_given"),
    ("检查检验检测机构90家，检查通过45家。", "45家", None),
    # information officers on duty are not officers trained; cleaning up information or stalls clears no
    # document; hazards exposed in the media are not hazards found
    ("依托三级5605名灾害信息员，全市累计排查隐患1221条。", "5605名", None),
    ("组织灾害信息员业务培训2054名。", "2054名", "dis.info_officers_trained"),
    ("清理网络有害信息8586条，下架违规商品2271个。", "8586条", None),
    ("清理店外经营商户2640余个。", "2640余个", None),
    ("开展规范性文件清理，共清理132件。", "132件", "legal.normative_docs_cleared"),
    ("在广东广播电视台等主流媒体播出曝光隐患239处。", "239处", None),
    ("累计暗访企业54家，曝光隐患196处。", "196处", "haz.hazards_found"),
    ("亿元GDP生产安全事故死亡率同比下降25%。", "25%", None),  # a death rate is no count of deaths
    # posters put up are materials; approving someone else's posters is no publicity of one's own
    ("利用法治宣传阵地张贴宣传画1100多张。", "1100多张", "pub.materials"),
    ("办理张贴宣传品审批8件。", "8件", None),
    # letters, gifts, signs and enforcement notices handed out are no publicity materials
    ("向相关单位发放督办函31张。", "31张", None),
    ("向企业发放提示警示函400余份。", "400余份", None),
    ("现场发放小礼品3000余份。", "3000余份", None),
    ("定制派发危险源及风险告知牌200余张。", "200余张", None),
    ("送达陈述申辩权利告知书21份。", "21份", None),
    ("发放安全生产告知书1200份。", "1200份", "pub.materials"),  # an information leaflet is
    ("召开重大案件集体讨论会议4场次。", "4场次", "legal.collective_discussions"),
    # a count of study sessions is none of the catalog's, whatever topics it lists
    ("开展法治解读等专题学习6次。", "6次", None),
    # a legality review's suggestions are no deputies' proposals; drafting and revising rules clears none
    ("审查上会议题、合同等300余件，提出修改建议600余条。", "600余条", None),
    ("评估、制修订行政规范性文件11件。", "11件", None),
    ("组织执法人员培训学习12次。", "12次", "train.sessions"),  # training is no mere study
    ("对区政府常务会议决定事项审查23件。", "23件", None),  # a decision is no enforcement decision
    # the definition of a grade (一次死亡3-9人) is no part of the metric; enforcement is no publicity event
    ("全市共发生一次死亡3-9人较大生产安全事故3起，死亡9人。", "3起", "acc.major_accidents"),
    ("各街道办事处组织执法活动2227次。", "2227次", None),
    ("对违法企业采取暂时停产停业措施322次。", "322次", "enf.suspensions"),  # suspensions counted in 次
    ("全国共制发行政复议意见书、建议书3800余份。", "3800余份", None),  # a reconsideration body's letters are no proposals
    ("开展送法下乡29次。", "29次", "pub.events"),  # taking the law to the villages is publicity
    # a review is a penalty review when its words name enforcement (处罚, 执法, 案件, 法制, 合法性, 决定)
    ("建设项目涉及园林绿地指标事项审查48件。", "48件", None),
    ("开展重大行政执法决定法制审核36件。", "36件", "legal.penalty_reviews"),
])
def test_codes(sentence, text, code):
    found = {t: m for t, m in run(sentence)}
    assert found[text].indicator_code == code


# ---- durations that real reports count: streaks and response hours ---------------------------
@pytest.mark.parametrize("sentence,text,value,unit", [
    ("实现连续3年“双下降”。", "3年", 3, "年"),
    ("连续两年被评为执法工作优秀单位。", "两年", 2, "年"),
    ("共启动应急响应27次，累计时长218.8小时。", "218.8小时", 218.8, "小时"),
])
def test_streaks_and_hours(sentence, text, value, unit):
    found = {t: m for t, m in run(sentence)}
    assert (found[text].value, found[text].unit, found[text].kind) == (value, unit, "duration")


def test_a_streak_is_named_by_what_continues():
    found = {t: m for t, m in run("连续7年重特大事故“零发生”。")}
    assert found["7年"].metric == "重特大事故零发生"


# ---- accident statistics: subject lists, totals against parts, bases --------------------------
# (sentence, {span text: code}); structures of real reports, numbers made up.
ACCIDENT_STATISTICS = [
    # bare sector names before one that ends in a measure of accidents: each sector's, no total
    ("实现道路交通、建筑施工、小散工程事故死亡人数分别下降了66.67%、50%、76.92%。",
     {"66.67%": None, "50%": None, "76.92%": None}),
    # the all-inclusive scope (全口径: road traffic and fires too) is not the production-safety statistic
    ("1-6月份全市发生各类(全口径统计)安全事故549起,死亡137人。同比,事故减少97起,死亡减少34人。",
     {"549起": None, "137人": None, "97起": None, "34人": None}),
    ("纳入直报口径的各类事故83起，死亡71人。", {"83起": "acc.accidents", "71人": "acc.deaths"}),
    # 其中 opening on 各类…: the whole, one of the kinds named before, not a part of a total
    ("各类事故、较大事故的事故起数和死亡人数均保持双下降。其中，各类生产安全事故起数和死亡人数同比分别减少118起、121人。",
     {"118起": "acc.accidents_yoy", "121人": "acc.deaths_yoy"}),
    # the outcomes follow their numbers: the count of accidents says nothing of them
    ("全县发生生产安全事故12起，8人死亡，3人受伤。",
     {"12起": "acc.accidents", "8人": "acc.deaths", "3人": None}),
    ("全省各类生产安全事故起数、死亡人数同比分别下降17.7%、12.5%；其中较大事故同比分别下降19.0%和26.3%。",
     {"17.7%": "acc.accidents_yoy", "12.5%": "acc.deaths_yoy",
      "19.0%": "acc.major_accidents_yoy", "26.3%": "acc.major_deaths_yoy"}),
    ("全市事故起数、死亡人数同比分别下降21.4%、17.2%。",
     {"21.4%": "acc.accidents_yoy", "17.2%": "acc.deaths_yoy"}),
    ("全省生产安全事故起数和死亡人数同比分别下降9.2%和12%。",
     {"9.2%": "acc.accidents_yoy", "12%": "acc.deaths_yoy"}),
    ("事故总量、死亡人数、较大事故起数同比分别下降29.5%、32.8%、31.6%。",
     {"29.5%": "acc.accidents_yoy", "32.8%": "acc.deaths_yoy", "31.6%": "acc.major_accidents_yoy"}),
    ("全区事故起数、死亡人数同比均下降47.06%。", {"47.06%": "acc.accidents_yoy"}),
    # values far from 同比 keep the list's basis and direction; a bare comma joins one unit's values
    # an itemising bracket with a bracket inside: every item up to its own close is a part
    ("全区共发生生产安全事故7起(3起道路运输事故,死亡2人;1起工商贸其他(火灾),死亡2人;1起其他,死亡1人),死亡7人。",
     {"7起": "acc.accidents", "1人": None, "7人": "acc.deaths"}),
    # a change in deaths right after a change in a grade of accidents is that grade's; a bare 事故 is no grade
    ("全市发生事故74起，死亡31人；未发生较大事故，同比起数减少2起，死亡人数减少12人。",
     {"2起": "acc.major_accidents_yoy", "12人": "acc.major_deaths_yoy"}),
    ("未发生较大及以上事故，同比较大事故减少3起，死亡人数减少13人。",
     {"3起": "acc.major_accidents_yoy", "13人": "acc.major_deaths_yoy"}),
    ("全市事故起数同比减少12起，死亡人数减少13人。", {"12起": "acc.accidents_yoy", "13人": "acc.deaths_yoy"}),
    # …but not after one of a list, nor after a 其中 part; a sector's grade keeps its sector
    ("全市事故起数、较大事故起数同比分别减少10起、2起，死亡人数减少12人。", {"12人": "acc.deaths_yoy"}),
    ("事故起数同比减少10起，其中较大事故减少1起，死亡人数同比减少12人。", {"12人": "acc.deaths_yoy"}),
    ("工矿商贸领域较大事故同比减少1起，死亡人数减少3人。", {"1起": None, "3人": None}),
    ("全省发生各类生产安全事故949起、死亡1030人、受伤361人，同比分别减少170起、126人、56人，分别下降15.19%、10.9%、13.43%。",
     {"15.19%": "acc.accidents_yoy", "10.9%": "acc.deaths_yoy", "13.43%": None}),
    # 其中 opening a month of the whole jurisdiction (其中，12月，全市…) is part of the period, not of the total
    ("2022年，全市共发生各类事故300起、死亡250人。其中，12月，全市共发生各类事故32起、死亡29人，同比事故起数下降3.0%。",
     {"32起": "acc.accidents", "29人": "acc.deaths", "3.0%": "acc.accidents_yoy"}),
    # fewer values than a 、-list of counts: the list's first ones, in order
    ("全市发生各类事故37起、死亡30人、受伤15人，同比分别下降19.6%、9.1%。",
     {"19.6%": "acc.accidents_yoy", "9.1%": "acc.deaths_yoy"}),
    ("全国发生各类生产安全事故12,070起，死亡10,527人。\n同比分别下降26.5%,18.1%。",
     {"26.5%": "acc.accidents_yoy", "18.1%": "acc.deaths_yoy"}),
    # the subjects stand before a basis and a verdict without numbers
    ("全市生产安全事故起数和死亡人数同比大幅“双下降”，分别下降33.5%和42.7%。",
     {"33.5%": "acc.accidents_yoy", "42.7%": "acc.deaths_yoy"}),
    ("发生各类生产安全事故863起、死亡902人、受伤215人，同比减少57起、66人、41人，分别下降6.2%、6.8%、16.0%。",
     {"863起": "acc.accidents", "902人": "acc.deaths", "57起": "acc.accidents_yoy", "66人": "acc.deaths_yoy",
      "6.2%": "acc.accidents_yoy", "6.8%": "acc.deaths_yoy", "16.0%": None}),
    ("全市共发生生产安全事故125起，死亡103人，同比分别下降12.6%和下降2.8%，发生较大事故1起。",
     {"12.6%": "acc.accidents_yoy", "2.8%": "acc.deaths_yoy", "1起": "acc.major_accidents"}),
    ("全市发生生产安全事故301起、死亡279人，同比下降14.0%、6.4%，未发生较大事故。",
     {"14.0%": "acc.accidents_yoy", "6.4%": "acc.deaths_yoy"}),
    ("辖区共发生生产安全事故6起，相比去年同期增加2起。", {"6起": "acc.accidents", "2起": "acc.accidents_yoy"}),
    # totals against parts: sectors, fatal accidents only, supervised cases, disaster deaths, 其中 parts
    ("道路运输共发生事故64起，死亡50人。", {"64起": None, "50人": None}),
    ("事故处罚9件。", {"9件": None}),  # penalties for accidents are no accidents
    ("1-9月份全市共发生各类安全生产死亡事故18起。", {"18起": None}),  # fatal accidents only
    ("有色金属冶炼事故1起，死亡2人。", {"1起": None, "2人": None}),  # one sector
    ("2023年，全市各类生产安全事故共计9起，较2022年同比减少6起，同比下降40%。",
     {"9起": "acc.accidents", "6起": "acc.accidents_yoy", "40%": "acc.accidents_yoy"}),  # the base year names no subject
    ("全市发生亡人事故52起。", {"52起": None}),
    ("挂牌督办事故11起。", {"11起": None}),
    ("因灾死亡12人。", {"12人": None}),
    ("全市共发生各类事故120起，其中道路交通事故80起。", {"120起": "acc.accidents", "80起": None}),
    ("全市发生生产安全事故70起、死亡37人。", {"70起": "acc.accidents", "37人": "acc.deaths"}),
    ("其中较大事故7起、死亡29人，同比减少2起、多死亡3人，分别下降22.2%和上升11.5%。",
     {"7起": "acc.major_accidents", "29人": None, "2起": "acc.major_accidents_yoy", "3人": "acc.major_deaths_yoy",
      "22.2%": "acc.major_accidents_yoy", "11.5%": "acc.major_deaths_yoy"}),
    ("全省发生各类生产安全事故41起、死亡20人，同比减少51起、少死亡6人，分别下降55.4%和23.1%。",
     {"51起": "acc.accidents_yoy", "6人": "acc.deaths_yoy", "55.4%": "acc.accidents_yoy", "23.1%": "acc.deaths_yoy"}),
    # a second list of changes goes on with the subjects of the first (分别 is not repeated)
    ("其中较大事故8起、死亡31人，同比分别增加2起、4人，上升33.3%、14.8%。",
     {"2起": "acc.major_accidents_yoy", "4人": "acc.major_deaths_yoy",
      "33.3%": "acc.major_accidents_yoy", "14.8%": "acc.major_deaths_yoy"}),
    ("全市发生生产安全事故90起、死亡70人，同比分别减少10起、6人，下降10.0%、7.9%。",
     {"10起": "acc.accidents_yoy", "6人": "acc.deaths_yoy", "10.0%": "acc.accidents_yoy", "7.9%": "acc.deaths_yoy"}),
    # the measures named right before the change verb take its values in order (no 分别), but one
    # measure's change said twice is not a list of measures
    ("全市发生各类生产安全事故26起、死亡31人、受伤17人，同比事故起数、死亡人数减少4起、16人，下降13.3%、34.0%，"
     "受伤人数增加8人、上升88.9%。",
     {"4起": "acc.accidents_yoy", "16人": "acc.deaths_yoy", "13.3%": "acc.accidents_yoy", "34.0%": "acc.deaths_yoy",
      "8人": None, "88.9%": None}),
    # the same measures against a named base year: no year-on-year code
    ("全年，全省生产安全事故起数、受伤人数同比分别下降3.1%、6.3%，比2019年分别下降35.9%、45.1%。",
     {"3.1%": "acc.accidents_yoy", "35.9%": None, "45.1%": None}),
    # …but not after a total that names a class of accidents on the way (较大事故0起, in brackets)
    ("全市共发生各类生产安全事故12起、死亡10人，较大事故0起，事故起数、死亡人数同比分别下降20%、16.7%。",
     {"20%": "acc.accidents_yoy", "16.7%": "acc.deaths_yoy"}),
    ("全市发生事故26起、死亡31人（其中较大事故1起、死亡3人），事故起数和死亡人数同比分别下降13.3%和34.0%。",
     {"13.3%": "acc.accidents_yoy", "34.0%": "acc.deaths_yoy"}),
    # a bare comma joins changes of two measures when the later says nothing of its own
    ("2018年共发生事故107起,死亡123人,同比减少15起,12人,分别下降12.2%和8.9%。",
     {"15起": "acc.accidents_yoy", "12人": "acc.deaths_yoy", "12.2%": "acc.accidents_yoy", "8.9%": "acc.deaths_yoy"}),
    ("全年发生事故8起死亡9人比上年死亡人数减少2人。", {"9人": "acc.deaths"}),  # no rate's base without 万
    # bare measures after a count of one class of accidents measure that class
    ("其中较大事故2起、死亡6人、受伤0人，同比事故起数、死亡人数、受伤人数减少4起、16人、2人，分别下降66.7%、72.7%和100%。",
     {"2起": "acc.major_accidents", "4起": "acc.major_accidents_yoy", "16人": "acc.major_deaths_yoy", "2人": None,
      "66.7%": "acc.major_accidents_yoy", "72.7%": "acc.major_deaths_yoy", "100%": None}),
    # 安全生产责任事故 is how many places state their total; accidents that an action is done to are not it
    ("今年以来，已发生安全生产责任事故15起、死亡19人。", {"15起": "acc.accidents", "19人": "acc.deaths"}),
    ("市安委会对6起生产安全责任事故进行挂牌督办。", {"6起": None}),
    ("深刻汲取2020年两起煤矿重大事故教训。", {"两起": None}),  # lessons, not occurrences
    ("工矿商贸及其他领域，初步判定为生产安全事故9起。", {"9起": None}),  # a sentence about one sector
    ("各行业领域，共发生生产安全事故20起。", {"20起": "acc.accidents"}),
    ("发生事故130起、死亡4人（生产安全事故死亡2人、非生产安全事故死亡2人）。", {"2人": None}),  # the last 2人
    ("发生自然灾害91起，因灾死亡19人。", {"19人": None}),  # deaths that name their own cause
    ("全年发生较大事故3起，其中危化领域较大事故1起。", {"3起": "acc.major_accidents", "1起": None}),  # a sector
    ("道路运输业发生事故5起，同比下降71.4%。", {"5起": None, "71.4%": None}),  # a sector's change
    ("道路运输业发生事故2起，同比减少5起；死亡2人，同比增加1人。", {"2起": None, "2人": None, "1人": None}),
    ("全市发生城乡火灾17435起、死亡69人。", {"17435起": None, "69人": None}),  # deaths in fires
    ("全市发生亡人事故20起、死亡22人。", {"20起": None, "22人": "acc.deaths"}),  # every death is in a fatal accident
    ("分行业来看，工矿商贸事故13起、死亡14人；铁路事故2起、死亡2人。", {"13起": None, "14人": None, "2人": None}),
    ("涡阳县：报送整改一般隐患32069条，整改率100%。", {"32069条": None}),  # one area's figure
    ("(三)商贸制造业1月份无事故，同比减少2起。", {"2起": None}),  # a sector as the sentence's topic
    ("全市1月份发生事故12起，同比减少2起。", {"2起": "acc.accidents_yoy"}),
    ("1.铁路运输业1月份发生事故2起、死亡2人，同比增加1起，事故起数上升100%。",  # a sector's sentence
     {"2起": None, "2人": None, "1起": None, "100%": None}),
    ("(三)商贸制造业1月份无事故，同比减少2起、少死亡2人，均下降100%。", {"2起": None, "2人": None, "100%": None}),
    # a breakdown that opens inside a sentence (here glued to the total before it) makes the rest parts
    ("全市发生事故107起、死亡86人,同比分别下降27.7%31.7%从类别上看,道路运输共发生事故76起、死亡57人;工矿商贸企业事故共发生29起、死亡26人。",
     {"107起": "acc.accidents", "86人": "acc.deaths", "27.7%": "acc.accidents_yoy", "76起": None, "29起": None,
      "26人": None}),
    ("全市发生危化品事故3起、死亡2人。", {"3起": None, "2人": None}),  # one sector
    # 较大及以上 is the code; 重特大 (重大 and 特别重大 only) is a part of it, and so are their deaths
    ("全国共发生重特大事故9起、死亡146人。", {"9起": None, "146人": None}),
    # a change after a breakdown in brackets is about the total before the brackets
    ("全县共发生事故22起(其中,道路交通事故18起、建材事故1起),同比下降21.4%;死亡12人(其中,道路交通事故8人、建材事故1人),同比下降52%。",
     {"22起": "acc.accidents", "18起": None, "21.4%": "acc.accidents_yoy", "12人": "acc.deaths", "8人": None,
      "52%": "acc.deaths_yoy"}),
    # a sentence that opens with a part's count of events (a county, a sector) is that part's
    ("甘谷县3起，死亡3人，直接经济损失1.2万元；事故起数、死亡人数同比下降25%、25%。", {"25%": None}),
    # percentages after as many absolute changes are those changes in percent; 与去年同期相比 is year on year
    ("全州发生各类生产安全事故42起、死亡45人,受伤15人,与去年同期相比事故起数减少3起,死亡人数减少6人,分别下降6.7%、11.8%。",
     {"3起": "acc.accidents_yoy", "6人": "acc.deaths_yoy", "6.7%": "acc.accidents_yoy", "11.8%": "acc.deaths_yoy"}),
    ("(三)采矿业发生生产安全事故2起、死亡2人。", {"2起": None, "2人": None}),  # a sector
    # an outcome listed after a bare 起数 is the outcome of the events counted before
    ("发生较大事故4起、死亡12人,起数同比持平、死亡人数减少7人。", {"4起": "acc.major_accidents", "7人": "acc.major_deaths_yoy"}),
    # the first subject's events are those whose outcomes a bare later subject counts
    ("较大事故起数和死亡人数同比分别下降30%和27.78%。", {"30%": "acc.major_accidents_yoy", "27.78%": "acc.major_deaths_yoy"}),
    # …up to the next count of events: the second 死亡人数 is the major accidents'
    ("生产安全事故起数、死亡人数、较大事故起数、死亡人数,同比分别下降16.3%、11.4%、22.7%、6.5%。",
     {"16.3%": "acc.accidents_yoy", "11.4%": "acc.deaths_yoy", "22.7%": "acc.major_accidents_yoy",
      "6.5%": "acc.major_deaths_yoy"}),
    # fatal accidents (死亡事故) are counted in 起: their change is no change of deaths
    ("全区死亡事故40起、死亡42人,同比增加11起、13人,分别上升37.9%和44.8%。",
     {"40起": None, "42人": "acc.deaths", "37.9%": None, "44.8%": "acc.deaths_yoy"}),
    # 该市 in a press item is the city reported on, the whole jurisdiction
    ("该市2016年共发生各类安全生产事故1030起、死亡1148人。", {"1030起": "acc.accidents", "1148人": "acc.deaths"}),
    ("该镇2023年共发生各类生产安全事故2起、死亡1人。", {"2起": "acc.accidents", "1人": "acc.deaths"}),
    ("全区发生死亡事故起数同比下降37.9%，死亡人数下降44.8%。", {"37.9%": None, "44.8%": "acc.deaths_yoy"}),
    # numbers in brackets that say what is included (含…) are parts, skipped by the list after them
    ("全市共发生各类生产安全事故39起，死亡35人(含高速事故6起6人)，同比分别下降26.4%、20.5%。",
     {"39起": "acc.accidents", "35人": "acc.deaths", "6起": None, "6人": None,
      "26.4%": "acc.accidents_yoy", "20.5%": "acc.deaths_yoy"}),
    # a year's change that names no basis is read as year on year; 环比 (against the month before) is not
    ("2020年，全省各类生产安全事故起数、死亡人数分别下降15.7%、14.2%。", {"15.7%": "acc.accidents_yoy", "14.2%": "acc.deaths_yoy"}),
    ("1月份全市事故起数环比下降53.3%。", {"53.3%": None}),
    # not year on year: a multi-year average or a named base year
    ("受灾人口、因灾死亡失踪人数和直接经济损失，与前5年平均值相比，同比分别下降59.9%、87.5%、88.6%。",
     {"59.9%": None, "87.5%": None, "88.6%": None}),
    ("生产安全事故起数较2019年下降30.5%。", {"30.5%": None}),
    ("全年亡人事故600起、死亡650人，较2020年下降2.1%、5.5%，较2019年下降12.8%、10.8%。",
     {"2.1%": None, "5.5%": None, "12.8%": None, "10.8%": None}),
    ("全市共发生生产安全事故起数、死亡人数，与前三年平均数相比分别下降26.5%和31.1%。", {"26.5%": None, "31.1%": None}),
    # the year named is the year before: that is year on year, also as 与…年同期比 opening the sentence
    ("2021年1-12月，与2020年同期比，事故起数减少45起，同比下降30.4%；死亡人数减少41人，同比下降31.8%。",
     {"45起": "acc.accidents_yoy", "30.4%": "acc.accidents_yoy", "41人": "acc.deaths_yoy", "31.8%": "acc.deaths_yoy"}),
    ("2021年，全市事故起数较2019年同期下降12.8%。", {"12.8%": None}),
    # the subject of the clause that first reports accidents names a part (a sector, a kind of mine)
    ("各类建筑工程未发生生产安全事故，同比去年事故起数减少4起，死亡人数减少3人。", {"4起": None, "3人": None}),
    ("小散工程和零星作业发生生产安全事故1起，死亡1人，同比去年事故起数增加1起。", {"1起": None, "1人": None}),
    ("据统计，全省煤矿发生事故3起，死亡2人。", {"3起": None, "2人": None}),
    # … or the whole: 全区, 我市, 已, a goal (不发生…) or a class of accidents (未发生重大以上事故) is no subject
    ("1-6月份，全区发生生产安全事故2起，死亡1人。", {"2起": "acc.accidents", "1人": "acc.deaths"}),
    ("今年以来，我市已发生安全生产责任事故17起、死亡23人。", {"17起": "acc.accidents", "23人": "acc.deaths"}),
    ("前三季度全国共发生各类生产安全事故14402起、死亡13412人，同比分别下降24.5%、18.4%。",
     {"14402起": "acc.accidents", "13412人": "acc.deaths", "24.5%": "acc.accidents_yoy", "18.4%": "acc.deaths_yoy"}),
    ("首次实现全年全省未发生重大以上安全事故，各类生产安全事故起数、死亡人数分别下降15.7%、14.2%。",
     {"15.7%": "acc.accidents_yoy", "14.2%": "acc.deaths_yoy"}),
    ("连续两年实现目标(不发生较大以上安全责任事故)，2020年事故190起、死亡14人。", {"190起": "acc.accidents", "14人": "acc.deaths"}),
    # 一般事故 (the lowest grade) is a part of all accidents
    ("发生一般事故6起，死亡6人，同比起数持平，死亡人数减少1人，下降14.29%。",
     {"6起": None, "6人": None, "1人": None, "14.29%": None}),
    # the subjects before 由…的 name the values of both lists, 由… and 至…; a value after 下降至 is a level
    ("中新网南宁6月26日电(王以照)“广西生产安全事故起数、死亡人数由2018年的4098起、2310人下降至2023年的657起、707人，年均降幅分别为31%、21%。",
     {"4098起": "acc.accidents", "2310人": "acc.deaths", "657起": "acc.accidents", "707人": "acc.deaths"}),
    # changes after a clause that denies the events this year are those events' (and deaths')
    ("1-10月，全市未发生较大及以上生产安全事故，同比减少1起、3人。",
     {"1起": "acc.major_accidents_yoy", "3人": "acc.major_deaths_yoy"}),
    ("全市发生生产安全事故25起，其中,重大事故1起、14人,人数增加3人,上升27.3%;未发生较大事故,同比减少3起、15人。",
     {"3起": "acc.major_accidents_yoy", "15人": "acc.major_deaths_yoy"}),  # not the 重大事故 listed before
    # events of all kinds holding the production-safety accidents as a part: the part is the total
    ("全州发生各类事故432起,人员死亡53人,与去年同期相比事故起数增加4起,其中发生安全生产事故17起,人员死亡19人,"
     "与去年同期相比事故起数减少12起。",
     {"432起": None, "53人": None, "4起": None, "17起": "acc.accidents", "19人": "acc.deaths", "12起": "acc.accidents_yoy"}),
    # a comparison opening the clauses before the values names their basis
    ("与2015年相比,2019年全省各类生产安全事故起数、死亡人数分别下降23.1%、16.3%。", {"23.1%": None, "16.3%": None}),
    ("与去年同期相比,全市事故起数、死亡人数分别下降10%、12%。", {"10%": "acc.accidents_yoy", "12%": "acc.deaths_yoy"}),
    ("2024年全省事故起数比“十三五”末下降49.6%。", {"49.6%": None}),  # the end of a five-year plan
    # 一般事故 is a grade, unless no accident of a higher grade happened
    ("2020年,全市共发生生产安全一般事故24起,同比下降23%,未发生较大及以上生产安全事故。",
     {"24起": "acc.accidents", "23%": "acc.accidents_yoy"}),
    ("全市发生一般事故6起、较大事故1起。", {"6起": None}),
    # fatal accidents hold every death and every major accident; only their own count is a part
    ("全市共发生各类安全生产死亡事故18起,事故总起数比去年减少4起,同比下降18.2%;事故总死亡人数21人,同比下降25%;发生较大事故2起。",
     {"18起": None, "4起": None, "18.2%": None, "21人": "acc.deaths", "25%": "acc.deaths_yoy", "2起": "acc.major_accidents"}),
    # a date before the subject is no part of it
    ("截至2022年12月31日全县共发生各类安全生产事故【不含非生产经营性道路交通事故和火灾事故】6起,死亡5人。",
     {"6起": "acc.accidents", "5人": "acc.deaths"}),
    ("全区生产安全事故死亡人数下降20%,和全国情况相比,低7.86个百分点。", {"20%": "acc.deaths_yoy", "7.86个百分点": None}),
    # a bare 起数 counts the events counted before it, or the events a clause in between denies
    ("辖区发生生产安全事故5起，死亡4人，受伤2人，同比去年起数下降16.67%，死亡人数下降20%。",
     {"16.67%": "acc.accidents_yoy", "20%": "acc.deaths_yoy"}),
    ("全市发生生产安全事故74起，同比减少21起；未发生较大事故，，同比起数减少2起，死亡人数减少12人。",
     {"21起": "acc.accidents_yoy", "2起": "acc.major_accidents_yoy"}),
    # deaths listed after disasters are no accident's
    ("自然灾害形势保持稳定，因灾受灾416.14万人、倒塌房屋175间、死亡7人。", {"7人": None}),
    ("发生各类生产安全事故927起、死亡785人，同比分别下降10.6%和31.7%。", {"785人": "acc.deaths"}),
    # 同比前年: against the year before last
    ("1-6月份，全区发生生产安全事故2起，同比去年事故起数下降50%；同比前年事故起数下降66.67%，死亡人数下降75%。",
     {"2起": "acc.accidents", "50%": "acc.accidents_yoy", "66.67%": None, "75%": None}),
    ("2021年，全市发生生产安全事故600起、死亡650人，较2020年下降2.1%、5.5%，较2019年下降12.8%、10.8%。",
     {"2.1%": "acc.accidents_yoy", "5.5%": "acc.deaths_yoy", "12.8%": None, "10.8%": None}),
    # 比去年同期 before a list is 同比; a list ending in 持平 leaves its last subject unchanged
    ("全市发生各类生产安全事故12起、死亡8人、受伤10人,比去年同期减少2起、2人、0人,同比下降14.29%、20%、持平。",
     {"2起": "acc.accidents_yoy", "2人": "acc.deaths_yoy", "0人": None, "14.29%": "acc.accidents_yoy",
      "20%": "acc.deaths_yoy"}),
    ("其他事故1起,死亡1人。", {"1起": None, "1人": None}),  # the accidents of no named sector: a part
    # the 其中 grade's part ends at ；; a sector's grade is that sector's; a grade after a sector's is its too
    ("其中,较大事故2起、死亡6人,同比减少1起、2人;全市事故起数同比下降10%,死亡人数下降5%。",
     {"1起": "acc.major_accidents_yoy", "10%": "acc.accidents_yoy", "5%": "acc.deaths_yoy"}),
    ("其中,道路运输领域较大事故1起、死亡3人,事故起数同比减少1起。", {"3人": None}),
    ("化工企业一般事故2起,同比减少1起;较大事故1起,死亡3人,同比增加1起、3人。", {"3人": None}),
    # a list of changes takes the counts of its own ；-part, in its own units
    ("全市发生生产安全事故12起,死亡8人;其中道路运输事故9起,比去年同期减少2起、1人。", {"2起": None, "1人": None}),
    # grades partition the total: after the 一般 part, the 较大 part keeps its codes
    ("其中,一般生产安全事故43起、死亡45人;较大生产安全事故2起、死亡6人,与去年同期相比事故起数持平,死亡人数减少1人,下降14.3%。",
     {"43起": None, "2起": "acc.major_accidents", "1人": "acc.major_deaths_yoy", "14.3%": "acc.major_deaths_yoy"}),
    # a sentence opening with 其中 on major accidents goes on about them; 与X相比 distributes a list;
    # 与2020年同比 is year on year
    ("其中,发生较大生产安全事故11起、死亡47人,事故起数、死亡人数与2020年相比减少11起、32人,"
     "与2022年同比,事故起数减少2起,下降15.4%,死亡人数增加2人,上升4.4%。",
     {"47人": None, "32人": None, "2起": "acc.major_accidents_yoy", "15.4%": "acc.major_accidents_yoy",
      "4.4%": "acc.major_deaths_yoy"}),
    ("全省发生事故592起、死亡603人，与2022年同比，事故起数减少19起，下降3.1%，死亡人数增加3人，上升0.5%。",
     {"3.1%": "acc.accidents_yoy", "0.5%": "acc.deaths_yoy"}),
    # a bound (不到10起) has no code but makes no part of the sentence; a verdict closing the subjects'
    # clause before 分别 is no subject
    ("全市发生生产安全事故不到10起、死亡8人，同比分别下降20%、30%。",
     {"10起": None, "8人": "acc.deaths", "20%": "acc.accidents_yoy", "30%": "acc.deaths_yoy"}),
    ("全市事故起数、死亡人数实现双下降，分别下降15.2%和20.1%。", {"15.2%": "acc.accidents_yoy", "20.1%": "acc.deaths_yoy"}),
    # subjects joined by 和 before a verdict; percentages right after a verdict of falls are the falls
    ("全区生产安全事故起数和死亡人数实现“双下降”，分别下降29.1%和12.4%。",
     {"29.1%": "acc.accidents_yoy", "12.4%": "acc.deaths_yoy"}),
    ("全区生产安全事故起数和死亡人数实现同比“双下降”，分别为29.1%和12.4%。",
     {"29.1%": "acc.accidents_yoy", "12.4%": "acc.deaths_yoy"}),
    # the deaths of 重特大 accidents and of one of the eight 工贸 sectors (轻工, 纺织, …) are parts
    ("全国发生重特大事故9起、死亡146人，同比分别下降43.8%、49.8%。",
     {"146人": None, "43.8%": None, "49.8%": None}),
    ("全区共发生生产安全事故7起(1起轻工事故,死亡1人;1起纺织事故,死亡1人),死亡7人。",
     {"7起": "acc.accidents", "1人": None, "7人": "acc.deaths"}),
    # against the five years before (比之前五年) or an annual average (年均) is no year on year
    ("2018年至2022年全国生产安全事故总量和死亡人数比之前五年分别下降80.8%、51.4%。", {"80.8%": None, "51.4%": None}),
    ("2022年全市生产安全事故死亡43人，年均下降26.2%。", {"43人": "acc.deaths", "26.2%": None}),
    # …but 年均 elsewhere in the window is not this value's basis, nor 前年 + 均
    ("地区生产总值年均增长6.5%，全市生产安全事故起数同比下降12.5%。", {"12.5%": "acc.accidents_yoy"}),
    ("其中机械伤害事故3起，死亡3人。全市发生生产安全事故10起，死亡9人。", {"10起": "acc.accidents", "9人": "acc.deaths"}),
    # 同期相比 is year on year; a bare 起数 after a change names that change's events
    ("全区共发生生产安全事故7起，死亡7人。同期相比，安全事故总数下降12.5%，死亡人数下降41.7%。",
     {"12.5%": "acc.accidents_yoy", "41.7%": "acc.deaths_yoy"}),
    ("全市共发生安全事故148起、死亡129人，事故起数减少13起、死亡人数增加15人；起数同比下降8.01%、死亡人数上升13.2%。",
     {"13起": "acc.accidents_yoy", "8.01%": "acc.accidents_yoy", "13.2%": "acc.deaths_yoy"}),
    # a change in brackets right after a change glosses the part bracketed after the count: no item of the
    # list, and never the whole's
    ("全市共发生各类事故99起(其中亡人事故75起)、死亡77人,同比下降34%(34.8%)、37.4%。",
     {"34%": "acc.accidents_yoy", "34.8%": None, "37.4%": "acc.deaths_yoy"}),
    ("全市共发生各类事故99起(其中亡人事故75起、较大事故1起)、死亡77人,同比下降34%(34.8%、50%)、37.4%。",
     {"34%": "acc.accidents_yoy", "34.8%": None, "50%": None, "37.4%": "acc.deaths_yoy"}),
    # a change in brackets right after a count is that count's (the words before the bracket are its unit)
    ("全市共发生生产安全事故56起(同比下降60%)、死亡61人(同比下降52%)。",
     {"60%": "acc.accidents_yoy", "52%": "acc.deaths_yoy"}),
    # a progress label (当季进度, 累计进度) is a time word, not a part of the jurisdiction
    ("当季进度7-9月全市共发生生产安全事故28起,死亡30人。", {"28起": "acc.accidents", "30人": "acc.deaths"}),
    # an absolute change in brackets after a percentage is the same change, the whole's
    ("全年事故起数同比下降12.5%（减少7起），死亡人数同比下降20%。",
     {"12.5%": "acc.accidents_yoy", "7起": "acc.accidents_yoy", "20%": "acc.deaths_yoy"}),
    ("全市发生生产安全事故45起、死亡38人，同比分别下降12.5%（减少7起）、20%（减少5人）。",
     {"12.5%": "acc.accidents_yoy", "7起": "acc.accidents_yoy", "20%": "acc.deaths_yoy", "5人": "acc.deaths_yoy"}),
    # a subject after a month or a year before its bracket keeps its words
    ("全市1-9月事故起数同比(去年同期128起)上升3.9%。", {"128起": "acc.accidents", "3.9%": "acc.accidents_yoy"}),
    ("2023年全市死亡人数(同比下降13.4%)。", {"13.4%": "acc.deaths_yoy"}),
    ("2023年，我局确保生产安全事故起数同比下降12%，圆满完成市政府下达的控制指标。", {"12%": "acc.accidents_yoy"}),
]


@pytest.mark.parametrize("sentence,codes", ACCIDENT_STATISTICS, ids=[s[:24] for s, _ in ACCIDENT_STATISTICS])
def test_accident_statistics(sentence, codes):
    found = {t: m for t, m in run(sentence)}
    assert {text: found[text].indicator_code for text in codes} == codes


# a count of a later stage (整改) of a count with the same code before it is how much went on, not the
# indicator again; a count naming both stages, or a later stage alone, keeps the code
COUNT_STAGES = [
    ("全年共排查隐患4013项，整改隐患3958项，整改率98.6%。", {"4013项": "haz.hazards_found", "3958项": None}),
    ("发现隐患6845处，整改隐患6768处，立案查处126次。",
     {"6845处": "haz.hazards_found", "6768处": None, "126次": "enf.cases_filed"}),
    ("检查企业200家，发现并整改隐患500处。", {"500处": "haz.hazards_found"}),
    ("排查一般隐患问题4963项、重大隐患9项，督促一般问题整改4630项，重大隐患整改1项。",
     {"9项": "haz.major_hazards_found", "1项": None}),
    ("开展执法检查132家次，整改隐患164项，立案18件。", {"164项": "haz.hazards_found"}),
    ("开展消防安全集中整治，整改隐患139万余项；开展综合督查，整改隐患问题2220项。",
     {"139万余项": "haz.hazards_found", "2220项": "haz.hazards_found"}),
    # an item naming only another kind of what the item before counted shares that item's verb
    ("共排查重大隐患31处,一般隐患2379处,整改重大隐患18处,一般隐患2144处。",
     {"31处": "haz.major_hazards_found", "2379处": "haz.hazards_found", "18处": None, "2144处": None}),
]


@pytest.mark.parametrize("sentence,codes", COUNT_STAGES, ids=[s[:16] for s, _ in COUNT_STAGES])
def test_a_later_stage_of_a_count_is_not_the_count(sentence, codes):
    found = {t: m for t, m in run(sentence)}
    assert {text: found[text].indicator_code for text in codes} == codes


@pytest.mark.parametrize("sentence,metrics", [
    ("全年亡人事故600起、死亡650人，较2020年下降2.1%、5.5%。", {"2.1%": "亡人事故", "5.5%": "亡人事故死亡"}),
    ("国有地方煤矿未发生事故,同比减少2起、3人,均下降100%。", {"2起": "国有地方煤矿事故", "3人": "国有地方煤矿事故死亡"}),
    ("约谈县政府1次。", {"1次": "约谈县政府"}),  # 约谈 is a word, not 约 (about) before 谈
    # an aside in brackets glosses the words before it, which still name what is counted
    ("工矿商贸企业(包含建筑施工、特种设备)事故共发生29起。", {"29起": "工矿商贸企业事故共发生"}),
    ("共检查生产经营企业(单位)2723家，执法检查2873次。", {"2723家": "检查生产经营企业"}),  # the head alone
    # an aside of several clauses between the head and its number
    ("全市共发生各类事故(包括工矿商贸企业、道路运输,以下同)3起、死亡3人。", {"3起": "发生各类事故"}),
    ("组织开展市政府专题学法和全市法治讲座(培训、报告会)9200余场。", {"9200余场": "全市法治讲座"}),  # the last joined
    ("发生自然灾害91起、同比持平，因灾死亡19人、下降51.3%。", {"19人": "因灾死亡"}),
    ("全市共发生生产安全事故起数、死亡人数，与前三年平均数相比分别下降26.5%和31.1%。",
     {"26.5%": "发生生产安全事故起数", "31.1%": "发生生产安全事故死亡人数"}),
    # the comparison closes the subjects' own clause
    ("受灾人次、倒塌房屋数量和直接经济损失与近5年均值相比,分别下降28.0%、18.6%和5.5%。",
     {"28.0%": "受灾人次", "18.6%": "倒塌房屋数量", "5.5%": "经济损失"}),
    # the basis right after the list, in the same clause
    ("全国自然灾害因灾死亡失踪人口、倒塌房屋数量、直接经济损失占GDP比重较近5年均值分别下降25%、57%和24%。",
     {"25%": "全国自然灾害因灾死亡失踪人口", "57%": "倒塌房屋数量", "24%": "经济损失占GDP比重"}),
    # the basis between 分别 and the values, the list in the clause before
    ("受灾人次、因灾死亡失踪人数、直接经济损失，分别比“十三五”时期年均值下降36.0%、22.9%和39.0%。",
     {"36.0%": "受灾人次", "22.9%": "因灾死亡失踪人数", "39.0%": "经济损失"}),
    # 和 inside one item of a 、 list as long as the values
    ("自然灾害受灾人数、因灾死亡和失踪人数、倒塌房屋数量、直接经济损失分别比最近五年平均值下降28.0%、10.4%、18.6%、5.5%。",
     {"10.4%": "因灾死亡和失踪人数", "18.6%": "倒塌房屋数量", "5.5%": "经济损失"}),
    # a clause opening on 相比 names the basis; the subjects and their verdict (保持“双下降”的良好态势) stand before
    ("“十四五”期间,全区事故起数和死亡人数每年都保持“双下降”的良好态势,相比“十三五”期末分别下降82.3%和85.7%。",
     {"82.3%": "事故起数", "85.7%": "事故死亡人数"}),
])
def test_changes_against_other_bases_take_their_subjects_in_order(sentence, metrics):
    """Changes against other bases take the subjects listed before them, in order; deaths that name
    their own cause (因灾死亡) keep it."""
    found = {t: m for t, m in run(sentence)}
    assert {t: found[t].metric for t in metrics} == metrics


def test_a_change_with_a_subject_of_its_own_after_a_semicolon_is_not_the_counts_before():
    sentence = "事故起数、死亡人数由2018年的4098起、2310人下降至2023年的657起、707人；因灾死亡失踪人数和前五年均值相比下降35%。"
    found = {t: m for t, m in run(sentence)}
    assert "事故" not in found["35%"].metric and "死亡失踪" in found["35%"].metric


def test_lists_after_from_and_to_take_the_subjects_before():
    found = {t: m for t, m in run("“广西生产安全事故起数、死亡人数由2018年的4098起、2310人下降至2023年的657起、707人，年均降幅分别为31%、21%。")}
    assert [found[t].metric for t in ("4098起", "2310人", "657起", "707人", "31%")] == [
        "广西生产安全事故起数", "广西生产安全事故死亡人数", "广西生产安全事故起数", "广西生产安全事故死亡人数", "广西生产安全事故起数"]
    assert found["707人"].kind == "count"


def test_lists_after_cong_and_to_take_the_subjects_before():
    """从2018年的…下降至2023年的…: 从 opens the pair as 由 does."""
    found = {t: m for t, m in run("事故起数、死亡人数从2018年的4098起、2310人下降至2023年的657起、707人。")}
    assert [(found[t].metric, found[t].period_year) for t in ("2310人", "707人")] == [
        ("事故死亡人数", 2018), ("事故死亡人数", 2023)]


def test_subjects_behind_a_basis_clause_name_the_changes():
    found = {t: m for t, m in run("受灾人口、因灾死亡失踪人数和直接经济损失，与前5年平均值相比，同比分别下降59.9%、87.5%、88.6%。")}
    assert [found[t].metric for t in ("59.9%", "87.5%", "88.6%")] == ["受灾人口", "因灾死亡失踪人数", "经济损失"]
    assert {found[t].basis for t in found} == {"average"}


@pytest.mark.parametrize("metric,unit,kind", [
    ("重点工作任务", "项", "count"),   # no cue
    ("检查企业", "元", "money"),       # cue fits, unit family does not
    ("宣讲活动", "个", "count"),       # events are counted in 场/场次/次
    ("煤气专项治理率", "%", "ratio"),  # a ratio without a catalog code
    (None, "件", "count"),
])
def test_no_code_without_agreement(metric, unit, kind):
    assert assign_code(metric, unit, kind, "") is None


@pytest.mark.parametrize("metric", ["简易程序案件", "办理一般程序案件", "普通程序案件", "企业适用简易程序处罚"])
def test_penalty_cases_by_procedure_are_penalty_cases(metric):
    assert assign_code(metric, "件", "count") == "enf.penalty_cases"


@pytest.mark.parametrize("metric,unit", [
    ("侦办侵害企业合法权益犯罪案件", "起"),  # the police's own criminal cases are no referral
    ("排查出涉民营企业刑事诉讼挂案", "起"),  # criminal litigation is no administrative litigation
    ("发放电子证照", "本"),  # licences issued are no publicity material
    ("全国人大常委会审议法律议案", "件"),  # legislative deliberation is no collective discussion of cases
    ("制定常态化隐患排查整治措施", "项"),  # measures against hazards are no hazards
    ("发送震情信息短信", "条"),  # text messages sent are no media reports
    ("发放意外伤残死亡一次性补助", "人"),  # people paid a death benefit are no accident deaths
    ("机构资质到期停产停业", "家"),  # a licence that ran out is no suspension
    ("国家工作人员旁听法院庭审", "人次"),  # attending a trial is no training
    ("厅党委会研究审议法治建设相关议题", "件"),
    ("常务会议专题研究行政执法和信访工作法治化工作", "次"),  # meetings about petitions are no petitions received
    ("化解信访积案", "件"),  # a backlog resolved is no report received
    ("行政处罚案件开案审会", "次"),  # meetings that review cases are no penalty cases
    ("城管大练兵活动", "次"),  # a staff skills drill is no publicity event
    ("厅长办公会研究审议法治建设重点工作", "次"),  # a meeting on the year's work is no discussion of cases
])
def test_what_a_cue_word_does_not_mean_here(metric, unit):
    assert assign_code(metric, unit, "count") is None


@pytest.mark.parametrize("metric", ["制作6类典型事故警示教育片", "较大事故进行评估"])
def test_accidents_used_as_cases_are_not_accident_statistics(metric):
    assert assign_code(metric, "起", "count") is None


@pytest.mark.parametrize("metric", ["修订《立案查处工作规定》", "的立案查处工作规定》"])
def test_a_titles_words_name_a_document_not_what_is_counted(metric):
    assert assign_code(metric, "件", "count") is None


# ---- structures found while probing other cities' phrasing ---------------------------------
def test_change_names_the_count_before_it():
    got = run("全年共收到行政诉讼案件47件，同比上升6.8%。")
    assert [t for t, _ in got] == ["47件", "6.8%"]
    assert got[1][1].kind == "change" and got[1][1].direction == "up"
    assert "行政诉讼案件" in got[1][1].metric


@pytest.mark.parametrize("sentence,value,subject", [
    ("居民小区集中停放充电设施覆盖率从10%提升至50%。", 50, "覆盖率"),
    ("全区消防救援队伍整体实力持续提升，队伍从1.11万人发展到1.51万人。", 15100, "队伍"),
    ("制修订重大事故隐患判定标准14项、总数增至67项。", 67, "判定标准"),
    ("全国消防救援站达到8000个，比上年多95个。", 95, "消防救援站"),
    ("2022年累计公开信息280余条，比上年度增长5%。", 5, "公开信息"),
    ("区交通局现有持证执法人员131人，较上一年度减少22人。", 22, "执法人员"),
    ("行政诉讼败诉率下降至5.22%，有望突破至5%以下。", 5, "败诉率"),  # what it may reach
    ("实施行政处罚104次，处罚率79.4%，同比上升144.3%，环比上升100.0%。", 100, "处罚率"),
])
def test_a_value_named_only_by_its_verb_names_the_value_before_it(sentence, value, subject):
    m = next(m for _, m in run(sentence) if m.value == value)
    assert subject in m.metric


@pytest.mark.parametrize("sentence,metric", [
    ("平均办理时间由原来的20个工作日压缩至5个工作日。", "平均办理时间"),
    ("危化品生产企业由119家降为52家。", "危化品生产企业"),  # 为 is a filler the words lose: 降 alone
    ("重大危险源企业由44家降至28家。", "重大危险源企业"),
    ("持证执法人员由120人增至150人。", "持证执法人员"),
])
def test_both_values_of_a_from_to_pair_name_what_went_from_one_to_the_other(sentence, metric):
    got = run(sentence)
    assert len(got) == 2 and all(m.metric == metric for _, m in got)


@pytest.mark.parametrize("sentence,metric", [
    ("行政许可事项即办件占比提升至65%。", "行政许可事项即办件占比"),
    ("第三季度共检查企业260家。", "检查企业"),
    ("截至2022年12月31日全县共发生各类事故221起。", "发生各类事故"),
])
def test_metric_drops_time_and_direction_words(sentence, metric):
    (_, m), = run(sentence)
    assert m.metric == metric


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年立案查处6517件，其中事前立案6462件，罚款1.82亿元。", [False, True, False]),
        ("立案6517件，罚款1.9亿元，其中事前立案6462件，事前罚款1.82亿元。", [False, False, True, True]),
        ("其中蓝码2043家，占55.44%；红码12家。", [True, True, False]),
        ("检查企业1414家，排查隐患7481条。", [False, False]),
        # a clause that counts for the whole (全年共…) ends the parts
        ("公开政府信息153条，其中政策解读4条，全年共制定0条行政规范性文件。", [False, True, False]),
        # a colon or bracket right after a count itemises it; a change in the bracket stays the total's
        ("共发生事故4起：建筑施工类1起造成1人死亡；其他类1起造成1人死亡。", [False, True, True, True, True]),
        ("发生事故7起（3起道路运输事故，死亡2人；1起其他，死亡1人），死亡7人。",
         [False, True, True, True, True, False]),
        ("发生事故7起（同比减少2起），死亡7人。", [False, False, False]),
        ("发生各类事故130起、死亡4人（生产安全事故死亡2人、非生产安全事故死亡2人）。", [False, False, False, True]),
        ("发生事故94起，致伤25人（去年同期发生事故127起，致伤69人）。", [False, False, False, False]),
        ("主要指标：检查企业300家，排查隐患1200条。", [False, False]),
        ("检查企业300家（次）：查处隐患1200条。", [False, False]),
    ],
)
def test_subcounts_are_the_numbers_of_a_qizhong_clause(sentence, expected):
    mentions = extract_mentions(sentence, tokenize(sentence), DocumentContext(2022, "annual_report"))
    assert [m.subcount for m in mentions] == expected


def test_a_division_inside_the_reporter_counts_a_part():
    fuzhou = DocumentContext(report_year=2023, doc_type="annual_report", region_code="350100")
    sentence = "全市发生事故60起，其中鼓楼区事故10起、死亡1人。"
    got = {sentence[m.start:m.end]: m.indicator_code for m in extract_mentions(sentence, tokenize(sentence), fuzhou)}
    assert got == {"60起": "acc.accidents", "10起": None, "1人": None}
    sentence = "2023年，福州市发生生产安全事故60起。"
    got = {sentence[m.start:m.end]: m.indicator_code for m in extract_mentions(sentence, tokenize(sentence), fuzhou)}
    assert got == {"60起": "acc.accidents"}  # its own name is no part
    qianxinan = DocumentContext(report_year=2018, doc_type="work_summary", region_code="522300")
    sentence = "兴仁县发生事故12起、死亡13人。"  # a county's short name with its level word (兴仁县, today 兴仁市)
    got = {sentence[m.start:m.end]: m.indicator_code for m in extract_mentions(sentence, tokenize(sentence), qianxinan)}
    assert got == {"12起": None, "13人": None}


def test_each_change_of_a_list_has_its_own_direction():
    sentence = "其中较大事故7起、死亡29人，同比减少2起、多死亡3人，分别下降22.2%和上升11.5%。"
    got = {sentence[m.start:m.end]: m.direction for m in extract_mentions(sentence, tokenize(sentence), REPORT)}
    assert got == {"7起": None, "29人": None, "2起": "down", "3人": "up", "22.2%": "down", "11.5%": "up"}


def test_each_code_says_why_and_how_sure():
    sentence = "全市发生生产安全事故301起、死亡279人，同比下降14.0%、6.4%。"
    got = {sentence[m.start:m.end]: (m.code_evidence, m.confidence)
           for m in extract_mentions(sentence, tokenize(sentence), REPORT)}
    assert got["301起"] == ("metric cue 生产安全事故", "high")
    assert got["279人"] == ("metric cue 死亡; subject: deaths of the events counted before", "medium")
    assert got["6.4%"] == ("metric cue 死亡; subject: a list of values: the counts before, in order", "medium")
    sentence = "受理行政复议申请12件，办结10件。"
    carried = {sentence[m.start:m.end]: m for m in extract_mentions(sentence, tokenize(sentence), REPORT)}["10件"]
    assert (carried.code_evidence, carried.confidence) == ("carried over from 12件", "low")


def read_in_order(*sentences):
    """The codes of each sentence's mentions, read one after the other as one paragraph of a document
    ("\n" between two sentences starts a new paragraph and gives no codes of its own)."""
    state = DocumentState()
    codes = []
    for s in sentences:
        if s == "\n":
            state.begin_paragraph()
            continue
        mentions = extract_mentions(s, tokenize(s), REPORT, state.measures_before())
        codes.append([m.indicator_code for m in in_document(state, s, mentions)])
    return codes


def test_changes_in_a_sentence_of_their_own_go_on_with_a_parts_counts():
    changes = "事故起数同比上升6.3%、死亡人数下降6.3%。"
    assert read_in_order("交通运输和仓储业34起，死亡30人。", changes)[1] == [None, None]
    assert read_in_order("全市共发生生产安全事故37起，死亡33人。", changes)[1] == ["acc.accidents_yoy", "acc.deaths_yoy"]


def test_a_remit_sector_stands_for_the_total_until_the_total_is_stated():
    assert read_in_order("全市工矿商贸领域发生生产安全事故40起，死亡35人，事故起数、死亡人数同比分别下降11.1%、25.5%。") == [
        ["acc.accidents", "acc.deaths", "acc.accidents_yoy", "acc.deaths_yoy"]]
    assert read_in_order("全省各类生产安全事故起数、死亡人数同比下降15.6%、14.0%；工矿商贸事故起数、死亡人数同比下降40.2%、33.5%。") == [
        ["acc.accidents_yoy", "acc.deaths_yoy", None, None]]


def test_a_labelled_sector_after_the_total_is_a_part():
    total = "2019年，全市共发生各类生产安全事故72起、死亡88人。"
    sector = "工矿商贸：发生生产安全事故43起、死亡48人，同比分别减1起、减5人。"
    assert read_in_order(total, sector)[1] == [None, None, None, None]
    assert read_in_order(total, "道路交通：共发生事故28起。其中，发生较大事故3起。")[1] == [None, None]  # a part's major ones
    assert read_in_order(sector)[0][:2] == ["acc.accidents", "acc.deaths"]  # no total before: it is the total
    # a body speaking (应急管理部：…) is no part's label
    assert read_in_order(total, "应急管理部：上半年生产安全事故同比下降26.2%。")[1] == ["acc.accidents_yoy"]
    # a sentence opening with 其中 after a part's sentence is that part's
    assert read_in_order(total, sector, "其中，发生较大事故1起、死亡3人。")[2] == [None, None]
    assert read_in_order(total, "其中，发生较大事故4起、死亡12人。")[1][0] == "acc.major_accidents"  # of the total
    # 其中 opening a month of the whole jurisdiction after a part's sentence is the whole's, for that month
    month = "其中，12月，全市共发生各类事故32起、死亡29人。"
    assert read_in_order(total, "发生道路交通较大事故2起，死亡6人。", month)[2] == ["acc.accidents", "acc.deaths"]


def test_qizhong_opening_a_sentence_is_a_part_only_of_a_total_counted_before_it():
    # 其中 after a sentence that counts nothing picks out some of what it said: whole figures
    verdict = "全国生产安全事故总量、较大事故和重特大事故保持“三个下降”。"
    details = "其中，事故起数和死亡人数分别下降18.3%和17.1%。"
    assert read_in_order(verdict, details)[1] == ["acc.accidents_yoy", "acc.deaths_yoy"]
    # a title is a paragraph of its own: its figure is no total for the paragraph after it
    title = "2019年全国安全形势保持平稳 生产安全事故起数下降18.3%"
    assert read_in_order(title, "\n", verdict, details)[2] == ["acc.accidents_yoy", "acc.deaths_yoy"]
    # after a total measured alike earlier in the paragraph, also across a sentence without it, a part
    total = "全区共发生各类生产安全事故210起，同比减少59起、下降21.9%；"
    loss = "直接经济损失527.48万元。"
    part = "其中，发生经营性生产安全事故25起，同比减少7起、下降21.9%。"
    assert read_in_order(total, loss, part)[2] == [None, None, None]
    assert read_in_order(total, "\n", loss, "\n", part)[2] == [None, None, None]  # lines after ； go on
    assert read_in_order(loss, part)[1] == ["acc.accidents", "acc.accidents_yoy", "acc.accidents_yoy"]
    hazards = ("全年共排查企业1200家，发现隐患3600条。", "全部整改到位。", "其中，重大隐患12条，一般隐患3588条。")
    assert _last_subcounts(*hazards) == [True, True]
    # 起 and 次 both count: 处罚决定38起 is the total of 行政处罚35次
    assert _last_subcounts("作出行政处罚决定38起。", "其中，简易程序行政处罚35次。") == [True]
    assert _last_subcounts("发生生产安全事故。", "其中，简易程序行政处罚35次。") == [False]


def test_a_smaller_figure_for_a_total_already_stated_is_a_parts():
    total = "全市共发生生产安全事故77起，死亡64人。"
    # a sector's figures in paragraphs of their own, and the changes after them, are the sector's
    assert read_in_order(total, "\n", "化工事故1起，死亡1人。", "同比，事故减少10起，死亡减少6人。")[1:] == [
        [None, None], [None, None]]
    assert read_in_order(total, "\n", "八大行业事故7起，死亡5人，同比减少10起、6人。")[1] == [None, None, None, None]
    # the same total said again, a wider count, and production-safety accidents keep their codes
    assert read_in_order(total, "全年共发生事故77起。")[1] == ["acc.accidents"]
    assert read_in_order("全区发生1起生产安全事故。", "发生各类安全事故352起。")[1] == ["acc.accidents"]
    assert read_in_order("发生各类事故130起、死亡4人（生产安全事故死亡2人、非生产安全事故死亡2人）。")[0][2] == "acc.deaths"
    # another period has a total of its own
    assert read_in_order(total, "2018年全市共发生生产安全事故70起。")[1] == ["acc.accidents"]
    # a figure under words naming a whole jurisdiction or year is a total of its own place or period
    county = read_in_order("全省共发生事故1260起、死亡980人。", "我县共发生事故12起、死亡9人，同比分别下降14.3%和10%。")
    assert county[1] == ["acc.accidents", "acc.deaths", "acc.accidents_yoy", "acc.deaths_yoy"]
    quarter = read_in_order(total, "第四季度全市发生事故8起，全年事故起数同比下降12%。")
    assert quarter[1][1] == "acc.accidents_yoy"


def _last_subcounts(*sentences):
    """Which mentions of the last of `sentences`, read as one paragraph, are sub-counts."""
    state = DocumentState()
    for s in sentences:
        mentions = in_document(state, s, extract_mentions(s, tokenize(s), REPORT, state.measures_before()))
    return [m.subcount for m in mentions]


def test_a_remit_sector_named_inside_brackets_leaves_the_rest_of_the_sentence_whole():
    sentence = "全县共发生各类生产安全事故22起(其中,道路交通安全事故18起、工商贸事故1起),同比下降21.4%;死亡12人。"
    assert read_in_order(sentence)[0] == ["acc.accidents", None, None, "acc.accidents_yoy", "acc.deaths"]
    bracketed = "全县共发生各类生产安全事故22起(道路交通事故18起、工商贸事故1起),同比下降21.4%;死亡12人。"
    assert read_in_order(bracketed)[0] == ["acc.accidents", None, None, "acc.accidents_yoy", "acc.deaths"]
    # 工商贸 is the remit sector too: after the total, its accidents are a part
    assert read_in_order("全州发生生产安全事故10起。", "工商贸事故3起,同比增加3起。")[1] == [None, None]


def test_a_remit_sectors_heading_after_the_total_is_a_part():
    total = "全市发生各类生产安全事故6起,同比持平;死亡7人,同比增加1人,上升16.7%。"
    under = "1月发生事故1起,同比持平;死亡1人,同比持平。"
    assert read_in_order(total, "(一)工矿商贸事故。", under)[2] == [None, None]
    assert read_in_order("(一)工矿商贸事故情况", under)[1] == ["acc.accidents", "acc.deaths"]  # before it: the whole


def test_the_rest_of_a_remit_sector_sentence_is_the_sectors():
    codes = read_in_order("全市共发生安全事故148起、死亡129人。",
                          "其中：工矿商贸领域共发生亡人事故46起、死亡51人，死亡人数同比增加5人，上升10.90%。")
    assert codes[1] == [None, None, None, None]


def test_a_count_of_events_that_names_only_where_names_the_events_the_text_is_about():
    state = DocumentState()
    first = "2023年，全市共发生生产安全事故9起。"
    second = "金属非金属矿山1起，与2022年同比增加1起。"
    in_document(state, first, [m for _, m in run(first)])
    got = [(m.metric, m.indicator_code) for m in in_document(state, second, [m for _, m in run(second)])]
    assert got[0] == ("金属非金属矿山事故", None)  # the metric says more; the code is not changed by it
    fires = "全市接报火灾120起，其中城区80起。"
    assert [m.metric for m in in_document(DocumentState(), fires, [m for _, m in run(fires)])][1].endswith("火灾")
    breakdown = "秦州区9起，死亡8人，受伤3人，直接经济损失110.61万元；四项指标同比分别下降50%、55.56%、40%、18.91%。"
    got = {m.value: m.metric for m in in_document(state, breakdown, [m for _, m in run(breakdown)])}
    assert (got[9.0], got[50.0]) == ("秦州区事故", "秦州区事故")  # the change that took its metric follows
    acts = "全年查处违法行为14.9万起。"
    assert [m.metric for m in in_document(state, acts, [m for _, m in run(acts)])] == ["查处违法行为"]  # says what it counts


def test_a_change_against_an_average_is_of_the_count_before_it():
    """均值 is no 均 (all): 较前五年均值下降43.6% changes the one count before it."""
    found = {t: m for t, m in run("全市发生各类自然灾害致149.4万人受灾,同比下降61.7%,较前五年均值下降43.6%。")}
    assert "受灾" in found["43.6%"].metric


def test_the_second_value_of_a_from_to_pair_after_a_comma():
    found = {t: m for t, m in run("审批总时限由9730个工作日,压缩到5591个工作日,共压缩4139个工作日。")}
    assert found["5591个工作日"].metric == found["9730个工作日"].metric == "审批总时限"
    for sentence in ("审批总时限由原来的9730个工作日，压缩到5591个工作日。", "审批总时限由9730个工作日，压缩为5591个工作日。"):
        found = {t: m for t, m in run(sentence)}
        assert found["5591个工作日"].metric == "审批总时限"


def test_a_share_or_an_event_is_no_share_when_占_begins_a_word():
    found = {t: m for t, m in run("查处违法占地案件12件，占用耕地面积同比下降30%。")}
    assert "占用耕地" in found["30%"].metric and found["30%"].kind == "change"


def test_a_rate_names_its_stem_once():
    found = {t: m for t, m in run("共整改12处，整改率100%。")}
    assert found["100%"].metric == "整改率"


def test_units_in_latin_letters_with_full_width_brackets():
    assert [t for t, _ in run("区域环境噪声昼间平均等效声级52.4dB（A）。")] == ["52.4dB（A）"]


def test_a_share_or_a_bare_rate_after_a_count_is_of_that_count():
    found = {t: m for t, m in run("开通网办事项955项,占总事项的97%,全程不见面审批事项514项,可办率达52%。")}
    assert (found["97%"].metric, found["97%"].indicator_code) == ("开通网办事项占总事项", "svc.online_rate")
    assert (found["52%"].metric, found["52%"].indicator_code) == ("全程不见面审批事项可办率", "svc.online_rate")


def test_two_percentages_after_a_denial_are_the_events_and_their_deaths_against_each_base():
    got = [(m.metric, m.basis) for _, m in run("道路运输未发生事故,同比分别下降100%、100%,与前两年平均数相比分别下降100%、100%。")]
    assert got == [("道路运输事故", "yoy"), ("道路运输事故死亡", "yoy"),
                   ("道路运输事故", "average"), ("道路运输事故死亡", "average")]


def test_a_change_in_brackets_names_the_subject_before_them():
    found = {t: m for t, m in run("全区案件类警情(同比下降21.9%，实现“十一连降”)、刑事立案数(同比下降13.4%)和破获刑事案件数(同比上升4.6%)。")}
    assert [found[t].metric for t in ("21.9%", "13.4%", "4.6%")] == ["全区案件类警情", "刑事立案数", "破获刑事案件数"]
    assert found["4.6%"].direction == "up"


def test_a_parts_label_standing_alone_makes_the_sentences_under_it_that_parts():
    codes = read_in_order("3月份，全市发生生产安全事故20起，死亡13人。", "道路运输业方面。",
                          "全市发生事故15起，同比增加14起；死亡8人。", "二、1-3月份生产安全事故情况",
                          "全市发生生产安全事故39起，死亡22人。")
    assert codes[2] == [None, None, None]  # the road-transport part's
    assert codes[4] == ["acc.accidents", "acc.deaths"]  # after the next heading, the whole again
    assert read_in_order("道路运输业方面。", "全市发生事故15起。")[1] == ["acc.accidents"]  # no total before it


def test_a_parts_label_names_the_part_in_its_figures_metrics():
    state = DocumentState()
    for sentence in ("全市发生生产安全事故17起，死亡11人。", "道路运输业方面。"):
        in_document(state, sentence, [m for _, m in run(sentence)])
    under = "全市发生事故15起，同比增加7起；死亡9人。"
    assert {m.metric for m in in_document(state, under, [m for _, m in run(under)])} == {
        "道路运输业发生事故", "道路运输业发生事故死亡"}
    road = "道路交通：发生事故15起，死亡9人。"  # a short label of a sector names it too
    assert [m.metric for m in in_document(state, road, [m for _, m in run(road)])] == [
        "道路交通发生事故", "道路交通发生事故死亡"]
    enforcement = ("（二）执法检查方面。", "全年检查企业1200家，罚款300万元。")
    for sentence in enforcement:
        got = in_document(state, sentence, [m for _, m in run(sentence)])
    assert [m.metric for m in got] == ["检查企业", "罚款"]  # a label prefixes only accident statistics
    inline = "建筑施工领域：发生事故2起，死亡2人。"
    assert [m.metric for m in in_document(state, inline, [m for _, m in run(inline)])] == [
        "建筑施工领域发生事故", "建筑施工领域发生事故死亡"]


def test_a_table_as_text_names_each_figure_by_its_column():
    state = DocumentState()
    sentences = ("序号|检查主体|检查内容|抽查比例|抽查数量|1|市场监管局|对经营者的行政检查|5%|1户(以实际抽查数为准。)",
                 "|2|市场监管局|对特种设备的行政检查|10%|3户|", "全年完成检查12户。")
    got = [[m.metric for m in in_document(state, s, [m for _, m in run(s)])] for s in sentences]
    assert got[:2] == [["抽查比例", "抽查数量"], ["抽查比例", "抽查数量"]]
    assert got[2] != ["抽查数量"]  # a sentence without cells ends the table


def test_a_change_against_normal_years_is_against_an_average_and_names_the_count_before():
    found = {t: m for t, m in run("全县平均累计降水891.7毫米，较多年均值偏少7%；7月降水量137.5毫米，较常年偏少58%。")}
    assert [(found[t].kind, found[t].direction, found[t].basis, found[t].metric) for t in ("7%", "58%")] == [
        ("change", "down", "average", "平均累计降水"), ("change", "down", "average", "降水量")]


def test_people_are_never_the_count_of_events():
    """同比起数持平、减少3人: the people after a bare 起数 are no count of the events before."""
    mentions = [m for _, m in run("长乐区事故4起、死亡4人，同比起数持平、减少3人。")]
    changed = next(m for m in mentions if m.value == 3.0)
    assert changed.unit == "人" and changed.rule != "the count of the events counted before"


def test_a_listed_change_keeps_the_direction_of_its_own_clause_in_ascii_punctuation():
    found = {t: m for t, m in run("人数增加3人,上升27.3%;未发生较大事故,同比减少3起、15人。")}
    assert (found["3起"].direction, found["15人"].direction) == ("down", "down")


def test_foreign_currency_is_money_in_its_own_unit():
    (_, m), *_ = run("实际利用外资1.98亿美元，增长149.6%。")
    assert (m.value, m.unit, m.kind) == (198_000_000, "美元", "money")


def test_a_heading_about_a_parts_accidents_makes_the_sentences_under_it_that_parts():
    codes = read_in_order("(一)事故总体情况", "1-2月，全省共发生生产安全事故25起、死亡40人。", "(二)煤矿事故情况",
                          "共发生事故15起、死亡29人，同比增加2起、14人。", "二、1-3月份生产安全事故情况",
                          "全省发生生产安全事故39起，死亡22人。")
    assert codes[1] == ["acc.accidents", "acc.deaths"]
    assert codes[3] == [None, None, None, None]  # the coal mines'
    assert codes[5] == ["acc.accidents", "acc.deaths"]  # the whole again


def test_changes_joined_to_a_parts_sentence_are_the_parts():
    codes = read_in_order("全县共发生各类安全生产事故6起,死亡5人。",
                          "1.生产经营性道路交通事故5起,死亡5人,直接经济损失3.26万元。同比,事故起数减少1起;死亡人数减少1人。")
    assert codes[0] == ["acc.accidents", "acc.deaths"]
    assert not any(codes[1])


@pytest.mark.parametrize("sentence,share,metric", [
    ("其中蓝码2043家，占55.44%。", "55.44%", "蓝码占"),
    ("建构筑物火灾39.1万起、占比43.1%。", "43.1%", "建构筑物火灾占比"),
    ("其中电气火灾6850起，占总数的31.4%。", "31.4%", "电气火灾占总数"),
])
def test_a_share_names_the_count_before_it_as_a_share(sentence, share, metric):
    assert {t: m for t, m in run(sentence)}[share].metric == metric


@pytest.mark.parametrize("sentence,text,noun", [
    ("建成13个乡(镇)公共法律服务工作站。", "13个", "公共法律服务工作站"),
    ("建成109个村(社区)公共法律服务工作室。", "109个", "公共法律服务工作室"),
    ("全省6个市县(项目)入选，数量并列全国第二。", "6个", "入选"),  # after the number, any short aside
    ("发布应急避险常识等286条内容。", "286条", "内容"),  # 内 of 内容 is no qualifier (30日内)
    ("全市行政执法人员100%持证上岗。", "100%", "持证上岗"),  # a rate of the short predicate after it
    ("2024年行政机关负责人100%出庭应诉。", "100%", "出庭应诉"),
])
def test_a_division_glossed_in_brackets_inside_a_noun_breaks_no_clause(sentence, text, noun):
    assert noun in {t: m for t, m in run(sentence)}[text].metric


@pytest.mark.parametrize("sentence,text,metric", [
    # each party of a list before one agreement takes it (party_acts.txt)
    ("省政府与16个市、25家省安委会有关成员单位签订安全生产和消防工作目标管理责任书。", "16个",
     "市签订安全生产和消防工作目标管理责任书"),
    ("县安委会与18个乡镇、36家企业签订责任书。", "18个", "乡镇签订责任书"),
    ("县安委会与18个乡镇、36家企业签订责任书。", "36家", "企业签订责任书"),
    # a division glossed in brackets before the list goes on keeps its gloss whole
    ("对5个乡镇(街道)、4家行政执法单位开展实地督察。", "5个", "乡镇(街道)"),
    ("分别与13个县(市、区)和36个市直部门签订目标责任书。", "13个", "县(市、区)"),  # no 、 of a gloss parts the list
    # an act done on the parties is not theirs: its words would code them
    ("对全省1654处高层建筑、190处地下建筑开展消防安全“专家查隐患”行动。", "1654处", "高层建筑"),
])
def test_the_parties_of_an_agreement_each_take_it(sentence, text, metric):
    found = {t: m for t, m in run(sentence)}[text]
    assert found.metric == metric
    assert found.indicator_code is None


@pytest.mark.parametrize("sentence,text,metric", [
    ("道路运输行业(事故26起、死亡30人)、建筑施工行业(事故10起、死亡6人)。", "26起", "道路运输行业事故"),
    ("道路运输行业(事故26起、死亡30人)、建筑施工行业(事故10起、死亡6人)。", "10起", "建筑施工行业事故"),
    ("汇总习近平法治思想(5部)、党内法规(45部)。", "5部", "汇总习近平法治思想"),  # alone in brackets: as before
    ("“三合一”场所100%完成隐患整改(督促搬离454处)。", "454处", "督促搬离"),  # no noun after a figure
])
def test_figures_in_brackets_after_a_noun_count_what_that_noun_names(sentence, text, metric):
    assert {t: m for t, m in run(sentence)}[text].metric == metric


def test_a_slogan_before_a_bare_verb_names_nothing_counted():
    assert {t: m.metric for t, m in run("坚持以人民为中心，共办结126件。")}["126件"] == "办结"


def test_the_peers_a_count_is_taken_from_are_no_count():
    assert [t for t, _ in run("全国32个省级统计单位中，有24个未发生重特大事故。")] == ["24个"]


@pytest.mark.parametrize("sentence,texts", [
    ("签发电子证照种类182种，较上年增加18种。", ["182种", "18种"]),  # kinds counted
    ("提升监督执法、应急管理、防灾减灾救灾五种能力。", []),  # kinds named
    ("审议满意25票，基本满意3票。", ["25票", "3票"]),
    ("本级安排帐篷54顶。", ["54顶"]),
    ("治理水土流失面积60平方公里。", ["60平方公里"]),
    ("完成货运周转量255.7亿吨公里。", ["255.7亿吨公里"]),  # ton-kilometres, not tons
    ("PM2.5平均浓度为26微克/立方米。", ["26微克/立方米"]),  # a concentration
    ("PM2.5浓度20µg/m3，PM10浓度34µg/m3。", ["20µg/m3", "34µg/m3"]),  # written with the micro sign
    ("区域环境噪声昼间平均等效声级52.4dB(A)。", ["52.4dB(A)"]),  # a unit in Latin letters
    ("新增治理河长477 km，限速120km/h。", ["477 km"]),  # kilometres, not a speed
    ("部分路段限速80km/时，时速不超过60kmh。", []),
    ("玉米单产450.03公斤/亩，销毁炸药5457.6公斤。", ["450.03公斤/亩", "5457.6公斤"]),
    ("建成5G基站120个，A3级景区2个。", ["120个", "2个"]),  # identifiers are still no numbers
])
def test_kinds_votes_tents_and_areas(sentence, texts):
    assert [t for t, _ in run(sentence)] == texts


@pytest.mark.parametrize("sentence,mentions", [
    ("亿元生产总值死亡率控制在0.025人/亿元以内。", [("0.025人/亿元", "人/亿元", "target")]),
    ("煤矿百万吨死亡率0.1人/百万吨，火灾死亡率0.2人/10万人。",
     [("0.1人/百万吨", "人/百万吨", "ratio"), ("0.2人/10万人", "人/10万人", "ratio")]),
    ("火灾死亡率0.2人/十万人口。", [("0.2人/十万人口", "人/10万人", "ratio")]),  # one name for one base
    # each rate of a list before 分别 is the base of the value in its place
    ("亿元GDP生产安全事故死亡率、道路交通万车死亡率分别为0.012、1.63。",
     [("0.012", "人/亿元", "ratio"), ("1.63", "人/万车", "ratio")]),
    ("每家企业检查2次/年，补助20元/人。", [("2次", "次", "count"), ("20元", "元", "money")]),  # as annotated
    ("全市共发生生产安全事故12起/10人。", [("12起", "起", "count")]),  # a slash between counts is no base
])
def test_a_rate_keeps_the_scaled_base_it_is_per(sentence, mentions):
    assert [(t, m.unit, m.kind) for t, m in run(sentence)] == mentions


@pytest.mark.parametrize("sentence,periods", [
    ("火灾十万人口死亡率：2021、2022年分别为0.17、0.24。", ["2021", "2022"]),
    ("全市2020年、2021年分别检查企业120家、150家。", ["2020", "2021"]),
])
def test_a_list_of_years_gives_each_value_its_year(sentence, periods):
    found = run(sentence)
    assert [m.period for _, m in found] == periods
    assert not any(m.metric and m.metric[:2].isdigit() for _, m in found)  # a year is no subject


def test_the_definition_of_a_grade_of_accidents_counts_nothing():
    assert [t for t, _ in run("全市共发生一次死亡3-9人较大生产安全事故3起，死亡9人。")] == ["3起", "9人"]


def test_shares_after_a_verdict_of_falls_are_no_falls():
    found = run("全市事故起数和死亡人数实现“双下降”，分别占全省的3.1%和2.5%。")
    assert [(t, m.kind, m.direction) for t, m in found] == [("3.1%", "ratio", None), ("2.5%", "ratio", None)]


def test_people_tested_are_people_trained():
    assert assign_code("机关干部参加习近平法治思想在线测试", "名", "count") == "train.participants"


@pytest.mark.parametrize("metric,unit,code", [
    ("为企业提出法律建议", "件", "legal.advice_given"),  # legal advice, not a deputy's proposal
    ("三类人员考法", "人次", "train.participants"),  # a law exam
    ("案例入选青岛市行政规范性文件合法性审核案例", "个", None),  # an honour (uncoded_words.txt), no review
])
def test_advice_and_exams(metric, unit, code):
    assert assign_code(metric, unit, "count") == code


@pytest.mark.parametrize("metric,unit,code", [
    ("部门每千次检查发现的重大隐患", "项", None),  # a rate per a thousand inspections, no count of hazards
    ("每十万人受灾", "人次", None),
    ("每10万人口因自然灾害死亡", "人", None),
    ("每万人拥有法律服务工作者", "名", None),
    ("每年开展执法检查", "次", None),  # 每年 is no base: the frequency keeps its own reading
    ("检查发现的重大隐患", "项", "haz.major_hazards_found"),
])
def test_a_value_per_a_scaled_base_takes_no_code(metric, unit, code):
    assert assign_code(metric, unit, "count") == code


@pytest.mark.parametrize("sentences,subcounts", [
    (["全省发生生产安全事故120起，其中较大事故2起。"], [False, False]),  # all there is of major accidents
    (["全省发生生产安全事故949起、死亡1030人。", "其中，较大事故20起、死亡75人。"], [False, False]),
    (["全年立案查处6517件，其中事前立案6462件。"], [False, True]),  # a part of cases filed, coded as its total
    (["全年立案查处违法案件320件，其中一般程序案件280件。"], [False, True]),  # another code, no kind of it
    # a part of a part: the road sector's major accidents are not all the jurisdiction's
    (["全市发生生产安全事故50起、死亡40人，其中道路运输事故30起、死亡25人（其中较大事故1起、死亡3人）。"],
     [False, True, True]),
])
def test_a_part_coded_other_than_its_total_is_no_sub_count(sentences, subcounts):
    state = DocumentState()
    found = [m for s in sentences for m in in_document(state, s, [m for _, m in run(s)])]
    assert [m.subcount for m in found if m.unit != "人"] == subcounts


def test_parts_named_only_by_where_they_are_count_what_the_last_sentences_total_counts():
    state = DocumentState()
    total = "2023至2024年,全市核定需冬春救助人口12407人。"
    parts = "其中,港口区228人,防城区4849人。"
    in_document(state, total, [m for _, m in run(total)])
    got = [m.metric for m in in_document(state, parts, [m for _, m in run(parts)])]
    assert got == ["港口区核定需冬春救助人口", "防城区核定需冬春救助人口"]


@pytest.mark.parametrize("sentence,pos,opened,closed", [
    ("事故7起(道路3起;其他(火灾)1起;冶金1起),死亡7人", 19, 4, 23),  # 冶金: still in the first bracket
    ("事故7起(道路3起),死亡7人", 8, 4, 9),
    ("事故7起(道路3起),死亡7人", 12, -1, -1),
    ("事故22起（其中道路交通事故18起", 12, 5, -1),  # never closed
])
def test_brackets_are_matched_across_brackets_inside_them(sentence, pos, opened, closed):
    assert bracket_open_at(sentence, pos) == opened
    assert (bracket_close(sentence, opened) if opened >= 0 else -1) == closed
