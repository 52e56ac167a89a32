/**
 * Which cached results a call makes stale, from one table instead of key lists kept by hand at each call site.
 * Every contract method names the data domains it *reads* (its cached result depends on them) and the domains it
 * *changes*. After a successful call, the renderer refetches every cached query that reads a domain the call changed.
 *
 * The type requires an entry for every method in the contract: a new method is a compile error until it is listed.
 */
import type { Method } from './contract';

export type Domain =
  | 'settings'
  /** packs and their question counts */
  | 'packs'
  /** question content: stems, choices, tags, media */
  | 'questions'
  /** what the student did to questions: answered, correct, marked (question_stats) — statuses, facets, counts */
  | 'progress'
  | 'notes'
  /** blocks, their items and answers */
  | 'blocks'
  | 'backups'
  /** spaced-repetition cards, their review log and the SRS settings (issue 9) */
  | 'cards'
  /** the self-assessment log and real exam results (issue 11) */
  | 'assessments';

export const ALL_DOMAINS: readonly Domain[] = ['settings', 'packs', 'questions', 'progress', 'notes', 'blocks', 'backups', 'cards', 'assessments'];

interface Entry {
  reads: readonly Domain[];
  changes: readonly Domain[];
}

const read = (...reads: Domain[]): Entry => ({ reads, changes: [] });
const change = (...changes: Domain[]): Entry => ({ reads: [], changes });
/** Answering, marking, ending: a block's items and the question statuses built from them. */
const blockWrite: Entry = { reads: ['blocks'], changes: ['blocks', 'progress', 'cards'] };

export const INVALIDATION = {
  'app:info': read('packs', 'questions', 'notes', 'blocks', 'progress'),
  'settings:get': read('settings'),
  // A new exam date pulls cards due after it back (exam-date mode, srs/examCap.ts).
  'settings:set': change('settings', 'cards'),
  'packs:list': read('packs'),
  'packs:remove': change('packs', 'questions', 'progress'),
  'packs:import': change('packs', 'questions', 'progress', 'notes', 'backups', 'cards'),
  'packs:loadSamples': change('packs', 'questions', 'progress', 'settings', 'backups'),
  'packs:inferSystems': { reads: ['questions'], changes: ['questions', 'progress'] },
  'questions:search': read('questions', 'packs', 'progress'),
  'questions:facets': read('questions', 'packs', 'progress'),
  'questions:get': read('questions', 'notes', 'progress'),
  'media:get': read('questions'),
  'notes:search': read('notes'),
  'notes:get': read('notes'),
  'blocks:count': read('questions', 'packs', 'progress', 'cards'),
  'blocks:create': { reads: [], changes: ['blocks', 'settings'] },
  'blocks:list': read('blocks'),
  'blocks:get': read('blocks'),
  'blocks:item': read('blocks', 'questions'),
  'blocks:goto': blockWrite,
  'blocks:select': blockWrite,
  'blocks:submit': blockWrite,
  'blocks:strike': blockWrite,
  'blocks:mark': blockWrite,
  'blocks:highlight': blockWrite,
  'blocks:note': blockWrite,
  'blocks:tick': blockWrite,
  'blocks:pause': blockWrite,
  'blocks:resume': blockWrite,
  'blocks:suspend': blockWrite,
  'blocks:end': blockWrite,
  'blocks:delete': blockWrite,
  'blocks:undoDelete': blockWrite,
  // Exam-day simulations (issue 10) start and chain blocks.
  'days:start': change('blocks'),
  'days:get': read('blocks'),
  'days:next': blockWrite,
  // Review and notebook (issue 8): a reason lives on the attempt and in question_stats.
  'review:results': read('blocks', 'progress', 'notes', 'questions'),
  'review:item': read('blocks', 'questions', 'notes', 'progress'),
  'review:changes': read('blocks', 'progress'),
  'review:tag': { reads: [], changes: ['blocks', 'progress', 'cards'] },
  'review:missed': read('progress', 'blocks', 'questions', 'packs'),
  'review:latest': read('progress', 'blocks'),
  'review:missedIds': read('progress', 'blocks', 'questions'),
  'notes:facets': read('notes'),
  'notes:question': read('notes'),
  'notes:save': change('notes'),
  'notes:update': change('notes'),
  'notes:delete': change('notes'),
  'notes:restore': change('notes'),
  'notes:export': read('notes'),
  // Spaced repetition (issue 9): a block that scores a question may create or review its card.
  'cards:counts': read('cards'),
  'cards:session': read('cards'),
  'cards:answer': change('cards'),
  'cards:undo': change('cards'),
  'cards:act': change('cards'),
  'cards:create': change('cards'),
  'cards:edit': change('cards'),
  'cards:get': read('cards'),
  'cards:list': read('cards'),
  'cards:addImage': change('cards'),
  'cards:config': read('cards', 'settings'),
  'cards:setConfig': change('cards', 'settings'),
  'cards:workload': read('cards', 'settings'),
  'cards:stats': read('cards', 'settings'),
  'cards:blockGrades': read('cards', 'blocks'),
  'cards:regrade': change('cards'),
  'cards:optimize': change('cards', 'settings'),
  'cards:optimizeCancel': change('cards'),
  // The readiness dashboard (issue 11) is built from nearly everything the student has done.
  'stats:dashboard': read('blocks', 'progress', 'questions', 'packs', 'cards', 'settings', 'assessments'),
  'readiness:get': read('blocks', 'progress', 'questions', 'packs', 'cards', 'settings', 'assessments'),
  'readiness:results': read('assessments'),
  'readiness:addResult': change('assessments'),
  'assessments:list': read('assessments'),
  'assessments:add': change('assessments'),
  'assessments:update': change('assessments'),
  'assessments:remove': change('assessments'),
  'backups:list': read('backups'),
  'backups:create': change('backups'),
  // A restore replaces the whole database.
  'backups:restore': change(...ALL_DOMAINS),
} as const satisfies Record<Method, Entry>;

/** The methods whose cached results a successful `method` call makes stale. */
export function staleAfter(method: Method): Method[] {
  const changed = new Set<Domain>(INVALIDATION[method].changes);
  if (changed.size === 0) return [];
  return (Object.keys(INVALIDATION) as Method[]).filter((m) => INVALIDATION[m].reads.some((d) => changed.has(d)));
}
