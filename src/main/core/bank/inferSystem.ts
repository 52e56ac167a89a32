/**
 * A question's USMLE system inferred from its own words (stem and correct answer), for packs imported without one
 * (MedQA has none). Precision over recall: each system has a list of terms specific to it (diseases, organs, tests —
 * never vital signs or words every vignette uses), a question is tagged only when its terms point at one system
 * clearly (at least two distinct terms, and no other system close: see decide), and everything else stays untagged.
 * The result is stored as inferred (questions.system_inferred) and labelled so wherever it is shown.
 */
import type { System } from '../../../shared/vocabulary';

/** Terms as regular-expression fragments, matched case-insensitively on word boundaries. */
const TERMS: Partial<Record<System, string[]>> = {
  Cardiovascular: [
    'myocardial infarction', 'angina', 'atrial fibrillation', 'atrial flutter', 'ventricular tachycardia', 'heart failure', 'cardiomyopathy',
    '~murmur', 'endocarditis', 'pericarditis', 'pericardial', 'aortic stenosis', 'aortic regurgitation', 'aortic dissection', 'aortic aneurysm',
    'mitral', 'tricuspid', 'coarctation', 'ejection fraction', 'st[- ]segment elevation', 'st elevations?', 'troponin', 'echocardiograph\\w*',
    'coronary', 'tetralogy of fallot', 'ventricular septal defect', 'atrial septal defect', 'patent ductus', 'cardiac catheterization',
    '~claudication', 'atherosclero\\w+', '~bradycardia', 'heart block', 'cardiac tamponade',
  ],
  Respiratory: [
    'pneumonia', 'asthma\\w*', 'copd', 'chronic obstructive pulmonary', 'emphysema', 'bronchitis', 'bronchiectasis', 'pulmonary embolism',
    'pleural effusion', 'pneumothorax', 'spirometry', 'fev1', 'bronchoscopy', '~wheez\\w+', 'acute respiratory distress syndrome',
    'interstitial lung disease', 'pulmonary fibrosis', 'sleep apnea', '~hemoptysis', 'croup', 'epiglottitis', 'bronchiolitis', 'lung cancer',
    'carcinoma of the lung', 'tuberculosis', 'pulmonary function', '~alveolar',
  ],
  Gastrointestinal: [
    'cirrhosis', 'hepatitis', 'pancreatitis', 'cholecystitis', 'cholelithiasis', 'gallstones?', 'gallbladder', 'appendicitis', "crohn'?s?",
    'ulcerative colitis', 'celiac', 'colonoscopy', 'endoscopy', 'esophag\\w+', 'gastric', 'peptic ulcer', 'duodenal', 'diverticul\\w+',
    '~hematemesis', '~melena', '~dysphagia', 'gastroesophageal reflux', 'colorectal', 'colon cancer', 'hepatocellular', 'hirschsprung',
    'pyloric stenosis', 'intussusception', '~ascites', 'helicobacter', 'bowel obstruction', 'inguinal hernia', '~hepatomegaly', 'rectal bleeding',
    '~diarrhea', 'steatorrhea', 'cholangitis', 'liver biopsy',
  ],
  'Renal & Urinary': [
    'nephrotic', 'nephritic', 'glomerulonephritis', 'glomerul\\w+', 'kidney stones?', 'nephrolithiasis', 'renal failure', 'acute kidney injury',
    'chronic kidney disease', 'dialysis', 'hydronephrosis', 'pyelonephritis', 'urinary tract infection', 'cystitis', 'renal tubular acidosis',
    'polycystic kidney', 'renal biopsy', 'urinary incontinence', 'costovertebral angle', 'red blood cell casts', 'white blood cell casts',
  ],
  'Nervous System & Special Senses': [
    'stroke', '~seizures?', 'epilep\\w+', 'multiple sclerosis', "parkinson'?s?", "alzheimer'?s?", 'meningitis', 'migraine', 'neuropathy',
    'guillain-barr[eé]', 'subarachnoid', 'intracranial', 'hydrocephalus', 'cranial nerve', 'spinal cord', 'glaucoma', 'cataracts?', 'retina\\w*',
    'hearing loss', '~vertigo', 'otitis', 'conjunctivitis', 'lumbar puncture', 'cerebrospinal fluid', 'electroencephalograph\\w*',
    'mri of the brain', 'ct scan of the head', 'ct of the head', 'head ct', '~hemiparesis', '~aphasia', '~ataxia', '~nystagmus', '~dementia', '~tremor',
    'encephalitis', 'neural tube', 'neuromuscular',
  ],
  'Behavioral Health': [
    'major depressive', 'depressed mood', 'schizophreni\\w+', 'bipolar', 'psychosis', 'psychotic', '~hallucinations?', '~delusions?',
    'anxiety disorder', 'panic attacks?', 'obsessive', 'post-traumatic stress', 'ptsd', 'anorexia nervosa', 'bulimia', 'suicid\\w+',
    'antidepressant', 'ssri', 'personality disorder', 'attention-deficit', 'adhd', 'autism', 'conversion disorder', 'somatic symptom',
    'alcohol use disorder', 'opioid use disorder', 'psychiatrist', 'antipsychotic', '~mania', '~manic',
  ],
  Endocrine: [
    'diabetic ketoacidosis', 'thyroid', 'hypothyroid\\w*', 'hyperthyroid\\w*', 'tsh', "graves'? disease", "hashimoto'?s?",
    "cushing'?s?", "addison'?s?", 'adrenal', 'pheochromocytoma', 'cortisol', 'aldosteron\\w+', 'pituitary', 'prolactin\\w*', 'acromegaly',
    'hyperparathyroid\\w*', 'parathyroid', 'multiple endocrine neoplasia', '~goiter', '~hypoglycemi\\w+',
  ],
  'Blood & Lymphoreticular': [
    'anemia', 'thalassemia', 'sickle cell', 'hemophilia', 'von willebrand', 'thrombocytopenia', 'leukemia', 'lymphoma', 'myeloma',
    'bone marrow', 'peripheral blood smear', 'hemoly\\w+', 'iron deficiency', 'ferritin', 'disseminated intravascular coagulation',
    'g6pd', 'spherocytosis', 'polycythemia', 'neutropenia', 'pancytopenia', '~transfusion', 'protein c', 'warfarin',
  ],
  Musculoskeletal: [
    '~fractures?', 'osteoporosis', 'osteoarthritis', 'rheumatoid arthritis', 'gout', 'ankylosing spondylitis', 'osteomyelitis',
    'septic arthritis', 'muscular dystrophy', 'rotator cuff', 'ligament', 'tendon (?:rupture|tear)', 'tendinitis', 'tendinopathy', 'carpal tunnel', 'low back pain', '~dislocation',
    'osteosarcoma', 'scoliosis', 'joint effusion', 'x-ray of the (?:knee|hip|shoulder|wrist|ankle|elbow)', 'bursitis',
  ],
  'Skin & Subcutaneous Tissue': [
    'psoriasis', 'eczema', 'atopic dermatitis', 'melanoma', 'basal cell carcinoma', 'acne', 'urticaria', 'pemphigus', 'pemphigoid',
    'skin lesions?', 'nev(?:us|i)', 'cellulitis', '~pruritus', 'impetigo', 'vitiligo', 'seborrheic', '~pruritic', '~vesicles', 'plaques? on', 'burns? (?:on|over|to)',
    'dermatolog\\w+',
  ],
  'Female Reproductive & Breast': [
    'breast (?:mass|cancer|lump|carcinoma)', 'mammogra\\w+', 'ovarian', 'ovary', 'uterine', 'uterus', 'endometri\\w+', 'pap smear',
    'cervical cancer', 'menstrua\\w+', 'amenorrhea', 'polycystic ovary', 'vaginal discharge', 'contracepti\\w+', 'menopaus\\w+',
    'fibroids?', 'leiomyoma', 'dysmenorrhea', 'pelvic inflammatory',
  ],
  'Pregnancy, Childbirth & Puerperium': [
    'primigravida', 'gravida', 'prenatal visit', 'preeclampsia', 'eclampsia', 'placenta\\w*', 'postpartum', 'ectopic pregnancy',
    'gestational diabetes', 'cesarean', 'termination of (?:the )?pregnancy', 'is pregnant', 'weeks pregnant', 'her pregnancy', 'fundal height', 'fetal heart',
  ],
  'Male Reproductive': [
    'prostat\\w+', 'testicular', 'testis', 'testes', 'scrot\\w+', 'erectile dysfunction', 'penile', 'cryptorchidism', 'varicocele', 'hypospadias',
  ],
  Immune: [
    'anaphyla\\w+', 'immunodeficiency', 'transplant rejection', 'graft-versus-host', 'severe combined immunodeficiency', "bruton'?s?",
    'digeorge', 'complement deficiency', 'hypersensitivity reaction', 'angioedema',
  ],
  'Biostatistics & Epidemiology': [
    'sensitivity', 'specificity', 'predictive value', 'confidence interval', 'p-value', 'p value', 'odds ratio', 'relative risk', 'hazard ratio',
    'null hypothesis', 'type (?:i|ii|1|2) error', 'cohort study', 'case-control', 'randomized controlled', 'cross-sectional', 'number needed to',
    'statistical power', 'study participants', 'investigators', 'attributable risk', '(?:mean|median|mode) of (?:these|the)',
  ],
  'Social Sciences': [
    'informed consent', 'confidentiality', 'decision-making capacity', 'advanced? directives?', 'power of attorney', 'malpractice',
    'ethics committee', 'surrogate', 'medical error', 'disclose', 'interpreter', 'autonomy', 'hospice', 'palliative',
    'most appropriate (?:initial )?(?:response|statement)', 'sorry for your loss',
  ],
};

/** Who the question is about (its first sentence) can make a system's terms unreliable: a newborn's stem mentions the mother's pregnancy. */
const VETO: Partial<Record<System, RegExp>> = {
  'Pregnancy, Childbirth & Puerperium': /\b(?:newborn|neonate|infant|\d+-(?:day|week|month)-old)\b/i,
};

/**
 * A term written `~term` is a sign or symptom, not a diagnosis or test: it counts half. Each system also gets one
 * regular expression of all its terms, tested first: most questions name terms of two or three systems, so the
 * per-term tests run for those only (~4× faster on MedQA).
 */
const PATTERNS = Object.entries(TERMS).map(([system, terms]) => ({
  system: system as System,
  any: new RegExp(`\\b(?:${terms.map((t) => t.replace(/^~/, '')).join('|')})\\b`, 'i'),
  terms: terms.map((t) => ({ pattern: new RegExp(`\\b${t.replace(/^~/, '')}\\b`, 'i'), weight: t.startsWith('~') ? 0.5 : 1 })),
}));

/** Poisonings and overdoses touch every system at once: their findings say nothing about the question's system. */
const TOXICOLOGY = /\b(?:poison\w*|overdose\w*|ingest\w*|intoxicat\w*|pesticides?|insecticides?|toxicity|pills)\b/i;

export interface Inference {
  system: System;
  /** The weight of the distinct terms that matched (a sign or symptom counts half). */
  terms: number;
}

/**
 * The system a question's words point at, or undefined when they do not point at one clearly: terms of one system
 * weighing at least two and none of any other, or four against at most one (2–0 and 4–1 tag; 3–1 and 5–2 do not).
 */
export function inferSystem(question: string): Inference | undefined {
  const text = withoutBackground(question);
  if (TOXICOLOGY.test(text)) return undefined;
  const opening = text.slice(0, text.search(/[.?!](?:\s|$)/) + 1 || 200);
  const scores: Inference[] = [];
  for (const { system, any, terms } of PATTERNS) {
    if (!any.test(text) || VETO[system]?.test(opening)) continue;
    let n = 0;
    for (const term of terms) if (term.pattern.test(text)) n += term.weight;
    if (n > 0) scores.push({ system, terms: n });
  }
  scores.sort((a, b) => b.terms - a.terms);
  const [top, second] = scores;
  if (!top || top.terms < 2) return undefined;
  return !second || (top.terms >= 4 && second.terms <= 1) ? top : undefined;
}

/**
 * Sentences of background — past history and current medications — name conditions the question is not about
 * ("She has a history of asthma" in a question on Turner syndrome): they are left out before matching.
 */
const BACKGROUND = /\b(?:medical history|history (?:is )?(?:significant|notable|remarkable) for|has (?:a )?history of|with a (?:past )?history of|medications? (?:include|consist)|current medications|takes? \w+(?: \w+)? (?:for|daily)|(?:has been|was previously) (?:admitted|hospitalized))\b/i;

function withoutBackground(text: string): string {
  return text
    .split(/(?<=[.?!])\s+/)
    .filter((sentence) => !BACKGROUND.test(sentence))
    .join(' ');
}

/** Every system's matched terms, for reviewing the map (tests and the precision check). */
export function matchedTerms(text: string): string[] {
  const kept = withoutBackground(text);
  return PATTERNS.flatMap(({ system, terms }) => terms.filter((t) => t.pattern.test(kept)).map((t) => `${system.split(' ')[0]}:${t.pattern.source.replace(/\\b/g, '')}`));
}
