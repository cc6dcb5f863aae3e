// The system tools some tests read exported files back with (poppler-utils, LibreOffice, Debian's
// python3 with openpyxl). scripts/install-test-prereqs.sh installs them, in CI and on a developer's
// machine; a test that needs one fails with the tool's name rather than passing without checking.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const HOW = 'run scripts/install-test-prereqs.sh to install the test prerequisites';

/** The first of `paths` that exists; throws, naming the tool and its package, when none does. */
export function requireTool(paths: string | readonly string[], what: string): string {
  const candidates = typeof paths === 'string' ? [paths] : paths;
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`${what} is not installed (looked for ${candidates.join(', ')}): ${HOW}`);
  return found;
}

/** pdftotext and pdfinfo from poppler-utils. */
export function requirePoppler(): { pdftotext: string; pdfinfo: string } {
  return {
    pdftotext: requireTool('/usr/bin/pdftotext', 'pdftotext (poppler-utils)'),
    pdfinfo: requireTool('/usr/bin/pdfinfo', 'pdfinfo (poppler-utils)'),
  };
}

/** LibreOffice's command-line converter. */
export function requireLibreOffice(): string {
  return requireTool(['/usr/bin/libreoffice', '/usr/bin/soffice'], 'LibreOffice (libreoffice / soffice)');
}

/** Debian's /usr/bin/python3, checked to import `module` (e.g. openpyxl from python3-openpyxl). */
export function requirePythonModule(module: string): string {
  const python = requireTool('/usr/bin/python3', `/usr/bin/python3 (with ${module})`);
  const r = spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python module ${module} is not installed for ${python} (python3-${module}): ${HOW}\n${r.stderr}`);
  return python;
}
