// From opinions to the 两张清单 in the app: 梳理 five raw opinions into two (one from the detector's
// proposal, one by hand), see 收集5条 → 梳理为2条; list problems for the group and two members, record
// 不属于本人职责 with a reason, watch coverage reach 100% (in the tab, the audit tab and the
// overview); export the 两张清单 (working and 公示 versions), the workbook and the report.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET, type Opinion } from '#shared/model/types';
import { buildPackage, emptyContent } from '#shared/package/format';
import { documentLines, officeParts } from '../support/docx';
import { fakeUuid, sampleMeeting } from '../support/sample-content';
import { openTab } from './flows';
import { confirmPopup, openApp, opened, pickOption, useBrowser } from './harness';
import { choosePackage } from './package-flows';

useBrowser();

const T = '2025-11-01T08:00:00.000Z';

/** 交通运输局: three members and five opinions — three that say nearly the same of the group, two of 李卫东. */
function content() {
  const c = emptyContent();
  const stamps = { createdAt: T, updatedAt: T };
  const unit = { id: fakeUuid(1), name: '某某县交通运输局', shortName: '交通局', supervisoryGroup: '第一督导组', order: 1, ...stamps };
  const meeting = sampleMeeting({ id: fakeUuid(2), unitId: unit.id, ruleSet: defaultRuleSet(), ...stamps });
  c.units.push(unit);
  c.meetings.push(meeting);
  const people: Array<[string, string]> = [
    ['张建国', '局长'],
    ['李卫东', '副局长'],
    ['王秀英', '副局长'],
  ];
  c.members.push(...people.map(([name, position], i) => ({ id: fakeUuid(10 + i), meetingId: meeting.id, name, position, areas: '', rank: i + 1, ...stamps })));
  const li = fakeUuid(11);
  const o = (n: number, targetId: string, category: string, channel: string, text: string): Opinion => ({
    id: fakeUuid(100 + n),
    meetingId: meeting.id,
    targetId,
    category,
    channel,
    provider: `提出人${n}`,
    content: text,
    dimension: '',
    receivedDate: '2025-11-01',
    enteredBy: '测试员',
    origin: { kind: 'typed' },
    createdAt: `2025-11-01T08:00:0${n}.000Z`,
    updatedAt: T,
  });
  c.opinions.push(
    o(1, GROUP_TARGET, '上级领导', '书面征求', '深入基层调研不够，到联系点的次数偏少'),
    o(2, GROUP_TARGET, '下属单位', '座谈会', '深入基层调研不够，到联系点次数偏少'),
    o(3, GROUP_TARGET, '基层群众', '走访', '深入基层调研不够，去基层联系点的次数偏少'),
    o(4, li, '服务对象', '走访', '分管领域项目审批时限偏长，企业反映办事慢'),
    o(5, li, '服务对象', '座谈会', '审批环节多、材料多，服务企业主动性不够'),
  );
  return c;
}

async function openMeeting(page: Page): Promise<void> {
  await choosePackage(page, '交通局.mzsh.json', buildPackage(content(), { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));
  await page.getByRole('button', { name: '打开到本机' }).click();
  await page.getByRole('link', { name: '某某县交通运输局' }).click();
  await page.getByRole('link', { name: '2025年度民主生活会' }).first().click();
}

const chooseIn = (page: Page, group: string, label: string) => page.getByRole('radiogroup', { name: group }).locator('label').filter({ hasText: label }).click();

async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
}

/** Fills the problem form and saves it. */
async function addProblem(
  page: Page,
  f: { description: string; dimension?: string; link?: string; sources?: string[]; measures: string; standard?: string; leader: string; responsible: string; deadline?: string; longTerm?: boolean },
): Promise<void> {
  await page.getByRole('button', { name: '新增查摆问题' }).click();
  const dialog = await opened(page.getByRole('dialog', { name: /新增查摆问题/ }));
  await dialog.getByLabel('问题表现').fill(f.description);
  if (f.dimension) await pickOption(page, dialog.getByLabel('所属方面'), f.dimension);
  if (f.sources) {
    const sources = dialog.getByLabel('问题来源');
    await sources.click();
    await page.keyboard.press('Backspace');
    for (const s of f.sources) await pickOption(page, sources, s);
    await page.keyboard.press('Escape');
  }
  if (f.link) await pickOption(page, dialog.getByLabel('关联意见'), f.link);
  await dialog.getByLabel('整改措施').fill(f.measures);
  if (f.standard) await dialog.getByLabel('整改目标/标准').fill(f.standard);
  await dialog.getByLabel('责任领导').fill(f.leader);
  await dialog.getByLabel('责任部门/责任人').fill(f.responsible);
  if (f.deadline) {
    await dialog.getByLabel('完成时限').fill(f.deadline);
    await dialog.getByLabel('完成时限').press('Enter');
  }
  if (f.longTerm) await dialog.getByText('长期坚持', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const text = (l: Locator) => l.innerText();

describe('梳理 and the 两张清单', () => {
  it('consolidates 5 opinions into 2, answers every one, and exports both lists', async () => {
    const app = await openApp('problems', { acceptDownloads: true });
    const { page } = app;
    await openMeeting(page);
    await openTab(page, '梳理');

    // The detector proposes the group's three near-identical opinions; accept it.
    const proposal = page.getByTestId('proposal');
    await proposal.waitFor();
    expect(await text(proposal)).toContain('到联系点次数偏少');
    await app.screenshot('proposal');
    await proposal.getByRole('button', { name: '接受' }).click();
    await page.getByTestId('consolidated-item').waitFor();
    expect(await page.getByTestId('proposals').count()).toBe(0);
    await expect.poll(() => text(page.getByTestId('consolidation-total'))).toBe('收集5条，梳理为3条（尚有2条未梳理）');

    // 李卫东's two opinions, consolidated by hand with an edited wording and a dimension.
    await chooseIn(page, '梳理对象', '李卫东');
    await page.getByRole('checkbox', { name: '分管领域项目审批时限偏长，企业反映办事慢' }).check();
    await page.getByRole('checkbox', { name: '审批环节多、材料多，服务企业主动性不够' }).check();
    await page.getByRole('button', { name: /梳理为一条（已选 2 条）/ }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '梳理为一条意见' }));
    await dialog.getByLabel('梳理后意见').fill('分管领域审批环节多、时限长，服务企业主动性不够');
    await pickOption(page, dialog.getByLabel('所属方面'), '带头干事创业、担当作为');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => text(page.getByTestId('consolidation-total'))).toBe('收集5条，梳理为2条');
    await expect.poll(() => text(page.getByTestId('counts-by-target'))).toMatch(/领导班子\s+3\s+1\s+0/);
    expect(await text(page.getByTestId('counts-by-target'))).toMatch(/李卫东（副局长）\s+2\s+1\s+0/);
    await expect.poll(() => text(page.getByTestId('counts-by-channel'))).toMatch(/走访\s+2\s+2/);

    // 不属于本人职责, with the reason written down.
    await page.getByTestId('consolidated-item').getByRole('button', { name: '记录回应理由' }).click();
    const answer = await opened(page.getByRole('dialog', { name: '记录回应理由' }));
    await answer.getByText('不属于本人职责', { exact: true }).click();
    await answer.getByLabel('理由说明').fill('审批时限由市级统一规定，已向提出单位说明');
    await answer.getByRole('button', { name: '保存理由' }).click();
    await answer.waitFor({ state: 'hidden' });
    await expect.poll(() => text(page.getByTestId('answer-tag'))).toBe('不属于本人职责：审批时限由市级统一规定，已向提出单位说明');
    await app.screenshot('consolidated');

    // The problem lists: coverage 1 of 2 before the group's problem answers its opinion.
    await openTab(page, '查摆问题');
    await expect.poll(() => text(page.getByTestId('coverage-total'))).toBe('已回应1/2条（50%）');
    await expect.poll(() => text(page.getByTestId('unanswered'))).toContain('领导班子：意见“深入基层调研不够，去基层联系点的次数偏少”未列入问题清单');
    await addProblem(page, {
      description: '深入基层调研偏少，班子成员全年到联系点调研人均不足2次',
      dimension: '带头干事创业、担当作为',
      link: '深入基层调研不够，去基层联系点的次数偏少',
      measures: '建立班子成员基层联系点制度，每季度到联系点调研不少于1次',
      standard: '2026年班子成员人均调研不少于4次，形成调研报告',
      leader: '张建国',
      responsible: '办公室',
      deadline: '2026-12-31',
    });
    await expect.poll(() => text(page.getByTestId('coverage-total'))).toBe('梳理后意见2条已全部回应');

    await chooseIn(page, '清单对象', '李卫东');
    await addProblem(page, { description: '对分管科室审批工作督促不够，个别事项超时办结', sources: ['自身查摆'], measures: '每月调度审批事项办理情况', leader: '李卫东', responsible: '行政审批科', deadline: '2026-06-30' });
    await chooseIn(page, '清单对象', '王秀英');
    await addProblem(page, { description: '抓党风廉政建设的办法不多，廉政谈话流于形式', sources: ['谈心谈话'], measures: '制定廉政谈话清单，分层分类开展谈话', standard: '分管科室负责人每年谈话全覆盖', leader: '王秀英', responsible: '机关纪委', longTerm: true });
    // 李卫东's item lacks its 整改标准: marked, and the lists are not yet ready for 公示.
    await chooseIn(page, '清单对象', '李卫东');
    await expect.poll(() => text(page.getByTestId('incomplete-tag'))).toBe('不全：缺整改标准');
    await expect.poll(() => text(page.getByTestId('no-items'))).toBe('尚未列出查摆问题：张建国（局长）');
    await expect.poll(() => text(page.getByTestId('publication'))).toContain('缺少整改标准，五个明确不全');
    await app.screenshot('problems');
    await page.getByTestId('problem-table').getByRole('button', { name: '编辑' }).click();
    const edit = await opened(page.getByRole('dialog', { name: /编辑查摆问题/ }));
    await edit.getByLabel('整改目标/标准').fill('审批事项按时办结率100%');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => text(page.getByTestId('publication'))).toContain('两张清单可以公示');

    // The audit tab and the overview show the same coverage.
    await openTab(page, '审核');
    // The card renders its title first and its figures once the meeting's problems are read.
    await expect.poll(() => text(page.getByTestId('audit-coverage'))).toContain('梳理后意见2条已全部回应');
    await app.screenshot('audit');

    // Exports: both versions of the 两张清单 in one file, the workbook, the report with the real counts.
    await openTab(page, '导出与打印');
    await page.getByTestId('problem-exports').getByRole('button', { name: '导出两张清单（公示版）' }).waitFor();
    await app.screenshot('exports');
    // Kept beside the screenshots, to be rendered and looked at (LibreOffice → PNG).
    const dir = resolve(__dirname, '../../test-results/problem-lists');
    mkdirSync(dir, { recursive: true });
    const publicList = await download(page, '导出两张清单（公示版）');
    expect(publicList.name).toBe('2025年度-某某县交通运输局-问题清单（全部）（公示版）.docx');
    const publicLines = documentLines(officeParts(publicList.bytes)).join('\n');
    expect(publicLines).toContain('某某县交通运输局领导班子');
    expect(publicLines).toContain('深入基层调研偏少');
    expect(publicLines).toContain('廉政谈话流于形式');
    expect(publicLines).not.toMatch(/提出人|原因剖析|备注|内部资料/);
    const working = await download(page, '导出两张清单（工作版，内部资料）');
    expect(working.name).toBe('2025年度-某某县交通运输局-问题清单（全部）（工作版，内部资料）.docx');
    expect(documentLines(officeParts(working.bytes)).join('\n')).toContain('共查摆问题1项；征求意见收集3条，梳理为1条；梳理后意见1条已全部回应。');
    writeFileSync(join(dir, publicList.name), publicList.bytes);
    writeFileSync(join(dir, working.name), working.bytes);
    const workbook = await download(page, '导出问题清单及意见回应情况（Excel）');
    expect(workbook.name).toBe('2025年度-某某县交通运输局-问题清单及意见回应情况.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(workbook.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['问题清单', '关联意见', '回应情况']);
    const report = await download(page, '导出征求意见情况报告');
    const reportText = documentLines(officeParts(report.bytes)).join('\n');
    expect(reportText).toContain('梳理为2条');
    expect(reportText).toContain('意见梳理和回应情况');
    expect(reportText).toContain('梳理后意见2条已全部回应');
    writeFileSync(join(dir, report.name), report.bytes);
    // 李卫东's 意见建议清单 lists the consolidated opinion in place of the two it merges: 收集2条，梳理为1条.
    await pickOption(page, page.getByTestId('export-target'), '李卫东（副局长）');
    await expect.poll(() => text(page.getByTestId('print-preview'))).toContain('分管领域审批环节多、时限长，服务企业主动性不够');
    expect(await text(page.getByTestId('print-preview'))).not.toContain('审批环节多、材料多，服务企业主动性不够');
    const list = await download(page, '导出所选对象的清单');
    const listText = documentLines(officeParts(list.bytes)).join('\n');
    expect(listText).toContain('共收集对李卫东同志的意见建议2条，梳理为1条（相同或相近的意见已合并');
    expect(listText).toContain('分管领域审批环节多、时限长，服务企业主动性不够');

    // The rule: full coverage required before 公示 — editable in the meeting's settings.
    await openTab(page, '会议设置');
    await page.getByRole('switch', { name: '意见全部回应后方可公示' }).click();
    // The meeting's own 问题来源: the county's six to start with, one added.
    expect(await page.getByTestId('problem-source-list').getByTestId('problem-source-item').count()).toBe(6);
    await page.getByLabel('添加问题来源').fill('审计发现');
    await page.getByLabel('添加问题来源').press('Enter');
    await page.getByTestId('problem-source-list').scrollIntoViewIfNeeded();
    await app.screenshot('problem-sources');
    await page.getByRole('button', { name: '保存设置' }).click();
    await openTab(page, '查摆问题');
    await expect.poll(() => text(page.getByTestId('publication'))).toContain('意见已全部回应');
    await page.getByRole('button', { name: '新增查摆问题' }).click();
    const form = await opened(page.getByRole('dialog', { name: /新增查摆问题/ }));
    await form.getByLabel('问题来源').click();
    await opened(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('审计发现', { exact: true }));
    await form.getByRole('button', { name: '取消' }).click();
    await form.waitFor({ state: 'hidden' });

    await page.goto(page.url().split('#')[0] + '#/overview');
    await expect.poll(() => text(page.getByTestId('coverage-cell'))).toBe('2/2（100%）');
    await app.screenshot('overview');
    await app.close();
  });

  it('takes one raw opinion out and cancels a 梳理 without touching the raw opinions', async () => {
    const app = await openApp('problems-undo');
    const { page } = app;
    await openMeeting(page);
    await openTab(page, '梳理');
    await page.getByTestId('proposal').getByRole('button', { name: '接受' }).click();
    await page.getByTestId('consolidated-item').waitFor();
    await page.getByTestId('consolidated-item').getByRole('button', { name: '移出' }).first().click();
    await expect.poll(() => text(page.getByTestId('consolidation-total'))).toBe('收集5条，梳理为4条（尚有3条未梳理）');
    await page.getByTestId('consolidated-item').getByRole('button', { name: '取消梳理' }).click();
    await confirmPopup(page, '取消梳理');
    await expect.poll(() => text(page.getByTestId('consolidation-total'))).toBe('收集5条，尚未梳理');
    // The raw opinions are all still there, and still count for readiness.
    await openTab(page, '意见列表');
    await expect.poll(() => page.locator('.opinion-content').count()).toBe(5);
    await app.close();
  });
});
