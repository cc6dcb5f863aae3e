// Unit tests' global setup: the command-line tests run the built command line (out/cli), as
// `npm run cli` does, so build it when it is missing or older than its sources.
import { ensureCli } from '../../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await ensureCli();
}
