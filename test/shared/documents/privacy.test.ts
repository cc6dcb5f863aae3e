// Providers never reach a leader. A meeting with 100 distinctive provider names: every
// leader-facing document (each member's list, the group's, all lists in one, the readiness report,
// in both font modes) is unzipped part by part and searched — 0 names. The internal ledger holds all
// 100, and so does the internal version of the lists (so the search can find them when present).
import { describe, expect, it } from 'vitest';
import { ledgerFile } from '#shared/documents/excel/ledger-file';
import { combinedListFile, listFiles, reportFile, type OutputFile } from '#shared/documents/meeting-files';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { officeParts } from '../../support/docx';
import { privacyContent, PROVIDER_NAMES } from '../../support/privacy-sample';

function privacyInput() {
  const content = privacyContent();
  return { unit: content.units[0]!, meeting: content.meetings[0]!, members: content.members, opinions: content.opinions };
}

function namesIn(files: OutputFile[]): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    for (const [, text] of officeParts(file.data)) for (const name of PROVIDER_NAMES) if (text.includes(name)) found.add(name);
  }
  return found;
}

describe('privacy', () => {
  const input = privacyInput();
  const docs = prepareMeetingDocs(input);
  const date = '2025-11-21';

  it('uses all 100 names in the data', () => {
    expect(new Set(input.opinions.map((o) => o.provider))).toEqual(new Set(PROVIDER_NAMES));
    expect(docs.targets).toHaveLength(11);
  });

  it('finds 0 provider names in any part of any leader-facing document', async () => {
    const files: OutputFile[] = [];
    for (const mode of ['official', 'compatible'] as const) {
      files.push(...(await listFiles(docs, { internal: false, mode, date })));
      files.push(await combinedListFile(docs, { internal: false, mode, date }));
      files.push(await reportFile(docs, { mode, date }));
    }
    expect(files).toHaveLength(2 * (11 + 2));
    expect([...namesIn(files)]).toEqual([]);
    for (const file of files) {
      const all = [...officeParts(file.data).values()].join('');
      expect(all, file.name).not.toContain('提出人甲');
      expect(all, file.name).not.toContain('内部资料');
    }
  });

  it('finds all 100 in the internal ledger and in the internal lists', async () => {
    expect(namesIn([await ledgerFile(docs, { date })]).size).toBe(100);
    expect(namesIn(await listFiles(docs, { internal: true, mode: 'official', date })).size).toBe(100);
  });
});
