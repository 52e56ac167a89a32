/** Where things live on disk, computed the same way by the Electron app, browser mode and the CLI. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Vignette';

/** The per-user data folder Electron uses for this app (app.getPath('userData')), computed without Electron. */
export function userDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}

/** --db wins, then VIGNETTE_DB, then the user-data folder. */
export function resolveDbPath(flag?: string): string {
  if (flag) return resolve(flag);
  if (process.env.VIGNETTE_DB) return resolve(process.env.VIGNETTE_DB);
  return join(userDataDir(), 'vignette.db');
}

/** The repository root (dev, tests, CLI) or the packaged app's resources. */
export function appRoot(): string {
  const candidates = [resolve(__dirname, '..', '..'), resolve(__dirname, '..'), process.cwd()];
  return candidates.find((dir) => existsSync(join(dir, 'question-packs'))) ?? process.cwd();
}

export function samplesDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'question-packs'))) return join(packaged, 'question-packs');
  return join(appRoot(), 'question-packs');
}

export function rendererDir(): string {
  return join(appRoot(), 'out', 'renderer');
}
