/**
 * The contract: every method's name (`domain:verb`), its input schema and its output type.
 * Electron IPC, the HTTP door, the CLI, the renderer's client and the tests all derive from this one table.
 */
import { z } from 'zod';
import { EXAMS } from './pack';
import { DAY_FORMAT_IDS, MAX_BLOCK_ITEMS } from './examFormats';
import type { DayState } from './examDay';
import { srsContract } from './srsContract';
import type {
  AppInfo,
  BackupInfo,
  BlockState,
  BlockSummary,
  Facets,
  ImportReport,
  InferSystemsResult,
  ItemView,
  NoteView,
  NoteSummary,
  PackSummary,
  QuestionListItem,
  QuestionView,
  RestoreReport,
  Settings,
} from './types';
import { MISS_REASONS, type MissReason } from './reasons';
import { CHANGE_KINDS, type AnswerChanges, type BlockResults, type ChangeKind, type CountRow, type MissedList, type ReviewItem } from './review';
import type { OptimizeReport } from './optimizer';
import type { AssessmentEntry, Calibration, Dashboard, ExamResult, Readiness } from './readiness/types';
import { assessmentInputSchema, examResultInputSchema, readinessInputSchema } from './readiness/schemas';

/** Phantom marker carrying a method's output type. */
const returns = <T>() => undefined as unknown as T;

const id = z.number().int().positive();
const empty = z.object({}).strict();

export const questionFiltersSchema = z
  .object({
    packIds: z.array(id).max(500).optional(),
    exams: z.array(z.enum(EXAMS)).optional(),
    disciplines: z.array(z.string().max(100)).max(100).optional(),
    systems: z.array(z.string().max(100)).max(100).optional(),
    tags: z.array(z.string().max(100)).max(100).optional(),
    statuses: z.array(z.enum(['unused', 'correct', 'incorrect', 'omitted', 'marked'])).optional(),
    includeRetired: z.boolean().optional(),
    /** An explicit pool of question ids (review-missed, due cards, a dashboard row): only these are drawn. */
    questionIds: z.array(id).max(50_000).optional(),
    /** Issue 9: only questions whose question card is due by the end of this study day. */
    dueForReview: z.boolean().optional(),
  })
  .strict();

export const importFileSchema = z.object({
  /** Relative path as picked by the user (folder uploads keep their structure). */
  path: z.string().min(1).max(1000),
  base64: z.string(),
});

export const importInputSchema = z
  .object({
    /** Files on this machine: the CLI and tests only; every door refuses paths from a page (issue 7). */
    paths: z.array(z.string().min(1)).max(1000).optional(),
    /** Electron: opaque handles for files picked in the native dialog; the IPC door swaps them for paths. */
    handles: z.array(z.string().min(1).max(100)).max(1000).optional(),
    /** Commit what the preview (dry run) with this id parsed and checked, without sending or parsing the files again. */
    stageId: z.string().min(1).max(64).optional(),
    /** File contents sent by the renderer (browser mode, drag and drop). */
    files: z.array(importFileSchema).max(10_000).optional(),
    format: z.enum(['native', 'medqa', 'csv', 'json-map', 'notes']).optional(),
    /** Field mapping for json-map: target → source path, e.g. { stem: 'questionText', choices: 'answers[].text' } */
    map: z.record(z.string(), z.string()).optional(),
    skipInvalid: z.boolean().default(false),
    dryRun: z.boolean().default(false),
  })
  .strict()
  .refine((v) => (v.paths?.length ?? 0) + (v.files?.length ?? 0) + (v.handles?.length ?? 0) > 0 || !!v.stageId, { message: 'give at least one file', path: ['files'] });

export const blockSpecSchema = z
  .object({
    filters: questionFiltersSchema,
    size: z.number().int().min(1).max(MAX_BLOCK_ITEMS),
    mode: z.enum(['timed', 'tutor', 'untimed']),
    secondsPerQuestion: z.number().int().min(10).max(600).nullable(),
    order: z.enum(['random', 'system']),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    pauseStopsClock: z.boolean().optional(),
  })
  .strict();

const settingsPatchSchema = z
  .object({
    exam: z.enum(EXAMS),
    examDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').nullable(),
    targetScore: z.number().int().min(1).max(300).nullable(),
    desiredRetention: z.number().min(0.7).max(0.99),
    theme: z.enum(['system', 'light', 'dark']),
    fontScale: z.number().min(0.8).max(1.6),
    contrast: z.enum(['normal', 'high']),
    samplesOffered: z.boolean(),
    lastBlock: blockSpecSchema.nullable(),
    planPasses: z.number().int().min(1).max(5),
  })
  .partial()
  .strict();

const itemRef = { blockId: id, position: z.number().int().min(0).max(MAX_BLOCK_ITEMS - 1) };

const noteText = z.string().max(20_000, 'a note holds at most 20,000 characters');
const missedFiltersSchema = z
  .object({
    packIds: z.array(id).max(500).optional(),
    exams: z.array(z.enum(EXAMS)).optional(),
    systems: z.array(z.string().max(100)).max(100).optional(),
    disciplines: z.array(z.string().max(100)).max(100).optional(),
    reasons: z.array(z.enum(MISS_REASONS)).optional(),
    from: z.number().int().min(0).optional(),
    to: z.number().int().min(0).optional(),
    includeMarked: z.boolean().optional(),
  })
  .strict();

export const contract = {
  'app:info': { input: empty, output: returns<AppInfo>() },

  'settings:get': { input: empty, output: returns<Settings>() },
  'settings:set': { input: settingsPatchSchema, output: returns<Settings>() },

  'packs:list': { input: empty, output: returns<PackSummary[]>() },
  'packs:remove': { input: z.object({ packId: id }).strict(), output: returns<{ retired: number }>() },
  'packs:import': { input: importInputSchema, output: returns<ImportReport>() },
  'packs:loadSamples': { input: empty, output: returns<ImportReport>() },
  'packs:inferSystems': {
    input: z.object({ packId: id, action: z.enum(['preview', 'apply', 'remove']) }).strict(),
    output: returns<InferSystemsResult>(),
  },

  'questions:search': {
    input: z
      .object({
        query: z.string().max(500).default(''),
        filters: questionFiltersSchema.default({}),
        page: z.number().int().min(0).max(100_000).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: returns<{ total: number; items: QuestionListItem[] }>(),
  },
  'questions:facets': {
    input: z.object({ query: z.string().max(500).default(''), filters: questionFiltersSchema.default({}) }).strict(),
    output: returns<Facets>(),
  },
  'questions:get': { input: z.object({ id }).strict(), output: returns<QuestionView & { notes: NoteSummary[] }>() },
  'media:get': { input: z.object({ id }).strict(), output: returns<{ mime: string; base64: string }>() },

  'notes:search': {
    input: z
      .object({
        query: z.string().max(500).default(''),
        limit: z.number().int().min(1).max(200).default(50),
        system: z.string().max(100).optional(),
        tag: z.string().max(100).optional(),
        origin: z.enum(['user', 'imported']).optional(),
      })
      .strict(),
    output: returns<NoteSummary[]>(),
  },
  'notes:get': { input: z.object({ id }).strict(), output: returns<NoteView>() },

  'blocks:count': { input: z.object({ filters: questionFiltersSchema }).strict(), output: returns<{ available: number }>() },
  'blocks:create': { input: blockSpecSchema, output: returns<BlockState>() },
  'blocks:list': { input: z.object({ status: z.enum(['open', 'finished', 'all']).default('all') }).strict(), output: returns<BlockSummary[]>() },
  'blocks:get': { input: z.object({ blockId: id }).strict(), output: returns<BlockState>() },
  'blocks:item': { input: z.object(itemRef).strict(), output: returns<ItemView>() },
  'blocks:goto': { input: z.object(itemRef).strict(), output: returns<BlockState>() },
  'blocks:select': { input: z.object({ ...itemRef, choice: z.number().int().min(0).max(25).nullable() }).strict(), output: returns<BlockState>() },
  'blocks:submit': { input: z.object(itemRef).strict(), output: returns<ItemView>() },
  'blocks:strike': { input: z.object({ ...itemRef, choice: z.number().int().min(0).max(25), struck: z.boolean() }).strict(), output: returns<BlockState>() },
  'blocks:mark': { input: z.object({ ...itemRef, marked: z.boolean() }).strict(), output: returns<BlockState>() },
  'blocks:highlight': {
    input: z
      .object({ ...itemRef, highlights: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }).strict()).max(200) })
      .strict(),
    output: returns<BlockState>(),
  },
  'blocks:note': { input: z.object({ ...itemRef, text: noteText }).strict(), output: returns<{ savedAt: number }>() },
  'blocks:tick': { input: z.object({ blockId: id }).strict(), output: returns<BlockState>() },
  'blocks:pause': { input: z.object({ blockId: id }).strict(), output: returns<BlockState>() },
  'blocks:resume': { input: z.object({ blockId: id }).strict(), output: returns<BlockState>() },
  'blocks:suspend': { input: z.object({ blockId: id }).strict(), output: returns<BlockState>() },
  /** keepUnanswered: a block with no answer is not counted unless the student keeps it as omitted (issue 14). */
  'blocks:end': { input: z.object({ blockId: id, keepUnanswered: z.boolean().optional() }).strict(), output: returns<BlockState>() },
  /** Deletes a block (a day's block: its whole day) and everything it counted; Undo with the returned id. */
  'blocks:delete': { input: z.object({ blockId: id }).strict(), output: returns<{ undoId: number; blockIds: number[]; dayId: number | null }>() },
  'blocks:undoDelete': { input: z.object({ undoId: id }).strict(), output: returns<{ blockIds: number[] }>() },

  // Full-length exam-day simulations (issue 10): blocks back to back with a shared break budget.
  'days:start': {
    input: z
      .object({
        formatId: z.enum(DAY_FORMAT_IDS),
        filters: questionFiltersSchema,
        blocks: z.number().int().min(1).max(40).optional(),
        itemsPerBlock: z.number().int().min(1).max(MAX_BLOCK_ITEMS).optional(),
        seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
      })
      .strict(),
    output: returns<DayState>(),
  },
  'days:get': { input: z.object({ dayId: id }).strict(), output: returns<DayState>() },
  'days:next': { input: z.object({ dayId: id }).strict(), output: returns<DayState>() },
  // Issue 7: backups and restore (a backup is named by its file name in the backups folder, never by a path).
  'backups:list': { input: empty, output: returns<BackupInfo[]>() },
  'backups:create': { input: empty, output: returns<BackupInfo>() },
  'backups:restore': { input: z.object({ name: z.string().min(1).max(200) }).strict(), output: returns<RestoreReport>() },
  // Issue 8: review (results, item review, answer changes, reasons, review-missed) and the notebook.
  'review:results': { input: z.object({ blockId: id }).strict(), output: returns<BlockResults>() },
  'review:item': { input: z.object(itemRef).strict(), output: returns<ReviewItem>() },
  'review:changes': { input: z.object({ blockId: id.optional(), kind: z.enum(CHANGE_KINDS as [ChangeKind, ...ChangeKind[]]).optional() }).strict(), output: returns<AnswerChanges>() },
  'review:tag': { input: z.object({ ...itemRef, reason: z.enum(MISS_REASONS).nullable() }).strict(), output: returns<{ reason: MissReason | null }>() },
  'review:missed': {
    input: z.object({ filters: missedFiltersSchema.default({}), page: z.number().int().min(0).max(100_000).default(0), pageSize: z.number().int().min(1).max(200).default(50) }).strict(),
    output: returns<MissedList>(),
  },
  'review:latest': { input: z.object({ questionId: id }).strict(), output: returns<{ blockId: number; position: number } | null>() },
  'review:missedIds': { input: z.object({ filters: missedFiltersSchema.default({}) }).strict(), output: returns<{ questionIds: number[] }>() },
  'notes:facets': { input: empty, output: returns<{ systems: CountRow[]; tags: CountRow[] }>() },
  'notes:question': { input: z.object({ questionId: id }).strict(), output: returns<{ id: number | null; text: string }>() },
  'notes:save': { input: z.object({ questionId: id, text: noteText }).strict(), output: returns<{ id: number | null; savedAt: number }>() },
  'notes:update': { input: z.object({ id, text: noteText }).strict(), output: returns<NoteView>() },
  'notes:delete': { input: z.object({ id }).strict(), output: returns<{ id: number }>() },
  'notes:restore': { input: z.object({ id }).strict(), output: returns<NoteView>() },
  'notes:export': { input: empty, output: returns<{ fileName: string; count: number; base64: string }>() },
  // Issue 11: the readiness dashboard, the self-assessment log and real exam results.
  'stats:dashboard': { input: empty, output: returns<Dashboard>() },
  'readiness:get': { input: readinessInputSchema, output: returns<Readiness>() },
  'readiness:results': { input: empty, output: returns<Calibration>() },
  'readiness:addResult': { input: examResultInputSchema, output: returns<ExamResult>() },
  'assessments:list': { input: empty, output: returns<AssessmentEntry[]>() },
  'assessments:add': { input: assessmentInputSchema, output: returns<AssessmentEntry>() },
  'assessments:update': { input: assessmentInputSchema.extend({ id }).strict(), output: returns<AssessmentEntry>() },
  'assessments:remove': { input: z.object({ id }).strict(), output: returns<{ removed: number }>() },
  // Issue 9: spaced repetition (src/shared/srsContract.ts).
  ...srsContract,

  // Issue 9 (i9anki): the FSRS optimiser. Progress arrives as 'optimize' events; cancel from a second call.
  'cards:optimize': { input: z.object({ apply: z.boolean().default(true) }).strict(), output: returns<OptimizeReport>() },
  'cards:optimizeCancel': { input: empty, output: returns<{ cancelled: boolean }>() },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['output'];
export const METHODS = Object.keys(contract) as Method[];

/** Events the core pushes while long work runs. */
export interface ProgressEvent {
  kind: 'import' | 'optimize';
  done: number;
  total: number;
  label: string;
}
