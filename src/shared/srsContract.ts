/** Issue 9's contract methods (spaced repetition), spread into the one contract table in contract.ts. */
import { z } from 'zod';
import type { BlockItemGrade, CardSummary, CardView, DueCounts, MemoryStats, SessionState, SrsConfig, UndoEntry } from './srs';

const returns = <T>() => undefined as unknown as T;
const id = z.number().int().positive();
const grade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const step = z.string().regex(/^\d{1,4}(\.\d+)?[mhd]$/, 'a step is a number and a unit, e.g. 1m, 10m, 1h, 1d');

export const flashcardInputSchema = z
  .object({
    kind: z.enum(['basic', 'cloze']),
    frontMd: z.string().max(20_000),
    backMd: z.string().max(20_000).default(''),
    questionId: id.nullable().optional(),
    tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  })
  .strict();

export const srsConfigPatchSchema = z
  .object({
    desiredRetention: z.number().min(0.7).max(0.99),
    maximumIntervalDays: z.number().int().min(1).max(36500),
    learningSteps: z.array(step).max(10),
    relearningSteps: z.array(step).max(10),
    newPerDay: z.number().int().min(0).max(9999),
    reviewsPerDay: z.number().int().min(0).max(99999),
    rolloverHour: z.number().int().min(0).max(23),
    weights: z.array(z.number().finite()).length(21).nullable(),
    examCap: z.boolean(),
  })
  .partial()
  .strict();

export const srsContract = {
  'cards:counts': { input: z.object({}).strict(), output: returns<DueCounts>() },
  'cards:session': { input: z.object({}).strict(), output: returns<SessionState>() },
  'cards:answer': {
    input: z.object({ cardId: id, rating: grade, shownAt: z.number().int().positive() }).strict(),
    output: returns<SessionState>(),
  },
  'cards:undo': { input: z.object({}).strict(), output: returns<SessionState & { undone: UndoEntry | null }>() },
  'cards:act': {
    input: z.object({ cardId: id, action: z.enum(['suspend', 'unsuspend', 'bury', 'delete']) }).strict(),
    output: returns<SessionState>(),
  },
  'cards:create': { input: flashcardInputSchema, output: returns<{ cardIds: number[] }>() },
  'cards:edit': { input: flashcardInputSchema.extend({ cardId: id }).strict(), output: returns<CardView>() },
  'cards:get': { input: z.object({ cardId: id }).strict(), output: returns<CardView>() },
  'cards:list': {
    input: z
      .object({
        query: z.string().max(200).default(''),
        kind: z.enum(['all', 'question', 'basic', 'cloze']).default('all'),
        status: z.enum(['all', 'due', 'new', 'suspended']).default('all'),
        page: z.number().int().min(0).max(100_000).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: returns<{ total: number; items: CardSummary[] }>(),
  },
  'cards:addImage': {
    input: z.object({ fileName: z.string().min(1).max(300), base64: z.string().max(8_000_000) }).strict(),
    output: returns<{ name: string }>(),
  },
  'cards:config': { input: z.object({}).strict(), output: returns<SrsConfig>() },
  'cards:setConfig': {
    input: z.object({ patch: srsConfigPatchSchema, reschedule: z.boolean().default(false) }).strict(),
    output: returns<{ config: SrsConfig; rescheduled: number }>(),
  },
  'cards:workload': {
    input: z.object({ retentions: z.array(z.number().min(0.7).max(0.99)).min(1).max(10) }).strict(),
    output: returns<{ reviewCards: number; estimates: { retention: number; perDay: number }[] }>(),
  },
  'cards:stats': { input: z.object({}).strict(), output: returns<MemoryStats>() },
  'cards:blockGrades': { input: z.object({ blockId: id }).strict(), output: returns<BlockItemGrade[]>() },
  'cards:regrade': {
    input: z.object({ blockId: id, position: z.number().int().min(0).max(49), rating: grade }).strict(),
    output: returns<BlockItemGrade[]>(),
  },
} as const;
