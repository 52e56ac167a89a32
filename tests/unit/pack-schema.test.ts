/**
 * question-packs/pack.schema.json is the hand-written JSON Schema twin of the zod schemas in src/shared/pack.ts.
 * These tests keep the two in step without a JSON Schema validator: zod 4 renders its own schemas as JSON Schema
 * (z.toJSONSchema), and the structurally important keywords of both are compared. A small interpreter for the few
 * keywords the file uses then checks that the file and zod accept and reject the same questions, and the two sample
 * packs are validated against both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHOICE_LABELS, DISCIPLINES, EXAMS, LIMITS, PACK_FORMAT, SYSTEMS, packMetaSchema, packQuestionSchema, packSchema } from '../../src/shared/pack';

const REPO = resolve(__dirname, '../..');
const PACKS = join(REPO, 'question-packs');
const SAMPLES = ['vignette-step1-sampler', 'vignette-step2ck-sampler', 'vignette-step3-sampler'] as const;

interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
}

const FILE = JSON.parse(readFileSync(join(PACKS, 'pack.schema.json'), 'utf8')) as JsonSchema;

/** zod trims these strings before checking min(1); the file says "not blank" with this pattern, which zod cannot emit. */
const NOT_BLANK = '\\S';

/** The input side of a zod schema (defaulted fields optional, unknown keys allowed), as JSON Schema. */
const zodJson = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;

/** zod's whole pack: packSchema leaves questions unknown (each is parsed on its own), so its item schema is plugged in. */
function zodPack(question: z.ZodType = packQuestionSchema, meta?: z.ZodType): JsonSchema {
  const pack = zodJson(meta ? packSchema.extend({ pack: meta }) : packSchema);
  const { $schema: _ignored, ...item } = zodJson(question);
  pack.properties!.questions!.items = item;
  return pack;
}

function deref(root: JsonSchema, node: JsonSchema): JsonSchema {
  if (!node.$ref) return node;
  const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1];
  const target = name === undefined ? undefined : root.$defs?.[name];
  if (!target) throw new Error(`unresolvable $ref ${node.$ref}`);
  return deref(root, target);
}

const KEYWORDS = ['type', 'enum', 'const', 'default', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;

/**
 * Every structural difference between zod's schema and the file's, as readable lines (none when they agree). Descriptions,
 * titles, examples and the answer-range rules (allOf) are the file's own additions and are not compared here.
 */
function drift(expected: JsonSchema, actual: JsonSchema, root: JsonSchema = actual, path = '(root)'): string[] {
  const a = deref(root, actual);
  const out: string[] = [];
  for (const key of KEYWORDS) {
    let want: unknown = expected[key];
    let got: unknown = a[key];
    if (key === 'pattern' && got === NOT_BLANK && want === undefined) got = undefined;
    if (key === 'enum') [want, got] = [sorted(want), sorted(got)];
    if (JSON.stringify(want) !== JSON.stringify(got)) out.push(`${path}: ${key} is ${JSON.stringify(got)} in pack.schema.json, ${JSON.stringify(want)} in zod`);
  }
  if (JSON.stringify(sorted(expected.required)) !== JSON.stringify(sorted(a.required))) {
    out.push(`${path}: required is ${JSON.stringify(sorted(a.required))} in pack.schema.json, ${JSON.stringify(sorted(expected.required))} in zod`);
  }
  // Omitted means "allowed" in JSON Schema; zod's input schema omits it for stripping objects.
  const open = (v: JsonSchema['additionalProperties']) => v === undefined || v === true;
  if (expected.type === 'object' && open(expected.additionalProperties) !== open(a.additionalProperties)) {
    out.push(`${path}: additionalProperties differs (zod ${JSON.stringify(expected.additionalProperties)}, file ${JSON.stringify(a.additionalProperties)})`);
  }
  const want = Object.keys(expected.properties ?? {});
  const got = Object.keys(a.properties ?? {});
  for (const name of want.filter((n) => !got.includes(n))) out.push(`${path}.${name}: in zod but not in pack.schema.json`);
  for (const name of got.filter((n) => !want.includes(n))) out.push(`${path}.${name}: in pack.schema.json but not in zod`);
  for (const name of want.filter((n) => got.includes(n))) out.push(...drift(expected.properties![name]!, a.properties![name]!, root, `${path}.${name}`));
  if (expected.items && a.items) out.push(...drift(expected.items, a.items, root, `${path}[]`));
  else if (expected.items || a.items) out.push(`${path}: items is in only one of the two`);
  return out;
}

function sorted(value: unknown): unknown {
  return Array.isArray(value) ? [...(value as string[])].sort() : value;
}

const def = (name: string): JsonSchema => {
  const node = FILE.$defs?.[name];
  if (!node) throw new Error(`pack.schema.json has no $defs.${name}`);
  return node;
};
const fileQuestion = def('question');
const fileMeta = def('packMeta');
const zq = zodJson(packQuestionSchema);
const zm = zodJson(packMetaSchema);
const prop = (node: JsonSchema, name: string): JsonSchema => deref(FILE, node.properties?.[name] ?? {});

// ---------------------------------------------------------------------------------------------------------------
// A tiny interpreter for the keywords pack.schema.json uses (no ajv in this project). Lengths count code points, as
// JSON Schema does; zod counts UTF-16 units, which only differs for astral characters (emoji) right at a limit.

function errors(schema: JsonSchema, value: unknown, path = ''): string[] {
  const s = deref(FILE, schema);
  const out: string[] = [];
  const fail = (message: string) => out.push(`${path || '(root)'} ${message}`);
  if (s.type !== undefined && !hasType(s.type, value)) return [`${path || '(root)'} is not ${s.type}`];
  if (s.const !== undefined && value !== s.const) fail(`is not ${JSON.stringify(s.const)}`);
  if (s.enum && !s.enum.includes(value)) fail('is not in the enum');
  if (typeof value === 'string') {
    const length = [...value].length;
    if (s.minLength !== undefined && length < s.minLength) fail(`is shorter than ${s.minLength}`);
    if (s.maxLength !== undefined && length > s.maxLength) fail(`is longer than ${s.maxLength}`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) fail(`does not match ${s.pattern}`);
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) fail(`is below ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) fail(`is above ${s.maximum}`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) fail(`has fewer than ${s.minItems} items`);
    if (s.maxItems !== undefined && value.length > s.maxItems) fail(`has more than ${s.maxItems} items`);
    if (s.items) value.forEach((item, i) => out.push(...errors(s.items!, item, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    for (const name of s.required ?? []) if (!(name in value)) fail(`lacks ${name}`);
    for (const [name, sub] of Object.entries(s.properties ?? {})) if (name in value) out.push(...errors(sub, value[name], `${path}.${name}`));
    if (s.additionalProperties === false) for (const name of Object.keys(value)) if (!s.properties?.[name]) fail(`has unknown ${name}`);
  }
  for (const sub of s.allOf ?? []) {
    if (sub.if && errors(sub.if, value, path).length === 0 && sub.then) out.push(...errors(sub.then, value, path));
    else if (!sub.if) out.push(...errors(sub, value, path));
  }
  return out;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

interface SamplePack {
  name: string;
  dir: string;
  raw: { format: unknown; pack: unknown; questions: Record<string, unknown>[] };
}
const samples: SamplePack[] = SAMPLES.map((name) => {
  const dir = join(PACKS, name);
  return { name, dir, raw: JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as SamplePack['raw'] };
});

/** A real question with tags, images, choice explanations and every optional field: the base for the mutations. */
const base = (): Record<string, unknown> => structuredClone(samples[0]!.raw.questions[0]!);

// ---------------------------------------------------------------------------------------------------------------

describe('pack.schema.json mirrors the zod schemas in src/shared/pack.ts', () => {
  it('is a draft 2020-12 schema with an $id, a title and a description on every field', () => {
    expect(FILE.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(FILE.$id).toMatch(/^[a-z][a-z0-9+.-]*:/);
    expect(FILE.title).toContain(PACK_FORMAT);
    const missing: string[] = [];
    const walk = (node: JsonSchema, path: string) => {
      for (const [name, sub] of Object.entries(node.properties ?? {})) {
        if (!sub.$ref && !sub.description) missing.push(`${path}.${name}`);
        walk(sub, `${path}.${name}`);
      }
    };
    walk(FILE, '(root)');
    for (const [name, node] of Object.entries(FILE.$defs ?? {})) walk(node, `$defs.${name}`);
    expect(missing).toEqual([]);
  });

  it('has no structural drift anywhere: properties, required lists, types, enums, lengths, counts, ranges, patterns, defaults', () => {
    expect(drift(zodPack(), FILE)).toEqual([]);
  });

  it('has the same question properties and required list', () => {
    expect(Object.keys(fileQuestion.properties ?? {}).sort()).toEqual(Object.keys(zq.properties ?? {}).sort());
    expect([...(fileQuestion.required ?? [])].sort()).toEqual([...(zq.required ?? [])].sort());
    expect(fileQuestion.required).toEqual(expect.arrayContaining(['id', 'stem', 'choices', 'answer']));
  });

  it('has the same pack meta properties and required list, and the format constant', () => {
    expect(Object.keys(fileMeta.properties ?? {}).sort()).toEqual(Object.keys(zm.properties ?? {}).sort());
    expect([...(fileMeta.required ?? [])].sort()).toEqual([...(zm.required ?? [])].sort());
    expect(prop(fileMeta, 'id').pattern).toBe(zm.properties?.id?.pattern);
    expect(prop(FILE, 'format').const).toBe(PACK_FORMAT);
    expect([...(FILE.required ?? [])].sort()).toEqual(['format', 'pack', 'questions']);
  });

  it('agrees on exam, choices, difficulty, stem and answer', () => {
    expect(prop(fileQuestion, 'exam').enum).toEqual([...EXAMS]);
    expect(prop(fileQuestion, 'exam').enum).toEqual(zq.properties?.exam?.enum);
    const choices = prop(fileQuestion, 'choices');
    expect([choices.minItems, choices.maxItems]).toEqual([LIMITS.minChoices, LIMITS.maxChoices]);
    expect([choices.minItems, choices.maxItems]).toEqual([zq.properties?.choices?.minItems, zq.properties?.choices?.maxItems]);
    expect(deref(FILE, choices.items ?? {}).required).toEqual(['text']);
    const difficulty = prop(fileQuestion, 'difficulty');
    expect(difficulty).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect([difficulty.minimum, difficulty.maximum]).toEqual([zq.properties?.difficulty?.minimum, zq.properties?.difficulty?.maximum]);
    expect(prop(fileQuestion, 'stem').maxLength).toBe(LIMITS.stemChars);
    expect(prop(fileQuestion, 'stem').maxLength).toBe(zq.properties?.stem?.maxLength);
    expect(prop(fileQuestion, 'answer').pattern).toBe('^[A-Z]$');
    expect(prop(fileQuestion, 'answer').pattern).toBe(zq.properties?.answer?.pattern);
  });

  it('describes images as file + alt + placement (stem | explanation, default stem)', () => {
    const image = deref(FILE, prop(fileQuestion, 'images').items ?? {});
    expect(Object.keys(image.properties ?? {}).sort()).toEqual(['alt', 'file', 'placement']);
    expect(image.required).toEqual(['file', 'alt']);
    expect(prop(image, 'placement')).toMatchObject({ enum: ['stem', 'explanation'], default: 'stem' });
  });

  it('allows unknown keys everywhere, as zod strips them instead of rejecting them', () => {
    for (const node of [FILE, ...Object.values(FILE.$defs ?? {})]) expect(node.additionalProperties).toBe(true);
    const parsed = packQuestionSchema.parse({ ...base(), someFutureField: 1 });
    expect(parsed).not.toHaveProperty('someFutureField');
    expect(errors(fileQuestion, { ...base(), someFutureField: 1 })).toEqual([]);
  });

  it('lists every outline discipline and system as examples (editor completion), in the order of pack.ts', () => {
    expect(prop(fileQuestion, 'discipline').examples).toEqual([...DISCIPLINES]);
    expect(prop(fileQuestion, 'system').examples).toEqual([...SYSTEMS]);
  });

  it('marks exactly the strings zod trims before checking them with the not-blank pattern', () => {
    // Every string with minLength ≥ 1, by the path a setter can follow ('[]' is the first element).
    const strings: { path: string[]; notBlank: boolean }[] = [];
    const collect = (node: JsonSchema, path: string[]) => {
      const s = deref(FILE, node);
      if (s.type === 'string' && (s.minLength ?? 0) >= 1) strings.push({ path, notBlank: s.pattern === NOT_BLANK });
      for (const [name, sub] of Object.entries(s.properties ?? {})) collect(sub, [...path, name]);
      if (s.items) collect(s.items, [...path, '[]']);
    };
    collect(fileQuestion, []);
    const questionStrings = strings.length;
    collect(fileMeta, ['pack']);
    expect(questionStrings).toBeGreaterThan(0);
    expect(strings.length).toBeGreaterThan(questionStrings);

    const set = (target: Record<string, unknown>, path: string[], value: unknown) => {
      let node: unknown = target;
      for (const step of path.slice(0, -1)) node = step === '[]' ? (node as unknown[])[0] : (node as Record<string, unknown>)[step];
      const last = path[path.length - 1]!;
      if (last === '[]') (node as unknown[])[0] = value;
      else (node as Record<string, unknown>)[last] = value;
    };
    const verdicts = strings.map(({ path, notBlank }) => {
      const isMeta = path[0] === 'pack';
      const doc: Record<string, unknown> = isMeta ? { pack: structuredClone(samples[0]!.raw.pack) } : base();
      set(doc, path, '   ');
      const zodAccepts = isMeta ? packMetaSchema.safeParse(doc.pack).success : packQuestionSchema.safeParse(doc).success;
      return { path: path.join('.'), notBlank, zodRejectsBlank: !zodAccepts };
    });
    for (const v of verdicts) expect({ path: v.path, rejects: v.notBlank }).toEqual({ path: v.path, rejects: v.zodRejectsBlank });
    expect(verdicts.filter((v) => v.notBlank).map((v) => v.path).sort()).toEqual(['choices.[].text', 'id', 'pack.title', 'stem', 'tags.[]'].sort());
  });

  it('states the answer-within-choices rule (zod superRefine) as one if/then per choice count', () => {
    const rules = fileQuestion.allOf ?? [];
    const expected = [];
    for (let n = LIMITS.minChoices; n < LIMITS.maxChoices; n++) {
      expected.push({
        if: { required: ['choices'], properties: { choices: { maxItems: n } } },
        then: { properties: { answer: { pattern: `^[A-${CHOICE_LABELS[n - 1]}]$` } } },
      });
    }
    expect(rules).toEqual(expected);
  });
});

describe('the drift check catches a zod change that pack.schema.json does not follow', () => {
  // Only what the change adds, so these tests keep proving the check even while the real schemas drift.
  const baseline = drift(zodPack(), FILE);
  const driftOf = (changed: JsonSchema) => drift(changed, FILE).filter((line) => !baseline.includes(line));

  it('a new question field', () => {
    const changed = zodPack(packQuestionSchema.safeExtend({ calculatorAllowed: z.boolean().optional() }));
    expect(driftOf(changed)).toEqual(['(root).questions[].calculatorAllowed: in zod but not in pack.schema.json']);
  });

  it('a new required question field, and a field made required', () => {
    expect(driftOf(zodPack(packQuestionSchema.safeExtend({ source: z.string() })))).toEqual(
      expect.arrayContaining([expect.stringContaining('required'), '(root).questions[].source: in zod but not in pack.schema.json']),
    );
    expect(driftOf(zodPack(packQuestionSchema.safeExtend({ topic: z.string().max(200) })))).toEqual([
      expect.stringMatching(/^\(root\)\.questions\[\]: required is .* in pack\.schema\.json, .*"topic".* in zod$/),
    ]);
  });

  it('a new pack meta field', () => {
    const changed = zodPack(packQuestionSchema, packMetaSchema.extend({ homepage: z.string().max(500).optional() }));
    expect(driftOf(changed)).toEqual(['(root).pack.homepage: in zod but not in pack.schema.json']);
  });

  it('changed limits, enums and patterns (mutated copies of zod output)', () => {
    const mutate = (fn: (q: JsonSchema) => void) => {
      const pack = zodPack();
      fn(pack.properties!.questions!.items!);
      return driftOf(pack);
    };
    expect(mutate((q) => (q.properties!.choices!.maxItems = 30))).toEqual([expect.stringContaining('questions[].choices: maxItems')]);
    expect(mutate((q) => (q.properties!.stem!.maxLength = 50_000))).toEqual([expect.stringContaining('questions[].stem: maxLength')]);
    expect(mutate((q) => (q.properties!.difficulty!.maximum = 10))).toEqual([expect.stringContaining('questions[].difficulty: maximum')]);
    expect(mutate((q) => q.properties!.exam!.enum!.push('comlex'))).toEqual([expect.stringContaining('questions[].exam: enum')]);
    expect(mutate((q) => (q.properties!.answer!.pattern = '^[A-J]$'))).toEqual([expect.stringContaining('questions[].answer: pattern')]);
    expect(mutate((q) => (q.properties!.images!.items!.properties!.placement!.enum = ['stem']))).toEqual([expect.stringContaining('images[].placement: enum')]);
    expect(mutate((q) => (q.additionalProperties = false))).toEqual([expect.stringContaining('additionalProperties')]);
  });
});

describe('pack.schema.json and zod accept and reject the same questions', () => {
  const cases: [string, boolean, (q: Record<string, unknown>) => void][] = [
    ['unchanged', true, () => {}],
    ['minimal', true, (q) => Object.keys(q).filter((k) => !['id', 'stem', 'choices', 'answer'].includes(k)).forEach((k) => delete q[k])],
    ['unknown key', true, (q) => (q.notes = 'x')],
    ['no stem', false, (q) => delete q.stem],
    ['blank stem', false, (q) => (q.stem = ' \n ')],
    ['stem at the limit', true, (q) => (q.stem = 'x'.repeat(LIMITS.stemChars))],
    ['stem over the limit', false, (q) => (q.stem = 'x'.repeat(LIMITS.stemChars + 1))],
    ['one choice', false, (q) => (q.choices = [{ text: 'a' }])],
    ['26 choices, answer Z', true, (q) => ((q.choices = [...CHOICE_LABELS].map((l) => ({ text: l }))), (q.answer = 'Z'))],
    ['27 choices', false, (q) => (q.choices = [...CHOICE_LABELS, 'AA'].map((l) => ({ text: l })))],
    ['choice without text', false, (q) => (q.choices = [{ explanation: 'x' }, { text: 'b' }])],
    ['choice as a string', false, (q) => (q.choices = ['a', 'b'])],
    ['lower-case answer', false, (q) => (q.answer = 'c')],
    ['answer past the last choice', false, (q) => (q.answer = 'F')],
    ['answer at the last choice', true, (q) => (q.answer = 'E')],
    ['two-letter answer', false, (q) => (q.answer = 'AB')],
    ['difficulty 0', false, (q) => (q.difficulty = 0)],
    ['difficulty 6', false, (q) => (q.difficulty = 6)],
    ['difficulty 2.5', false, (q) => (q.difficulty = 2.5)],
    ['difficulty as a string', false, (q) => (q.difficulty = '3')],
    ['exam step2', false, (q) => (q.exam = 'step2')],
    ['exam step3', true, (q) => (q.exam = 'step3')],
    ['unknown system name (a warning, not an error)', true, (q) => (q.system = 'Cardiology')],
    ['system too long', false, (q) => (q.system = 'x'.repeat(101))],
    ['51 tags', false, (q) => (q.tags = Array.from({ length: 51 }, (_, i) => `t${i}`))],
    ['empty tag', false, (q) => (q.tags = [''])],
    ['image without alt', false, (q) => (q.images = [{ file: 'media/x.svg' }])],
    ['image placement inline', false, (q) => (q.images = [{ file: 'media/x.svg', alt: 'x', placement: 'inline' }])],
    ['21 images', false, (q) => (q.images = Array.from({ length: 21 }, () => ({ file: 'media/x.svg', alt: 'x' })))],
    ['reference too long', false, (q) => (q.references = ['x'.repeat(1001)])],
    ['objective too long', false, (q) => (q.objective = 'x'.repeat(2001))],
    ['explanation null', false, (q) => (q.explanation = null)],
    ['id blank', false, (q) => (q.id = '  ')],
    ['id a number', false, (q) => (q.id = 17)],
  ];
  it.each(cases)('%s (valid: %s)', (_name, valid, change) => {
    const q = base();
    change(q);
    expect(packQuestionSchema.safeParse(q).success).toBe(valid);
    const found = errors(fileQuestion, q);
    if (valid) expect(found).toEqual([]);
    else expect(found.length).toBeGreaterThan(0);
  });

  it('the same for pack metadata and the pack envelope', () => {
    const metas: unknown[] = [
      samples[0]!.raw.pack,
      { id: 'a', title: 'T', version: '1' },
      { id: 'A', title: 'T', version: '1' },
      { id: '-a', title: 'T', version: '1' },
      { id: 'a'.repeat(101), title: 'T', version: '1' },
      { id: 'a', title: ' ', version: '1' },
      { id: 'a', title: 'T' },
      { id: 'a', title: 'T', version: '1', license: 'x'.repeat(201) },
    ];
    for (const meta of metas) expect(errors(fileMeta, meta).length === 0, JSON.stringify(meta).slice(0, 80)).toBe(packMetaSchema.safeParse(meta).success);
    const envelopes: unknown[] = [
      { format: PACK_FORMAT, pack: { id: 'a', title: 'T', version: '1' }, questions: [] },
      { format: 'vignette-pack/2', pack: { id: 'a', title: 'T', version: '1' }, questions: [] },
      { pack: { id: 'a', title: 'T', version: '1' }, questions: [] },
      { format: PACK_FORMAT, pack: { id: 'a', title: 'T', version: '1' }, questions: {} },
    ];
    for (const env of envelopes) expect(errors(FILE, env).length === 0, JSON.stringify(env)).toBe(packSchema.safeParse(env).success);
  });
});

describe.each(samples)('sample pack $name', ({ dir, raw }) => {
  it('parses with packSchema and every question with packQuestionSchema', () => {
    const top = packSchema.safeParse(raw);
    expect(top.success, top.error?.message).toBe(true);
    expect(packMetaSchema.safeParse(raw.pack).success).toBe(true);
    expect(raw.questions.length).toBeGreaterThan(0);
    const failures = raw.questions.flatMap((q, i) => {
      const parsed = packQuestionSchema.safeParse(q);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `item ${i} (${String(q.id)}) ${issue.path.join('.')}: ${issue.message}`);
    });
    expect(failures).toEqual([]);
  });

  it('is valid against pack.schema.json (by the interpreter above)', () => {
    expect(errors(FILE, raw)).toEqual([]);
  });

  it("has every answer letter within the question's choices, by the schema's own if/then rules", () => {
    const rules = fileQuestion.allOf ?? [];
    for (const q of raw.questions) {
      const choices = q.choices as unknown[];
      const answer = q.answer as string;
      const applicable = rules.filter((r) => choices.length <= (r.if?.properties?.choices?.maxItems ?? Infinity));
      for (const rule of applicable) expect(answer, String(q.id)).toMatch(new RegExp(rule.then?.properties?.answer?.pattern ?? ''));
      expect(CHOICE_LABELS.indexOf(answer), String(q.id)).toBeLessThan(choices.length);
    }
  });

  it('has unique ids, outline discipline and system names, and every image file in the pack', () => {
    const ids = raw.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of raw.questions) {
      if (q.discipline !== undefined) expect(DISCIPLINES, String(q.id)).toContain(q.discipline);
      if (q.system !== undefined) expect(SYSTEMS, String(q.id)).toContain(q.system);
      for (const image of (q.images ?? []) as { file: string }[]) expect(existsSync(join(dir, image.file)), image.file).toBe(true);
    }
  });
});
