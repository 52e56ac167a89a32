/** Input schemas for the self-assessment log and readiness methods (the domain checks live in the core's validate.ts). */
import { z } from 'zod';
import { EXAMS } from '../pack';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const assessmentInputSchema = z
  .object({
    exam: z.enum(EXAMS),
    /** Checked against the catalogue in the core, so an unknown product gets a message naming the choices. */
    product: z.string().min(1).max(40),
    form: z.string().max(60).default(''),
    takenOn: isoDate,
    status: z.enum(['taken', 'planned']).default('taken'),
    score: z.number().finite().nullable().default(null),
    passProbability: z.number().finite().nullable().default(null),
    sections: z
      .array(z.object({ name: z.string().max(80), score: z.number().finite() }).strict())
      .max(40)
      .default([]),
    comment: z.string().max(2000).default(''),
  })
  .strict();

export const readinessInputSchema = z
  .object({
    /** Overrides of the exam and date in Settings (the CLI's --exam / --exam-date). */
    exam: z.enum(EXAMS).optional(),
    examDate: isoDate.nullable().optional(),
  })
  .strict();

export const examResultInputSchema = z
  .object({
    exam: z.enum(EXAMS),
    takenOn: isoDate,
    score: z.number().int().nullable().default(null),
    passed: z.boolean().nullable().default(null),
  })
  .strict();
