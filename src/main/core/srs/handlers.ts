/** The cards:* methods. Every write is one transaction; the session state is read back after it. */
import type { BlockItemGrade, Grade, ReviewCard, SessionState } from '../../../shared/srs';
import { GRADES } from '../../../shared/srs';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { answerCard, getCard, memoryOf, peekUndo, setCardFlag, undoLast } from './cardStore';
import { schedulerParams, writeSrsConfig, readSrsConfig, type SchedulerSet } from './config';
import { localTimeZone, studyDay, studyDayStart } from './studyDay';
import { addCardImage, cardView, createFlashcard, editFlashcard, listCards } from './flashcards';
import { blockItemGrades, regradeBlockItem } from './questionCards';
import { dueCounts, nextCard, questionDueCutoff, dayWindow } from './queue';
import { enforceExamCap } from './examCap';
import { estimateWorkload, rescheduleReviewCards } from './reschedule';
import { formatInterval, previewAll } from './scheduler';
import { memoryStats } from './stats';

type CardMethods =
  | 'cards:counts'
  | 'cards:session'
  | 'cards:answer'
  | 'cards:undo'
  | 'cards:act'
  | 'cards:create'
  | 'cards:edit'
  | 'cards:get'
  | 'cards:list'
  | 'cards:addImage'
  | 'cards:config'
  | 'cards:setConfig'
  | 'cards:workload'
  | 'cards:stats'
  | 'cards:blockGrades'
  | 'cards:regrade';

/** Longest answer time recorded: a card left on screen over lunch is not a 40-minute review. */
const MAX_DURATION_MS = 10 * 60_000;
const STALE_PREVIEW_MS = 60 * 60_000;

export function srsHandlers(ctx: CoreContext) {
  const { db, clock } = ctx;
  const now = () => clock.now();
  const params = (): SchedulerSet => schedulerParams(db);

  // The "Due for review" filter (bank/filters.ts) asks SQLite for the end of the study day. SQLite calls this in the
  // middle of a statement, where the connection cannot run another query: the rollover hour is kept here, refreshed
  // whenever the SRS settings change.
  let dayClock = { timeZone: localTimeZone(), rolloverHour: readSrsConfig(db).rolloverHour };
  db.function('srs_due_cutoff', { deterministic: false }, () => questionDueCutoff(dayClock, now()));
  db.function('srs_day_start', { deterministic: false }, () => studyDayStart(studyDay(now(), dayClock), dayClock));

  function reviewCard(s: SchedulerSet, t: number): ReviewCard | null {
    const row = nextCard(db, s, t);
    if (!row) return null;
    const outcomes = previewAll(memoryOf(row), t, s.flash);
    return { card: cardView(db, row.id), shownAt: t, previews: GRADES.map((g) => outcomes[g].preview) };
  }

  function session(): SessionState {
    const s = params();
    const t = now();
    return { next: reviewCard(s, t), counts: dueCounts(db, s, t), undo: peekUndo(db) };
  }

  function grades(blockId: number): BlockItemGrade[] {
    // The interval the grade gave, from the moment of the review (not from now).
    return blockItemGrades(db, blockId).map(({ review, ...g }) => ({ ...g, label: formatInterval(Math.max(0, g.due - review)) }));
  }

  return {
    'cards:counts': () => dueCounts(db, params(), now(), true),
    'cards:session': () => session(),
    'cards:answer': ({ cardId, rating, shownAt }) => {
      const t = now();
      if (shownAt > t) throw new AppError('BAD_INPUT', 'shownAt is in the future', [{ field: 'shownAt', message: 'after now' }]);
      // Intervals shown an hour ago are not what the card would get now: show it again rather than commit stale ones.
      if (t - shownAt > STALE_PREVIEW_MS) throw new AppError('CONFLICT', 'This card was shown over an hour ago; it is shown again with fresh intervals.');
      const s = params();
      db.transaction(() => {
        const row = getCard(db, cardId);
        const p = row.question_id !== null ? s.question : s.flash;
        answerCard(db, row, rating as Grade, shownAt, t, p, Math.min(MAX_DURATION_MS, t - shownAt));
      })();
      return session();
    },
    'cards:undo': () => {
      // A snapshot from before an exam date was set may be due after the exam: the cap holds for undo too.
      const undone = db.transaction(() => {
        const entry = undoLast(db);
        enforceExamCap(db, params().flash, now());
        return entry;
      })();
      return { ...session(), undone };
    },
    'cards:act': ({ cardId, action }) => {
      const t = now();
      const s = params();
      db.transaction(() => setCardFlag(db, cardId, action, t, action === 'bury' ? dayWindow(t, s).dayEnd : undefined))();
      return session();
    },
    'cards:create': (input) => ({ cardIds: db.transaction(() => createFlashcard(db, input, now()))() }),
    'cards:edit': ({ cardId, ...input }) => {
      db.transaction(() => editFlashcard(db, cardId, input, now()))();
      return cardView(db, cardId);
    },
    'cards:get': ({ cardId }) => cardView(db, cardId),
    'cards:list': (q) => listCards(db, q, now(), dayWindow(now(), params()).dayEnd),
    'cards:addImage': ({ fileName, base64 }) => ({ name: db.transaction(() => addCardImage(db, fileName, Buffer.from(base64, 'base64')))() }),
    'cards:config': () => readSrsConfig(db),
    'cards:setConfig': ({ patch, reschedule }) =>
      db.transaction(() => {
        const config = writeSrsConfig(db, patch);
        dayClock = { ...dayClock, rolloverHour: config.rolloverHour };
        const rescheduled = reschedule ? rescheduleReviewCards(db, params().flash, now()) : 0;
        // Switching the cap on (or moving the rollover hour) pulls cards due after the exam back.
        enforceExamCap(db, params().flash, now());
        return { config, rescheduled };
      })(),
    'cards:workload': ({ retentions }) => {
      const s = params();
      const estimates = retentions.map((retention) => ({ retention, ...estimateWorkload(db, s, retention) }));
      return { reviewCards: estimates[0]?.reviewCards ?? 0, estimates: estimates.map(({ retention, perDay }) => ({ retention, perDay })) };
    },
    'cards:stats': () => memoryStats(db, params(), now()),
    'cards:blockGrades': ({ blockId }) => grades(blockId),
    'cards:regrade': ({ blockId, position, rating }) => {
      db.transaction(() => regradeBlockItem(db, blockId, position, rating as Grade))();
      return grades(blockId);
    },
  } satisfies HandlerMap<CardMethods>;
}
