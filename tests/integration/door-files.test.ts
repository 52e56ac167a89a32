/**
 * Pages never name files on this machine: the HTTP door refuses `paths` and `handles` for imports (uploads only);
 * the IPC door turns the shell's handles into paths and refuses everything else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpDoor, type HttpDoor } from '../../src/main/doors/http';
import { INVOKE_CHANNEL, registerIpc, type IpcEventLike } from '../../src/main/doors/ipc';
import { FIXTURES, openTestApi, tempDir, type TestApi } from '../helpers/db';

const PACK = join(FIXTURES, 'packs/mini-v1.json');
let test: TestApi;
let door: HttpDoor;
let cleanupRoot: () => void;

beforeAll(async () => {
  test = openTestApi();
  const root = tempDir('vignette-door-files-');
  cleanupRoot = root.cleanup;
  door = await startHttpDoor({ api: test.api, rendererDir: root.dir, token: 't' });
});
afterAll(async () => {
  await door.close();
  test.close();
  cleanupRoot();
});

const post = async (method: string, body: unknown) => {
  const r = await fetch(`http://127.0.0.1:${door.port}/api/${method}`, { method: 'POST', headers: { 'x-vignette-token': 't', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await r.json()) as { ok: boolean; error?: { code: string; message: string } };
};

describe('the HTTP door imports uploads only', () => {
  it('refuses a path on this machine, and a handle, and changes nothing', async () => {
    expect(await post('packs:import', { paths: [PACK] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: /cannot name files/ } });
    expect(await post('packs:import', { handles: ['x'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await test.api.call('packs:list', {})).length).toBe(0);
  });

  it('accepts the same file uploaded', async () => {
    const r = await post('packs:import', { files: [{ path: 'mini-v1.json', base64: readFileSync(PACK).toString('base64') }] });
    expect(r.ok).toBe(true);
    expect((await test.api.call('packs:list', {})).length).toBe(1);
  });
});

describe('the IPC door', () => {
  type Listener = (event: IpcEventLike, method: unknown, input: unknown) => Promise<unknown>;
  const handlers = new Map<string, Listener>();
  const handles = new Map([['h1', PACK]]);
  beforeAll(() => registerIpc({ handle: (channel, fn) => void handlers.set(channel, fn) }, test.api, (url) => url.startsWith('app://vignette/'), (h) => handles.get(h)));
  const invoke = (event: IpcEventLike, method: string, input: unknown) => handlers.get(INVOKE_CHANNEL)!(event, method, input);
  const main = { senderFrame: { url: 'app://vignette/index.html', parent: null } };

  it('answers only our main frame', async () => {
    expect(await invoke({ senderFrame: { url: 'app://vignette/index.html', parent: {} } }, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(main, 'app:info', {})).toMatchObject({ ok: true });
  });

  it('imports by handle, never by path', async () => {
    expect(await invoke(main, 'packs:import', { paths: [PACK], dryRun: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(main, 'packs:import', { handles: ['nope'], dryRun: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await invoke(main, 'packs:import', { handles: ['h1'], dryRun: true })).toMatchObject({ ok: true, value: { dryRun: true } });
  });
});
