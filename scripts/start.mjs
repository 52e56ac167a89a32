#!/usr/bin/env node
/**
 * `npm start`: build the app, make sure better-sqlite3 has a build for Electron, and launch Electron.
 *
 * Why a separate Electron build: better-sqlite3 is a native module. `npm install` compiles it for Node (ABI of
 * Node 20), which the tests, the CLI and browser mode use. Electron embeds a different V8 (another ABI), so it
 * needs its own binary. Rebuilding the package in place would break the Node side, so the Electron binary is made
 * once, in a copy, and kept in .electron-native/electron-<version>/; the main process loads it through
 * better-sqlite3's `nativeBinding` option (VIGNETTE_NATIVE_BINDING). Both builds live side by side.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const NO_ELECTRON = 'Vignette: the Electron runtime is not available on this machine (its download failed or was skipped); run `npm run serve` to use Vignette in your browser instead.';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status === 0;
}

/** The Electron executable, downloading it on first use (electron fetches its binary lazily); null if impossible. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed() && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    console.log('Vignette: downloading the Electron runtime (once)…');
    spawnSync(process.execPath, [join(pkg, 'install.js')], { cwd: pkg, stdio: 'pipe' });
  }
  if (!installed()) return null;
  try {
    return require('electron');
  } catch {
    return null;
  }
}

/** Builds better_sqlite3.node for this Electron in a scratch copy of the package; returns its path or null. */
function electronNativeBinding(version) {
  const target = join(root, '.electron-native', `electron-${version}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  console.log(`Vignette: building the database module for Electron ${version} (once)…`);
  const scratch = mkdtempSync(join(tmpdir(), 'vignette-native-'));
  try {
    const pkg = join(scratch, 'better-sqlite3');
    cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
    const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' };
    const prebuilt = run(process.execPath, [join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', version, '--arch', process.arch], { cwd: pkg, env });
    const built = prebuilt || run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: pkg, env, shell: process.platform === 'win32' });
    const output = join(pkg, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !existsSync(output)) return null;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(output, target);
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const electron = electronBinary();
if (!electron) {
  console.error(NO_ELECTRON);
  process.exit(1);
}
if (!run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) process.exit(1);
const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const binding = electronNativeBinding(version);
if (!binding) {
  console.error(`Vignette: could not build the database module for Electron ${version}; run \`npm run serve\` to use Vignette in your browser instead.`);
  process.exit(1);
}
const result = spawnSync(electron, ['.'], { stdio: 'inherit', cwd: root, env: { ...process.env, VIGNETTE_NATIVE_BINDING: binding } });
process.exit(result.status ?? 0);
