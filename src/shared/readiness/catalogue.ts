/**
 * The self-assessment products a student can log, each with the exam(s) it is for, its forms, and the scale its
 * report prints. A result is stored and shown on that scale, never converted. Sources as in shared/READINESS.md §2.
 */
import type { Exam } from '../pack';

export type AssessmentScale = 'epc' | 'three-digit' | 'ccmsa' | 'percent';

export interface ScaleInfo {
  label: string;
  min: number;
  max: number;
  /** How the number is shown: "72 % EPC", "236", "512 (CCMSA scale)". */
  unit: string;
}

export const SCALES: Record<AssessmentScale, ScaleInfo> = {
  epc: { label: 'equated percent correct (EPC)', min: 0, max: 100, unit: '% EPC' },
  'three-digit': { label: '3-digit score', min: 100, max: 300, unit: '' },
  ccmsa: { label: 'CCMSA scale (10–800, mean 500)', min: 10, max: 800, unit: 'on the CCMSA scale' },
  percent: { label: 'raw percent correct', min: 0, max: 100, unit: '% correct' },
};

export type ProductId = 'nbme-cbssa' | 'nbme-ccssa' | 'nbme-ccmsa' | 'uwsa' | 'amboss-sa' | 'free120' | 'custom';

export interface Product {
  id: ProductId;
  name: string;
  exams: readonly Exam[];
  scale: AssessmentScale;
  /** NBME-authored: the only results the Step 2 CK estimate and the sufficiency label use. */
  nbmeFamily: boolean;
  /** Forms a result may name; null = free text. `examForms` narrows them per exam. */
  forms: readonly string[] | null;
  examForms?: Partial<Record<Exam, readonly string[]>>;
  /** Whether the report prints a probability of passing that must be stored too. */
  printsPassProbability: boolean;
  whatItReports: string;
  source: string;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

export const PRODUCTS: readonly Product[] = [
  {
    id: 'nbme-cbssa',
    name: 'NBME CBSSA',
    exams: ['step1'],
    scale: 'epc',
    nbmeFamily: true,
    forms: range(25, 33),
    printsPassProbability: true,
    whatItReports: 'Equated percent correct and an estimated probability of passing Step 1; no 3-digit score since 2022.',
    source: 'S: NBME score report as described by prep companies (Blueprint, 2022)',
  },
  {
    id: 'nbme-ccssa',
    name: 'NBME CCSSA',
    exams: ['step2ck'],
    scale: 'three-digit',
    nbmeFamily: true,
    forms: range(9, 16),
    printsPassProbability: false,
    whatItReports: 'A 3-digit score on the Step 2 CK scale.',
    source: 'S',
  },
  {
    id: 'nbme-ccmsa',
    name: 'NBME CCMSA',
    exams: ['step3'],
    scale: 'ccmsa',
    nbmeFamily: true,
    forms: null,
    printsPassProbability: false,
    whatItReports: 'A score on a 10–800 scale (mean 500, SD 100). NBME says it is not intended to predict Step 3.',
    source: 'O: NBME CCMSA description (copy)',
  },
  {
    id: 'uwsa',
    name: 'UWorld UWSA',
    exams: ['step1', 'step2ck'],
    scale: 'three-digit',
    nbmeFamily: false,
    forms: ['1', '2', '3'],
    examForms: { step1: ['1', '2', '3'], step2ck: ['1', '2'] },
    printsPassProbability: false,
    whatItReports: 'A proprietary 3-digit estimate; the method is unpublished.',
    source: 'U',
  },
  {
    id: 'amboss-sa',
    name: 'AMBOSS Self-Assessment',
    exams: ['step1', 'step2ck'],
    scale: 'three-digit',
    nbmeFamily: false,
    forms: null,
    printsPassProbability: false,
    whatItReports: 'A 3-digit estimate calibrated on takers within 2 weeks of their exam.',
    source: 'S',
  },
  {
    id: 'free120',
    name: 'USMLE sample items (Free 120)',
    exams: ['step1', 'step2ck'],
    scale: 'percent',
    nbmeFamily: false,
    forms: null,
    printsPassProbability: false,
    whatItReports: 'Raw percent correct only; there is no official conversion (sampling error alone ≈ ±4 points).',
    source: 'S; ±4 derived (D)',
  },
  {
    id: 'custom',
    name: 'Custom test',
    exams: ['step1', 'step2ck', 'step3'],
    scale: 'percent',
    nbmeFamily: false,
    forms: null,
    printsPassProbability: false,
    whatItReports: 'Percent correct on a test you name yourself.',
    source: '—',
  },
];

export const PRODUCT_IDS = PRODUCTS.map((p) => p.id) as [ProductId, ...ProductId[]];

export function productById(id: string): Product | undefined {
  return PRODUCTS.find((p) => p.id === id);
}

/** Forms offered for a product and exam, or null when the form is free text. */
export function formsFor(product: Product, exam: Exam): readonly string[] | null {
  return product.examForms?.[exam] ?? product.forms;
}

/** "NBME CCSSA 14", "UWorld UWSA 2", "Free 120 (2024)". */
export function assessmentTitle(productId: string, form: string): string {
  const p = productById(productId);
  if (!p) return form;
  if (!form) return p.name;
  return p.forms ? `${p.name} ${form}` : `${p.name} (${form})`;
}

/** A score as its own report prints it. */
export function formatOnScale(scale: AssessmentScale, score: number): string {
  const rounded = Number.isInteger(score) ? String(score) : score.toFixed(1);
  const unit = SCALES[scale].unit;
  if (!unit) return rounded;
  return unit.startsWith('%') ? `${rounded} ${unit}` : `${rounded} ${unit}`;
}
