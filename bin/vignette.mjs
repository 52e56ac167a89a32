#!/usr/bin/env node
// `npx vignette …`: runs the TypeScript CLI through tsx, so it always matches the source in this checkout.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = require.resolve('tsx/cli');
const result = spawnSync(process.execPath, [tsx, join(root, 'src/main/cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 2);
