// The readers of untrusted files, as fuzz targets. Each target reads bytes and answers with the
// Chinese refusal (or undefined when it accepts). To fuzz another reader, add an entry here: its
// real fixtures, its read function, and the pattern its refusals follow (the spreadsheet importer's
// targets are in import-targets.ts). readers.test.ts runs every target.
import { readPackage, buildPackage, contentChecksum, type ExchangePackage } from '#shared/package/format';
import { decodeBackup, encodeBackup, type BackupManifest } from '#shared/backup/format';
import { parseTables, serializeTables } from '#shared/backup/tables';
import { gzip } from '../../renderer/src/backup-engine/codec';
import { makeBackupFile, readBackupTables } from '../../renderer/src/backup-engine/backup-file';
import { SCHEMA_V1, tableSpecsOf } from '../../renderer/src/db/schema-history';
import { withFollowUp } from '../support/follow-up-sample';
import { sampleContent } from '../support/sample-content';
import type fc from 'fast-check';
import { IMPORT_FUZZ_TARGETS } from './import-targets';
import { MATERIAL_FUZZ_TARGETS } from './material-targets';
import { OCR_FUZZ_TARGETS } from './ocr-targets';

export interface FuzzTarget {
  name: string;
  /** Real, valid inputs the mutations start from. */
  fixtures: () => Promise<Uint8Array[]>;
  /** Reads the bytes; the refusal message, or undefined when accepted. Must never throw or hang. */
  read: (bytes: Uint8Array) => Promise<string | undefined>;
  /** Every refusal must match this: a known, Chinese message. */
  knownError: RegExp;
  /** Re-seals a JSON-level mutation so it gets past the checksum into the deeper checks (optional). */
  reseal?: (json: unknown) => unknown;
  runs?: number;
  /** Mutations that know the format (e.g. inside an .xlsx's parts), besides the byte and JSON ones. */
  mutations?: (fixture: Uint8Array) => Array<fc.Arbitrary<Uint8Array>>;
  /** Half of the arbitrary inputs start with this, so they reach the format's own parser. */
  magic?: Uint8Array;
  /** The time one input may take (default 2 s). */
  maxMsPerInput?: number;
  /** Stop at the first failure instead of shrinking it (a hang costs its whole time limit per try). */
  endOnFailure?: boolean;
  /** Releases what the target holds (a child process), after its tests. */
  dispose?: () => Promise<void>;
}

const specs = tableSpecsOf(SCHEMA_V1);

function backupTables() {
  // The tables of schema 1 (sample content also carries the empty follow-up tables of schema 3).
  const { units, meetings, members, opinions, audits, changeLog } = sampleContent({ units: 1, membersPerMeeting: 2 });
  return { units, meetings, members, opinions, audits, changeLog, settings: [{ key: 'operatorName', value: '张科长' }] };
}

/** The manifest of a real backup of backupTables(), for the targets that fuzz what is inside one. */
async function realManifest(): Promise<BackupManifest> {
  return (await makeBackupFile(backupTables(), { schemaVersion: 1, appVersion: '0.1.0', reason: 'manual', createdAt: '2026-11-21T00:00:00.000Z' })).manifest;
}

export const FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: 'exchange package (readPackage)',
    fixtures: async () => [
      // Format 2 with every follow-up kind (梳理, 查摆问题, 整改台账, 进展, 谈心谈话, 会前准备, 材料).
      buildPackage(withFollowUp(sampleContent({ units: 2, providers: ['县发改局', ''] })), { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }),
      buildPackage(sampleContent({ units: 1, membersPerMeeting: 1, perCell: 1 }), { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }),
    ],
    read: async (bytes) => {
      const result = readPackage(bytes);
      return result.ok ? undefined : result.error;
    },
    knownError: /^(文件不是|数据包)/,
    reseal: (value) => {
      const pkg = value as ExchangePackage;
      if (pkg && typeof pkg === 'object' && pkg.content && typeof pkg.content === 'object' && pkg.checksum && typeof pkg.checksum === 'object') {
        try {
          pkg.checksum.value = contentChecksum(pkg.content);
        } catch {
          // Content canonical JSON cannot encode: leave the checksum as it is.
        }
      }
      return pkg;
    },
  },
  {
    name: 'backup file (decode, decompress, check every table)',
    fixtures: async () => {
      const plain = await makeBackupFile(backupTables(), { schemaVersion: 1, appVersion: '0.1.0', reason: 'manual', createdAt: '2026-11-21T00:00:00.000Z' });
      return [plain.bytes];
    },
    read: async (bytes) => {
      const decoded = decodeBackup(bytes);
      if (!decoded.ok) return decoded.error;
      const tables = await readBackupTables(decoded, specs);
      return tables.ok ? undefined : tables.error;
    },
    knownError: /^(文件不是|备份|该备份)/,
  },
  {
    // The bytes are a backup's compressed payload, framed with a correct manifest and hashes, so
    // every mutation gets past the frame into decompression and the table checks.
    name: 'backup payload behind a valid frame (gunzip, JSON, tables)',
    fixtures: async () => [await gzip(serializeTables(backupTables()))],
    read: async (bytes) => {
      const manifest = await realManifest();
      const framed = encodeBackup({ ...manifest, payload: { compression: 'gzip', plainBytes: manifest.payload.plainBytes } }, bytes);
      const decoded = decodeBackup(framed);
      if (!decoded.ok) return decoded.error;
      const tables = await readBackupTables(decoded, specs);
      return tables.ok ? undefined : tables.error;
    },
    knownError: /^备份数据/,
    runs: 600,
  },
  {
    // The bytes are a backup's JSON tables, checked against the real manifest's counts.
    name: 'backup tables (parseTables)',
    fixtures: async () => [serializeTables(backupTables())],
    read: async (bytes) => {
      const result = parseTables(bytes, await realManifest(), specs);
      return result.ok ? undefined : result.error;
    },
    knownError: /^备份(数据|的数据表)/,
    runs: 600,
  },
  ...IMPORT_FUZZ_TARGETS,
  ...MATERIAL_FUZZ_TARGETS,
  ...OCR_FUZZ_TARGETS,
];
