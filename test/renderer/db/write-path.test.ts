// Every write to meeting data passes writeMeetingData (renderer/src/db/repos/meeting-write.ts),
// which adds the summary tables to the transaction, writes the change log and refreshes the
// summaries once. This test reads every module of the renderer and fails, saying what to do, on a
// table write outside that wrapper, a write transaction opened by hand, a change-log line written
// directly or a summary refreshed by hand.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const SRC = join(ROOT, 'renderer/src');
const WRAPPER = 'renderer/src/db/repos/meeting-write.ts';

/** Modules that write without the wrapper, each for a reason that must stay true. */
const EXEMPT: Record<string, string> = {
  'renderer/src/db/repos/backup-repo.ts': 'a restore replaces every table, summaries and change log included, exactly as backed up',
  'renderer/src/db/repos/copy-findings-repo.ts': 'stores a cross-unit scan: the findings and the summary counts they feed, no meeting data',
  'renderer/src/db/repos/settings-repo.ts': 'app settings are not meeting data',
  'renderer/src/db/repos/summaries-repo.ts': 'the summary refresh itself, called only by the wrapper',
  'renderer/src/db/database.ts': 'schema upgrades compute summaries inside the upgrade transaction',
};

/** Helpers whose writes run inside a caller's writeMeetingData (their doc says so). */
const INSIDE_A_WRITE = new Set(['putMergeBases']);

const WRITES = new Set(['add', 'bulkAdd', 'put', 'bulkPut', 'update', 'bulkUpdate', 'delete', 'bulkDelete', 'clear', 'modify']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** `db.opinions.add(…)`, `db.table(t).bulkPut(…)`, `tx.table('x').put(…)`: a call writing a Dexie table. */
function isTableWrite(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !WRITES.has(callee.name.text)) return false;
  const target = callee.expression;
  if (ts.isPropertyAccessExpression(target)) return ts.isIdentifier(target.expression) && /^(db|old|tx|trans)$/.test(target.expression.text);
  if (ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression)) return target.expression.name.text === 'table';
  return false;
}

function calleeName(call: ts.CallExpression): string {
  const e = call.expression;
  return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
}

/** Whether a node lies inside the callback of a writeMeetingData call or of a helper run inside one. */
function insideWrapper(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n) && calleeName(n) === 'writeMeetingData') return true;
    if (ts.isFunctionDeclaration(n) && n.name && INSIDE_A_WRITE.has(n.name.text)) return true;
  }
  return false;
}

function scan(): { writes: Finding[]; handOpened: Finding[]; logWrites: Finding[]; refreshes: Finding[]; helperCalls: Finding[] } {
  const out = { writes: [] as Finding[], handOpened: [] as Finding[], logWrites: [] as Finding[], refreshes: [] as Finding[], helperCalls: [] as Finding[] };
  for (const path of files(SRC)) {
    const file = relative(ROOT, path);
    if (file === WRAPPER || EXEMPT[file]) continue;
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node): Finding => ({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText().split('\n')[0]!.slice(0, 90) });
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        if (isTableWrite(node)) {
          const table = (node.expression as ts.PropertyAccessExpression).expression;
          if (ts.isPropertyAccessExpression(table) && table.name.text === 'changeLog') out.logWrites.push(at(node));
          else if (!insideWrapper(node)) out.writes.push(at(node));
        }
        if (name === 'transaction' && node.arguments[0] && ts.isStringLiteral(node.arguments[0]) && node.arguments[0].text.includes('w')) out.handOpened.push(at(node));
        if (name === 'refreshSummaries') out.refreshes.push(at(node));
        if (INSIDE_A_WRITE.has(name) && !insideWrapper(node)) out.helperCalls.push(at(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

const show = (fs: Finding[]) => fs.map((f) => `  ${f.file}:${f.line}  ${f.text}`).join('\n');

describe('the one write path for meeting data', () => {
  const found = scan();

  it('finds the repositories it checks (the scan works)', () => {
    const wrapped = files(join(SRC, 'db/repos')).filter((p) => readFileSync(p, 'utf8').includes('writeMeetingData(db'));
    expect(wrapped.map((p) => relative(ROOT, p)).sort()).toEqual(
      expect.arrayContaining(['renderer/src/db/repos/opinions-repo.ts', 'renderer/src/db/repos/members-repo.ts', 'renderer/src/db/repos/meetings-repo.ts', 'renderer/src/db/repos/import-repo.ts']),
    );
  });

  it('every table write runs inside writeMeetingData', () => {
    expect(
      found.writes,
      `These writes bypass writeMeetingData, so no change-log line is written and the meeting's summary goes stale. Wrap the write: \`writeMeetingData(db, [tables…], async (w) => { …; w.log({…}) })\`, or, for a table that is not meeting data, add the module to EXEMPT with the reason:\n${show(found.writes)}`,
    ).toEqual([]);
  });

  it('no repository opens a write transaction by hand', () => {
    expect(found.handOpened, `Open write transactions through writeMeetingData (it adds the summary tables to the scope):\n${show(found.handOpened)}`).toEqual([]);
  });

  it('change-log lines are written by the wrapper, from w.log', () => {
    expect(found.logWrites, `Call w.log({ actor, entity, recordId, meetingId, action, summary }) instead of writing the change log:\n${show(found.logWrites)}`).toEqual([]);
  });

  it('summaries are refreshed by the wrapper only, once per transaction', () => {
    expect(found.refreshes, `Do not call refreshSummaries: w.log marks the meeting changed, w.touch(ids) marks others, and the wrapper refreshes each once:\n${show(found.refreshes)}`).toEqual([]);
  });

  it('helpers that write inside a caller’s write are only called from inside one', () => {
    expect(found.helperCalls, `${[...INSIDE_A_WRITE].join(', ')} must be called inside a writeMeetingData callback:\n${show(found.helperCalls)}`).toEqual([]);
  });
});
