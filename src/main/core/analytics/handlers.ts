import type { CoreContext } from '../context';
import type { HandlerMap } from '../handler';
import { readSettings } from '../settings/settings';
import { addAssessment, addExamResult, listAssessments, removeAssessment, updateAssessment } from '../assessments/store';
import { buildDashboard, calibration, readinessFor } from './dashboard';
import { localDay } from './maths';

type AnalyticsMethods =
  | 'stats:dashboard'
  | 'readiness:get'
  | 'readiness:results'
  | 'readiness:addResult'
  | 'assessments:list'
  | 'assessments:add'
  | 'assessments:update'
  | 'assessments:remove';

export function analyticsHandlers(ctx: CoreContext) {
  const { db, clock } = ctx;
  const today = () => localDay(clock.now());
  return {
    'stats:dashboard': () => db.transaction(() => buildDashboard(db, readSettings(db), clock.now()))(),
    'readiness:get': ({ exam, examDate }) => {
      const s = readSettings(db);
      return db.transaction(() => readinessFor(db, exam ?? s.exam, examDate === undefined ? s.examDate : examDate, clock.now()))();
    },
    'readiness:results': () => calibration(db),
    'readiness:addResult': (input) => addExamResult(db, input, today(), clock.now()),
    'assessments:list': () => listAssessments(db),
    'assessments:add': (draft) => addAssessment(db, draft, today(), clock.now()),
    'assessments:update': ({ id, ...draft }) => updateAssessment(db, id, draft, today(), clock.now()),
    'assessments:remove': ({ id }) => removeAssessment(db, id),
  } satisfies HandlerMap<AnalyticsMethods>;
}
