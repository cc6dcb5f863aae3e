/* eslint-disable no-console -- a tool that prints where it wrote the pictures */
// Every document type of a realistic meeting, rendered the way a clerk would see it on paper:
// written as .docx/.xlsx, converted by LibreOffice to PDF and by poppler to one PNG per page.
// Run: npx tsx scripts/render-documents.mts [OUT_DIR] (default test-results/documents).
// Needs libreoffice and poppler-utils (scripts/install-test-prereqs.sh also installs the
// fontconfig aliases that stand in for 方正小标宋简体 / 仿宋_GB2312 / 楷体_GB2312).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { computeReadiness } from '#shared/checks/readiness';
import { warningRows } from '#shared/documents/audit-docs';
import { ledgerFile } from '#shared/documents/excel/ledger-file';
import { overviewFile } from '#shared/documents/excel/overview-file';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { combinedListFile, listFiles, reportFile } from '#shared/documents/meeting-files';
import { auditReportDocx } from '#shared/documents/word/audit-report-docx';
import type { Audit } from '#shared/model/types';
import { superviseContent } from '#shared/supervision/content-overview';
import { prepareAudit } from '#shared/supervision/audit';
import { verdictFingerprint } from '#shared/supervision/fingerprint';
import { countyContent } from '../test/support/county-content';

const out = resolve(process.argv[2] ?? 'test-results/documents');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const date = '2025-11-21';

// Twelve units with copies between them; the one rendered is 交通运输局 (the seventh unit).
const content = countyContent({ units: 12, members: [9, 11], perCell: 2, copyRate: 0.06, seed: 7 });
const meeting = content.meetings[6]!;
const unit = content.units.find((u) => u.id === meeting.unitId)!;
const members = content.members.filter((m) => m.meetingId === meeting.id);
const opinions = content.opinions.filter((o) => o.meetingId === meeting.id);
opinions.forEach((o, i) => (o.provider = ['县委办公室', '某某村党支部书记', '群众代表张某', '县发改局', ''][i % 5]!));
// What clerks type: an opinion with line breaks inside it, and one repeated by a second provider.
const first = opinions.find((o) => o.targetId === members[0]!.id)!;
first.content = '一是理论学习不够系统深入，以会代学的情况时有发生；\n二是调查研究不够经常，听汇报多、看现场少；\n三是推动重点项目的办法不多。';
const repeated = { ...first, id: `${first.id.slice(0, -4)}ffff`, provider: '某某乡党委', createdAt: '2025-11-02T08:00:00.000Z' };
opinions.push(repeated);
content.opinions.push(repeated);

const docs = prepareMeetingDocs({ unit, meeting, members, opinions });
const files: Array<{ name: string; data: Uint8Array }> = [];
const [group, member] = (await listFiles(docs, { internal: false, mode: 'official', date })).slice(0, 2);
files.push({ name: 'list-group.docx', data: group!.data }, { name: 'list-member.docx', data: member!.data });
const internal = await listFiles(docs, { internal: true, mode: 'official', date });
files.push({ name: 'list-member-internal.docx', data: internal[1]!.data });
files.push({ name: 'lists-combined.docx', data: (await combinedListFile(docs, { internal: false, mode: 'official', date })).data });
files.push({ name: 'report.docx', data: (await reportFile(docs, { mode: 'official', date })).data });
files.push({ name: 'ledger.xlsx', data: (await ledgerFile(docs, { date })).data });

const supervision = superviseContent(content);
const warnings = supervision.warnings.filter((w) => w.a.meetingId === meeting.id);
const fingerprint = verdictFingerprint(supervision.summaries.find((s) => s.meetingId === meeting.id)!);
const readiness = computeReadiness({ members, opinions }, meeting.ruleSet);
const prepared = prepareAudit(
  { verdict: 'return', auditor: '第一督导组 王组长', reasons: '部分意见与其他单位雷同，请重新征求意见后报送。', ticked: warnings.slice(0, 2).map((w) => w.message), overrideReason: '' },
  { readiness, warnings: warnings.map((w) => w.message), fingerprint },
);
if (!prepared.ok) throw new Error(prepared.problems.join());
const audit: Audit = { id: '00000000-0000-4000-8000-00000000a001', meetingId: meeting.id, at: '2025-11-20T02:00:00.000Z', ...prepared.value };
files.push({ name: 'audit.docx', data: await auditReportDocx({ docs, warnings, labels: supervision.labels, audits: [audit], fingerprint }, { mode: 'official', date }) });
const title = (id: string) => supervision.meetings.get(id)?.title ?? '';
files.push({ name: 'overview.xlsx', data: (await overviewFile(supervision.rows, warningRows(supervision.warnings, supervision.labels, title), { date })).data });

for (const f of files) writeFileSync(join(out, f.name), f.data);
// Blank pages that keep a list on an odd page are exported too (LibreOffice skips them by default,
// as it prints them: Tools › Options › Writer › Print › Print automatically inserted blank pages).
const pdf = (filter: string, names: string[]) => {
  const r = spawnSync('libreoffice', [`-env:UserInstallation=file://${out}/.profile`, '--headless', '--convert-to', filter, '--outdir', out, ...names.map((n) => join(out, n))], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
};
pdf('pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}', files.filter((f) => f.name.endsWith('.docx')).map((f) => f.name));
pdf('pdf', files.filter((f) => f.name.endsWith('.xlsx')).map((f) => f.name));
for (const f of files) {
  const base = f.name.replace(/\.\w+$/, '');
  spawnSync('pdftoppm', ['-png', '-r', '60', join(out, `${base}.pdf`), join(out, base)]);
  const pages = readdirSync(out).filter((n) => n.startsWith(`${base}-`) && n.endsWith('.png')).length;
  console.log(`${f.name.padEnd(28)} ${String(pages).padStart(3)} pages`);
}
console.log(`\n${out}`);
