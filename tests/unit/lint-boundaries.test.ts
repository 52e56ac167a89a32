/**
 * The architecture boundaries in eslint.config.mjs really fail when crossed: each case lints a snippet as if it lived
 * at a given path and checks for (or against) a no-restricted-imports error.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/db';

let eslint: ESLint;

async function restrictedImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result, `no lint result for ${filePath}`).toBeDefined();
  // A file the config ignores would come back with a single "File ignored" warning and prove nothing.
  expect(result!.messages.filter((m) => m.ruleId === null).map((m) => m.message)).toEqual([]);
  return result!.messages.filter((m) => BOUNDARY_RULES.has(m.ruleId ?? '') && m.severity === 2).map((m) => m.message);
}

/** no-restricted-imports for static imports and re-exports; no-restricted-syntax for dynamic import(). */
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

beforeAll(() => {
  eslint = new ESLint({ cwd: REPO });
});

interface Case {
  code: string;
  file: string;
}
const ELECTRON: Case['code'] = "import { app } from 'electron';\nexport const x = app;\n";
const NODE_FS = "import fs from 'node:fs';\nexport const x = fs;\n";
const BARE_FS = "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n";
const PATH = "import { join } from 'path';\nexport const x = join;\n";
const SQLITE = "import Database from 'better-sqlite3';\nexport const x = Database;\n";
const ZOD = "import { z } from 'zod';\nexport const x = z;\n";

const MUST_FAIL: Case[] = [
  { code: ELECTRON, file: 'src/main/core/x.ts' },
  { code: ELECTRON, file: 'src/main/core/blocks/deep/x.ts' },
  { code: ELECTRON, file: 'src/shared/x.ts' },
  { code: NODE_FS, file: 'src/shared/x.ts' },
  { code: PATH, file: 'src/shared/x.ts' },
  { code: "import { createApi } from '../main/core/api';\nexport const x = createApi;\n", file: 'src/shared/x.ts' },
  { code: NODE_FS, file: 'src/renderer/x.tsx' },
  { code: BARE_FS, file: 'src/renderer/x.tsx' },
  { code: "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n", file: 'src/renderer/features/x/y.tsx' },
  { code: ELECTRON, file: 'src/renderer/x.ts' },
  { code: SQLITE, file: 'src/renderer/x.ts' },
  { code: "import { createApi } from '../main/core/api';\nexport const x = createApi;\n", file: 'src/renderer/x.ts' },
  { code: "import type { Api } from '../../../main/core/api';\nexport type X = Api;\n", file: 'src/renderer/features/home/x.ts' },
  { code: "export { CSP } from '../../main/doors/http';\n", file: 'src/renderer/components/x.ts' },
  { code: "const m = import('../main/core/api');\nexport default m;\n", file: 'src/renderer/x.ts' },
  { code: "const m = import('node:fs');\nexport default m;\n", file: 'src/renderer/x.ts' },
  { code: "const m = import('electron');\nexport default m;\n", file: 'src/shared/x.ts' },
  { code: NODE_FS, file: 'src/preload/x.ts' },
  { code: PATH, file: 'src/preload/x.ts' },
  { code: "import { INVOKE_CHANNEL } from '../main/doors/ipc';\nexport const x = INVOKE_CHANNEL;\n", file: 'src/preload/x.ts' },
  { code: ZOD, file: 'src/preload/x.ts' },
];

const MAY_PASS: Case[] = [
  { code: ELECTRON, file: 'src/main/index.ts' },
  { code: ELECTRON, file: 'src/main/doors/x.ts' },
  { code: ELECTRON, file: 'src/preload/index.ts' },
  { code: NODE_FS, file: 'src/main/core/x.ts' },
  { code: SQLITE, file: 'src/main/core/db/x.ts' },
  { code: ZOD, file: 'src/shared/x.ts' },
  { code: "import type { Settings } from '../shared/types';\nexport type X = Settings;\n", file: 'src/renderer/x.ts' },
  { code: "import { call } from '../../api';\nexport const x = call;\n", file: 'src/renderer/features/home/x.ts' },
  // The renderer's own entry file is called main.tsx: importing it is not importing src/main.
  { code: "import '../../main';\n", file: 'src/renderer/features/x/y.ts' },
  { code: "import { contract } from '../../shared/contract';\nexport const x = contract;\n", file: 'src/renderer/features/x.ts' },
  // Lazy-loaded screens stay possible.
  { code: "const m = import('./features/home/HomePage');\nexport default m;\n", file: 'src/renderer/x.ts' },
];

describe('no-restricted-imports enforces the boundaries', { timeout: 60_000 }, () => {
  it("import { app } from 'electron' in src/main/core is an error", async () => {
    const errors = await restrictedImportErrors(ELECTRON, 'src/main/core/x.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'electron' import is restricted");
  });

  it("import fs from 'node:fs' in src/renderer is an error", async () => {
    const errors = await restrictedImportErrors(NODE_FS, 'src/renderer/x.tsx');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'node:fs' import is restricted");
  });

  it('importing src/main from the renderer is an error', async () => {
    const errors = await restrictedImportErrors("import { createApi } from '../main/core/api';\nexport const x = createApi;\n", 'src/renderer/x.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'../main/core/api' import is restricted");
  });

  it('the same electron import in src/main/index.ts is allowed', async () => {
    expect(await restrictedImportErrors(ELECTRON, 'src/main/index.ts')).toEqual([]);
  });

  for (const c of MUST_FAIL) {
    it(`refuses in ${c.file}: ${c.code.split('\n')[0]}`, async () => {
      expect(await restrictedImportErrors(c.code, c.file)).toHaveLength(1);
    });
  }

  for (const c of MAY_PASS) {
    it(`allows in ${c.file}: ${c.code.split('\n')[0]}`, async () => {
      expect(await restrictedImportErrors(c.code, c.file)).toEqual([]);
    });
  }

  it('the real sources lint clean of boundary errors', async () => {
    const results = await eslint.lintFiles(['src']);
    const crossings = results.flatMap((r) =>
      r.messages.filter((m) => BOUNDARY_RULES.has(m.ruleId ?? '')).map((m) => `${r.filePath.slice(REPO.length + 1)}:${m.line} ${m.message}`),
    );
    expect(crossings).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });
});
