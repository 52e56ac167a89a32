/**
 * The vocabulary: exam, system and discipline names and the spellings people and datasets use for them. One place,
 * so packs, CSV/JSON imports, MedQA and Markdown notes all land on the same outline names (before this module the
 * pack validator and the notes importer had two `canonical()` functions that disagreed about "and").
 */
import { DISCIPLINES, EXAMS, SYSTEMS, type Exam } from './pack';

export { DISCIPLINES, EXAMS, SYSTEMS };
export type System = (typeof SYSTEMS)[number];
export type Discipline = (typeof DISCIPLINES)[number];

/** "USMLE Step 2 CK", "step2", "step2&3" (MedQA's Step 2/3 mix), "Step-1" … */
const EXAM_ALIASES: Record<string, Exam> = { step1: 'step1', step2: 'step2ck', step2ck: 'step2ck', 'step2&3': 'step2ck', step3: 'step3' };

export function canonicalExam(value: string): Exam | undefined {
  return EXAM_ALIASES[value.toLowerCase().replace(/[\s_-]+/g, '').replace(/^usmle/, '')];
}

/**
 * The comparison key of a name: case, punctuation, "&"/"and" and a trailing " system" do not matter, so
 * "Renal and urinary", "renal & urinary" and "Renal/Urinary system" are one name.
 */
export function vocabularyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ system$/, '')
    .replace(/\band\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Other names for outline entries, by key. */
const SYSTEM_ALIASES: Record<string, System> = {
  cardiology: 'Cardiovascular',
  cardiac: 'Cardiovascular',
  pulmonary: 'Respiratory',
  pulmonology: 'Respiratory',
  gi: 'Gastrointestinal',
  renal: 'Renal & Urinary',
  nephrology: 'Renal & Urinary',
  neurology: 'Nervous System & Special Senses',
  nervous: 'Nervous System & Special Senses',
  hematology: 'Blood & Lymphoreticular',
  heme: 'Blood & Lymphoreticular',
  dermatology: 'Skin & Subcutaneous Tissue',
  skin: 'Skin & Subcutaneous Tissue',
  psychiatry: 'Behavioral Health',
  endocrinology: 'Endocrine',
  reproductive: 'Female Reproductive & Breast',
  immunology: 'Immune',
  biostatistics: 'Biostatistics & Epidemiology',
  epidemiology: 'Biostatistics & Epidemiology',
  // MedXpertQA's body_system names (its anatomical systems, one word each).
  digestive: 'Gastrointestinal',
  urinary: 'Renal & Urinary',
  skeletal: 'Musculoskeletal',
  muscular: 'Musculoskeletal',
  lymphatic: 'Blood & Lymphoreticular',
  integumentary: 'Skin & Subcutaneous Tissue',
};

/** Values datasets write where a question has no system ("Other / NA"): no system, not a tag. */
const NO_SYSTEM = new Set(['other', 'na', 'otherna', 'none', 'nan', 'unknown']);
export const isNoSystem = (value: string): boolean => NO_SYSTEM.has(vocabularyKey(value));

const DISCIPLINE_ALIASES: Record<string, Discipline> = {
  biostatistics: 'Biostatistics & Epidemiology',
  epidemiology: 'Biostatistics & Epidemiology',
  histology: 'Histology & Cell Biology',
  cellbiology: 'Histology & Cell Biology',
  obgyn: 'Obstetrics & Gynecology',
  obstetrics: 'Obstetrics & Gynecology',
  gynecology: 'Obstetrics & Gynecology',
  behavioralscience: 'Behavioral Sciences',
  internalmedicine: 'Medicine',
  pharm: 'Pharmacology',
  micro: 'Microbiology',
  path: 'Pathology',
  physio: 'Physiology',
  biochem: 'Biochemistry',
  peds: 'Pediatrics',
};

const lookup = <T extends string>(list: readonly T[], aliases: Record<string, T>) => {
  const byKey = new Map<string, T>(Object.entries(aliases));
  for (const name of list) byKey.set(vocabularyKey(name), name);
  return (value: string): T | undefined => byKey.get(vocabularyKey(value));
};

/** The outline's system for a name or alias, or undefined when it is not one. */
export const canonicalSystem = lookup(SYSTEMS, SYSTEM_ALIASES);
/** The outline's discipline for a name or alias, or undefined when it is not one. */
export const canonicalDiscipline = lookup(DISCIPLINES, DISCIPLINE_ALIASES);
