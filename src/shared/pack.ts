/**
 * Pack format v1: the zod schema every native pack is validated against.
 * question-packs/pack.schema.json is the JSON Schema twin of this file; a unit test keeps them in step.
 */
import { z } from 'zod';

export const PACK_FORMAT = 'vignette-pack/1';

export const EXAMS = ['step1', 'step2ck', 'step3'] as const;
export type Exam = (typeof EXAMS)[number];

/** USMLE content outline: disciplines (Step 1 disciplines, then Step 2 CK / Step 3 clinical disciplines). */
export const DISCIPLINES = [
  'Anatomy',
  'Behavioral Sciences',
  'Biochemistry',
  'Biostatistics & Epidemiology',
  'Genetics',
  'Histology & Cell Biology',
  'Immunology',
  'Microbiology',
  'Pathology',
  'Pharmacology',
  'Physiology',
  'Medicine',
  'Surgery',
  'Pediatrics',
  'Obstetrics & Gynecology',
  'Psychiatry',
  'Neurology',
  'Emergency Medicine',
] as const;

/** USMLE content outline: organ systems. */
export const SYSTEMS = [
  'General Principles',
  'Immune',
  'Blood & Lymphoreticular',
  'Behavioral Health',
  'Nervous System & Special Senses',
  'Skin & Subcutaneous Tissue',
  'Musculoskeletal',
  'Cardiovascular',
  'Respiratory',
  'Gastrointestinal',
  'Renal & Urinary',
  'Pregnancy, Childbirth & Puerperium',
  'Female Reproductive & Breast',
  'Male Reproductive',
  'Endocrine',
  'Multisystem Processes',
  'Biostatistics & Epidemiology',
  'Social Sciences',
] as const;

export const LIMITS = {
  stemChars: 20_000,
  textChars: 20_000,
  minChoices: 2,
  maxChoices: 26,
  packBytes: 200 * 1024 * 1024,
  imageBytes: 10 * 1024 * 1024,
} as const;

export const CHOICE_LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max.toLocaleString('en-US')} characters`);

export const packImageSchema = z.object({
  file: z.string().min(1).max(300),
  alt: z.string().min(1, 'alt text is required').max(500),
  placement: z.enum(['stem', 'explanation']).default('stem'),
});

export const packChoiceSchema = z.object({
  text: text(LIMITS.textChars),
  explanation: z.string().max(LIMITS.textChars).optional(),
});

export const packQuestionSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    exam: z.enum(EXAMS).optional(),
    discipline: z.string().max(100).optional(),
    system: z.string().max(100).optional(),
    topic: z.string().max(200).optional(),
    tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    difficulty: z.number().int().min(1).max(5).optional(),
    stem: text(LIMITS.stemChars),
    choices: z
      .array(packChoiceSchema)
      .min(LIMITS.minChoices, `needs at least ${LIMITS.minChoices} choices`)
      .max(LIMITS.maxChoices, `may have at most ${LIMITS.maxChoices} choices`),
    answer: z.string().regex(/^[A-Z]$/, 'must be one choice letter A–Z'),
    explanation: z.string().max(LIMITS.textChars).default(''),
    objective: z.string().max(2_000).optional(),
    images: z.array(packImageSchema).max(20).default([]),
    references: z.array(z.string().max(1_000)).max(20).default([]),
  })
  .superRefine((q, ctx) => {
    const idx = CHOICE_LABELS.indexOf(q.answer);
    // With fewer than two choices the choices error says it all; an answer range would read "A–undefined".
    if (q.choices.length >= 2 && idx >= q.choices.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `'${q.answer}' is not one of A–${CHOICE_LABELS[q.choices.length - 1]}`,
      });
    }
  });

export const packMetaSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'must be lower-case letters, digits, dot, dash or underscore'),
  title: text(200),
  version: z.string().min(1).max(50),
  description: z.string().max(5_000).default(''),
  license: z.string().max(200).default(''),
  author: z.string().max(200).default(''),
});

export const packSchema = z.object({
  format: z.literal(PACK_FORMAT),
  pack: packMetaSchema,
  questions: z.array(z.unknown()).max(100_000),
});

export type PackQuestion = z.infer<typeof packQuestionSchema>;
export type PackMeta = z.infer<typeof packMetaSchema>;

/** Fields a JSON array can be mapped onto (`--map target=source`, and the Import screen's mapping editor). */
export const MAP_TARGETS = [
  'id',
  'stem',
  'choices',
  'choiceExplanations',
  'answer',
  'explanation',
  'objective',
  'exam',
  'discipline',
  'system',
  'topic',
  'tags',
  'difficulty',
  'references',
] as const;
export type MapTarget = (typeof MAP_TARGETS)[number];
