// Backup and restore at county scale, outside IndexedDB: 300 meetings, 3,300 members, ~100,000
// opinions of 23–122 characters and a change-log line per opinion. Prints the time of each step
// and the sizes. Run: npm run bench:backup. (IndexedDB's own part — reading all rows, ~0.6 s, and
// writing them back, ~1 s per 10,000 rows — is in /work/shared/TOOLCHAIN.md and measured in
// Chromium by test/bench/backup-chromium-bench.ts.)
import { decodeBackup } from '#shared/backup/format';
import { parseTables, serializeTables } from '#shared/backup/tables';
import type { ChangeLogEntry } from '#shared/model/types';
import { gunzip } from '../../renderer/src/backup-engine/codec';
import { makeBackupFile, readBackupTables } from '../../renderer/src/backup-engine/backup-file';
import { LATEST_VERSION, storesAt, tableSpecsOf } from '../../renderer/src/db/schema-history';
import { fakeUuid, sampleContent } from '../support/sample-content';

const PHRASES = [
  '调查研究不够深入', '解决群众急难愁盼问题的办法不多', '理论学习不够系统', '以会代学的情况时有发生', '抓落实的韧劲不足',
  '督促检查跟进不够', '联系服务群众不够经常', '对基层反映的困难协调解决不够及时', '窗口服务态度有待改进', '办事指南更新不及时',
  '政策宣传不够接地气', '担当作为的劲头有所减弱', '创新思路不多', '对分管领域风险隐患预判不足', '廉政风险防控还有薄弱环节',
];

/** Opinion text that compresses like real text: phrases in a seeded random order, 23–122 characters. */
function realisticText(seed: number): string {
  let x = seed * 2654435761;
  const rand = () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const target = 23 + Math.floor(rand() * 100);
  let text = '';
  while (text.length < target) text += PHRASES[Math.floor(rand() * PHRASES.length)]! + (rand() < 0.5 ? '，' : '；');
  return text.slice(0, target - 1) + '。';
}

async function time<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const result = await work();
  console.log(`${label.padEnd(48)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms`);
  return result;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const content = sampleContent({ units: 300, membersPerMeeting: 10, perCell: 6, providers: ['县发改局', '', '某某镇', '群众代表'] });
  content.opinions.forEach((o, i) => (o.content = realisticText(i)));
  const changeLog: ChangeLogEntry[] = content.opinions.map((o, i) => ({
    id: fakeUuid(10_000_000 + i),
    at: o.createdAt,
    actor: '测试员',
    entity: 'opinion',
    recordId: o.id,
    meetingId: o.meetingId,
    action: 'create',
    summary: `添加意见：${o.content.slice(0, 30)}`,
  }));
  // Every table of the latest schema (the follow-up tables of the sample are empty; the derived ones too).
  const tables = { ...content, changeLog, settings: [{ key: 'operatorName', value: '王科长' }], meetingSummaries: [], copyFindings: [], mergeBases: [] };
  const specs = tableSpecsOf(storesAt(LATEST_VERSION));
  console.log(`county scale: ${content.meetings.length} meetings, ${content.members.length} members, ${content.opinions.length} opinions, ${changeLog.length} change-log rows`);

  const json = await time('serialize every table to JSON', () => serializeTables(tables));
  console.log(`  JSON: ${mb(json.byteLength)}`);
  const plain = await time('backup file, no password (JSON + gzip + SHA-256)', () => makeBackupFile(tables, { schemaVersion: LATEST_VERSION, appVersion: 'bench', reason: 'manual' }));
  console.log(`  file: ${mb(plain.bytes.byteLength)}`);
  const sealed = await time('backup file with a password (+ PBKDF2 600k + AES-GCM)', () =>
    makeBackupFile(tables, { schemaVersion: LATEST_VERSION, appVersion: 'bench', reason: 'manual', password: '县委组织部2026' }),
  );
  const decoded = await time('verify the frame (every byte: SHA-256 ×2)', () => decodeBackup(plain.bytes));
  if (!decoded.ok) throw new Error(decoded.error);
  await time('gunzip the payload', () => gunzip(decoded.payload, decoded.manifest.payload.plainBytes));
  await time('parse and validate every row', () => parseTables(json, decoded.manifest, specs));
  const read = await time('read a backup for restore, no password (all steps)', () => readBackupTables(decoded, specs));
  if (!read.ok) throw new Error(read.error);
  const sealedDecoded = decodeBackup(sealed.bytes);
  if (!sealedDecoded.ok) throw new Error(sealedDecoded.error);
  await time('read a backup for restore, with the password', () => readBackupTables(sealedDecoded, specs, '县委组织部2026'));
  await time('wrong password refused (PBKDF2 + failed GCM tag)', () => readBackupTables(sealedDecoded, specs, 'wrong'));
  console.log(`heap used at the end: ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`);
}

void main();
