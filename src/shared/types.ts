/** Domain types that cross the contract. Plain data only: no classes, no Dates (epoch milliseconds instead). */
import type { Exam } from './pack';
import type { Problem } from './result';
import type { MissReason } from './reasons';
import type { AnkiImportSummary } from './anki';

export interface AppInfo {
  appVersion: string;
  dbPath: string;
  schemaVersion: number;
  counts: { packs: number; questions: number; notes: number; blocks: number; cards: number; answers: number };
}

export type Theme = 'system' | 'light' | 'dark';
export interface Settings {
  exam: Exam;
  examDate: string | null; // ISO date
  targetScore: number | null;
  desiredRetention: number;
  theme: Theme;
  fontScale: number;
  /** Runner contrast, as in the 2026 USMLE software's settings menu (issue 10). */
  contrast: 'normal' | 'high';
  samplesOffered: boolean;
  lastBlock: BlockSpecInput | null;
  /** Readiness plan (issue 11): how many passes through the pool the student wants before exam day. */
  planPasses: number;
}

export interface PackSummary {
  id: number;
  key: string;
  title: string;
  version: string;
  description: string;
  license: string;
  author: string;
  sourceFormat: ImportFormat;
  sourceName: string;
  importedAt: number;
  updatedAt: number;
  questionCount: number;
  retiredCount: number;
  mediaCount: number;
}

export type ImportFormat = 'native' | 'medqa' | 'csv' | 'json-map' | 'notes';

export interface ImportItemPreview {
  sourceId: string;
  stem: string; // plain text, first 300 characters
  choiceCount: number;
  exam?: Exam;
  system?: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** A preview's id: `packs:import { stageId }` commits exactly what it checked, without parsing the files again. */
  stageId?: string;
  packs: {
    /** The pack's id once imported (a dry run's is not kept). */
    packId?: number;
    key: string;
    title: string;
    format: ImportFormat;
    file: string;
    added: number;
    updated: number;
    unchanged: number;
    retired: number;
    total: number;
    /** Questions in the file with no explanation (overall or per choice): MedQA has none. */
    withoutExplanation: number;
    /** Questions in the file with no system (not counting systems inferred earlier on request). */
    withoutSystem: number;
  }[];
  notes: { added: number; updated: number; unchanged: number };
  rejected: Problem[]; // items skipped with --skip-invalid
  warnings: Problem[];
  preview: ImportItemPreview[];
  durationMs: number;
  /** Anki packages (.apkg/.colpkg) imported as flashcards with their review history (issue 9). */
  anki?: AnkiImportSummary[];
}

/** `packs:inferSystems`: see what inferring systems from the questions' words would tag, do it, or undo it. */
export type InferSystemsAction = 'preview' | 'apply' | 'remove';
export interface InferSystemsResult {
  packId: number;
  action: InferSystemsAction;
  /** Questions of the pack without a system that were read. */
  considered: number;
  /** Of those, how many the words point at one system clearly (the rest stay untagged). */
  tagged: number;
  /** `remove`: inferred systems taken off. */
  removed: number;
  bySystem: { system: string; count: number }[];
  questions: { sourceId: string; system: string }[];
}

export type QuestionStatus = 'unused' | 'correct' | 'incorrect' | 'omitted' | 'marked';

export interface QuestionFilters {
  packIds?: number[];
  exams?: Exam[];
  disciplines?: string[];
  systems?: string[];
  tags?: string[];
  statuses?: QuestionStatus[];
  includeRetired?: boolean;
  /** An explicit pool of question ids (review-missed, due cards, a dashboard row). */
  questionIds?: number[];
  /** Issue 9: only questions whose question card is due by the end of this study day. */
  dueForReview?: boolean;
}

export interface QuestionListItem {
  id: number;
  packTitle: string;
  sourceId: string;
  exam: Exam | null;
  discipline: string | null;
  system: string | null;
  /** The system was inferred from the question's words (opt-in, packs:inferSystems): show it as inferred. */
  systemInferred?: boolean;
  topic: string | null;
  /** Plain-text excerpt; matches wrapped in \u0001 … \u0002 so the renderer highlights without parsing HTML. */
  snippet: string;
  status: Exclude<QuestionStatus, 'marked'> ;
  marked: boolean;
  retired: boolean;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}
export interface Facets {
  packs: FacetCount[];
  exams: FacetCount[];
  disciplines: FacetCount[];
  systems: FacetCount[];
  tags: FacetCount[];
  statuses: FacetCount[];
  total: number;
}

export interface ImageRef {
  mediaId: number;
  alt: string;
  placement: 'stem' | 'explanation';
}

/** A question as the runner shows it: answer fields are present only when the answer may be revealed. */
export interface QuestionView {
  id: number;
  packTitle: string;
  sourceId: string;
  exam: Exam | null;
  discipline: string | null;
  system: string | null;
  /** The system was inferred from the question's words (opt-in, packs:inferSystems): show it as inferred. */
  systemInferred?: boolean;
  topic: string | null;
  tags: string[];
  stemHtml: string;
  choices: { label: string; html: string; explanationHtml?: string }[];
  images: ImageRef[];
  answerIndex?: number;
  explanationHtml?: string;
  objective?: string;
  references?: string[];
  retired: boolean;
  /** Set when this is an earlier revision than the current one (a block item shows the revision it was drawn with). */
  revision?: number;
}

export interface NoteSummary {
  id: number;
  origin: 'imported' | 'user';
  title: string;
  snippet: string;
  tags: string[];
  system: string | null;
  questionId: number | null;
  updatedAt: number;
}
export interface NoteView extends NoteSummary {
  bodyHtml: string;
  bodyMd: string;
  /** The note's own images (from its vault), shown under the body. */
  images: { name: string; mime: string; base64: string }[];
}

export type BlockMode = 'timed' | 'tutor' | 'untimed';
export type BlockOrder = 'random' | 'system';

export interface BlockSpecInput {
  filters: QuestionFilters;
  size: number;
  mode: BlockMode;
  /** Seconds per question; null = no block clock (untimed, or tutor without timer). */
  secondsPerQuestion: number | null;
  order: BlockOrder;
  seed?: number;
  pauseStopsClock?: boolean;
}

export type BlockStatus = 'in_progress' | 'suspended' | 'finished';

export interface BlockItemState {
  position: number;
  questionId: number;
  selected: number | null;
  submitted: boolean;
  outcome: 'correct' | 'incorrect' | 'omitted' | null;
  marked: boolean;
  struck: number[];
  highlights: Highlight[];
  timeMs: number;
  repeat: boolean;
  /** Why-I-missed-it reason tagged on this attempt (src/shared/reasons.ts), null when none. */
  reason: MissReason | null;
}

export interface Highlight {
  start: number;
  end: number;
}

export interface BlockSummary {
  id: number;
  createdAt: number;
  mode: BlockMode;
  status: BlockStatus;
  itemCount: number;
  answeredCount: number;
  correctCount: number | null;
  elapsedMs: number;
  timeLimitMs: number | null;
  finishedAt: number | null;
  endReason: 'user' | 'time_up' | null;
  title: string;
  /** False for a block that ended with no answer and was not kept: it counts nowhere (issue 14). */
  counted: boolean;
}

export interface BlockState extends BlockSummary {
  currentPosition: number;
  running: boolean;
  pauseStopsClock: boolean;
  /** Remaining block time, null if the block has no clock. Computed in the core. */
  remainingMs: number | null;
  items: BlockItemState[];
  /** The exam-day simulation this block belongs to (issue 10), or null. */
  day?: { id: number; index: number; count: number } | null;
}

export interface ItemView {
  blockId: number;
  item: BlockItemState;
  question: QuestionView;
  note: string;
}

/** Issue 7: rolling backups in the database's folder (`backups/`). */
export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'pre-restore' | 'pre-import';
export interface BackupInfo {
  /** File name inside the backups folder; the only way a backup is named across the doors (never a path). */
  name: string;
  createdAt: number;
  reason: BackupReason;
  bytes: number;
}
export interface RestoreReport {
  restored: BackupInfo;
  /** The copy of the database as it was just before the restore, so the restore can itself be undone. */
  preRestore: BackupInfo;
  schemaVersion: number;
  counts: AppInfo['counts'];
}
