// Entry point of `npm run cli -- …`.
import { runCli } from './run';

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
