"""Report files in the formats ingest reads (web pages, Word, PDF), built in memory for the tests."""

import io

import docx

ARTICLE = "全年立案查处安全生产违法行为6517件，经济处罚1.90亿元，同比分别增长12.3%和8.7%。"
TITLE = "苏州市应急管理局2021年度法治政府建设工作报告"

GBK_PAGE = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{TITLE}_苏州市人民政府</title>
<style>.top {{ color: red }} /* 样式表文字 */</style>
<script type="text/javascript">var tongji = "统计脚本文字"; document.write("脚本写入的文字");</script>
</head>
<body>
<div class="top"><div class="topbar"><a href="#">无障碍</a> | <a href="#">长者模式</a></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="#">要闻动态</a></li><li><a href="#">政务公开</a></li><li><a href="#">政民互动</a></li></ul></div>
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">法治政府建设</a></div>
<div class="xxgk_table"><table>
<tr><td>索引号：</td><td>014000374/2022-00012</td><td>分类：</td><td>政府信息公开</td></tr>
<tr><td>发布机构：</td><td>苏州市应急管理局</td><td>发文日期：</td><td>2022-01-28</td></tr>
</table></div>
<div class="article">
<h1>{TITLE}</h1>
<div class="info">发布时间：2022-01-28 10:21  来源：苏州市应急管理局</div>
<div class="TRS_Editor">
<p>　　2021年，市应急管理局坚持以习近平法治思想为指导，全面推进应急管理领域法治建设。</p>
<p>　　一、主要工作成效</p>
<p>　　{ARTICLE}</p>
<p style="display:none">隐藏的模板文字</p>
<p style="text-align:right">苏州市应急管理局<br>2022年1月28日</p>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="#">2020年度法治政府建设工作报告</a></li><li><a href="#">2019年度法治政府建设工作报告</a></li><li><a href="#">关于公布行政执法数据的通知</a></li></ul></div>
<div class="footer">
<p><a href="#">网站地图</a> | <a href="#">联系我们</a></p>
<p>主办单位：苏州市人民政府办公室</p>
<p>版权所有：苏州市人民政府  苏ICP备05010342号-1  苏公网安备 32050802010520号</p>
</div>
</body></html>
"""

def make_docx() -> bytes:
    document = docx.Document()
    document.add_heading("张家港市司法局2021年法治政府建设年度报告", level=1)
    document.add_paragraph("2021年，全年办理行政复议案件158件，纠错率达12.7%。")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("执法类别", "数量（件）", "金额（万元）"), ("行政处罚", "1245", "3567.8"),
                                        ("行政检查", "15632", "—")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("组织“以案释法”活动120余场。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

def make_pdf(pages: list[list[str]] | None = None, image_only: bool = False) -> bytes:
    """A minimal PDF written by hand: each page shows its lines in Helvetica (or only an image)."""
    pages = pages if pages is not None else [["Annual report 2021"], []]
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                                 3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                                 4: b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                                    b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"}
    kids = []
    for number, lines in enumerate(pages):
        page_id, content_id = 10 + 2 * number, 11 + 2 * number
        if image_only:
            content = b"q 200 0 0 200 72 500 cm /Im1 Do Q"
        else:
            content = b"BT /F1 12 Tf 72 760 Td 14 TL " + b" ".join(
                b"(" + line.encode("latin-1") + b") Tj T*" for line in lines) + b" ET"
        objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> "
                            b"/Contents %d 0 R >>" % content_id)
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
        kids.append(b"%d 0 R" % page_id)
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


REPORT_PAGES = [
    ["Suzhou Emergency Management Bureau", "Annual report on law-based government 2021",
     "Cases filed: 6517, fines 190000000 yuan."],
    ["Training: 250000 person-times.", "Accidents fell by 38.6% to 70."],
]
