#!/usr/bin/python3
"""Writes the 对照检查材料 fixtures in test/fixtures/materials the way offices write them:
headings 一、（一）1. typed as text in 黑体/楷体 (or, in one file, Word's heading styles), body in
仿宋_GB2312 三号, first line indented two characters. Run with Debian's /usr/bin/python3 (python3-docx);
the generated files are committed, so tests never need Python.

    /usr/bin/python3 scripts/make-material-fixtures.py
"""
import os
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'materials')

DIMENSIONS_2025 = [
    '带头强化政治忠诚、提高政治能力',
    '带头固本培元、增强党性',
    '带头敬畏人民、敬畏组织、敬畏法纪',
    '带头干事创业、担当作为',
    '带头坚决扛起管党治党责任',
]

# A paragraph another unit copies (with two words changed) and one the same person reuses next year.
SHARED_PARAGRAPH = (
    '在理论学习上满足于读原文、记笔记，学用结合不紧。今年参加局党组理论学习中心组学习12次，但联系分管的交通运输执法大队实际'
    '开展专题研讨只有1次，对执法领域存在的突出问题思考不深，没有把学习成果转化为破解难题的具体办法。'
)
COPIED_PARAGRAPH = SHARED_PARAGRAPH.replace('交通运输执法大队', '农业综合行政执法大队').replace('局党组', '局党委')
LAST_YEAR_PARAGRAPH = (
    '深入基层调研不够。全年到执法一线调研只有3次，主要是听汇报、看材料，与一线执法队员面对面交流少，对基层执法装备不足、'
    '人员老化等困难了解不全面，帮助解决实际问题不多。'
)


def font(run, name, size):
    run.font.name = name
    run.font.size = Pt(size)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn('w:eastAsia'), name)


def title(doc, text):
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(p.add_run(text), '方正小标宋简体', 22)


def h1(doc, text, styled=False):
    if styled:
        doc.add_paragraph(text, style='Heading 1')
        return
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    font(p.add_run(text), '黑体', 16)


def h2(doc, text, body=None, styled=False):
    """（一）heading, written either alone or, as many offices do, followed by its text in one paragraph."""
    if styled:
        doc.add_paragraph(text, style='Heading 2')
        if body:
            para(doc, body)
        return
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    font(p.add_run(text), '楷体_GB2312', 16)
    if body:
        font(p.add_run(body), '仿宋_GB2312', 16)


def para(doc, text):
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    font(p.add_run(text), '仿宋_GB2312', 16)


def save(doc, name):
    doc.core_properties.author = '办公室'
    doc.save(os.path.join(OUT, name))


def good_material():
    """李红 2025: answers her opinions, problems and causes dominate, all five dimensions, concrete facts."""
    doc = Document()
    title(doc, '李红同志2025年度民主生活会个人对照检查材料')
    para(doc, '按照县委统一部署，会前本人参加理论学习中心组集中学习4次，与班子成员和分管股室负责人谈心谈话9人次，'
              '征求到对本人的意见建议12条，梳理为8条。现将个人对照检查情况报告如下。')
    h1(doc, '一、上年度整改落实情况', styled=True)
    para(doc, '上年度查摆的5个问题，已整改销号4个，“执法装备更新慢”一项列入长期坚持。')
    h1(doc, '二、存在的主要问题', styled=True)
    h2(doc, '（一）在带头强化政治忠诚、提高政治能力方面', styled=True)
    para(doc, SHARED_PARAGRAPH)
    h2(doc, '（二）在带头固本培元、增强党性方面', styled=True)
    para(doc, '深入执法一线调研不够，对基层执法队员的困难了解不多。全年到交通运输执法大队和3个执法中队调研只有4次，'
              '2025年6月城东治超站反映的夜间值守人员不足问题，直到9月才协调解决。')
    h2(doc, '（三）在带头敬畏人民、敬畏组织、敬畏法纪方面', styled=True)
    para(doc, '对执法大队规范执法监督不够，有群众反映执法态度生硬。今年8月货车司机投诉执法人员态度生硬1起，本人只批转处理，'
              '没有跟进督促整改，执法全过程记录检查每季度只抽查20份。')
    h2(doc, '（四）在带头干事创业、担当作为方面', styled=True)
    para(doc, '财务股报销流程繁琐，审批时间长，本人对此推动改进不力。一笔差旅费报销平均需要经过5个环节、用时12天，'
              '基层同志多次反映，本人没有拿出精简流程的办法。')
    h2(doc, '（五）在带头坚决扛起管党治党责任方面', styled=True)
    para(doc, '落实“一岗双责”不到位。对分管的办公室、财务股、执法大队党风廉政建设，主要是年初签责任书、年底听汇报，'
              '今年只与执法大队班子开展廉政谈话1次。')
    h1(doc, '三、原因剖析', styled=True)
    para(doc, '一是理论武装不够深入。把学习当成任务完成，没有结合交通运输执法工作深学细悟，学用脱节。')
    para(doc, '二是宗旨意识有所淡化。坐在办公室听汇报多，到执法一线和货运企业少，对群众反映的执法态度问题敏感性不强。')
    para(doc, '三是担当精神不足。面对财务报销、执法装备等老问题，有畏难情绪，习惯于按老办法办事。')
    h1(doc, '四、整改措施', styled=True)
    para(doc, '一是每月到执法一线调研不少于2次，年底前解决治超站值守人员不足问题。二是2026年3月底前会同财务股把报销环节压缩到3个。'
              '三是每季度对执法大队执法记录抽查不少于50份。')
    save(doc, '2025-交通运输局-李红-对照检查材料.docx')


def ignoring_material():
    """赵强 2025: generic phrases, no facts, does not take up any of his opinions."""
    doc = Document()
    title(doc, '赵强同志个人对照检查材料')
    h1(doc, '一、存在的主要问题')
    h2(doc, '（一）政治理论学习方面。', '政治理论学习还不够深入，学习的系统性还需进一步加强，理论联系实际还不够紧密。')
    h2(doc, '（二）工作作风方面。', '工作作风还需进一步转变，深入基层还不够，服务意识还有待不断提高。')
    h2(doc, '（三）担当作为方面。', '担当作为的劲头还需持续发力，创新意识还不够强，狠抓落实的力度还需进一步加大。')
    h1(doc, '二、原因剖析')
    para(doc, '一是理论学习抓得不够紧，放松了主观世界的改造。二是宗旨意识有所淡化，群众观念还需进一步增强。'
              '三是纪律规矩意识有所松懈，对自己要求还不够严格。')
    h1(doc, '三、整改措施')
    para(doc, '一是进一步加强理论学习，不断提高政治能力。二是狠抓落实，持续发力，不断提高工作水平。'
              '三是进一步加强廉洁自律，严格落实中央八项规定精神。')
    save(doc, '2025-交通运输局-赵强-对照检查材料.docx')


def achievement_material():
    """王明 2025: 成绩一大段、问题一点点."""
    doc = Document()
    title(doc, '王明同志2025年度民主生活会对照检查材料')
    h1(doc, '一、一年来的主要工作和成绩')
    achievements = [
        '一年来，在县委、县政府的坚强领导下，本人带领局党组一班人，紧紧围绕全县交通运输中心工作，攻坚克难、真抓实干，各项工作取得了显著成效。'
        '全年完成交通固定资产投资18.6亿元，同比增长12%，超额完成年度目标任务。',
        '重点项目建设取得新突破。国道351线改建工程全线贯通，城东综合客运枢纽建成投用，新改建农村公路126公里，'
        '“四好农村路”省级示范县创建通过验收，群众出行条件明显改善，获得了社会各界的广泛好评。',
        '行业治理能力不断提升。深入推进“最多跑一次”改革，道路运输许可事项全部实现网上办理，办理时限平均压缩60%；'
        '开展道路运输安全生产大排查大整治，全年未发生较大以上安全生产事故，行业安全形势持续稳定向好。',
        '党的建设全面加强。认真履行全面从严治党主体责任，组织开展主题党日活动24次，创建“红色路网”党建品牌，'
        '局机关党支部被评为县级先进基层党组织，干部队伍精神面貌焕然一新，凝聚力战斗力显著增强。',
        '民生实事扎实推进。开通城乡公交线路5条，实现行政村公交全覆盖；完成危桥改造8座，'
        '农村客运“金通工程”稳步推进，人民群众的获得感、幸福感、安全感不断增强。',
    ]
    for a in achievements:
        para(doc, a)
    h1(doc, '二、存在的不足')
    para(doc, '一是理论学习还不够深入。二是调查研究还不够经常。三是抓落实的力度还需进一步加强。')
    h1(doc, '三、下一步努力方向')
    para(doc, '今后，我将进一步加强理论学习，不断提高履职能力，带领班子一班人再接再厉，推动交通运输事业高质量发展。')
    save(doc, '2025-交通运输局-王明-对照检查材料.docx')


def other_unit_material():
    """张伟, another unit (农业农村局) 2025: one paragraph copied from 李红's with two words changed."""
    doc = Document()
    title(doc, '张伟同志个人对照检查材料')
    h1(doc, '一、存在的主要问题')
    h2(doc, '（一）在带头强化政治忠诚、提高政治能力方面')
    para(doc, COPIED_PARAGRAPH)
    h2(doc, '（二）在带头干事创业、担当作为方面')
    para(doc, '推进高标准农田建设督促不力。全县2025年计划新建高标准农田2.1万亩，到10月底只完成1.3万亩，'
              '白石镇项目因土方调配问题停工45天，本人到现场协调只有1次。')
    h1(doc, '二、原因剖析')
    para(doc, '主要是对农业农村工作的复杂性认识不足，抓统筹协调的办法不多，存在等靠思想。')
    h1(doc, '三、整改措施')
    para(doc, '2026年4月底前完成白石镇项目剩余工程量，每月召开一次项目推进会。')
    save(doc, '2025-农业农村局-张伟-对照检查材料.docx')


def last_year_material():
    """李红 2024: one paragraph she reuses in 2025 in the 王明-style paste test, and the 2024 dimensions."""
    doc = Document()
    title(doc, '李红同志2024年度民主生活会个人对照检查材料')
    h1(doc, '一、存在的问题')
    h2(doc, '（一）在带头增强党性、严守纪律、砥砺作风方面')
    para(doc, LAST_YEAR_PARAGRAPH)
    h2(doc, '（二）在带头履行全面从严治党政治责任方面')
    para(doc, '对分管股室的日常监督偏软，2024年财务股出现1笔超标准接待费用报销，本人审签时没有发现。')
    h1(doc, '二、原因剖析')
    para(doc, '对从严治党的长期性认识不足，重业务轻管理。')
    h1(doc, '三、整改措施')
    para(doc, '每季度听取一次分管股室党风廉政建设情况汇报。')
    save(doc, '2024-交通运输局-李红-对照检查材料.docx')


def reused_material():
    """李红 2025, a second draft that reuses last year's paragraph word for word (cross-year copy)."""
    doc = Document()
    title(doc, '李红同志2025年度个人对照检查材料（初稿）')
    h1(doc, '一、存在的主要问题')
    h2(doc, '（一）在带头固本培元、增强党性方面')
    para(doc, LAST_YEAR_PARAGRAPH.replace('全年', '今年'))
    h1(doc, '二、原因剖析')
    para(doc, '宗旨意识有所淡化，坐在办公室听汇报多。')
    save(doc, '2025-交通运输局-李红-对照检查材料（初稿）.docx')


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    good_material()
    ignoring_material()
    achievement_material()
    other_unit_material()
    last_year_material()
    reused_material()
    print('\n'.join(sorted(os.listdir(OUT))))
