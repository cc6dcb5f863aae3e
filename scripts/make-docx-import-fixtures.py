#!/usr/bin/python3
# Writes the Word import fixtures in test/fixtures/import/docx/: 征求意见 lists as units send them,
# a Word table with a title and 填报单位 lines above it, merged cells, repeated headers, one table per
# member, a table inside a layout table, a table with no header, a document with no table, and the
# same list saved by LibreOffice (.docx from HTML with rowspan/colspan) and as a legacy .doc; a list
# split into two tables at a page break, one with hidden text and tracked changes, and a form whose
# 意见来源 is ticked in one column per category.
# The files are committed; run this only to change them (needs Debian's python3-docx and LibreOffice):
#   /usr/bin/python3 scripts/make-docx-import-fixtures.py
# The roster the fixtures name is in test/support/import-fixtures.ts (张三 局长, 李四 副局长 …).
import os
import shutil
import subprocess
import tempfile
from datetime import datetime

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'import', 'docx')
os.makedirs(OUT, exist_ok=True)


def new_document():
    doc = Document()
    # Fixed properties, so regenerating gives the same content.
    doc.core_properties.author = '财政局办公室'
    doc.core_properties.created = datetime(2025, 11, 20, 8, 0, 0)
    doc.core_properties.modified = datetime(2025, 11, 20, 8, 0, 0)
    return doc


def repeat_as_header(row):
    """Marks a row as a header row repeated on every page (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement('w:tblHeader')
    tr_pr.append(el)


def fill(table, r, values):
    for c, v in enumerate(values):
        if v is not None:
            table.cell(r, c).text = v


def title_form():
    """A title, 填报单位/日期 lines, a header repeated per page and once in the body, merged-down
    targets and categories, an opinion cell of two paragraphs and one with a line break, an empty
    row, a total row and a footer paragraph."""
    doc = new_document()
    doc.add_paragraph('财政局领导班子2025年度民主生活会征求意见建议汇总表')
    doc.add_paragraph('填报单位：财政局办公室          填报日期：2025年11月20日')
    header = ['序号', '意见对象', '意见类别', '征求方式', '意见建议内容', '提出单位']
    rows = [
        header,
        ['1', '领导班子', '上级领导', '书面征求', '落实全面从严治党主体责任的举措不够具体', '县纪委'],
        ['2', None, None, '座谈会', '对预算绩效管理的推进力度不够', '预算科'],
        ['3', None, '下属单位', '座谈会', None, '国库科'],
        ['4', '张三', '上级领导', '谈心谈话', '理论学习的系统性不够', '县委办'],
        ['', '', '', '', '', ''],
        header,
        ['5', '李四', '服务对象', '走访', None, '某公司'],
        ['6', None, '服务对象', '问卷调查', '政策宣传解读不够及时', '某协会'],
        ['7', '王五', '基层群众', '座谈会', '无', '东门村'],
        ['合计', '', '', '', '共7条', ''],
    ]
    table = doc.add_table(rows=len(rows), cols=len(header))
    table.style = 'Table Grid'
    for r, values in enumerate(rows):
        fill(table, r, values)
    repeat_as_header(table.rows[0])
    # 领导班子 merged down over rows 1–3, 上级领导 over rows 1–2.
    table.cell(1, 1).merge(table.cell(3, 1))
    table.cell(1, 2).merge(table.cell(2, 2))
    # Row 3's opinion cell: two paragraphs.
    cell = table.cell(3, 4)
    cell.text = '1.干部队伍建设统筹不够'
    cell.add_paragraph('2.年轻干部培养渠道不宽')
    # Row 7's opinion: a manual line break inside one paragraph.
    run = table.cell(7, 4).paragraphs[0].add_run('服务企业的主动性不强，')
    run.add_break()
    table.cell(7, 4).paragraphs[0].add_run('办事流程仍需简化')
    # 李四 merged down over rows 7–8.
    table.cell(7, 1).merge(table.cell(8, 1))
    doc.add_paragraph('填表人：赵六    联系电话：12345678')
    doc.save(os.path.join(OUT, 'title-form.docx'))


def two_row_header():
    """A two-row header whose 意见来源 spans two columns (w:gridSpan) over 来源类别 and 征求方式,
    the other header cells merged down; an opinion cell merged down (never copied)."""
    doc = new_document()
    doc.add_paragraph('征求意见建议汇总表')
    table = doc.add_table(rows=5, cols=5)
    table.style = 'Table Grid'
    fill(table, 0, ['序号', '意见对象', '意见来源', None, '意见建议'])
    fill(table, 1, [None, None, '来源类别', '征求方式', None])
    fill(table, 2, ['1', '张三', '分管领域', '谈心谈话', '抓落实的韧劲不够，有的工作部署多、督查少'])
    fill(table, 3, ['2', '张三', '下属单位', '座谈会', '调研多在城区，到偏远乡镇较少'])
    fill(table, 4, ['3', '张三', '基层群众', '走访', None])
    table.cell(0, 2).merge(table.cell(0, 3))
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    table.cell(0, 4).merge(table.cell(1, 4))
    table.cell(3, 4).merge(table.cell(4, 4))
    repeat_as_header(table.rows[0])
    repeat_as_header(table.rows[1])
    doc.save(os.path.join(OUT, 'two-row-header.docx'))


def per_member():
    """A small table of unit information first, then one table per target under its heading."""
    doc = new_document()
    doc.add_paragraph('关于征求领导班子及成员意见建议的情况报告')
    info = doc.add_table(rows=2, cols=4)
    info.style = 'Table Grid'
    fill(info, 0, ['单位名称', '财政局', '联系人', '赵六'])
    fill(info, 1, ['征求范围', '下属单位、服务对象', '回收份数', '12'])
    sections = [
        ('一、对领导班子的意见建议', [
            ['1', '上级领导', '书面征求', '对重大经济风险的研判预警不够'],
            ['2', '服务对象', '问卷调查', '惠企资金兑付时间偏长'],
        ]),
        ('二、对张三同志的意见建议：', [
            ['1', '分管领域', '谈心谈话', '对分管科室的日常督促不够'],
        ]),
        ('三、对李四同志的意见建议', [
            ['1', '基层群众', '走访', '下乡调研时间偏短，了解情况不够深入'],
            ['2', '下属单位', '座谈会', '对基层财政所的业务指导不够'],
        ]),
    ]
    for heading, rows in sections:
        doc.add_paragraph(heading)
        table = doc.add_table(rows=len(rows) + 1, cols=4)
        table.style = 'Table Grid'
        fill(table, 0, ['序号', '意见来源', '征求方式', '意见建议'])
        repeat_as_header(table.rows[0])
        for r, values in enumerate(rows):
            fill(table, r + 1, values)
    doc.save(os.path.join(OUT, 'per-member.docx'))


def sections():
    """One table whose rows run in sections, each under a row typed across the table naming its target."""
    doc = new_document()
    doc.add_paragraph('征求意见建议清单')
    rows = [
        ['序号', '意见来源', '征求方式', '意见建议'],
        ['一、对领导班子的意见建议'],
        ['1', '上级领导', '书面征求', '研究部署全局性工作的前瞻性不够'],
        ['2', '服务对象', '走访', '惠企政策落地的最后一公里还有堵点'],
        ['二、对张三同志的意见建议：'],
        ['1', '下属单位', '座谈会', '到基层单位调研指导的频次偏少'],
        ['三、对李四（副局长）同志的意见建议'],
        ['1', '基层群众', '走访', '深入村组了解实情不够'],
    ]
    table = doc.add_table(rows=len(rows), cols=4)
    table.style = 'Table Grid'
    for r, values in enumerate(rows):
        fill(table, r, values)
        if len(values) == 1:
            table.cell(r, 0).merge(table.cell(r, 3))
    repeat_as_header(table.rows[0])
    doc.save(os.path.join(OUT, 'sections.docx'))


def nested():
    """The opinion table inside a one-column layout table (a form's frame), under its title row."""
    doc = new_document()
    frame = doc.add_table(rows=2, cols=1)
    frame.style = 'Table Grid'
    frame.cell(0, 0).text = '征求意见表'
    inner_cell = frame.cell(1, 0)
    inner = inner_cell.add_table(rows=3, cols=4)
    inner.style = 'Table Grid'
    fill(inner, 0, ['意见对象', '来源类别', '征求方式', '意见建议'])
    fill(inner, 1, ['王五', '服务对象', '走访', '窗口服务的规范化水平有待提升'])
    fill(inner, 2, ['王五', '基层群众', '座谈会', '对群众来信的答复不够及时'])
    doc.save(os.path.join(OUT, 'nested.docx'))


def no_header():
    doc = new_document()
    doc.add_paragraph('会议安排')
    table = doc.add_table(rows=3, cols=2)
    table.style = 'Table Grid'
    fill(table, 0, ['事项', '安排'])
    fill(table, 1, ['时间', '2025年12月'])
    fill(table, 2, ['地点', '三楼会议室'])
    doc.save(os.path.join(OUT, 'no-header.docx'))


def no_table():
    doc = new_document()
    doc.add_paragraph('对领导班子的意见建议')
    doc.add_paragraph('1.对重大经济风险的研判预警不够。')
    doc.save(os.path.join(OUT, 'no-table.docx'))


HTML = """<html><head><meta charset="utf-8"></head><body>
<p>交通运输局领导班子征求意见建议汇总表</p>
<table border="1">
<tr><th rowspan="2">序号</th><th rowspan="2">意见对象</th><th colspan="2">意见来源</th><th rowspan="2">意见建议</th></tr>
<tr><th>来源类别</th><th>征求方式</th></tr>
<tr><td>1</td><td rowspan="2">张三</td><td>上级领导</td><td>谈心谈话</td><td>统筹谋划全局工作的能力有待提升</td></tr>
<tr><td>2</td><td>下属单位</td><td>座谈会</td><td>对基层站所的支持不够</td></tr>
<tr><td>3</td><td>领导班子</td><td>服务对象</td><td>走访</td><td>项目审批时限偏长</td></tr>
</table>
</body></html>"""


def libreoffice():
    """The same kind of list as LibreOffice saves it (.docx and legacy .doc) from an HTML table."""
    work = tempfile.mkdtemp()
    try:
        src = os.path.join(work, 'libreoffice.html')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(HTML)
        for target, ext in [('docx:MS Word 2007 XML', 'docx'), ('doc:MS Word 97', 'doc')]:
            subprocess.run(['libreoffice', '--headless', '--convert-to', target, '--outdir', work, src], check=True, capture_output=True)
            shutil.copy(os.path.join(work, f'libreoffice.{ext}'), os.path.join(OUT, f'libreoffice.{ext}'))
    finally:
        shutil.rmtree(work)


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REVISION = 'w:author="办公室" w:date="2025-11-21T09:00:00Z"'


def split_table():
    """A list over two pages, split by its writer into two tables: the second has no header, and the
    target merged down over the split continues into it (w:vMerge continue in its first row)."""
    from docx.enum.text import WD_BREAK
    doc = new_document()
    doc.add_paragraph('征求意见建议汇总表')
    first = doc.add_table(rows=4, cols=4)
    first.style = 'Table Grid'
    repeat_as_header(first.rows[0])
    fill(first, 0, ['序号', '意见对象', '意见来源', '意见建议'])
    fill(first, 1, ['1', '领导班子', '上级领导', '议事决策程序还需进一步规范'])
    fill(first, 2, ['2', '领导班子', '服务对象', '窗口办事效率有待提高'])
    fill(first, 3, ['3', '张三', '基层群众', '深入基层调研不够'])
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    second = doc.add_table(rows=3, cols=4)
    second.style = 'Table Grid'
    fill(second, 0, ['4', None, '下属单位', '抓落实的力度还需加强'])
    fill(second, 1, ['5', '李四', '分管领域', '对分管科室的指导不够'])
    fill(second, 2, ['6', '李四', '服务对象', '服务企业的主动性不足'])
    # 张三 (row 3 of the first table) merged down into the continuation's first row.
    for cell, val in [(first.cell(3, 1), 'restart'), (second.cell(0, 1), 'continue')]:
        v = OxmlElement('w:vMerge')
        v.set(qn('w:val'), val)
        cell._tc.get_or_add_tcPr().append(v)
    doc.save(os.path.join(OUT, 'split-table.docx'))


def hidden_tracked():
    """A list with hidden text (a note on who said it) and tracked changes: a word replaced, text moved
    away, a row deleted. Only what Word shows with 修订 accepted is the opinion."""
    from docx.oxml import parse_xml
    doc = new_document()
    table = doc.add_table(rows=5, cols=4)
    table.style = 'Table Grid'
    fill(table, 0, ['序号', '意见对象', '意见来源', '意见建议'])
    fill(table, 1, ['1', '领导班子', '上级领导', '班子团结协作有待加强'])
    fill(table, 2, ['2', '张三', '基层群众', None])
    fill(table, 3, ['3', '李四', '服务对象', '服务意识不强'])
    fill(table, 4, ['4', '王五', '下属单位', '对下属单位指导不够'])
    hidden = table.cell(1, 3).paragraphs[0].add_run('（提出人：某某，已核实）')
    hidden.font.hidden = True
    p = table.cell(2, 3).paragraphs[0]._p
    p.append(parse_xml(f'<w:r {W_NS}><w:t>调研</w:t></w:r>'))
    p.append(parse_xml(f'<w:del {W_NS} w:id="1" {REVISION}><w:r><w:delText>很少</w:delText></w:r></w:del>'))
    p.append(parse_xml(f'<w:ins {W_NS} w:id="2" {REVISION}><w:r><w:t>不够深入</w:t></w:r></w:ins>'))
    p.append(parse_xml(f'<w:moveFrom {W_NS} w:id="3" {REVISION}><w:r><w:t>，移到别处的字</w:t></w:r></w:moveFrom>'))
    # Row 4 deleted with 修订 on: the row and its text are marked deleted.
    tr = table.rows[3]._tr
    tr.get_or_add_trPr().append(parse_xml(f'<w:del {W_NS} w:id="4" {REVISION}/>'))
    for r in list(tr.iter(qn('w:r'))):
        for t in r.findall(qn('w:t')):
            d = OxmlElement('w:delText')
            d.text = t.text
            r.replace(t, d)
        wrap = parse_xml(f'<w:del {W_NS} w:id="5" {REVISION}/>')
        r.addprevious(wrap)
        wrap.append(r)
    doc.save(os.path.join(OUT, 'hidden-tracked.docx'))


TICK_HTML = """<html><head><meta charset="utf-8"></head><body>
<table border="1">
<tr><th rowspan="2">序号</th><th rowspan="2">意见对象</th><th rowspan="2">意见建议</th><th colspan="5">意见来源（请在对应栏打√）</th></tr>
<tr><th>上级领导</th><th>下属单位</th><th>分管领域</th><th>服务对象</th><th>基层群众</th></tr>
<tr><td>1</td><td>领导班子</td><td>班子议事决策不够规范</td><td>√</td><td></td><td></td><td></td><td></td></tr>
<tr><td>2</td><td>张三</td><td>调研不够深入</td><td></td><td></td><td></td><td></td><td>√</td></tr>
<tr><td>3</td><td>李四</td><td>服务企业不主动</td><td></td><td></td><td></td><td>✓</td><td></td></tr>
<tr><td>4</td><td>王五</td><td>分管工作抓得不细</td><td></td><td>√</td><td>√</td><td></td><td></td></tr>
</table></body></html>"""


def tick_source():
    """A form asking the source by a tick in one of five columns under 意见来源 (LibreOffice .docx)."""
    work = tempfile.mkdtemp()
    try:
        src = os.path.join(work, 'tick-source.html')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(TICK_HTML)
        subprocess.run(['libreoffice', '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, src], check=True, capture_output=True)
        shutil.copy(os.path.join(work, 'tick-source.docx'), os.path.join(OUT, 'tick-source.docx'))
    finally:
        shutil.rmtree(work)


title_form()
two_row_header()
per_member()
sections()
nested()
no_header()
no_table()
split_table()
hidden_tracked()
tick_source()
libreoffice()
print('wrote', sorted(os.listdir(OUT)))
