/**
 * The IPC door and the HTTP door answer alike: the same table of calls goes through both and the envelopes must be
 * identical. Read-only calls share one api (so even dbPath matches); mutating calls run on two fresh databases, one
 * per door, so their state evolves identically.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/main/core/api';
import { startHttpDoor, type HttpDoor } from '../../src/main/doors/http';
import { INVOKE_CHANNEL, registerIpc, type IpcEventLike, type IpcMainLike } from '../../src/main/doors/ipc';
import { openTestApi, tempDir, type TestApi } from '../helpers/db';

const TOKEN = 'contract-test-token';
const TRUSTED_URL = 'file:///app/index.html';

type Listener = (event: IpcEventLike, method: unknown, input: unknown) => Promise<unknown>;

/** A stand-in for Electron's ipcMain: handle() stores the listener so the test can call it like a renderer would. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      listeners.set(channel, listener);
    },
  };
  const invoke = async (method: unknown, input: unknown, senderUrl: string | null = TRUSTED_URL): Promise<unknown> => {
    const listener = listeners.get(INVOKE_CHANNEL);
    if (!listener) throw new Error('no handler registered on the invoke channel');
    const result = await listener({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, method, input);
    // Electron copies IPC results with the structured clone algorithm.
    return structuredClone(result);
  };
  return { ipcMain, invoke, listeners };
}

const isTrusted = (url: string) => url.startsWith('file://');

interface Doors {
  test: TestApi;
  ipc: (method: string, input: unknown) => Promise<unknown>;
  http: (method: string, input: unknown) => Promise<unknown>;
  door: HttpDoor;
}

let rendererDir: string;
let cleanupRenderer: () => void;
const opened: { test: TestApi; door?: HttpDoor }[] = [];

/**
 * One POST on a fresh connection (agent: false). A kept-alive connection is not safe in this test: while one door's
 * call blocks the event loop for longer than the keep-alive timeout (loading the sample packs on a busy machine), the
 * server's idle timer for the other door's socket expires; the client, whose own idle timer has not run yet, reuses
 * that socket and the request fails ("other side closed" or ECONNRESET).
 */
async function httpCall(door: HttpDoor, method: string, input: unknown): Promise<unknown> {
  const body = input === undefined ? '' : JSON.stringify(input);
  const response = await new Promise<{ status: number | undefined; type: string | undefined; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: door.port,
        path: `/api/${encodeURIComponent(method)}`,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-vignette-token': TOKEN },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  expect(response.status).toBe(200);
  expect(response.type).toBe('application/json');
  return JSON.parse(response.text) as unknown;
}

async function httpDoorFor(api: Api): Promise<HttpDoor> {
  return startHttpDoor({ api, rendererDir, token: TOKEN, port: 0 });
}

function ipcFor(api: Api) {
  const fake = fakeIpcMain();
  registerIpc(fake.ipcMain, api, isTrusted);
  return fake;
}

async function bothDoorsOn(test: TestApi): Promise<Doors> {
  const door = await httpDoorFor(test.api);
  opened.push({ test, door });
  const fake = ipcFor(test.api);
  return { test, door, ipc: (m, i) => fake.invoke(m, i), http: (m, i) => httpCall(door, m, i) };
}

beforeAll(() => {
  ({ dir: rendererDir, cleanup: cleanupRenderer } = tempDir('vignette-renderer-'));
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vignette</title><h1>test renderer</h1>');
});

afterAll(async () => {
  for (const { test, door } of opened.splice(0)) {
    await door?.close();
    test.close();
  }
  cleanupRenderer();
});

interface Case {
  name: string;
  method: string;
  input: unknown;
  /** Checks one door's envelope on its own, so "identical" never means "identically wrong". */
  check: (envelope: Record<string, unknown>) => void;
  /** Removes fields that legitimately differ between two runs (wall-clock durations). */
  normalise?: (envelope: Record<string, unknown>) => Record<string, unknown>;
}

const withoutDuration = (e: Record<string, unknown>) => {
  const value = e.value as { durationMs?: unknown } | undefined;
  expect(typeof value?.durationMs).toBe('number');
  return { ...e, value: { ...value, durationMs: 0 } };
};

const ok = (e: Record<string, unknown>) => {
  expect(e.ok).toBe(true);
  expect(e).toHaveProperty('value');
};
const err = (code: string) => (e: Record<string, unknown>) => {
  expect(e.ok).toBe(false);
  expect((e.error as { code: string }).code).toBe(code);
  expect(typeof (e.error as { message: string }).message).toBe('string');
};

const READ_CASES: Case[] = [
  {
    name: 'app:info',
    method: 'app:info',
    input: {},
    check: (e) => {
      ok(e);
      const value = e.value as { schemaVersion: number; counts: Record<string, number> };
      expect(value.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(value.counts.questions).toBe(0);
    },
  },
  { name: 'settings:get', method: 'settings:get', input: {}, check: (e) => {
    ok(e);
    expect((e.value as { theme: string }).theme).toBe('system');
  } },
  {
    name: 'questions:search on an empty bank',
    method: 'questions:search',
    input: { query: 'x' },
    check: (e) => {
      ok(e);
      expect(e.value).toEqual({ total: 0, items: [] });
    },
  },
  { name: 'blocks:get of a missing block', method: 'blocks:get', input: { blockId: 999 }, check: err('NOT_FOUND') },
  { name: 'an unknown method', method: 'nope:nothing', input: {}, check: err('UNKNOWN_METHOD') },
  { name: 'a prototype name is not a method', method: 'toString', input: {}, check: err('UNKNOWN_METHOD') },
  { name: 'input null (defaults to {})', method: 'settings:get', input: null, check: ok },
  { name: 'input null where fields are required', method: 'blocks:get', input: null, check: err('BAD_INPUT') },
  {
    name: 'an unexpected field is refused',
    method: 'app:info',
    input: { extra: 1 },
    check: err('BAD_INPUT'),
  },
  {
    name: 'settings:set with a bad theme names the field',
    method: 'settings:set',
    input: { theme: 'purple' },
    check: (e) => {
      err('BAD_INPUT')(e);
      const details = (e.error as { details: { field: string }[] }).details;
      expect(details.map((d) => d.field)).toEqual(['theme']);
    },
  },
];

const WRITE_CASES: Case[] = [
  {
    name: 'settings:set theme dark',
    method: 'settings:set',
    input: { theme: 'dark' },
    check: (e) => {
      ok(e);
      expect((e.value as { theme: string }).theme).toBe('dark');
    },
  },
  {
    name: 'settings:set examDate',
    method: 'settings:set',
    input: { examDate: '2027-03-01', targetScore: 250 },
    check: (e) => {
      ok(e);
      expect(e.value).toMatchObject({ theme: 'dark', examDate: '2027-03-01', targetScore: 250 });
    },
  },
  { name: 'settings:get after the writes', method: 'settings:get', input: {}, check: (e) => expect(e.value).toMatchObject({ theme: 'dark', examDate: '2027-03-01' }) },
  {
    name: 'settings:set with a bad date',
    method: 'settings:set',
    input: { examDate: '1 March' },
    check: (e) => {
      err('BAD_INPUT')(e);
      expect((e.error as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['examDate']);
    },
  },
  {
    name: 'packs:loadSamples',
    method: 'packs:loadSamples',
    input: {},
    check: (e) => {
      ok(e);
      const packs = (e.value as { packs: { added: number }[] }).packs;
      expect(packs).toHaveLength(3); // Step 1, Step 2 CK and Step 3 samplers
      for (const p of packs) expect(p.added).toBeGreaterThan(0);
    },
    normalise: withoutDuration,
  },
  {
    name: 'questions:search after loading samples',
    method: 'questions:search',
    input: { query: '', pageSize: 5 },
    check: (e) => {
      ok(e);
      expect((e.value as { total: number }).total).toBeGreaterThan(0);
      expect((e.value as { items: unknown[] }).items).toHaveLength(5);
    },
  },
  {
    name: 'blocks:create',
    method: 'blocks:create',
    input: { filters: {}, size: 3, mode: 'tutor', secondsPerQuestion: null, order: 'random', seed: 42 },
    check: ok,
  },
  { name: 'blocks:get of the new block', method: 'blocks:get', input: { blockId: 1 }, check: ok },
  { name: 'blocks:select an answer', method: 'blocks:select', input: { blockId: 1, position: 0, choice: 0 }, check: ok },
  { name: 'blocks:select out of range', method: 'blocks:select', input: { blockId: 1, position: 99, choice: 0 }, check: err('BAD_INPUT') },
];

describe('IPC and HTTP doors answer alike', () => {
  let shared: Doors;
  beforeAll(async () => {
    shared = await bothDoorsOn(openTestApi());
  });

  for (const c of READ_CASES) {
    it(`read: ${c.name}`, async () => {
      const viaIpc = (await shared.ipc(c.method, c.input)) as Record<string, unknown>;
      const viaHttp = (await shared.http(c.method, c.input)) as Record<string, unknown>;
      c.check(viaIpc);
      c.check(viaHttp);
      expect(viaHttp).toStrictEqual(JSON.parse(JSON.stringify(viaIpc)));
      expect(viaIpc).toEqual(viaHttp);
    });
  }

  describe('mutating calls, one fresh database per door', () => {
    let ipcSide: Doors;
    let httpSide: Doors;
    beforeAll(async () => {
      ipcSide = await bothDoorsOn(openTestApi());
      httpSide = await bothDoorsOn(openTestApi());
    });

    it('the databases start at the same clock and differ only by path', () => {
      expect(ipcSide.test.clock.now()).toBe(httpSide.test.clock.now());
      expect(ipcSide.test.dbPath).not.toBe(httpSide.test.dbPath);
    });

    for (const c of WRITE_CASES) {
      it(`write: ${c.name}`, async () => {
        let viaIpc = (await ipcSide.ipc(c.method, c.input)) as Record<string, unknown>;
        let viaHttp = (await httpSide.http(c.method, c.input)) as Record<string, unknown>;
        c.check(viaIpc);
        c.check(viaHttp);
        if (c.normalise) {
          viaIpc = c.normalise(viaIpc);
          viaHttp = c.normalise(viaHttp);
        }
        expect(viaHttp).toStrictEqual(JSON.parse(JSON.stringify(viaIpc)));
        expect(viaIpc).toEqual(viaHttp);
      });
    }

    it('each write landed only in its own database', async () => {
      const a = (await ipcSide.test.api.call('settings:get', {})).theme;
      const b = (await httpSide.test.api.call('settings:get', {})).theme;
      const untouched = (await shared.test.api.call('settings:get', {})).theme;
      expect([a, b, untouched]).toEqual(['dark', 'dark', 'system']);
    });
  });
});

describe('the IPC door checks its sender', () => {
  let test: TestApi;
  let fake: ReturnType<typeof fakeIpcMain>;
  beforeAll(() => {
    test = openTestApi();
    opened.push({ test });
    fake = ipcFor(test.api);
  });

  it('registers exactly one channel', () => {
    expect([...fake.listeners.keys()]).toEqual([INVOKE_CHANNEL]);
  });

  it('answers a trusted frame', async () => {
    expect(await fake.invoke('settings:get', {}, TRUSTED_URL)).toMatchObject({ ok: true });
  });

  for (const url of ['https://evil.example/', 'http://127.0.0.1:5173/', 'about:blank', '', null]) {
    it(`returns FORBIDDEN to ${url === null ? 'a missing senderFrame' : `sender ${JSON.stringify(url)}`}`, async () => {
      const result = (await fake.invoke('settings:set', { theme: 'dark' }, url)) as { ok: boolean; error: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('FORBIDDEN');
      // Nothing was written.
      expect((await test.api.call('settings:get', {})).theme).toBe('system');
    });
  }

  it('refuses a method that is not a string', async () => {
    expect(await fake.invoke(42, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
