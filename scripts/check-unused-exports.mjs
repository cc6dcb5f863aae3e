// Fails (exit 1) on an export nothing imports: dead code that looks alive. Part of `npm run lint`.
// Every module of shared/, renderer/, electron/, node/, test/ and scripts/ is read with the TypeScript
// parser; an export counts as used when any module imports it by name (tests and scripts count),
// re-exports it, or imports the whole module (`import * as`, `import('…')`). Entry points are
// exempt: their exports are for the runtime, not for other modules.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const DIRS = ['shared', 'renderer', 'electron', 'node', 'test', 'scripts'];
/** Checked for unused exports (tests and scripts only use). */
const CHECKED = /^(shared|renderer|electron|node)\//;
const ENTRY = /(^electron\/(main|preload)\/index\.ts$)|(^node\/cli\/index\.ts$)|(^renderer\/src\/main\.tsx$)|(\.worker\.ts$)|(-worker\.ts$)|(\.d\.ts$)/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx|mts|mjs)$/.test(name) ? [path] : [];
  });
}

const all = DIRS.flatMap((d) => files(join(root, d)));
const known = new Set(all);

/** The module a specifier names, as a file path, or undefined for packages. */
function target(from, spec) {
  let base;
  if (spec.startsWith('#shared/')) base = join(root, 'shared', spec.slice('#shared/'.length));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mts`, `${base}.mjs`, join(base, 'index.ts')]) if (known.has(candidate)) return candidate;
  return undefined;
}

const exported = new Map(); // file → Map(name → line)
const used = new Map(); // file → Set(name) ('*' = everything)
const use = (file, name) => (used.get(file) ?? used.set(file, new Set()).get(file)).add(name);

for (const file of all) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const mine = new Map();
  const line = (node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const spec = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
      const to = spec && target(file, spec);
      if (to) {
        if (ts.isImportDeclaration(node)) {
          const clause = node.importClause;
          if (clause?.name) use(to, 'default');
          const bindings = clause?.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) use(to, '*');
          if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) use(to, (el.propertyName ?? el.name).text);
          if (!clause) use(to, '*');
        } else if (!node.exportClause) use(to, '*');
        else if (ts.isNamedExports(node.exportClause)) for (const el of node.exportClause.elements) use(to, (el.propertyName ?? el.name).text);
      }
      if (ts.isExportDeclaration(node) && !node.moduleSpecifier && node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const el of node.exportClause.elements) mine.set(el.name.text, line(el));
      }
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const to = target(file, node.arguments[0].text);
      if (to) use(to, '*');
    }
    const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    if (modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && node.parent === source) {
      if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) mine.set('default', line(node));
      else if (ts.isVariableStatement(node)) {
        for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) mine.set(d.name.text, line(d));
      }
      else if (node.name && ts.isIdentifier(node.name)) mine.set(node.name.text, line(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  exported.set(file, mine);
}

const unused = [];
for (const [file, names] of exported) {
  const rel = relative(root, file);
  if (!CHECKED.test(rel) || ENTRY.test(rel)) continue;
  const by = used.get(file) ?? new Set();
  if (by.has('*')) continue;
  for (const [name, line] of names) if (!by.has(name)) unused.push({ key: `${rel} ${name}`, at: `${rel}:${line}  ${name}` });
}

// The exports that were unused when this check came in (mostly types and constants exported for
// documentation): listed, not failed, and the list may only shrink. `--update` rewrites it.
const BASELINE = join(root, 'scripts/unused-exports-baseline.txt');
if (process.argv.includes('--update')) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(BASELINE, `${unused.map((u) => u.key).sort().join('\n')}\n`);
  console.log(`baseline written: ${unused.length} unused exports`);
  process.exit(0);
}
const baseline = new Set(existsSync(BASELINE) ? readFileSync(BASELINE, 'utf8').split('\n').filter(Boolean) : []);
const fresh = unused.filter((u) => !baseline.has(u.key));
const gone = [...baseline].filter((k) => !unused.some((u) => u.key === k));
if (fresh.length > 0) {
  console.error(`Exports that nothing imports (${fresh.length}). Remove the export (or the code), or import it where it is meant to be used:`);
  for (const u of fresh) console.error(`  ${u.at}`);
}
if (gone.length > 0) {
  console.warn(`These lines of scripts/unused-exports-baseline.txt are no longer unused exports: delete them (the list only shrinks):`);
  for (const k of gone) console.warn(`  ${k}`);
}
if (fresh.length > 0) process.exit(1);
console.log(`unused exports: no new ones (${exported.size} modules checked, ${baseline.size} old ones listed in scripts/unused-exports-baseline.txt)`);
