// Exports of units and members with hostile names: long Chinese names (统信UOS and 麒麟 allow 255
// bytes per name, 85 Chinese characters), long Latin names, reserved device names, names that
// differ only in case, control and bidi characters. Every file the export reports is on disk,
// every name fits 255 bytes, nothing overwrote anything.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES } from '#shared/files/safe-names';
import { buildPackage } from '#shared/package/format';
import { cli } from '../../support/cli';
import { sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };
const bytes = (s: string) => new TextEncoder().encode(s).byteLength;

function hostileContent() {
  const content = sampleContent({ units: 6, membersPerMeeting: 3 });
  const unitNames = ['组'.repeat(200), 'Bureau of Statistics and Planning '.repeat(6).slice(0, 200), 'CON', 'ABC局', 'abc局', '测试局\u202e\u0007.'];
  content.units.forEach((u, i) => (u.name = unitNames[i]!));
  const memberNames = ['张'.repeat(200), 'NUL', 'Alexander '.repeat(20).trim()];
  content.members.forEach((m, i) => (m.name = memberNames[i % memberNames.length]!));
  return content;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? [p, ...walk(p)] : [p];
  });
}

describe('cli export of hostile names', () => {
  it('writes every file it reports, every name within 255 bytes, nothing lost to a collision', async () => {
    const dir = tempDir('cli-export-names');
    writeFileSync(join(dir, 'hostile.mzsh.json'), buildPackage(hostileContent(), META));
    const r = await cli(['export', 'hostile.mzsh.json', '--out', '导出'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const reported = [...r.out.matchAll(/：(\d+) 个文件 → (.+)$/gm)].map((m) => ({ count: Number(m[1]), folder: m[2]! }));
    expect(reported).toHaveLength(6);
    // 4 targets (group + 3 members) + all-in-one + report + ledger.
    for (const { count, folder } of reported) {
      expect(count).toBe(7);
      expect(readdirSync(join(dir, folder))).toHaveLength(7);
    }
    expect(new Set(reported.map((x) => x.folder.toLowerCase())).size).toBe(6);
    expect(r.out).toContain('共导出 6 次会议、42 个文件。');
    const all = walk(join(dir, '导出'));
    expect(all.filter((p) => statSync(p).isFile())).toHaveLength(42);
    for (const p of all) {
      for (const part of relative(join(dir, '导出'), p).split('/')) {
        expect(bytes(part), part).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(part).not.toMatch(/^(con|nul)(\.|$)/i);
        // eslint-disable-next-line no-control-regex -- the point: no control character in a name
        expect(part).not.toMatch(/[\u0000-\u001f\u202a-\u202e]|[. ]$/);
      }
      // No temporary file or folder is left behind.
      expect(p).not.toMatch(/\.tmp$/);
    }
    // The rank and the kind survive the cut of a 200-character name.
    const chinese = readdirSync(join(dir, reported[0]!.folder));
    expect(chinese.filter((n) => /-0[0-3]-.*-征求意见建议清单\.docx$/.test(n))).toHaveLength(4);
  });
});
