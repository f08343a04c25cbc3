import csv
from pathlib import Path

import pytest

from pipeline.metadata import infer_metadata
from pipeline.normalise import normalise_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).parent / "data" / "gold" / "documents.tsv"

# (case, text, region, region_code, report_year, doc_type, agency, published_on)
CASES = [
    (
        "county title and signature, body cites its prefecture",
        "张家港市应急管理局2021年法治政府建设工作报告\n2021年，我局在苏州市应急管理局指导下，认真贯彻《苏州市安全生产条例》。全市安全形势稳定。\n张家港市应急管理局\n2022年1月10日",
        "张家港市", "320582", 2021, "annual_report", "张家港市应急管理局", "2022-01-10",
    ),
    (
        "prefecture report listing its counties",
        "苏州市应急管理局2021年度法治政府建设工作报告\n2021年，全市推进依法行政。张家港市、常熟市、太仓市、昆山市分别开展执法检查。\n苏州市应急管理局\n2022年1月24日",
        "苏州市", "320500", 2021, "annual_report", "苏州市应急管理局", "2022-01-24",
    ),
    (
        "district named with its city: the district",
        "深圳市罗湖区司法局关于2022年法治政府建设情况的报告\n2022年，在区委、区政府的领导下，我区法治建设取得成效。全区共办理案件100件。\n深圳市罗湖区司法局\n2023年2月1日",
        "罗湖区", "440303", 2022, "annual_report", "深圳市罗湖区司法局", "2023-02-01",
    ),
    (
        "municipality",
        "重庆市应急管理局2022年度法治政府建设情况报告\n2022年，我局坚持依法行政。全市安全生产形势稳定。\n重庆市应急管理局\n2023年1月15日",
        "重庆市", "500000", 2022, "annual_report", "重庆市应急管理局", "2023-01-15",
    ),
    (
        "district of a municipality",
        "重庆市渝中区人民政府关于2021年法治政府建设工作情况的报告\n2021年，我区深入推进依法行政。\n重庆市渝中区人民政府\n2022年1月20日",
        "渝中区", "500103", 2021, "annual_report", "重庆市渝中区人民政府", "2022-01-20",
    ),
    (
        "ministry: national, whatever provinces it mentions",
        "应急管理部2021年法治政府建设年度报告\n2021年，应急管理部指导各省、自治区、直辖市应急管理部门推进法治建设。江苏省、浙江省等地成效明显。\n应急管理部\n2022年3月1日",
        "全国", "100000", 2021, "annual_report", "应急管理部", "2022-03-01",
    ),
    (
        "ministry web page with 发布时间 and 来源",
        "司法部2022年法治政府建设年度报告\n发布时间：2023-03-30 来源：司法部\n2022年，司法部认真贯彻党中央决策部署。",
        "全国", "100000", 2022, "annual_report", "司法部", "2023-03-30",
    ),
    (
        "province",
        "江苏省应急管理厅2021年度法治政府建设工作报告\n2021年，全省应急管理系统深入推进依法行政。南京市、苏州市等地积极探索。\n江苏省应急管理厅\n2022年1月28日",
        "江苏省", "320000", 2021, "annual_report", "江苏省应急管理厅", "2022-01-28",
    ),
    (
        "anonymised work plan: no region even if the body names one",
        "xx市司法局2022年法治政府建设工作要点\n2022年，全市法治政府建设工作要点如下：一、推进苏州营商环境建设。\n",
        None, None, 2022, "work_plan", None, None,
    ),
    (
        "anonymised signature",
        "2022年法治政府建设工作报告\n2022年，我局深入推进依法行政，南京市等地经验值得借鉴。\nXX市应急管理局\n2023年1月5日",
        None, None, 2022, "annual_report", None, "2023-01-05",
    ),
    (
        "traditional script",
        "蘇州市應急管理局2021年度法治政府建設工作報告\n2021年，我局認真貫徹依法行政。\n蘇州市應急管理局\n2022年1月24日",
        "苏州市", "320500", 2021, "annual_report", "苏州市应急管理局", "2022-01-24",
    ),
    (
        "general summary followed by next year's ideas",
        "苏州市应急管理局2021年工作总结和2022年工作思路\n2021年，我局全力做好安全生产工作。\n",
        "苏州市", "320500", 2021, "work_summary", "苏州市应急管理局", None,
    ),
    (
        "rule-of-law summary is an annual report",
        "常州市司法局2021年法治政府建设工作总结\n2021年，我局推进依法行政。\n",
        "常州市", "320400", 2021, "annual_report", "常州市司法局", None,
    ),
    (
        "work plan",
        "南京市司法局2023年法治政府建设工作要点\n为深入推进法治政府建设，现制定本要点。\n",
        "南京市", "320100", 2023, "work_plan", "南京市司法局", None,
    ),
    (
        "report citing a plan is still a report",
        "无锡市应急管理局2021年度法治政府建设情况报告\n根据《2021年无锡市法治政府建设工作要点》，现将2021年法治政府建设情况报告如下：\n",
        "无锡市", "320200", 2021, "annual_report", "无锡市应急管理局", None,
    ),
    (
        "web page: navigation, title without city, source field, debris",
        "首页 > 政务公开 > 法治政府建设\n市司法局2021年法治政府建设年度报告\n发布时间：2022-02-15 10:00 来源：杭州市司法局 浏览次数：123\n2021年，市司法局认真贯彻落实。我市法治建设成效明显。\n扫一扫在手机打开当前页",
        "杭州市", "330100", 2021, "annual_report", "杭州市司法局", "2022-02-15",
    ),
    (
        "索引号 table with the issuing agency",
        "索引号：11320500014160424W/2022-00123\n发布机构：常熟市司法局\n发布日期：2022-03-10\n关于2021年度法治政府建设情况的报告\n2021年，我市法治政府建设取得新成效。全市共办理行政复议案件123件。\n",
        "常熟市", "320581", 2021, "annual_report", "常熟市司法局", "2022-03-10",
    ),
    (
        "site of the prefecture hosting a county's report",
        "苏州市人民政府\n首页 > 政务公开 > 部门信息\n张家港市应急管理局2021年法治政府建设工作报告\n2021年，我局推进依法行政。《苏州市安全生产条例》得到落实。\n张家港市应急管理局\n2022年1月10日",
        "张家港市", "320582", 2021, "annual_report", "张家港市应急管理局", "2022-01-10",
    ),
    (
        "date in Chinese numerals",
        "苏州市司法局2021年法治政府建设年度报告\n2021年，我局依法履职。\n苏州市司法局\n二〇二二年一月二十四日",
        "苏州市", "320500", 2021, "annual_report", "苏州市司法局", "2022-01-24",
    ),
    (
        "no year in the text: the year before the signature",
        "法治政府建设年度报告\n今年以来，我局认真履行职责，推进依法行政。全市执法案件数量下降。\n苏州市应急管理局\n2022年2月10日",
        "苏州市", "320500", 2021, "annual_report", "苏州市应急管理局", "2022-02-10",
    ),
    (
        "signed in December: covers the same year",
        "昆山市法治政府建设情况报告\n今年以来，我市持续推进依法行政。\n昆山市人民政府\n2022年12月20日",
        "昆山市", "320583", 2022, "annual_report", "昆山市人民政府", "2022-12-20",
    ),
    (
        "a notice is other",
        "关于开展安全生产大检查的通知\n各区应急管理局：为做好安全生产工作，现通知如下。\n苏州市应急管理局\n2022年5月6日",
        "苏州市", "320500", 2022, "other", "苏州市应急管理局", "2022-05-06",
    ),
    (
        "notice issuing a plan is the plan",
        "关于印发《2022年全市应急管理法治工作要点》的通知\n各市（区）应急管理局：现将《2022年全市应急管理法治工作要点》印发给你们，请认真贯彻落实。\n苏州市应急管理局\n2022年3月1日",
        "苏州市", "320500", 2022, "work_plan", "苏州市应急管理局", "2022-03-01",
    ),
    (
        "no title; short form in the body; year from the opening",
        "现将我局2021年法治政府建设情况报告如下：围绕法治张家港目标，在张家港市人民政府网站公开许可信息，我市第一批《张家港市企业合规指导清单》发布。\n",
        "张家港市", "320582", 2021, "annual_report", None, None,
    ),
    (
        "official document: 版头, document number, addressee, 印发 line",
        "南京市应急管理局文件\n宁应急〔2022〕5号\n南京市应急管理局关于2021年度法治政府建设情况的报告\n市政府：\n2021年，我局认真履行职责，推进依法行政。\n特此报告。\n南京市应急管理局\n2022年1月25日\n南京市应急管理局办公室 2022年1月26日印发",
        "南京市", "320100", 2021, "annual_report", "南京市应急管理局", "2022-01-25",
    ),
    (
        "raw text with layout spaces",
        "连云港市应急管理局 2022 年度 法治政府工作报告\n\n2022 年，市应急管理局推进依法行政。\n\n连云港市应急管理局\n\n2023 年 1 月 9 日",
        "连云港市", "320700", 2022, "annual_report", "连云港市应急管理局", "2023-01-09",
    ),
    (
        "name shared by several districts, resolved by the city named in the body",
        "鼓楼区司法局2021年法治政府建设年度报告\n2021年，在南京市委、市政府领导下，我区推进依法行政。全区成效明显。\n鼓楼区司法局\n2022年1月20日",
        "鼓楼区", "320106", 2021, "annual_report", "鼓楼区司法局", "2022-01-20",
    ),
    (
        "autonomous prefecture",
        "延边朝鲜族自治州司法局2021年法治政府建设情况报告\n2021年，全州法治政府建设稳步推进。\n延边朝鲜族自治州司法局\n2022年2月1日",
        "延边朝鲜族自治州", "222400", 2021, "annual_report", "延边朝鲜族自治州司法局", "2022-02-01",
    ),
    (
        "a single passing mention of another city is not enough",
        "2021年工作总结\n今年以来，我市学习借鉴南京市经验，扎实推进各项工作。\n",
        None, None, 2021, "work_summary", None, None,
    ),
    (
        "untitled excerpt: the agency of the opening that names a place, not 在市委",
        "2023年，在市委市政府领导下，广州市应急管理局全面学习贯彻党的二十大精神。全年共发生事故10起。\n",
        "广州市", "440100", 2023, "work_summary", "广州市应急管理局", None,
    ),
    (
        "untitled excerpt of a ministry: national from the opening",
        "2022年，应急管理部坚持以习近平新时代中国特色社会主义思想为指导，积极推进法治政府建设。法治宣传深入开展，依法行政水平提升。\n",
        "全国", "100000", 2022, "annual_report", "应急管理部", None,
    ),
    (
        "中华人民共和国 is no county (共和县)",
        "2022年，应急管理部坚持依法行政，推动修订《中华人民共和国安全生产法》，法治政府建设取得成效，法治宣传深入开展。\n",
        "全国", "100000", 2022, "annual_report", "应急管理部", None,
    ),
    (
        "untitled: passing mentions decide with the kind the agency names (省应急管理厅)",
        "2023年，省应急管理厅坚持以习近平法治思想为指导，推进法治政府建设。落实视察广东重要讲话精神，制定《广东省安全生产条例》配套制度，法治宣传深入。\n",
        "广东省", "440000", 2023, "annual_report", "广东省应急管理厅", None,
    ),
    (
        "untitled report of 我局: the one division it names, even inside a cited title",
        "按照有关要求，现将我局法治政府建设工作开展情况总结如下：\n一、2024年法治政府建设的主要举措和成效\n制定《2024年度霍邱县应急管理局学法计划》，开展法治宣传10次。\n",
        "霍邱县", "341522", 2024, "annual_report", None, None,
    ),
    (
        "untitled plan: 总体要求 at the start, not a year's results",
        "2024年全市应急管理工作总体要求是：以习近平新时代中国特色社会主义思想为指导，全力防范化解重大安全风险。\n一、压实安全责任\n开展检查100次。\n",
        None, None, 2024, "work_plan", None, None,
    ),
    (
        "untitled summary of the year without the rule of law: work_summary",
        "2024年，区应急管理局坚持以习近平新时代中国特色社会主义思想为指导，全力筑牢安全防线。今年以来，辖区共发生生产安全事故6起。\n",
        None, None, 2024, "work_summary", "区应急管理局", None,
    ),
    (
        "a page's index table: the labelled title field, not 主题分类|行政行为情况",
        "索引号|XM00503-25-00-2025-004|主题分类|行政行为情况|发布机构|厦门市应急管理局|标题:|厦门市应急管理局关于2024年度依法行政暨法治政府建设工作情况的报告|\n2024年，市应急管理局坚持依法行政。\n",
        "厦门市", "350200", 2024, "annual_report", "厦门市应急管理局", None,
    ),
    (
        "the subject of the first sentence, not the bodies it obeys (党中央、国务院)",
        "2021年，青岛市坚持以习近平新时代中国特色社会主义思想为指导，深入落实党中央、国务院关于法治政府建设决策部署，法治政府建设取得成效，法治宣传深入开展。\n",
        "青岛市", "370200", 2021, "annual_report", None, None,
    ),
    (
        "工作部署 is no ministry",
        "苏州工业园区斜塘街道紧紧围绕园区工作部署，推动全街道安全生产形势稳定。\n",
        "斜塘街道", None, None, "work_summary", None, None,
    ),
    (
        "a ministry named with 发布 in the title",
        "应急管理部发布2023年法治政府建设年度报告\n中新网3月29日电据应急管理部微信公众号消息，应急管理部发布2023年法治政府建设年度报告。\n",
        "全国", "100000", 2023, "annual_report", "应急管理部", None,
    ),
    (
        "a news page's timestamp is when it was posted",
        "安全|全市安全生产形势平稳\n来源: 编辑:陈欢 2024-05-08 10:16:32\n今年“五一”假期，泰州市切实做好各项安全防范措施，全市未发生生产安全事故。\n",
        "泰州市", "321200", 2024, "other", None, "2024-05-08",
    ),
    (
        "示范县 holds no 范县",
        "按照要求，我局认真总结2021年度推进法治政府建设的主要举措和成效，泸西县创建法治政府建设示范县，法治宣传深入开展。\n",
        "泸西县", "532527", 2021, "annual_report", None, None,
    ),
    (
        "a government-information disclosure report recounts a year's disclosure work: an annual report",
        "西城区应急管理局2021年政府信息公开工作年度报告\n发布时间:2022-01-17\n依据《政府信息公开条例》，编制本报告。\n",
        "西城区", "110102", 2021, "annual_report", "西城区应急管理局", "2022-01-17",
    ),
    (
        "a short opening that introduces the report is no header line",
        "市委、市政府:\n根据法治政府建设年度报告制度的要求，现将我局2025年度法治政府建设工作情况报告如下:\n一、强化组织领导\n开展学法10次。\n",
        None, None, 2025, "annual_report", None, None,
    ),
    (
        "the section every rule-of-law annual report opens with tells one without a title",
        "一、主要负责人履行推进法治建设第一责任人职责、加强法治政府建设有关情况\n（一）开展学法4次。\n",
        None, None, None, "annual_report", None, None,
    ),
    (
        "a sentence that only frames the year is not the one whose subject reports",
        "2025年度法治政府建设工作情况\n2025年是全面完成规划目标任务的关键之年。长宁区城管执法系统坚持依法行政，"
        "落实《上海法治政府建设规划》。\n",
        "长宁区", "310105", 2025, "annual_report", None, None,
    ),
    (
        "a place the report learns from is not its own",
        "2021年工作总结\n今年以来，我市学习借鉴南京市经验，扎实推进各项工作。\n",
        None, None, 2021, "work_summary", None, None,
    ),
    (
        "the body a report is addressed to is not its region",
        "常州市人民政府:\n2024年，在市委、市政府和区委的坚强领导下，区政府深入推进法治政府建设各项工作，取得了积极成效。\n"
        "1.推进改革。印发《常州市天宁区机构改革方案》，全区精简议事协调机构。\n",
        "天宁区", "320402", 2024, "annual_report", "天宁区政府", None,
    ),
    (
        "a city's short name is the city, not its district of the same name",
        "2024年，淮安坚持以习近平新时代中国特色社会主义思想为指导，推动淮安成为生力军，开展学法10次。\n",
        "淮安市", "320800", 2024, "work_summary", None, None,
    ),
    (
        "a page published by a ministry (来源) is national",
        "2021年应急管理工作成绩单出炉\n来源:中华人民共和国应急管理部2022-01-06 12:44\n"
        "1月5日，全国应急管理工作会议在京召开，全面总结2021年应急管理工作。\n",
        "全国", "100000", 2021, "work_summary", "中华人民共和国应急管理部", "2022-01-06",
    ),
    (
        "a disclosure report without its title opens with the template's 总体情况",
        "一、总体情况\n2021年，广汉市应急管理局认真贯彻落实《中华人民共和国政府信息公开条例》，依法公开政府信息，"
        "扎实做好政务信息公开工作。\n",
        "广汉市", "510681", 2021, "annual_report", None, None,
    ),
    (
        "a long breadcrumb before the title is page furniture; a notice that issues a plan is the plan",
        "当前位置:首页»政策法规»地方法规»安徽省安全生产委员会关于印发《安徽省安全生产委员会2024年工作要点》的通知\n"
        "安徽省安全生产委员会关于印发《安徽省安全生产委员会2024年工作要点》的通知\n各市安委会：现将有关事项通知如下。\n",
        "安徽省", "340000", 2024, "work_plan", "安徽省安全生产委员会", None,
    ),
    (
        "a breadcrumb carried over to the next line and an index block without colons are furniture",
        "当前位置:首页\n>> 政务公开 >> 市政府信息公开 >> 规划计划 >> 其他规划信息\n"
        "索引号 11332500MB1647295F/2022-36788 文号\n组配分类 其他规划信息 发布机构 丽水市应急管理局\n"
        "成文日期 2022-06-07 公开方式 主动公开\n丽水市应急管理局关于印发2022年丽水市应急管理工作要点的通知\n"
        "各县(市、区)应急管理局：现将工作要点印发给你们，请认真贯彻落实。\n",
        "丽水市", "331100", 2022, "work_plan", "丽水市应急管理局", None,
    ),
    (
        "a press item that reprints a report whole is that report, of whoever published it",
        "中新网 3月29日电 据司法部网站消息,司法部发布2023年法治政府建设年度报告。具体报告如下:\n"
        "一、坚持把党的领导贯穿到法治政府建设全过程各方面\n部党组始终坚持和加强党对法治政府建设的领导。\n",
        "全国", "100000", 2023, "annual_report", "司法部", None,
    ),
    (
        "a news page's plain 时间 label dates it, and a holiday item is of the year it was posted",
        "吉林省元旦期间安全生产和应急管理形势总体平稳\n时间:2022-01-04来源:吉林日报作者:孙寰宇\n"
        "据吉林省应急管理厅资讯，元旦假期全省安全生产和应急管理形势总体平稳。\n",
        "吉林省", "220000", 2022, "other", None, "2022-01-04",
    ),
    (
        "a title naming its kind by 规划 alone is a title, and a plan of years, dated by its posting year",
        "秦安县“十四五”安全生产规划\n发布机构: 索引号:1669705777577376 时间:2022-11-07\n"
        "“十四五”时期是我国全面建成小康社会之后，开启全面建设社会主义现代化国家新征程的第一个五年。\n",
        "秦安县", "620522", 2022, "work_plan", None, "2022-11-07",
    ),
    (
        "index fields run together once spaces go are furniture; an issuing notice as title is what it issues",
        "当前位置:首页\n索引号 11332500MB/2022-36788 文号\n组配分类 其他规划信息 发布机构 乌鲁木齐市应急管理局\n"
        "关于印发《乌鲁木齐市安全生产“十四五”规划》的通知\n各区人民政府：现将规划印发给你们，请认真贯彻执行。\n",
        "乌鲁木齐市", "650100", None, "work_plan", None, None,
    ),
    (
        "a press item opened by 近日 and a national body's act is national; a date barred off the fields is its posting",
        "国务院安委办危化品专项排查治理督导检查如期完成\n2020-12-15 | 编辑:enablesite |\n【\n大\n中\n小】\n"
        "近日,国务院安委会办公室组织的危化品专项排查治理督导检查阶段工作如期完成。\n",
        "全国", "100000", 2020, "other", "国务院安委会办公室", "2020-12-15",
    ),
    (
        "a bureau named 规划和自然资源局 on a site header is no plan's title",
        "深圳市规划和自然资源局\n深圳市规划和自然资源局2022年法治政府建设年度报告\n"
        "2022年，我局坚持以习近平法治思想为指导，推进法治政府建设。\n",
        "深圳市", "440300", 2022, "annual_report", "深圳市规划和自然资源局", None,
    ),
    (
        "a department (组织部) is no act of the subject; a 时间 inside the text dates no page",
        "2023年法治宣传工作总结\n近日，鞍山市委组织部、市司法局联合举办法治培训班。开展宪法宣传周活动（时间：2023年12月4日）。\n"
        "鞍山市司法局\n2024年1月15日\n",
        "鞍山市", "210300", 2023, "annual_report", "鞍山市司法局", "2024-01-15",
    ),
    (
        "a first sentence opened by its day (1月15日，) names its subject",
        "1月15日，应急管理部举行新闻发布会。2024年全年共发生各类生产安全事故2.18万起。\n",
        "全国", "100000", 2024, "other", "应急管理部", None,
    ),
    (
        "a national body that convened a meeting a local body reports on is not the reporter",
        "4月10日，司法部召开全国行政复议工作会议。大理州司法局认真贯彻落实会议精神，2023年办理行政复议案件120件。\n",
        "大理白族自治州", "532900", 2023, "other", "大理州司法局", None,
    ),
    (
        "a 方案 of any kind (分工方案) is a plan",
        "关于印发《宁波市应急管理“十四五”规划重点目标任务分工方案》的通知\n各成员单位：现将方案印发给你们，请认真抓好落实。\n",
        "宁波市", "330200", None, "work_plan", None, None,
    ),
    (
        "places that learnt from the reporter are not its region; a yearbook's 概况 is a summary",
        "安全生产概况(2023年)\n【安全生产概况】2023年，我市全年生产安全事故起数同比下降13.33%。"
        "微反应技术推广运用被山东、四川以及省内苏州、盐城等多地学习借鉴。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "a newspaper's date line is no title; the year covered is the one the text reports",
        "人民日报2021年01月08日星期五\n去年生产安全事故数量下降15.5%\n"
        "本报北京1月7日电记者从7日召开的全国应急管理工作会议获悉:2020年全国生产安全事故起数同比下降15.5%。\n",
        "全国", "100000", 2020, "other", None, None,
    ),
    (
        "a page's index table is no first paragraph",
        "索引号 | 75719027-2/20231218-00001 | 发布机构 | 腾冲市应急管理局 |\n公开目录 | 计划总结 | 发布日期 | 2023-12-18 16:10:03 |\n文号 | 浏览量 |\n"
        "2023年，在市委、市政府的坚强领导下，腾冲市应急管理局深入贯彻落实党的二十大精神。\n",
        "腾冲市", "530581", 2023, "work_summary", "腾冲市应急管理局", "2023-12-18",
    ),
    (
        "a plan that opens on its 工作要点 after 根据…总体要求 is still a plan",
        "根据市委总体要求，现将2024年工作要点明确如下，请认真贯彻落实。\n一、压实安全责任\n开展检查100次。\n",
        None, None, 2024, "work_plan", None, None,
    ),
    (
        "a web newsroom's item with a reporter's byline is a press item",
        "春节假期全区安全形势总体平稳\n本网讯(某某全媒记者 张巧珍) 2月18日,自治区应急管理厅对外通报,2024年春节假期,全区安全形势总体平稳。\n",
        None, None, 2024, "other", None, None,
    ),
    (
        "a reporter credited at the end of the page makes a press item too",
        "春节假期全区安全形势总体平稳\n节日期间,全区安全形势总体稳定。全区应急系统共出动检查组382个,检查企业1633户。\n"
        + "持续发布安全提示,对往返出行、聚会旅游、复产复工等方面安全进行提示提醒。\n" * 8
        + "某某日报社全媒体记者 李莉\n",
        None, None, None, "other", None, None,
    ),
    (
        "a covering notice the text only cites (根据《…关于印发…方案的通知》) is not its title",
        "一、总体情况\n2021年,榕城区政府办公室根据《揭阳市人民政府办公室关于印发揭阳市2021年政务公开工作要点分工方案的通知》"
        "文件要求,全力做好政府信息公开工作。\n",
        "榕城区", "445202", 2021, "annual_report", None, None,
    ),
    (
        "the boilerplate of a disclosure report (本年报所列数据统计时限) says what it is",
        "根据有关工作要求,综合东宝区行政区域内总体情况编制。本年报所列数据统计时限2021年1月1日起至2021年12月31日止。\n",
        "东宝区", "420802", 2021, "annual_report", None, None,
    ),
    (
        "a disclosure report opens on 总体情况 and its first part, 主动公开",
        "一、总体情况\n(一)主动公开\n一是组织保障方面。经开区将政府信息公开工作纳入到2021年度目标任务中。\n",
        None, None, 2021, "annual_report", None, None,
    ),
    (
        "a five-year plan issued by a covering notice is a plan of the year it was issued",
        "关于印发《乌鲁木齐市安全生产“十四五”规划》的通知\n各区人民政府：\n《乌鲁木齐市安全生产“十四五”规划》已经市人民政府同意，"
        "现印发给你们。\n乌鲁木齐市人民政府办公室\n2023年4月26日\n",
        "乌鲁木齐市", "650100", 2023, "work_plan", "乌鲁木齐市人民政府办公室", "2023-04-26",
    ),
    (
        "a county's report that names its province more often (the province's awards) is the county's",
        "2023年以来,县司法局在县委、县政府的坚强领导下,全面贯彻落实县委、县政府决策部署。“蒙城县矛盾化解会商机制”被命名为"
        "“安徽省第二批法治政府建设示范项目”。全县获安徽省表彰3次,安徽省司法厅推广全县经验。我县法治建设成效明显。\n",
        "蒙城县", "341622", 2023, "work_summary", "蒙城县司法局", None,
    ),
    (
        "the year's 总体要求 after a framing sentence is a plan",
        "今年是新中国成立75周年，做好全市应急管理工作任务艰巨。2024年，天津市应急管理工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。\n",
        "天津市", "120000", 2024, "work_plan", None, None,
    ),
    (
        "a conference that sums up the year's results, written up for the press, is a work summary of the country",
        "1月3日至4日，全国应急管理工作会议在京召开。会议全面总结了2023年全国应急管理工作取得的新成效，保持了全国安全生产形势总体平稳。\n",
        "全国", "100000", 2023, "work_summary", None, None,
    ),
    (
        "a dateline (本报北京) is where a reporter filed, not the region; a full date is when it was told",
        "2022年3月14日，本报北京电，应急管理部召开新闻发布会介绍称，2021年，全国矿山安全生产形势持续稳定好转，全国矿山共发生事故356起。\n",
        "全国", "100000", 2021, "work_summary", None, None,
    ),
    (
        "a text about several districts of a city is the city's",
        "秦州9起、麦积9起!天水市最新通报\n2022年，全市共发生生产安全事故37起，死亡33人。\n",
        "天水市", "620500", 2022, "other", None, None,
    ),
    (
        "去年 opening a text recounts that year",
        "去年，张掖市上下深入贯彻习近平总书记关于安全生产重要论述，全力以赴筑牢安全生产防火墙。\n",
        "张掖市", "620700", None, "work_summary", None, None,
    ),
    (
        "a national body opening a text on the country's figures: the provinces it lists are parts",
        "1-2月份全国煤矿共发生事故15起\n2022-03-09 09:49:30 国家矿山安全监察局调查统计司\n"
        "国家矿山安全监察局调查统计司数据显示，2022年1-2月份，全国煤矿共发生事故15起、死亡29人。"
        "事故总量从多到少排名依次是，贵州省2起、山西省2起、内蒙古自治区2起、新疆维吾尔自治区1起。\n",
        "全国", "100000", 2022, "other", None, "2022-03-09",
    ),
    (
        "a year the title looks ahead to is not the year a press item covers; a page's Chinese timestamp is its date",
        "应急管理部：2026年将有序开展季度明查暗访\n2026年02月27日16:52 来源：中国新闻网\n"
        "应急管理部27日举行新闻发布会。申展利表示，2025年，应急管理部大力推动重大决策部署落地落实。\n",
        "全国", "100000", 2025, "other", "应急管理部", "2026-02-27",
    ),
    (
        "the government that opens the text is its reporter, whose kind picks among the places it cites",
        "2022年，市政府坚持以习近平新时代中国特色社会主义思想为指导，全面落实省委、省政府工作要求。现将有关情况报告如下。"
        "提请审议《青岛市停车场条例》《青岛市违法建设治理条例》等4件地方性法规草案。\n",
        "青岛市", "370200", 2022, "work_summary", "青岛市政府", None,
    ),
    (
        "a committee and its government opening the text (县委、县政府) are the reporter: a county, the one its cited titles name,"
        " not the prefecture it reports to",
        "中共红河州委、红河州人民政府：\n2025年,县委、县政府坚持以习近平新时代中国特色社会主义思想为指导,全面推进法治政府建设。"
        "印发《金平县党政主要负责人履行推进法治建设第一责任人职责实施办法》。\n",
        "金平苗族瑶族傣族自治县", "532530", 2025, "annual_report", None, None,
    ),
    (
        "a bureau that reports to its own city's government (the addressee) is that city's",
        "中共青岛市委、青岛市人民政府：\n2023年，市应急管理局坚持以习近平新时代中国特色社会主义思想为指导，全力防范化解重大安全风险。\n",
        "青岛市", "370200", 2023, "work_summary", "青岛市应急管理局", None,
    ),
    (
        "a province named beside one of its cities does not compete with it",
        "市委、市政府：\n现将我局2025年度法治政府建设工作情况报告如下：\n"
        "贯彻《广东省安全生产条例》，制定《江门市应急管理局行政执法公示办法》《江门市应急管理局执法检查计划》。\n",
        "江门市", "440700", 2025, "annual_report", None, None,
    ),
    (
        "a page's source field ends at the next label when the spaces between them are gone",
        "行业资讯\n2023年上半年全国日均火灾超3000起\n来源:国家消防救援局    作者:    发布时间:2023-09-25\n"
        "据国家消防救援局统计，上半年全国共接报火灾55万起。郑州、西安等地开展夏季消防检查。\n",
        "全国", "100000", 2023, "other", "国家消防救援局", "2023-09-25",
    ),
    (
        "a title about the whole country makes the text national; the places in it are parts",
        "树牢安全发展理念 筑牢安全生产防线\n2022年全国“安全生产月”活动结束\n"
        "光明日报北京6月30日电 一个月来，全国各地区、各有关部门和单位统一部署。西藏自治区、青海省开展宣传咨询日活动。\n",
        "全国", "100000", 2022, "other", None, None,
    ),
    (
        "a title about 中国 is national; a news agency's dateline names where the reporter wrote, not who reports",
        "2021年中国矿山共发生事故356起 死亡503人\n来源:中国新闻网\n"
        "中新社北京3月14日电 (记者 陈溯)国家矿山安全监察局14日公布的数据显示，2021年，中国矿山共发生事故356起。\n",
        "全国", "100000", 2021, "other", None, None,
    ),
    (
        "a page's related articles, cut short with an ellipsis, say nothing of the text's year",
        "记者17日从山西煤矿安全监察局获悉，今年1月至10月，该省煤矿发生死亡事故11起、死亡20人。\n"
        "2025年一季度全国各类生产安全事故致…\n国家统计局:2024年各类生产安全事故…\n应急管理部:2024年全国生产安全事故…\n",
        "山西省", "140000", None, "other", None, None,
    ),
    (
        "中国政府 opening the text is the national government",
        "2020年，中国政府坚持依法全面履行职能，深入推进法治政府建设。\n2020年，国务院提请全国人大常委会审议法律议案9件。\n",
        "全国", "100000", 2020, "annual_report", "中国政府", None,
    ),
    (
        "the base year of a comparison is not the year a press item covers",
        "河北应急管理体系和能力建设再上新台阶\n2020年12月30日08:46来源:河北日报\n"
        "“十三五”期间，河北省应急管理体系进一步理顺，全省生产安全事故起数比2015年下降23.1%。\n",
        "河北省", "130000", 2020, "other", None, "2020-12-30",
    ),
    (
        "divisions of one parent named in turn are its parts: the text is about the parent",
        "1月份生产安全事故情况\n1月份,全市发生生产安全事故4起,同比减少6起。\n鼓楼区事故1起、死亡0人;\n"
        "台江区未发生事故;\n仓山区未发生事故;\n晋安区事故1起、死亡0人;\n福清市事故2起、死亡1人。\n",
        "福州市", "350100", None, "other", None, None,
    ),
    (
        "a year's report on administrative enforcement (行政执法工作报告) is a rule-of-law annual report",
        "南开区应急管理局2023年行政执法工作报告\n按照《天津市南开区应急管理局2023年度行政执法计划》要求，"
        "我局扎实开展执法检查。\n",
        "南开区", "120104", 2023, "annual_report", "南开区应急管理局", None,
    ),
    (
        "the year a covering sentence names, when the page lost its 年",
        "2023年，我州防震减灾工作在州委州政府的领导下扎实推进。现将2023工作总结及2024年重点工作安排报告如下。\n"
        "一、2023年工作总结\n（一）狠抓地震监测预报工作\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "an event named after its host (杭州亚运会) is no evidence of the reporter",
        "2023年工作总结\n今年以来，市应急管理局围绕平安护航杭州亚运会主线，全力以赴压降事故。\n",
        None, None, 2023, "work_summary", "市应急管理局", None,
    ),
    (
        "a covering notice's title at the top (关于印发…工作计划的通知) makes the text the plan it issues",
        "点击下载文字版.docx\n聊城市人民政府办公室关于印发聊城市2021年法治政府建设工作计划的通知各县(市、区)人民政府:"
        "《聊城市2021年法治政府建设工作计划》已经市政府同意，现印发给你们。\n一、深入学习宣传贯彻习近平法治思想\n",
        "聊城市", "371500", 2021, "work_plan", "聊城市人民政府办公室", None,
    ),
    (
        "a page that opens with an inspection plan's table is a plan",
        "序号|\n检查事项|\n实施依据|\n检查频次和上限|\n1|\n重点非煤矿山执法检查|\n《中华人民共和国矿山安全法》|\n1次/年/单位|\n",
        None, None, None, "work_plan", None, None,
    ),
    (
        "a site named after its posting time is no reporter when it names a place",
        "山西现有各类煤矿988座，1-11月停产整顿88座\n2019-12-24 10:35:25 中国太原煤炭交易中心\n"
        "山西省煤矿安检监察局日前公布的信息显示，目前全省辖区共有各类煤矿988座。\n",
        "山西省", "140000", 2019, "other", None, "2019-12-24",
    ),
    (
        "when only a cited plan names a year, the text is about that year",
        "今年以来，在市委市政府的领导下，市应急管理局按照《随州市2020年法治政府建设工作要点》安排部署，"
        "以落实“三项制度”为抓手。现将工作情况报告如下：\n",
        "随州市", "421300", 2020, "work_summary", "随州市应急管理局", None,
    ),
    (
        "a text that says nothing of what it is, and is no press item, recounts results (gold-real has no `other`)",
        "区司法局：\n全年共审查规范性文件12件，办理行政复议案件8件，组织执法人员培训3期。\n",
        None, None, None, "work_summary", None, None,
    ),
    (
        "a press item (获悉, 数据显示, a paper's dateline) is other",
        "全国两会期间我市安全生产形势稳定\n从市应急局获悉，全国两会期间，我市没有发生生产安全事故。\n",
        None, None, None, "other", None, None,
    ),
    (
        "a covering letter that issues a document: the text is that document",
        "各街道办事处，各乡镇人民政府，区政府各部门：\n现将《2025年全区安全生产、防灾减灾救灾和消防工作要点》印发给你们，请认真贯彻执行。\n"
        "重庆市武隆区人民政府\n2025年3月5日\n",
        "武隆区", "500156", 2025, "work_plan", "重庆市武隆区人民政府", "2025-03-05",
    ),
    (
        "a headline about the whole country under a regional channel's breadcrumbs is national",
        "人民网>>四川频道>>财经\n去年全国生产安全事故总量下降27%\n2023年01月09日09:22 | 来源:人民网-《人民日报》\n"
        "本报北京1月8日电 记者从近日召开的全国应急管理工作会议上获悉：2022年，应急管理系统严格落实要求。\n",
        "全国", "100000", 2022, "other", None, "2023-01-09",
    ),
    (
        "a summary posted in the second half of a year is of that year; one posted in its first half, of the year before",
        "发布日期：2021-10-06\n一、主要工作进展\n完成新造林3万亩，治理水土流失面积60平方公里。\n",
        None, None, 2021, "work_summary", None, "2021-10-06",
    ),
    (
        "…and one posted in the first half of a year is of the year before",
        "发布日期：2021-03-06\n一、主要工作进展\n完成新造林3万亩，治理水土流失面积60平方公里。\n",
        None, None, 2020, "work_summary", None, "2021-03-06",
    ),
    (
        "a street office's summary, named with its city and district: the street office, without a code",
        "宁波市鄞州区下应街道2023年上半年工作总结\n上半年，下应街道坚定不移推进法治建设，办理案件12件。\n",
        "下应街道", None, 2023, "work_summary", None, None,
    ),
    (
        "a town named after another county (通城县 of 湖北) is the town",
        "巫溪县通城镇人民政府\n2025年法治政府建设情况\n2025年，通城镇坚持以习近平法治思想为指导，全镇办理行政许可98件。\n",
        "通城镇", None, 2025, "annual_report", None, None,
    ),
    (
        "a converted title with a space before 年度, then the town and its safety work",
        "2024 年度大唐镇安全生产工作汇报\n尊敬的各位领导：下面由我对全镇2024 年度安全生产工作作一汇报。\n",
        "大唐镇", None, 2024, "work_summary", None, None,
    ),
    (
        "a title opening with its year, then the town",
        "2023年下洋镇法治政府建设工作报告\n2023年，下洋镇坚持依法行政。\n",
        "下洋镇", None, 2023, "annual_report", None, None,
    ),
    (
        "towns in a county's title and first sentence, as kinds of place, parts or an act (送法下乡), are no reporter",
        "平江县2023年乡镇（街道）综合行政执法工作总结\n2023年，平江县深入推进乡镇（街道）综合行政执法改革，"
        "部分乡镇以创建城关镇为抓手，开展送法下乡。\n",
        "平江县", "430626", 2023, "annual_report", None, None,
    ),
    (
        "street offices listed in a district's report are its parts",
        "广州市越秀区2023年法治政府建设年度报告\n2023年，越秀区人民政府坚持依法行政，北京街道、人民街道等18个街道全面推进。\n",
        "越秀区", "440104", 2023, "annual_report", "越秀区人民政府", None,
    ),
    (
        "towns addressed by a county notice are no reporter",
        "城关镇、安定镇人民政府，县直各单位：\n平江县人民政府关于2023年安全生产工作的通报\n2023年，全县发生事故3起。\n",
        "平江县", "430626", 2023, "other", "平江县人民政府", None,
    ),
    (
        "towns named in a county body's report as a campaign or a kind of place are no reporter",
        "番禺区司法局2023年法治政府建设年度报告\n2023年，番禺区司法局深入实施“百县千镇万村高质量发展工程”，突出城镇管理，"
        "指导全区各镇街办理案件100件。\n",
        "番禺区", "440113", 2023, "annual_report", "番禺区司法局", None,
    ),
    (
        "a document number abbreviates its issuer (宁安办: 宁德市安委办) and names no place (宁安市)",
        "文号 | 宁安办〔2021〕55号 |\n关于2021年1-10月全市安全生产形势分析的通报\n1-10月，全市发生生产安全事故12起。\n",
        None, None, 2021, "other", None, None,
    ),
    (
        "a full name glued before a document number still names the issuer",
        "福州市应急管理局榕应急〔2021〕5号\n关于2021年全市安全生产工作情况的报告\n2021年，全市发生事故3起。\n",
        "福州市", "350100", 2021, "work_summary", None, None,
    ),
    (
        "a plan's title closed by the empty cells of the table after it",
        "2023年“双随机、一公开”抽查工作计划 | ||||||||\n序号 | 检查主体 | 年度计划名称 | 抽查比例 |\n"
        "1 | 上高县市场监督管理局 | 对特种设备作业人员的行政检查 | 5% |\n",
        "上高县", "360923", 2023, "work_plan", None, None,
    ),
    (
        "a first sentence led by a ministry's officials is the ministry's",
        "司法部党组书记、部长唐一军切实履行法治政府建设第一责任人职责，推动法治政府建设。\n完成立法项目38件。\n",
        "全国", "100000", None, "annual_report", None, None,
    ),
    (
        "a press item citing a national administration (据市场监管总局消息; 市场 is no city)",
        "据市场监管总局消息，2023年全国市场监管部门全面推进严格规范公正文明执法。\n数据显示，2023年共查办案件49.3万件。\n",
        "全国", "100000", 2023, "other", None, None,
    ),
    (
        "a national commission by its short name (国家卫生健康委)",
        "国家卫生健康委2024年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》，编制本年度报告。\n",
        "全国", "100000", 2024, "annual_report", "国家卫生健康委", None,
    ),
    (
        "a local text that follows a ministry's plan is no ministry's (根据应急管理部统一部署，我局…)",
        "2023年工作总结\n根据应急管理部统一部署，我局全年检查企业1200家。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "a local text citing a national source is local (据国家统计局消息，我县…)",
        "2023年工作总结\n据国家统计局消息，我县2023年地区生产总值增长5%。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "a local party department and a development zone's committee are no national bodies",
        "2023年工作总结\n2023年，国家高新区管委会深入推进依法行政。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "a development zone whose title opens with it reports as the zone, by name and without a code",
        "兰州新区应急管理局2023年度法治政府建设工作报告\n2023年，兰州新区应急管理局坚持依法行政。\n",
        "兰州新区", None, 2023, "annual_report", "兰州新区应急管理局", None,
    ),
    (
        "a zone after its year in the title (2025年天津经济技术开发区…) is the zone",
        "2025年天津经济技术开发区法治政府建设情况报告\n2025年，经开区管委会坚持依法行政。\n",
        "天津经济技术开发区", None, 2025, "annual_report", None, None,
    ),
    (
        "words ending in 新区 after a division and 关于 name no zone (赣州市关于推进新区…)",
        "赣州市关于推进新区法治政府建设的报告\n2023年，我市坚持依法行政。\n",
        "赣州市", "360700", 2023, "annual_report", None, None,
    ),
    (
        "a zone opening the first sentence of a report titled by its city is no reporter",
        "2023年杭州市应急管理局法治政府建设年度报告\n杭州钱塘新区管委会坚持依法行政。\n",
        "杭州市", "330100", 2023, "annual_report", None, None,
    ),
    (
        "a new area that is a district (浦东新区) stays the district, with its code",
        "浦东新区应急管理局2023年度法治政府建设工作报告\n2023年，我局坚持依法行政。\n",
        "浦东新区", "310115", 2023, "annual_report", "浦东新区应急管理局", None,
    ),
    (
        "a news agency's dateline before a ministry speaking is no part of the subject",
        "2026-01-15 23:20:37 来源:参考消息网\n中新网1月15日电 应急管理部15日举行季度例行新闻发布会，2025年，全国共发生"
        "各类生产安全事故19884起。全国安全生产形势稳定。\n",
        "全国", "100000", 2025, "other", "应急管理部", "2026-01-15",
    ),
    (
        "a press item telling 今年 is about the year it was told; a year exceeded (超2018年全年) is a base",
        "应急管理部:前8月全国森林草原防灭火形势总体稳定\n2019年09月11日 16:23 | 来源:中国新闻网\n分享到:\n"
        "中新网9月11日电 据应急管理部网站消息，今年1月至8月，全国共发生森林火灾1563起，扑救火灾279起，超2018年全年2倍。\n",
        "全国", "100000", 2019, "other", "应急管理部", "2019-09-11",
    ),
    (
        "a report on a year's administrative enforcement (行政执法) is a rule-of-law report",
        "按照《2023年度行政执法计划》要求，我局扎实开展2023年度的行政执法工作，现将有关情况报告如下：\n一、基本情况\n"
        "2023年，我局行政执法检查企业120家，行政执法案件12件，行政执法人员32名，行政执法公示率100%。\n",
        None, None, 2023, "annual_report", None, None,
    ),
    (
        "a long addressee list (各设区市人民政府、韩城市人民政府,…) names no reporter; 陜西 is 陕西",
        "各設區市人民政府、韓城市人民政府,楊凌示范區管委會,省安委會各成員單位,省級各有關部門:\n"
        "現將《陜西省安全生產委員會2023年工作要點》印發給你們,請認真抓好貫徹落實。\n陜西省安全生產委員會\n2023年2月27日\n",
        "陕西省", "610000", 2023, "work_plan", "陕西省安全生产委员会", "2023-02-27",
    ),
    (
        "a press item's 今年 that is no period (今年首场发布会) leaves the year it names",
        "2025-01-20 10:00 来源:中国新闻网\n中新网1月20日电 应急管理部今年首场新闻发布会20日举行，通报2024年全国安全生产形势，"
        "全国共发生事故。全国形势稳定。\n",
        "全国", "100000", 2024, "other", None, "2025-01-20",
    ),
    (
        "after an opening paragraph that only introduces the report, the next one's subject reports",
        "关于2022年度法治政府建设情况的报告\n为贯彻落实《法治政府建设与责任落实督察工作规定》文件精神，现将我市2022年法治政府建设"
        "情况报告如下:\n2022年,公主岭市坚持以习近平法治思想为指导，认真贯彻落实中央、省委和长春市委决策部署。\n",
        "公主岭市", "220184", 2022, "annual_report", None, None,
    ),
    (
        "the newspaper that printed a provincial item (来源:太原晚报) is no reporter",
        "当前位置:主页 > 汽车 > 正文\n山西市级挂牌督办35条危化品重大隐患\n来源:太原晚报作者:洞察网2021-06-18 10:29:11\n"
        "省应急管理厅6月17日消息,省应急厅近期对危化品生产、经营企业进行了交叉检查,共发现隐患数量3048条。\n",
        "山西省", "140000", 2021, "other", "山西省应急管理厅", "2021-06-18",
    ),
    (
        "a year a change started from (由2019年末的433处减少到222处) is no year a press item is about",
        "云南:生产安全事故总量连续10年实现持续下降\n时间:2022-09-21 10:45:38 来源:都市时报\n"
        "9月20日,省应急厅发言人介绍,10年来,全省煤矿数量由2019年末的433处减少到222处。\n",
        "云南省", "530000", 2022, "other", "云南省应急厅", "2022-09-21",
    ),
    (
        "a text telling what a body did 近日 is a press item",
        "为深入贯彻党的二十大精神，近日，中山市卫生健康局组织召开全市卫生监督工作会议，总结2022年全市卫生监督工作。"
        "2022年全市共办理行政处罚案件818宗。\n",
        "中山市", "442000", 2022, "other", None, None,
    ),
    (
        "a body named 综合行政执法局 makes no summary a rule-of-law report",
        "XX区城市管理局2023年工作总结\n2023年，区综合行政执法局扎实推进市容整治，区综合行政执法局全年清理占道经营1200处，"
        "区综合行政执法局开展专项整治12次，区综合行政执法局拆除违建35处。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "近日 deep in a summary's body makes no press item",
        "XX县2023年安全生产工作开展情况\n全县上下认真贯彻安全生产决策部署。一、主要成效。全年共发生事故3起。二、主要做法。"
        "一是压实责任。近日，县安委会印发《考核办法》。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "从2023年1月至12月 is the period a press item is about, no base",
        "2024-01-08 10:00 来源:中国新闻网\n记者从市应急管理局获悉，从2023年1月至12月，全市共发生生产安全事故30起。\n",
        None, None, 2023, "other", None, "2024-01-08",
    ),
    (
        "a breadcrumb with empty cells is no title",
        "首页 | | 政务公开 | | 计划总结\n平江县应急管理局2023年工作总结\n2023年，全县发生事故3起。\n",
        "平江县", "430626", 2023, "work_summary", "平江县应急管理局", None,
    ),
    (
        "a town's people's congress reports for the town",
        "下洋镇人大主席团2023年工作报告\n2023年，下洋镇人大主席团坚持依法履职。\n",
        "下洋镇", None, 2023, "work_summary", None, None,
    ),
    (
        "a town in a district's first sentence is its part",
        "永定区2023年法治政府建设年度报告\n2023年，永定区坚持依法行政，下洋镇坚持问题导向。\n",
        "永定区", "350803", 2023, "annual_report", None, None,
    ),
    (
        "a press item posted in 2025 on work since 2024 is about 2025 (a posting time written 2025 12/15)",
        "新华网>>正文\n2025 12/15 08:49:11\n来源:内蒙古日报\n12月14日,记者从内蒙古自治区安全生产委员会办公室获悉,"
        "2025年以来排查出的5809项重大事故隐患已整改5521项。\n2024年以来,已完成对数百家危化企业的安全评估。\n",
        "内蒙古自治区", "150000", 2025, "other", None, "2025-12-15",
    ),
    (
        "a span of months across years (2020年4月至2022年12月) is no year covered; the year the work ended is",
        "山西:事故起数和死亡人数连续双下降\n发布时间:2023-01-13 15:03:00来源: 央广网\n"
        "央广网太原1月13日消息(记者郎麒)1月12日,山西省安委办主任介绍,2020年4月至2022年12月,山西开展专项整治三年行动。截至2022年11月底,任务已全部完成。\n",
        "山西省", "140000", 2022, "other", None, "2023-01-13",
    ),
    (
        "a notice whose first heading sets the goals (一、工作目标) is a plan",
        "各科室、行政执法队:\n为贯彻落实省委省政府的决策部署,持续优化营商环境,制定本方案。\n一、工作目标\n"
        "到2025年底,涉企现场检查总量降低25%。\n二、主要任务\n",
        None, None, 2025, "work_plan", None, None,
    ),
    (
        "a ministry that speaks on a day (应急管理部27日发布消息) is the subject",
        "应急管理部27日发布消息,近日应急管理部派出15个工作组,督导核查179家企业。\n",
        "全国", "100000", None, "work_summary", "应急管理部", None,
    ),
    (
        "a ministry that acts today (应急管理部今天上午举行新闻发布会) is the subject",
        "应急管理部今天上午举行新闻发布会，通报2024年全国安全生产形势。全年共发生各类生产安全事故2.18万起、死亡1.96万人。\n",
        "全国", "100000", 2024, "other", "应急管理部", None,
    ),
    (
        "a title that ends in 通报 (a bulletin and its analysis) is no report",
        "2024年7月份安全生产执法通报分析\n7月份,全州检查企业29家次,发现各类隐患165条。\n",
        None, None, 2024, "other", None, None,
    ),
    (
        "an enforcement statistics yearbook (行政执法统计年报) is the annual report",
        "市商务局2020年度行政执法统计年报\n第一部分 行政执法总体情况\n",
        None, None, 2020, "annual_report", "市商务局", None,
    ),
    (
        "a span within one year (自2023年1月1日至2023年12月31日) is that year",
        "深圳市应急管理局政府信息公开工作年度报告\n本报告统计期限自2023年1月1日至2023年12月31日。\n发布时间:2024-01-20\n",
        "深圳市", "440300", 2023, "annual_report", None, "2024-01-20",
    ),
    (
        "word fragments that look like county short names are ignored",
        "2021年工作总结\n今年以来，我局重大安全隐患排查、乡镇安全执法和安康杯竞赛扎实推进。\n",
        None, None, 2021, "work_summary", None, None,
    ),
    (
        "the bodies a report works under (在省应急管理厅的指导下) are not the reporter",
        "近年来，在省委、省政府的正确领导和省应急管理厅的精心指导下，我市认真贯彻中央、省关于应急管理工作的系列重要部署。"
        "出台《黄石市安全生产责任制清单》。全市安全生产形势稳定，我市隐患整改率100%。\n",
        "黄石市", "420200", None, "work_summary", None, None,
    ),
    (
        "全省 in a ranking (居全省第一, 在全省率先) is not the report's own scope",
        "2021年，在市委、市政府的正确领导下，在省生态环境厅的大力支持和指导下，我局全面落实《中山市2021年依法行政工作要点》。"
        "法治政府建设各项工作取得新成效，改革工作取得两个全省第一，在全省率先开展示范创建，在2021年全省执法大练兵中获奖。全市立案120宗。\n",
        "中山市", "442000", 2021, "work_summary", "我局", None,
    ),
    (
        "全县 after 为 (为全县领导干部开展专题学习) is the county's own scope",
        "2023年以来，县司法局在县委、县政府的坚强领导下，全面贯彻落实县委、县政府决策部署。"
        "“蒙城县‘5+N’机制”被命名为“安徽省第二批示范项目”。\n一、2023年度法治政府建设\n邀请省领导为全县领导干部开展专题讲座。\n",
        "蒙城县", "341622", 2023, "work_summary", "蒙城县司法局", None,
    ),
    (
        "a headline naming a national body and its 年度报告 is the country's annual report",
        "国家知识产权局2022年度报告：十年成就，知识产权强国建设迈出新步伐\n\n"
        "国家知识产权局2022年度报告显示，知识产权工作取得了显著进展。发明专利审查结案准确率达93.4%。\n",
        "全国", "100000", 2022, "annual_report", "国家知识产权局", None,
    ),
    (
        "a bulletin's title ends at its document word; a short line after it is the series' name",
        "2022年1-6月全市生产安全事故情况\n\n2022-07-11 16:34:00   来源:曲靖市应急管理局\n\n曲靖安全生产\n\n2022年第6期\n\n"
        "2022年6月,全市发生各类生产安全事故12起、死亡8人。\n",
        "曲靖市", "530300", 2022, "other", "曲靖市应急管理局", "2022-07-11",
    ),
    (
        "a year long before a press item's date, inside a paragraph, is history, not the year it is about",
        "济南市已建设应急联防救援站161个\n\n2023年12月06日12:37:06 国际\n\n"
        "齐鲁网12月6日讯 今天上午，济南市政府新闻办公室举行新闻发布会。按照试点先行的步骤，2018年在历下区进行试点建设。\n",
        "济南市", "370100", 2023, "other", None, "2023-12-06",
    ),
    (
        "a title's year without 年 before its half-year (2020上半年工作总结) is the year covered",
        "市应急管理局2020上半年工作总结下半年工作思路\n时间:2021-10-11 13:25:34\n"
        "今年以来,市应急管理局紧紧围绕全省应急管理目标任务推动各项工作落实。\n",
        None, None, 2020, "work_summary", "市应急管理局", "2021-10-11",
    ),
    (
        "a bureau working under the city's committee (在市委、市政府的坚强领导下) is the city's, whatever 全省 says",
        "今年以来，在市委、市政府的坚强领导下，我局不断强化法治为本理念，服务全市经济社会发展。总局、省局在泰安召开现场会7次。"
        "在全省市场监管系统培训班、全省市场监管行政执法工作视频会上做典型发言，在全国知识竞赛全省预赛中获奖。\n",
        "泰安市", "370900", None, "work_summary", None, None,
    ),
    (
        "under several committees (在市委、市政府和区委的领导下) the nearest is the reporter's kind",
        "常州市人民政府:\n2024年，在市委、市政府和区委的坚强领导下，区政府深入推进法治政府建设。常州市天宁区立案120件。"
        "常州市、常州市、常州市。\n",
        "天宁区", "320402", 2024, "annual_report", "天宁区政府", None,
    ),
    (
        "a mirror's keyword line above the headline is furniture; a ministry's headline is national",
        "国产成年女人特黄特色毛片免_日本亚洲国产中文一区二区三区_国产精品福利一区_亚洲MA无码免费观看_欧美日韩一卡2卡三卡4卡乱码视频\n"
        "焦点 >\n应急管理部:2022年自然灾害共造成1.12亿人次受灾\n"
        "时间:2023-01-13 11:12:42 来源:中国新闻网\n"
        "中新网1月13日电 据应急管理部网站消息,应急管理部13日发布2022年全国自然灾害基本情况。因灾死亡失踪554人。"
        "四川泸定6.8级地震、青海大通山洪等灾害造成重大损失。\n",
        "全国", "100000", 2022, "other", "应急管理部", "2023-01-13",
    ),
    (
        "a news site's registration line (苏州都市网 版权所有 苏ICP备) is no place the text is about",
        "本报北京1月8日电(记者邱超奕)记者从近日召开的全国应急管理工作会议上获悉:2022年,应急管理系统严格落实要求。"
        "全国生产安全事故起数和死亡人数实现双下降。\n苏州都市网 版权所有 苏ICP备2021029242号-1 未经书面授权禁止转载、摘编、复制或建立镜像\n",
        "全国", "100000", 2022, "other", None, None,
    ),
    (
        "a plan's horizon (纲要（2021—2025年）) is no year a text reports",
        "今年以来，市司法局深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，全年审查规范性文件86件。\n",
        None, None, None, "work_summary", "市司法局", None,
    ),
    (
        "a report that speaks of ICP filings in its body keeps its places",
        "关于2022年法治政府建设情况的报告\n2022年，浙江省通信管理局深入推进依法行政。\n"
        "开展互联网信息服务专项整治，督促浙江省内未完成ICP备案的网站整改，注销违规网站1200个。\n",
        "浙江省", "330000", 2022, "annual_report", "浙江省通信管理局", None,
    ),
    (
        "a span's last year (2017年至2021年) is the year of a text that names no other",
        "23日，记者从省公安厅召开的新闻发布会获悉，福建省社会治安良好。据介绍，2017年至2021年，全省刑事立案从24.1万起下降至15.8万起。\n",
        "福建省", "350000", 2021, "other", None, None,
    ),
    (
        "a month's situation passed on (现将全区十月份…情况通报如下) is a bulletin; a year's is a summary",
        "各乡镇人民政府、大通街道办事处:\n按照区政府的规定，现将全区十月份安全隐患月排查月报送情况通报如下。\n一、排查上报单位6家。\n",
        None, None, None, "other", None, None,
    ),
    (
        "a reporter's byline opening a page (□ 记者 陈月飞) marks a press item",
        "□ 记者 陈月飞\n报告显示，2022年，我省PM2.5浓度实现“九连降”，地表水国考断面水质优Ⅲ比例达91%。\n",
        None, None, 2022, "other", None, None,
    ),
    (
        "昨天(2月27日) opening a page marks a press item",
        "昨天(2月27日)，全市人力资源和社会保障工作会议举行。去年，全市城镇新增就业23.18万人。\n",
        None, None, None, "other", None, None,
    ),
    (
        "an analysis of a year's administrative appeals (行政复议应诉分析报告) is a rule-of-law annual report",
        "通州区2021年行政复议应诉分析报告\n2021年通州区积极推动行政复议体制改革，全年收到行政复议申请281件。\n",
        "通州区", "110112", 2021, "annual_report", None, None,
    ),
    (
        "a press item on a report two bodies released together (联合发布…分析报告) is a press item",
        "黄石市中级法院、黄石市司法局联合发布行政复议行政诉讼案件半年分析报告\n\n2024-08-09 08:46 黄石市司法局\n\n"
        "近日,黄石市司法局与黄石市中级法院联合发布上半年案件情况。\n",
        "黄石市", "420200", 2024, "other", "黄石市司法局与黄石市中级法院", "2024-08-09",
    ),
    (
        "a whole year's situation (1-12月份) passed on is a summary, not a month's bulletin",
        "各乡镇人民政府、街道办事处:\n现将全县2023年1-12月份法治政府建设工作情况通报如下。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "comments a report's new-media account received are no news site's comment counter",
        "一、创新普法形式\n我局在抖音开设“法治小课堂”专栏，收到网友留言800余条评论。全年开展法治宣传活动36场。\n",
        None, None, None, "work_summary", None, None,
    ),
    (
        "a span that ends in 年间 gives its last year",
        "据统计，2017年至2021年间，全县共办理行政复议案件126件。\n",
        None, None, 2021, "work_summary", None, None,
    ),
    (
        "a mirror's keyword line with Latin letters and digits (国产精品99) is furniture still",
        "精品国产一区二区三区_日本中文字幕在线看_国产精品99_久久综合网站首页\n兰溪市司法局2022年工作计划\n一、工作目标\n",
        "兰溪市", "330781", 2022, "work_plan", "兰溪市司法局", None,
    ),
    (
        "a national administration named with the country's full name (来源:中华人民共和国海事局 文号:无) is national",
        "2023年海事工作总结和2024年工作计划\n\n来源:中华人民共和国海事局 文号:无 索引号:2024-78791 发布时间:2024-02-07 09:32\n"
        "一、2023年工作总结\n(一)坚持政治引领。组织北戴河暑期安全保障。\n",
        "全国", "100000", 2023, "work_summary", "中华人民共和国海事局", "2024-02-07",
    ),
    (
        "a bulletin's masthead (安全生产工作通报, 第3期) is not its title",
        "安全生产工作通报\n第3期\n宜宾市安全生产委员会办公室 2023年3月5日\n关于2022年度安全生产目标责任考核结果的通报\n"
        "各区县安委会：\n根据考核办法，现将结果通报如下。\n",
        "宜宾市", "511500", 2022, "other", None, None,
    ),
    (
        "a year that is its clause's topic (获悉，2022年，全市…) is what a press item reprinted later is about",
        "全市安全生产形势平稳\n时间:2024-02-12 10:36来源:网络整理\n记者从天水市应急管理局获悉，2022年，全市共发生生产安全事故37起。\n",
        "天水市", "620500", 2022, "other", None, "2024-02-12",
    ),
    (
        "在全县开展 is the county's own scope; a summary of accidents is no bulletin",
        "宜宾市2023年生产安全事故情况和安全生产工作总结\n2023年，市应急管理局在全市开展专项整治。\n",
        "宜宾市", "511500", 2023, "work_summary", "宜宾市应急管理局", None,
    ),
    (
        "a summary posted in April that opens on this year (年初以来) is of that year",
        "全面强化行业监管 安全生产形势持续保持稳定\n\n发布时间:2021-04-25 浏览次数:289\n\n"
        "年初以来,市交通运输局坚定政治站位,共计检查交通运输企业303家。\n",
        None, None, 2021, "work_summary", "市交通运输局", "2021-04-25",
    ),
    (
        "a page's posting time (2023年12月06日12:37:06) does not open a year's results",
        "济南市已建设应急联防救援站161个 覆盖149个街镇\n\n2023年12月06日12:37:06 国际 1618\n\n"
        "齐鲁网·闪电新闻12月6日讯 今天上午，济南市政府新闻办公室举行新闻发布会。\n",
        "济南市", "370100", 2023, "other", None, "2023-12-06",
    ),
    (
        "a text that calls itself a province's (全省) keeps the province over a unit named in full inside it",
        "改革一年来 福建消防救援工作成绩斐然\n福建法治报12月25日讯 改革转制一年多来,福建消防救援队伍有效承担起使命。"
        "全省共接处警5.1万余次。福州市鼓楼区消防救援大队三坊七巷中队承担仪仗任务。全省队伍整体转隶。\n",
        "福建省", "350000", None, "other", None, None,
    ),
    (
        "a headline a national body speaks (应急管理部:…) is the title though it has no year or cue",
        "应急管理部:烟花爆竹安全生产形势持续稳定\n\n中新社北京2月15日电 (记者 陈溯)中国应急管理部危化二司副司长洪宇15日表示,"
        "湖南、江西是中国烟花爆竹主产区。截至今年1月底,检查烟花爆竹生产企业9197家次。\n",
        "全国", "100000", None, "other", "应急管理部", None,
    ),
    (
        "a press outlet's posting line under a spoken headline (北京青年报客户端 2023-06-29 11:15) is not part of it",
        "北京青年报\n生态环境部:今年前5月,全国共实施轻微违法不予处罚案件3273件\n北京青年报客户端 2023-06-29 11:15\n\n"
        "6月29日,生态环境部召开例行新闻发布会。\n",
        "全国", "100000", 2023, "other", "生态环境部", "2023-06-29",
    ),
    (
        "a city's customary byname (申城) names it; districts a visiting group goes to (赴青浦、松江等区) do not",
        "申城深入开展安全生产大检查\n\n2017-08-23 09:01:56|来源:文汇报\n\n8月22日,本市召开督导组汇报会。督导组将赴青浦、松江、"
        "宝山、崇明等区开展督导工作。上半年,本市各区检查覆盖率为50.66%。\n",
        "上海市", "310000", 2017, "other", None, "2017-08-23",
    ),
    (
        "a national body on a line of its own above the title (国务院安委会办公室) makes the text national",
        "国务院安委会办公室\n关于全国安全生产大检查情况的通报\n安委办〔2017〕36号\n"
        "各省、自治区、直辖市及新疆生产建设兵团安全生产委员会:\n按照工作部署,各地区认真组织开展了安全生产大检查。\n",
        "全国", "100000", None, "other", None, None,
    ),
    (
        "a town opening a press item's first sentence after its lead (本网讯 道托镇认真…) reports",
        "本网讯 道托镇认真贯彻落实安全生产工作部署,全镇安全生产形势持续稳定。该镇签订2018年安全生产责任状70份。\n",
        "道托镇", None, 2018, "other", None, None,
    ),
    (
        "a ministry's site name above a province's item without a title does not make it national",
        "应急管理部\n江西省扎实推进安全生产专项整治三年行动\n近日，江西省安委会召开全体会议。全省共排查隐患1.2万处。\n",
        "江西省", "360000", None, "other", None, None,
    ),
    (
        "全区 is a district's scope, never an autonomous region's (广西壮族自治区 named in passing)",
        "安全生产月活动启动\n6月1日，青秀区安全生产月活动启动。广西壮族自治区应急管理厅有关负责同志出席。全区共设咨询台30个，"
        "青秀区各街道同步开展宣传，青秀区应急管理局负责同志介绍了情况。\n",
        "青秀区", "450103", None, "other", None, None,
    ),
    (
        "a spoken headline with a year is joined to its broken second line as any title is",
        "司法部：2023年全国行政复议案件\n同比增长12%\n中新网3月1日电 司法部发布数据。\n",
        "全国", "100000", 2023, "other", "司法部", None,
    ),
    (
        "an outlet named after a city's byname (羊城晚报讯) names no place",
        "全力推进安全生产治本攻坚\n羊城晚报讯 记者从省应急管理厅获悉，今年以来，全省共排查整治隐患12.3万项。\n",
        None, None, None, "other", None, None,
    ),
    (
        "a town opening a press item after a lead with its credit (本网讯（通讯员 王明）道托镇…) reports",
        "本网讯（通讯员 王明）道托镇认真贯彻落实安全生产部署,全镇安全生产形势持续稳定。\n",
        "道托镇", None, None, "other", None, None,
    ),
    (
        "months' accident counts opening a text (今年1-6月, 一至六月份) make a bulletin",
        "今年1-6月，全市共发生各类生产安全事故274起，死亡77人。\n一至六月份，全市共发生各类生产安全事故274起。\n",
        None, None, None, "other", None, None,
    ),
    (
        "a statistics bulletin (统计公报) is no summary",
        "2019年北京市应急管理事业发展统计公报\n2019年，北京市应急管理系统全面夯实安全生产工作基本盘。\n",
        "北京市", "110000", 2019, "other", None, None,
    ),
    (
        "a title on accident statistics (安全生产事故统计工作情况) is a bulletin",
        "个旧市2023年1月-12月安全生产事故统计工作情况\n一、事故总体情况\n2023年，全市发生各类生产安全事故9起。\n",
        "个旧市", "532501", 2023, "other", None, None,
    ),
    (
        "a period's safety situation (2020年1-10月份安全生产形势) is a bulletin",
        "2020年1-10月份安全生产形势\n1-10月份,全市发生各类生产安全事故55起、死亡53人。\n",
        None, None, 2020, "other", None, None,
    ),
    (
        "a year's safety work (2023年安全生产工作情况) is a summary still",
        "2023年安全生产工作情况\n2023年，全县发生各类生产安全事故5起、死亡3人。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "a text that opens on months' accident counts (1-6月份，全市共发生…事故) is a bulletin",
        "1-6月份,全市共发生各类生产安全事故274起、死亡77人,同比分别下降18.21%和32.46%。\n",
        None, None, None, "other", None, None,
    ),
    (
        "a half-year's work that opens on the half-year (上半年，全区应急管理工作…) is a summary",
        "2024年上半年,全区应急管理工作稳步推进,共发生生产安全事故3起。\n",
        None, None, 2024, "work_summary", None, None,
    ),
    (
        "a department the reporter works under (在台州市局的精心指导下) is a superior, not the reporter",
        "发布单位: | 市应急管理局 |\n2025上半年重点工作总结 |\n今年以来,在台州市局的精心指导下,我们扎实推进安全生产治本攻坚三年行动。"
        "1-6月共发生生产安全事故3起。出台《临海市新业态、新领域安全生产监管办法》。\n",
        "临海市", "331082", 2025, "work_summary", None, None,
    ),
    (
        "a superior's instruction (按照郑州市局安排部署) names the superior, not the reporter",
        "2024年，按照郑州市局安排部署，巩义市应急管理局组织开展安全生产大检查，全市共检查企业120家。\n",
        "巩义市", "410181", 2024, "work_summary", "巩义市应急管理局", None,
    ),
    (
        "a conjunction before 县 (《…制度》和县安委会) names no county; a short name with its level word (耿马自治县) does",
        "根据《生产安全事故统计调查制度》和县安全生产委员会工作要求,现将上半年安全生产工作情况通报如下:\n"
        "2024年1—6月,全县共发生各类生产安全事故4起、死亡4人。\n耿马自治县2024年上半年安全生产事故统计表 |\n",
        "耿马傣族佤族自治县", "530926", 2024, "other", "耿马傣族佤族自治县安全生产委员会", None,
    ),
    (
        "a headline reporting an event (…举办…活动) is a press item's, of the year it was posted",
        "您当前的位置:首页 > 新闻中心> 政务动态\n鄢陵县举办“安全生产月宣传咨询日”活动\n【发布时间:2025-06-17 10:34】\n\n"
        "今年6月是第24个全国“安全生产月”。6月16日,鄢陵县在安全文化主题公园举办了宣传咨询日活动。\n",
        "鄢陵县", "411024", 2025, "other", None, "2025-06-17",
    ),
    (
        "a headline carrying a figure (全国火灾死亡1441人) is a press item's; its year may drop 年 before a quarter",
        "2022前三季度全国火灾死亡1441人\n\n今年1至9月,全国共接报火灾63.68万起,死亡1441人。\n",
        "全国", "100000", 2022, "other", None, None,
    ),
    (
        "a year's accident figures in a title (生产安全事故总体情况) are a bulletin",
        "2022年广东省生产安全事故总体情况\n\n2022年,全省安全生产形势总体保持稳定。\n",
        "广东省", "440000", 2022, "other", None, None,
    ),
    (
        "a reporter's or author's byline under the headline (作者: 张剑雯) makes a press item, though it opens on a year",
        "2022年山西生态环境多项指标创有监测记录以来最优\n\n2023-6-1 15:10 来源: 山西经济日报 |作者: 张剑雯\n\n"
        "2022年,山西省生态环境各项工作取得了新进展、新成效。\n",
        "山西省", "140000", 2022, "other", None, "2023-06-01",
    ),
    (
        "a site's default author (作者:佚名) is no byline",
        "2023年法治政府建设情况报告\n作者:佚名\n2023年，市司法局坚持依法行政，推进法治政府建设，法治政府建设取得新成效。\n",
        None, None, 2023, "annual_report", "市司法局", None,
    ),
    (
        "a press item's year is the one its clause is about, not the year naming the meeting where it was told",
        "焦点快看:福建持续深化矿山安全生产\n\n2023-01-10 10:24:46 来源:福建省政府新闻办\n\n"
        "福建省政府新闻办1月6日召开的2023年全省应急管理工作新闻发布会上，有关负责人介绍说，2022年，福建省共发生矿山事故5起。\n",
        "福建省", "350000", 2022, "other", "福建省政府新闻办", "2023-01-10",
    ),
    (
        "a high-tech zone (宁波高新区) reports as a town does; a title left in one table cell (…报告 |) is the title",
        "发布机构: | 高新区办公室 |\n成文日期: | 2025-03-28 |\n宁波高新区法治政府建设工作报告 |\n"
        "2024年,高新区坚持以习近平新时代中国特色社会主义思想为指导,全面推进法治政府建设。\n",
        "宁波高新区", None, 2024, "annual_report", None, "2025-03-28",
    ),
    (
        "a zone that opens the title with its city's name and a bureau of its own (武汉经开区统计局) is the region",
        "武汉经开区统计局关于2025年度法治政府建设情况的报告\n\n"
        "今年以来,区统计局坚持以习近平新时代中国特色社会主义思想为指导,全面推进法治政府建设。\n",
        "武汉经开区", None, 2025, "annual_report", "武汉经开区统计局", None,
    ),
    (
        "a breadcrumb (当前的位置:首页>…>法治政府建设年度报告) is no title",
        "当前的位置: 首页>政务公开>政府信息公开目录 > 法治政府建设年度报告\n\n"
        "重庆高新区市场监督管理局关于2023年法治政府建设情况的报告\n\n"
        "2023年,我局坚持以习近平新时代中国特色社会主义思想为指导,全面推进法治政府建设。\n",
        "重庆高新区", None, 2023, "annual_report", "重庆高新区市场监督管理局", None,
    ),
    (
        "a text that opens on its purpose and then a day (为…，6月16日上午，…) is a press item",
        "为进一步提高全民安全意识,6月16日上午,文安县在县政府广场组织开展了安全生产咨询日活动。\n"
        "活动发放各类安全生产宣传资料6500余份。\n",
        "文安县", "131026", None, "other", None, None,
    ),
    (
        "a day inside a report's opening sentence (2023年，在…领导下，3月1日，…) makes no press item",
        "2023年，在县委县政府的坚强领导下，3月1日，我县正式启动法治政府建设示范创建工作。\n全年共办理案件30件。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "a press item on training in the disclosure regulations (政府信息公开条例专题培训) is no disclosure report",
        "近日，县政府办公室组织开展政府信息公开条例专题培训，60余人参加培训。\n",
        None, None, None, "other", "县政府办公室", None,
    ),
    (
        "a disclosure report whose regulations are cited in 《》 says what it is by its statistics period (报告中所列数据统计期限)",
        "本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《关于印发2022年政务公开工作要点的通知》等要求编制。"
        "报告中所列数据统计期限从2022年1月1日到2022年12月31日。\n一、总体情况\n"
        "2022年,政务公开工作坚持以习近平新时代中国特色社会主义思想为指导,依法依规有序开展。\n",
        None, None, 2022, "annual_report", None, None,
    ),
    (
        "现将…政府信息公开工作情况报告如下 introduces a disclosure report, not a work summary",
        "根据《中华人民共和国政府信息公开条例》要求,现将启东市应急管理局2020年度政府信息公开工作情况报告如下。\n",
        "启东市", "320681", 2020, "annual_report", None, None,
    ),
    (
        "a title ending in 清单 (…工作计划及措施清单) is a title",
        "辽宁省应急管理厅2021年度安全生产工作计划及措施清单\n序号 | 工作职责 | 工作计划及措施 |\n"
        "1 | 负责安全生产综合监督管理 | 严格落实企业安全生产主体责任。 |\n",
        "辽宁省", "210000", 2021, "work_plan", "辽宁省应急管理厅", None,
    ),
    (
        "a text opening on the year's main tasks (2023年…的主要任务是) is a plan; the subject is no agency",
        "2023年区安全生产委员会的主要任务是,深入贯彻落实党的二十大精神,坚决遏制较大以上生产安全事故。\n",
        None, None, 2023, "work_plan", None, None,
    ),
    (
        "the year's main tasks named in a summary (围绕年度主要任务：…, 主要任务是防风险…) make no plan",
        "2023年，全区应急管理系统主要任务是防风险、保安全、护稳定，全年未发生较大及以上生产安全事故。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "a half-year disclosure report (现将2023年上半年政府信息公开工作情况报告如下) is no annual report",
        "根据条例要求，现将2023年上半年政府信息公开工作情况报告如下：\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "a list of the year's tasks (…重点工作任务清单) is a plan; a 执法队 is an agency",
        "2024年安全生产重点工作任务清单\n序号 | 任务 |\n1 | 县应急管理综合行政执法队开展检查 |\n",
        None, None, 2024, "work_plan", None, None,
    ),
    (
        "a title may drop the 年 before the name of the report (2022工作总结和2023年工作思路)",
        "县应急管理局2022工作总结和2023年工作思路\n一、2022年特色亮点工作\n1.聚焦机制建设。\n",
        None, None, 2022, "work_summary", None, None,
    ),
    (
        "a plan for the next step follows a review of results (…工作总计及下一步工作计划)",
        "应急管理局前三季度工作总计及下一步工作计划\n今年以来,我局在区委区政府的坚强领导下,全力做好安全生产工作。\n一、重点工作开展情况\n",
        None, None, None, "work_summary", None, None,
    ),
    (
        "the committee a department works under names its place (在启东市委、市政府的正确领导下)",
        "城市管理局2023年度法治政府建设情况报告\n2023年,我局在启东市委、市政府的正确领导下,在南通市局和业务部门的大力支持下,深学笃用习近平法治思想。\n"
        "配合南通市城管局开展检查。\n",
        "启东市", "320681", 2023, "annual_report", "城市管理局", None,
    ),
    (
        "a district naming itself 我区 under the city's committee is the reporter (品质金水 names it)",
        "2023年,我区法治政府建设工作在市委、市政府的正确领导下,认真落实党中央和省、市决策部署,"
        "为构建“创新智城·品质金水”做好法治保障。\n一、主要举措和成效\n参加郑州市组织的执法培训。\n",
        "金水区", "410105", 2023, "work_summary", None, None,
    ),
    (
        "a division that opens its sentence works under its parent's committee, which is not the reporter",
        "2023年，我县在南通市委、市政府的坚强领导下，推进法治建设。\n",
        None, None, 2023, "work_summary", None, None,
    ),
    (
        "我市inside the sentence is not its subject (我局 is)",
        "2023年，我局围绕我市中心工作，在区委、区政府的坚强领导下，推进法治建设。南京市鼓楼区开展检查。鼓楼区发布通告。\n",
        "鼓楼区", "320106", 2023, "work_summary", "我局", None,
    ),
    (
        "a title of this year's work and the next step's plan with no review is a plan",
        "XX区应急管理局关于2024年重点工作及下一步工作安排\n一、总体要求\n坚持安全发展。\n",
        None, None, 2024, "work_plan", None, None,
    ),
    (
        "a monthly report (安全生产月报) is a bulletin",
        "2015年安全生产月报第十二期\n一、安全生产事故伤亡情况\n1-12月份，全盟共发生各类安全生产事故143起。\n",
        None, None, 2015, "other", None, None,
    ),
    (
        "a news site's dateline (安康新闻网讯) makes a press item",
        "安康新闻网讯 为落实追赶超越目标任务，市地震局用近2个月的时间对全市建设工程进行了排查。\n",
        "安康市", "610900", None, "other", "安康市地震局", None,
    ),
    (
        "a bulletin on the work of some months (…工作情况通报) is published under 更新时间, in its year",
        "株洲市芦淞区安全生产委员会办公室关于1-4月份全区安全监管行动工作情况通报\n更新时间:2020-05-20浏览次数:\n"
        "1-4月份，全区开展执法检查120次。\n",
        "芦淞区", "430203", 2020, "other", "株洲市芦淞区安全生产委员会办公室", "2020-05-20",
    ),
    (
        "a date before a page's 来源 field is when the page was posted (今年 is its year)",
        "上半年上海发生较大生产安全事故3起 死亡9人\n2014-07-31   来源:东方网\n今年上半年，申城安全生产事故总量呈现下降趋势。\n",
        "上海市", "310000", 2014, "work_summary", None, "2014-07-31",
    ),
    (
        "the country as the scope, said twice (全国各级…, 全国共…), in a text that names no division",
        "本报北京4月1日电 日前发布的司法部2023年法治政府建设年度报告显示，2023年，全国各级行政复议机构新收案件31.5万件。"
        "全国共制发行政复议意见书3800余份。\n",
        "全国", "100000", 2023, "other", None, None,
    ),
    (
        "a headline on an event held (…咨询日活动圆满举行) is a press item's",
        "镇远:2025年“安全生产月”咨询日活动圆满举行\n"
        "镇远县紧扣“人人讲安全 个个会应急”主题,在镇远古城开展安全生产宣传咨询活动。\n",
        "镇远县", "522625", 2025, "other", None, None,
    ),
    (
        "a text that opens on a dated event (6月15日，…举办…活动) is a press item",
        "6月15日,临潭县安委会26个成员单位联合举办2018年“安全生产月”宣传咨询日活动。\n活动发放各类安全生产宣传资料3000余份。\n",
        "临潭县", "623021", 2018, "other", None, None,
    ),
    (
        "an author's byline (文 / 周运动) makes a press item",
        "文 / 周运动\n2月24日,衡阳市应急管理暨消防工作会议召开。会议总结2020年衡阳市应急管理与消防工作。\n",
        "衡阳市", "430400", 2020, "other", None, None,
    ),
    (
        "a notice of the months' accident counts (2018年1-9月我县发生…事故) is a bulletin",
        "各乡镇人民政府、街道办事处,县级有关部门:\n2018年1-9月我县发生各类生产安全事故9起,死亡11人,同比分别下降59.09%、52.17%。\n",
        None, None, 2018, "other", None, None,
    ),
    (
        "a press item citing a press conference of the year (2024年“安全生产月”活动新闻发布会) is about the year it was told",
        "今年前4月江西生产安全事故起数和死亡人数同比“双下降”\n\n来源: 猫眼电影\n2024-06-02 00:26:12\n\n"
        "中新网南昌5月31日电 (朱莹)31日,记者从江西省2024年“安全生产月”活动新闻发布会上了解到,今年以来,江西全力稳控全省安全生产形势,"
        "1至4月,江西省共发生各类生产安全事故119起。据了解,2023年全省开展专项排查整治。\n",
        "江西省", "360000", 2024, "other", None, "2024-06-02",
    ),
    (
        "a zone run as one with a district (株洲高新区(天元区)) is the district",
        "我区获评2021年度全省安全生产和消防工作优秀单位\n2021-12-24 17:27:02 来源:株洲高新区(天元区)融媒体中心 | 编辑:谭舒文\n\n"
        "12月22日,省委经济工作会议书面通报了2021年度安全生产和消防工作考核情况。其中,天元区获评优秀单位。\n",
        "天元区", "430211", 2021, "other", None, "2021-12-24",
    ),
    (
        "a national body opening a press item datelined 北京 makes it national, whatever provinces it names",
        "中国青年报客户端北京1月15日电(中青报·中青网记者 赵丽梅)2025年,安全生产形势稳定向好。今天,应急管理部新闻发言人在该部举行的"
        "新闻发布会上介绍,2025年,全国共发生各类生产安全事故19884起。广东、广西、海南等地台风灾害较重。\n",
        "全国", "100000", 2025, "other", None, None,
    ),
    (
        "a notice saying a plan was approved and is issued (《…实施方案》已经县政府同意，现印发给你们) is the plan",
        "各乡镇人民政府,县直有关单位:\n《翼城县创建全国综合减灾示范县实施方案》已经县政府同意,现印发给你们,请认真贯彻执行。\n"
        "到2025年,全县综合减灾示范社区达到15个。\n",
        "翼城县", "141022", 2025, "work_plan", None, None,
    ),
    (
        "a progress report (工作进展情况汇报) posted in May is of that year; a reprint's 原标题 makes a press item",
        "县防汛抗旱工作进展情况汇报\n\n2024-05-28 11:16:13\n\n文章导读\n\n一、基本情况\n我县水利工程多,全县共转移群众120人。\n",
        None, None, 2024, "work_summary", None, "2024-05-28",
    ),
    (
        "a newspaper reprint (原标题:…) is a press item",
        "来源:大众日报\n2021-07-09 09:49:07\n原标题:山东开展消防安全大排查大整治\n"
        "今年以来,山东省部署消防安全大排查大整治专项行动,截至6月30日,检查单位12.6万家。\n",
        "山东省", "370000", 2021, "other", None, "2021-07-09",
    ),
    (
        "a press item's subject after its lead (映象网讯(记者…)近日，巩义市…) reports; its peers named later (荥阳市, 新郑市) "
        "do not make the text their prefecture's",
        "映象网讯(记者 谷艳伟 实习生 张学锋)近日,巩义市迅速行动,扎实开展危险化学品专项整治活动。\n"
        "一是督促全市危险化学品企业开展自查活动;\n二是按照郑州市局安排部署,做好迎接荥阳市应急管理局对巩义市危险化学品专项检查"
        "以及组织专家对新郑市进行互查活动。\n",
        "巩义市", "410181", None, "other", None, None,
    ),
    (
        "a department of the reporter's own district named in full under 按照…部署 is no superior",
        "2023年法治政府建设工作报告\n2023年，按照吴中区司法局统一部署，我局深入推进依法行政，全年查处违法案件35起。\n区应急管理局\n2024年1月10日\n",
        "吴中区", "320506", 2023, "annual_report", "吴中区应急管理局", "2024-01-10",
    ),
    (
        "a national inspection team's visit to one province is that province's item, though it names 全国 once",
        "国务院安委会考核巡查组来我省开展考核巡查\n发布时间：2023-12-05 来源：江西省应急管理厅\n"
        "国务院安委会第十考核巡查组近日到江西省开展考核巡查。巡查组指出，江西省认真落实全国安全生产电视电话会议部署，全省事故总量下降15%。\n",
        "江西省", "360000", 2023, "work_summary", "江西省应急管理厅", "2023-12-05",
    ),
    (
        "a word like 通讯员培训 in a report is no byline",
        "吴中区应急管理局扎实推进法治政府建设\n2023年，我局加强法治宣传，组织通讯员培训，全年查处违法案件35起。\n2024年1月10日\n",
        "吴中区", "320506", 2023, "work_summary", None, "2024-01-10",
    ),
    (
        "a progress report posted before the annual reports are due is of the year before",
        "吴中区应急管理局关于法治政府建设工作进展情况的报告\n一年来，我局坚持依法行政，全年查处违法案件35起。\n2024年2月20日\n",
        "吴中区", "320506", 2023, "annual_report", "吴中区应急管理局", "2024-02-20",
    ),
    (
        "a year whose clause tells of meetings held (2023年全市共召开…会议12次) is the year the item is about",
        "市应急管理局通报去年全市安全生产情况\n发布时间：2024-02-05\n记者从市应急管理局获悉，2023年全市共召开安委会会议12次，"
        "全年发生生产安全事故23起，同比下降15%。2024年，全市将深化治本攻坚。\n",
        None, None, 2023, "other", None, "2024-02-05",
    ),
    (
        "a report's title with a figure (10件民生实事完成情况的报告) is a report, not a headline",
        "吴中区2023年度10件民生实事完成情况的报告\n2023年，区政府全力推进民生实事项目，全部完成年度目标。\n苏州市吴中区人民政府\n2024年1月10日\n",
        "吴中区", "320506", 2023, "work_summary", "苏州市吴中区人民政府", "2024-01-10",
    ),
    (
        "a date before 电气 opening a line is no dateline",
        "2023年安全生产工作总结\n吴中区应急管理局6月16日电气火灾综合治理行动检查企业1200家。\n2024年1月10日\n",
        "吴中区", "320506", 2023, "work_summary", None, "2024-01-10",
    ),
    (
        "a street office with its district in brackets (下应街道（鄞州区）) stays the street office",
        "下应街道2023年安全生产工作总结\n2023年，下应街道（鄞州区）全年排查隐患350处。\n2024年1月10日\n",
        "下应街道", None, 2023, "work_summary", None, "2024-01-10",
    ),
    (
        "a holiday's summary (“五一”假期期间, posted in May) is of the year it was posted",
        "发布时间:2022-05-05\n“五一”假期期间,全市持续对重点行业领域开展安全生产隐患排查整治,共检查企业404家次。\n",
        None, None, 2022, "work_summary", None, "2022-05-05",
    ),
]


@pytest.mark.parametrize(
    ("text", "region", "region_code", "report_year", "doc_type", "agency", "published_on"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_infer_metadata(text, region, region_code, report_year, doc_type, agency, published_on) -> None:
    got = infer_metadata(normalise_text(text).text)
    assert (got.region, got.region_code, got.report_year, got.doc_type, got.agency, got.published_on) == (
        region, region_code, report_year, doc_type, agency, published_on)


def _gold() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_sample_corpus_matches_gold() -> None:
    """region, report_year and doc_type of the 5 bundled reports (15 values), plus code and date."""
    wrong = []
    for row in _gold():
        raw = (ROOT / "raw" / row["file"]).read_text(encoding="utf-8")
        meta = infer_metadata(normalise_text(raw).text)
        got = {
            "region": meta.region or "",
            "region_code": meta.region_code or "",
            "report_year": str(meta.report_year or ""),
            "doc_type": meta.doc_type,
            "published_on": meta.published_on or "",
        }
        wrong += [f"{row['file']} {field}: {got[field]!r} != {row[field]!r}" for field in got if got[field] != row[field]]
    assert wrong == []


def test_raw_and_normalised_text_agree_on_the_sample_corpus() -> None:
    for row in _gold():
        raw = (ROOT / "raw" / row["file"]).read_text(encoding="utf-8")
        assert infer_metadata(raw) == infer_metadata(normalise_text(raw).text)


HELDOUT = Path(__file__).parent / "data" / "heldout"


def test_heldout_excerpts_match_their_annotations() -> None:
    """region, code, year and type of the 18 held-out excerpts (other places, departments, scripts)."""
    with (HELDOUT / "documents.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    wrong = []
    for row in rows:
        meta = infer_metadata(normalise_text((HELDOUT / row["file"]).read_text(encoding="utf-8")).text)
        got = {"region": meta.region or "", "region_code": meta.region_code or "",
               "report_year": str(meta.report_year or ""), "doc_type": meta.doc_type}
        wrong += [f"{row['file']} {field}: {got[field]!r} != {row[field]!r}" for field in got if got[field] != row[field]]
    assert wrong == []


@pytest.mark.parametrize(("text", "months"), [
    ("2022年1-6月全市生产安全事故情况\n来源:曲靖市应急管理局\n一、6月份事故情况\n2022年6月，全市发生事故12起。\n", (1, 6)),
    ("各县(市、区)安委会：\n2021年1-4月，全市各类生产安全事故死亡13人。现将具体情况通报如下：\n", (1, 4)),
    ("2023年法治政府建设年度报告\n2023年1-11月，全市共发生事故40起。\n", (1, 12)),
])
def test_the_months_a_document_covers(text, months) -> None:
    assert infer_metadata(normalise_text(text).text).covered_months == months
