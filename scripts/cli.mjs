// `npm run cli -- COMMAND …`: runs the built command line (out/cli), building it first when it is
// missing or older than its sources (a fraction of a second), so the command keeps working after a
// checkout or an edit and starts at once otherwise.
import { createRequire } from 'node:module';
import { CLI_ENTRY, ensureCli } from './build-cli.mjs';

try {
  await ensureCli();
} catch {
  process.stderr.write('错误：命令行程序构建失败，请运行 npm run build:cli 查看原因。\n');
  process.exit(2);
}
createRequire(import.meta.url)(CLI_ENTRY);
