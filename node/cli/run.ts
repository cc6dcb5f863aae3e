// The command line over shared/: `npm run cli -- COMMAND …`. Every refusal is a Chinese message
// and exit code 2; no stack trace reaches the user (set MZSH_DEBUG=1 to see one).
import { parseArgs } from 'node:util';
import { AUDIT_REPORT_HELP, auditReportCommand } from './commands/audit-report';
import { CHECK_HELP, checkCommand } from './commands/check';
import { EXPORT_HELP, exportCommand } from './commands/export';
import { OVERVIEW_HELP, overviewCommand } from './commands/overview';
import { IMPORT_HELP, importCommand } from './commands/import';
import { MATERIALS_HELP, materialsCommand } from './commands/materials';
import { MERGE_HELP, mergeCommand } from './commands/merge';
import { LEDGER_HELP, ledgerCommand } from './commands/ledger';
import { OCR_HELP, ocrCommand } from './commands/ocr';
import { VERIFY_HELP, verifyCommand } from './commands/verify';
import { CliError, EXIT_BAD_INPUT, EXIT_OK } from './errors';
import type { CliIo } from './io';

interface Command {
  help: string;
  options: Record<string, { type: 'boolean' | 'string'; multiple?: boolean }>;
  run: (positionals: string[], values: Record<string, unknown>, io: CliIo) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  check: {
    help: CHECK_HELP,
    options: { json: { type: 'boolean' } },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError('请指定至少一个数据包文件');
      return checkCommand(positionals, { json: values['json'] === true }, io);
    },
  },
  export: {
    help: EXPORT_HELP,
    options: { out: { type: 'string' }, word: { type: 'boolean' }, excel: { type: 'boolean' }, internal: { type: 'boolean' }, fonts: { type: 'string' }, date: { type: 'string' } },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError('请指定至少一个数据包文件');
      const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
      const flag = (key: string) => values[key] === true;
      return exportCommand(positionals, { out: text('out'), word: flag('word'), excel: flag('excel'), internal: flag('internal'), fonts: text('fonts'), date: text('date') }, io);
    },
  },
  overview: {
    help: OVERVIEW_HELP,
    options: { xlsx: { type: 'string' }, group: { type: 'string' }, year: { type: 'string' }, date: { type: 'string' } },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError('请指定至少一个数据包文件');
      const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
      return overviewCommand(positionals, { xlsx: text('xlsx'), group: text('group'), year: text('year'), date: text('date') }, io);
    },
  },
  'audit-report': {
    help: AUDIT_REPORT_HELP,
    options: { out: { type: 'string' }, group: { type: 'string' }, year: { type: 'string' }, fonts: { type: 'string' }, date: { type: 'string' } },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError('请指定至少一个数据包文件');
      const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
      return auditReportCommand(positionals, { out: text('out'), group: text('group'), year: text('year'), fonts: text('fonts'), date: text('date') }, io);
    },
  },
  import: {
    help: IMPORT_HELP,
    options: {
      package: { type: 'string' },
      meeting: { type: 'string' },
      'dry-run': { type: 'boolean' },
      set: { type: 'string', multiple: true },
      column: { type: 'string', multiple: true },
      'include-no-opinion': { type: 'boolean' },
      'include-sheet': { type: 'string', multiple: true },
      sheet: { type: 'string', multiple: true },
      'min-confidence': { type: 'string' },
    },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError(`请指定一个要导入的表格文件（或纸质征求意见表的扫描件）\n${IMPORT_HELP}`);
      if (typeof values['package'] !== 'string') throw new CliError('请用 --package 指定数据包文件');
      if (typeof values['meeting'] !== 'string') throw new CliError('请用 --meeting 指定会议编号（可用 check --json 查看）');
      const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      return importCommand(
        positionals,
        {
          packagePath: values['package'],
          meetingId: values['meeting'],
          dryRun: values['dry-run'] === true,
          set: list(values['set']),
          column: list(values['column']),
          includeNoOpinion: values['include-no-opinion'] === true,
          includeSheet: list(values['include-sheet']),
          sheet: list(values['sheet']),
          minConfidence: typeof values['min-confidence'] === 'string' ? values['min-confidence'] : undefined,
        },
        io,
      );
    },
  },
  merge: {
    help: MERGE_HELP,
    options: { out: { type: 'string' } },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError('请指定要合并的数据包文件');
      return mergeCommand(positionals, { out: typeof values['out'] === 'string' ? values['out'] : undefined }, io);
    },
  },
  ledger: {
    help: LEDGER_HELP,
    options: { xlsx: { type: 'string' }, overdue: { type: 'boolean' }, date: { type: 'string' } },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError('请指定至少一个数据包文件');
      const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
      return ledgerCommand(positionals, { xlsx: text('xlsx'), overdue: values['overdue'] === true, date: text('date') }, io);
    },
  },
  materials: {
    help: MATERIALS_HELP,
    options: { xlsx: { type: 'string' }, date: { type: 'string' } },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError('请指定至少一个数据包文件');
      const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
      return materialsCommand(positionals, { xlsx: text('xlsx'), date: text('date') }, io);
    },
  },
  ocr: {
    help: OCR_HELP,
    options: { package: { type: 'string' }, meeting: { type: 'string' }, category: { type: 'string' }, channel: { type: 'string' }, 'min-confidence': { type: 'string' }, json: { type: 'string' } },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError(`请指定要识别的征求意见表图片或 PDF\n${OCR_HELP}`);
      const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
      return ocrCommand(positionals, { packagePath: text('package'), meetingId: text('meeting'), category: text('category'), channel: text('channel'), minConfidence: text('min-confidence'), json: text('json') }, io);
    },
  },
  verify: {
    help: VERIFY_HELP,
    options: { 'password-file': { type: 'string' } },
    run: (positionals, values, io) => {
      if (positionals.length === 0) throw new CliError('请指定要检查的数据包或备份文件');
      return verifyCommand(positionals, { passwordFile: typeof values['password-file'] === 'string' ? values['password-file'] : undefined }, io);
    },
  },
};

export function usage(): string {
  return ['用法：npm run cli -- 命令 [参数…]', '', '命令：', ...Object.values(COMMANDS).map((c) => `  ${c.help.replace(/\n/g, '\n  ')}`)].join('\n');
}

/** Runs one command line; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令“${name}”。`);
    io.err(usage());
    return EXIT_BAD_INPUT;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      const option = /'([^']+)'/.exec(e instanceof Error ? e.message : '')?.[1];
      throw new CliError(`参数有误${option ? `：${option}` : ''}。\n${command.help}`);
    }
    return await command.run(parsed.positionals, parsed.values, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`错误：${e.message}`);
      return EXIT_BAD_INPUT;
    }
    io.err('错误：程序内部错误，未写入任何文件。');
    if (process.env['MZSH_DEBUG']) io.err(String(e instanceof Error ? e.stack : e));
    return EXIT_BAD_INPUT;
  }
}
