// Entry point of `npm run cli -- …`.
import { useSha256 } from '#shared/util/sha256';
import { nodeSha256Hex } from './native-sha256';
import { runCli } from './run';

useSha256(nodeSha256Hex);

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('错误：程序内部错误。\n');
    process.exitCode = 2;
  },
);
