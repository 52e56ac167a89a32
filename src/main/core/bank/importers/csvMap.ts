/**
 * `--map` for CSV / TSV: which column fills each Vignette field, for files whose column names Vignette cannot guess
 * (MedMCQA-style `question, opa … ope, answer_idx, explanation`). The targets are the JSON mapping's; a value names a
 * column as the header spells it (case, spaces, `_` and `-` ignored), and `choices` / `choiceExplanations` take a
 * comma-separated list of columns in choice order:
 *
 *   --map stem=question --map choices=opa,opb,opc,opd,ope --map answer=answer_idx --map explanation=explanation
 */
import { MAP_TARGETS, type MapTarget } from '../../../../shared/pack';
import type { Problem } from '../../../../shared/result';
import type { Role } from './csv';
import { didYouMean } from './suggest';

const LIST_TARGETS: readonly MapTarget[] = ['choices', 'choiceExplanations'];

export interface CsvMapping {
  /** Column index → the role the mapping gives it. */
  roles: Map<number, Role>;
  /** The mapping names the choice columns: columns that merely look like choices (A, B…) are then not choices. */
  mapsChoices: boolean;
  problems: Problem[];
}

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

function columnIndex(names: readonly string[], wanted: string): number {
  const exact = names.indexOf(wanted);
  return exact >= 0 ? exact : names.findIndex((n) => squash(n) === squash(wanted));
}

function roleFor(target: MapTarget, position: number): Role {
  if (target === 'choices') return { kind: 'choice', letter: position };
  if (target === 'choiceExplanations') return { kind: 'choiceExplanation', letter: position };
  return { kind: 'field', field: target };
}

export function readCsvMapping(file: string, names: readonly string[], map: Record<string, string>): CsvMapping {
  const mapping: CsvMapping = { roles: new Map(), mapsChoices: false, problems: [] };
  const columnList = names.filter(Boolean).join(', ');
  const takenBy = new Map<number, string>(); // column → the target that took it, for a clear conflict message
  for (const [target, value] of Object.entries(map)) {
    if (!(MAP_TARGETS as readonly string[]).includes(target)) {
      mapping.problems.push({ file, field: 'map', message: `'${target}' is not a field to map${didYouMean(target, MAP_TARGETS)}; use ${MAP_TARGETS.join(', ')}` });
      continue;
    }
    const t = target as MapTarget;
    const wanted = value.split(',').map((s) => s.trim()).filter(Boolean);
    if (wanted.length === 0) continue;
    if (wanted.length > 1 && !LIST_TARGETS.includes(t)) {
      mapping.problems.push({ file, field: 'map', message: `${t}=${value}: ${t} takes one column; only choices and choiceExplanations take a list` });
      continue;
    }
    if (t === 'choices') mapping.mapsChoices = true;
    wanted.forEach((name, position) => {
      const column = columnIndex(names, name);
      if (column < 0) {
        mapping.problems.push({ file, field: 'map', message: `${t}=${value}: no column '${name}'${didYouMean(name, names)}; the columns are ${columnList}` });
        return;
      }
      const earlier = takenBy.get(column);
      if (earlier !== undefined) {
        mapping.problems.push({ file, field: 'map', message: `${t}=${value}: column '${names[column]}' is already mapped to ${earlier}` });
        return;
      }
      takenBy.set(column, t);
      mapping.roles.set(column, roleFor(t, position));
    });
  }
  return mapping;
}
