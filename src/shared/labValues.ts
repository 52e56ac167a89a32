/**
 * Reference table of normal laboratory values for the exam runner's "Lab values" panel.
 *
 * Written for Vignette from standard adult physiology and clinical-chemistry knowledge; it is not a copy of any
 * examination's published table. Ranges are typical adult values and vary between laboratories and assays, so
 * questions that depend on an exact cut-off should state it in the stem.
 *
 * SI column: conversions use the usual factors (glucose ÷ 18.0, creatinine × 88.4, calcium ÷ 4.01, bilirubin × 17.1,
 * mm Hg × 0.133 = kPa, …). Enzyme activities are given in U/L in both columns, as most laboratories report them.
 */

export interface LabValue {
  /** Panel section: one of the LAB_SECTIONS names. */
  section: LabSection;
  /** Test name as a student searches for it, e.g. 'Sodium (Na+)'. */
  name: string;
  /** Optional qualifier such as 'Male', 'Female', 'Fasting', 'Adult'. */
  qualifier?: string;
  /** Range in conventional US units, e.g. '135–145 mEq/L'. */
  conventional: string;
  /** Range in SI units, e.g. '135–145 mmol/L'. */
  si: string;
  /** Extra search words: abbreviations and synonyms, e.g. ['Na', 'natremia']. */
  aliases?: string[];
}

export const LAB_SECTIONS = ['Serum', 'Hematologic', 'Cerebrospinal fluid', 'Urine', 'Blood gases', 'Sweat and other'] as const;
export type LabSection = (typeof LAB_SECTIONS)[number];

export const LAB_VALUES: readonly LabValue[] = [
  // ── Serum: electrolytes and renal function ─────────────────────────────────────────────────────────────────────
  {
    section: 'Serum',
    name: 'Sodium (Na+)',
    conventional: '135–145 mEq/L',
    si: '135–145 mmol/L',
    aliases: ['Na', 'natremia', 'hyponatremia', 'hypernatremia', 'electrolytes', 'BMP'],
  },
  {
    section: 'Serum',
    name: 'Potassium (K+)',
    conventional: '3.5–5.0 mEq/L',
    si: '3.5–5.0 mmol/L',
    aliases: ['K', 'kalemia', 'hypokalemia', 'hyperkalemia', 'electrolytes', 'BMP'],
  },
  {
    section: 'Serum',
    name: 'Chloride (Cl-)',
    conventional: '98–106 mEq/L',
    si: '98–106 mmol/L',
    aliases: ['Cl', 'chloremia', 'hypochloremia', 'hyperchloremia', 'electrolytes', 'BMP'],
  },
  {
    section: 'Serum',
    name: 'Bicarbonate (HCO3-)',
    qualifier: 'Venous, total CO2',
    conventional: '22–28 mEq/L',
    si: '22–28 mmol/L',
    aliases: ['HCO3', 'bicarb', 'total CO2', 'tCO2', 'CO2 content', 'electrolytes', 'BMP'],
  },
  {
    section: 'Serum',
    name: 'Urea nitrogen (BUN)',
    conventional: '7–20 mg/dL',
    si: '2.5–7.1 mmol/L',
    aliases: ['BUN', 'blood urea nitrogen', 'urea', 'azotemia', 'uremia', 'renal function', 'kidney', 'BMP'],
  },
  {
    section: 'Serum',
    name: 'Creatinine',
    conventional: '0.6–1.2 mg/dL',
    si: '53–106 µmol/L',
    aliases: ['Cr', 'creat', 'SCr', 'renal function', 'kidney', 'BMP'],
  },
  {
    section: 'Serum',
    name: 'Glucose',
    qualifier: 'Fasting',
    conventional: '70–100 mg/dL',
    si: '3.9–5.6 mmol/L',
    aliases: ['FPG', 'fasting plasma glucose', 'blood sugar', 'glycemia', 'hypoglycemia', 'hyperglycemia', 'diabetes', 'BMP'],
  },
  {
    section: 'Serum',
    name: 'Calcium, total (Ca2+)',
    conventional: '8.4–10.2 mg/dL',
    si: '2.10–2.55 mmol/L',
    aliases: ['Ca', 'calcemia', 'hypocalcemia', 'hypercalcemia', 'BMP'],
  },
  {
    section: 'Serum',
    name: 'Calcium, ionized',
    conventional: '4.5–5.3 mg/dL',
    si: '1.12–1.32 mmol/L',
    aliases: ['iCa', 'Ca', 'free calcium', 'hypocalcemia', 'hypercalcemia'],
  },
  {
    section: 'Serum',
    name: 'Magnesium (Mg2+)',
    conventional: '1.7–2.2 mg/dL',
    si: '0.70–0.91 mmol/L',
    aliases: ['Mg', 'magnesemia', 'hypomagnesemia', 'hypermagnesemia'],
  },
  {
    section: 'Serum',
    name: 'Phosphorus, inorganic',
    conventional: '2.5–4.5 mg/dL',
    si: '0.81–1.45 mmol/L',
    aliases: ['phosphate', 'Phos', 'PO4', 'hypophosphatemia', 'hyperphosphatemia'],
  },
  {
    section: 'Serum',
    name: 'Osmolality',
    conventional: '275–295 mOsm/kg H₂O',
    si: '275–295 mmol/kg H₂O',
    aliases: ['osm', 'Sosm', 'Posm', 'plasma osmolality', 'serum osmolality', 'tonicity'],
  },
  {
    section: 'Serum',
    name: 'Anion gap',
    qualifier: 'Na+ minus (Cl- + HCO3-)',
    conventional: '8–12 mEq/L',
    si: '8–12 mmol/L',
    aliases: ['AG', 'metabolic acidosis', 'MUDPILES'],
  },

  // ── Serum: liver and pancreas ──────────────────────────────────────────────────────────────────────────────────
  {
    section: 'Serum',
    name: 'Aspartate aminotransferase (AST)',
    conventional: '10–40 U/L',
    si: '10–40 U/L',
    aliases: ['AST', 'SGOT', 'transaminase', 'aminotransferases', 'liver enzymes', 'LFT'],
  },
  {
    section: 'Serum',
    name: 'Alanine aminotransferase (ALT)',
    conventional: '7–40 U/L',
    si: '7–40 U/L',
    aliases: ['ALT', 'SGPT', 'transaminase', 'aminotransferases', 'liver enzymes', 'LFT'],
  },
  {
    section: 'Serum',
    name: 'Alkaline phosphatase (ALP)',
    conventional: '30–120 U/L',
    si: '30–120 U/L',
    aliases: ['ALP', 'alk phos', 'cholestasis', 'bone turnover', 'liver enzymes', 'LFT'],
  },
  {
    section: 'Serum',
    name: 'Gamma-glutamyl transferase (GGT)',
    conventional: '8–60 U/L',
    si: '8–60 U/L',
    aliases: ['GGT', 'GGTP', 'gamma-GT', 'γ-GT', 'cholestasis', 'alcohol', 'liver enzymes', 'LFT'],
  },
  {
    section: 'Serum',
    name: 'Bilirubin, total',
    conventional: '0.3–1.2 mg/dL',
    si: '5–21 µmol/L',
    aliases: ['bili', 'TBil', 'total bilirubin', 'jaundice', 'icterus', 'hyperbilirubinemia', 'LFT'],
  },
  {
    section: 'Serum',
    name: 'Bilirubin, direct (conjugated)',
    conventional: '0.0–0.3 mg/dL',
    si: '0–5 µmol/L',
    aliases: ['bili', 'DBil', 'direct bilirubin', 'conjugated bilirubin', 'jaundice', 'cholestasis', 'LFT'],
  },
  {
    section: 'Serum',
    name: 'Albumin',
    conventional: '3.5–5.5 g/dL',
    si: '35–55 g/L',
    aliases: ['alb', 'hypoalbuminemia', 'LFT', 'nutrition'],
  },
  {
    section: 'Serum',
    name: 'Protein, total',
    conventional: '6.0–8.0 g/dL',
    si: '60–80 g/L',
    aliases: ['TP', 'total protein', 'serum protein', 'LFT'],
  },
  {
    section: 'Serum',
    name: 'Amylase',
    conventional: '25–125 U/L',
    si: '25–125 U/L',
    aliases: ['pancreatitis', 'pancreatic enzymes'],
  },
  {
    section: 'Serum',
    name: 'Lipase',
    conventional: '10–140 U/L',
    si: '10–140 U/L',
    aliases: ['pancreatitis', 'pancreatic enzymes'],
  },

  // ── Serum: muscle, cell injury and lipids ──────────────────────────────────────────────────────────────────────
  {
    section: 'Serum',
    name: 'Creatine kinase (CK)',
    qualifier: 'Adult',
    conventional: '25–200 U/L',
    si: '25–200 U/L',
    aliases: ['CK', 'CPK', 'creatine phosphokinase', 'rhabdomyolysis', 'myopathy', 'myositis', 'muscle enzymes'],
  },
  {
    section: 'Serum',
    name: 'Lactate dehydrogenase (LDH)',
    conventional: '100–250 U/L',
    si: '100–250 U/L',
    aliases: ['LDH', 'LD', 'hemolysis', 'cell turnover', 'tumor lysis'],
  },
  {
    section: 'Serum',
    name: 'Cholesterol, total',
    qualifier: 'Desirable',
    conventional: '<200 mg/dL',
    si: '<5.2 mmol/L',
    aliases: ['TC', 'cholesterol', 'lipid panel', 'lipids', 'hypercholesterolemia', 'hyperlipidemia'],
  },
  {
    section: 'Serum',
    name: 'LDL cholesterol',
    qualifier: 'Optimal',
    conventional: '<100 mg/dL',
    si: '<2.6 mmol/L',
    aliases: ['LDL', 'LDL-C', 'low-density lipoprotein', 'lipid panel', 'lipids', 'hyperlipidemia'],
  },
  {
    section: 'Serum',
    name: 'HDL cholesterol',
    qualifier: 'Male, desirable',
    conventional: '≥40 mg/dL',
    si: '≥1.0 mmol/L',
    aliases: ['HDL', 'HDL-C', 'high-density lipoprotein', 'lipid panel', 'lipids'],
  },
  {
    section: 'Serum',
    name: 'HDL cholesterol',
    qualifier: 'Female, desirable',
    conventional: '≥50 mg/dL',
    si: '≥1.3 mmol/L',
    aliases: ['HDL', 'HDL-C', 'high-density lipoprotein', 'lipid panel', 'lipids'],
  },
  {
    section: 'Serum',
    name: 'Triglycerides',
    qualifier: 'Fasting',
    conventional: '<150 mg/dL',
    si: '<1.7 mmol/L',
    aliases: ['TG', 'trigs', 'triacylglycerol', 'lipid panel', 'lipids', 'hypertriglyceridemia', 'hyperlipidemia'],
  },

  // ── Serum: iron studies and uric acid ─────────────────────────────────────────────────────────────────────────
  {
    section: 'Serum',
    name: 'Iron',
    conventional: '50–170 µg/dL',
    si: '9–30 µmol/L',
    aliases: ['Fe', 'serum iron', 'iron studies', 'anemia'],
  },
  {
    section: 'Serum',
    name: 'Total iron-binding capacity (TIBC)',
    conventional: '250–400 µg/dL',
    si: '45–72 µmol/L',
    aliases: ['TIBC', 'transferrin', 'iron studies', 'anemia'],
  },
  {
    section: 'Serum',
    name: 'Ferritin',
    qualifier: 'Male',
    conventional: '30–300 ng/mL',
    si: '30–300 µg/L',
    aliases: ['iron stores', 'iron studies', 'anemia', 'hemochromatosis'],
  },
  {
    section: 'Serum',
    name: 'Ferritin',
    qualifier: 'Female',
    conventional: '15–200 ng/mL',
    si: '15–200 µg/L',
    aliases: ['iron stores', 'iron studies', 'anemia', 'hemochromatosis'],
  },
  {
    section: 'Serum',
    name: 'Transferrin saturation',
    conventional: '20–50%',
    si: '0.20–0.50 (fraction)',
    aliases: ['TSAT', 'iron saturation', 'serum iron / TIBC', 'iron studies', 'hemochromatosis'],
  },
  {
    section: 'Serum',
    name: 'Uric acid',
    conventional: '3.0–7.0 mg/dL',
    si: '178–416 µmol/L',
    aliases: ['urate', 'gout', 'hyperuricemia', 'tumor lysis'],
  },

  // ── Serum: hormones ────────────────────────────────────────────────────────────────────────────────────────────
  {
    section: 'Serum',
    name: 'Thyroid-stimulating hormone (TSH)',
    conventional: '0.4–4.0 µU/mL',
    si: '0.4–4.0 mU/L',
    aliases: ['TSH', 'thyrotropin', 'thyroid function', 'TFT', 'hypothyroidism', 'hyperthyroidism'],
  },
  {
    section: 'Serum',
    name: 'Thyroxine, free (free T4)',
    conventional: '0.8–1.8 ng/dL',
    si: '10–23 pmol/L',
    aliases: ['FT4', 'T4', 'thyroxine', 'thyroid function', 'TFT', 'hypothyroidism', 'hyperthyroidism'],
  },
  {
    section: 'Serum',
    name: 'Triiodothyronine, total (T3)',
    conventional: '80–180 ng/dL',
    si: '1.2–2.8 nmol/L',
    aliases: ['T3', 'TT3', 'liothyronine', 'thyroid function', 'TFT', 'hyperthyroidism'],
  },
  {
    section: 'Serum',
    name: 'Cortisol',
    qualifier: '8 AM',
    conventional: '5–25 µg/dL',
    si: '138–690 nmol/L',
    aliases: ['morning cortisol', 'AM cortisol', 'glucocorticoid', 'adrenal', 'Cushing', 'Addison', 'adrenal insufficiency'],
  },
  {
    section: 'Serum',
    name: 'Parathyroid hormone (PTH), intact',
    conventional: '10–65 pg/mL',
    si: '1.1–6.9 pmol/L',
    aliases: ['PTH', 'parathormone', 'parathyroid', 'hyperparathyroidism', 'hypoparathyroidism', 'calcium'],
  },
  {
    section: 'Serum',
    name: 'Prolactin',
    qualifier: 'Male',
    conventional: '<15 ng/mL',
    si: '<15 µg/L',
    aliases: ['PRL', 'hyperprolactinemia', 'prolactinoma', 'pituitary'],
  },
  {
    section: 'Serum',
    name: 'Prolactin',
    qualifier: 'Female, nonpregnant',
    conventional: '<25 ng/mL',
    si: '<25 µg/L',
    aliases: ['PRL', 'hyperprolactinemia', 'prolactinoma', 'pituitary', 'galactorrhea', 'amenorrhea'],
  },
  {
    section: 'Serum',
    name: 'Growth hormone (GH)',
    qualifier: 'Fasting',
    conventional: '<5 ng/mL; <1 ng/mL after an oral glucose load',
    si: '<5 µg/L; <1 µg/L after an oral glucose load',
    aliases: ['GH', 'somatotropin', 'hGH', 'acromegaly', 'gigantism', 'pituitary'],
  },
  {
    section: 'Serum',
    name: 'Adrenocorticotropic hormone (ACTH)',
    qualifier: '8 AM',
    conventional: '10–60 pg/mL',
    si: '2.2–13.2 pmol/L',
    aliases: ['ACTH', 'corticotropin', 'pituitary', 'adrenal', 'Cushing', 'Addison'],
  },
  {
    section: 'Serum',
    name: 'Aldosterone',
    qualifier: 'Supine, normal sodium diet',
    conventional: '3–16 ng/dL',
    si: '83–444 pmol/L',
    aliases: ['mineralocorticoid', 'RAAS', 'hyperaldosteronism', 'Conn', 'aldosterone/renin ratio'],
  },
  {
    section: 'Serum',
    name: 'Renin activity, plasma (PRA)',
    qualifier: 'Normal sodium diet',
    conventional: '0.5–4.0 ng/mL/h',
    si: '0.5–4.0 µg/L/h',
    aliases: ['PRA', 'renin', 'RAAS', 'hyperaldosteronism', 'renovascular', 'aldosterone/renin ratio'],
  },
  {
    section: 'Serum',
    name: 'Follicle-stimulating hormone (FSH)',
    qualifier: 'Male',
    conventional: '1.5–12 mIU/mL',
    si: '1.5–12 IU/L',
    aliases: ['FSH', 'follitropin', 'gonadotropin', 'gonadotropins', 'pituitary', 'hypogonadism'],
  },
  {
    section: 'Serum',
    name: 'Follicle-stimulating hormone (FSH)',
    qualifier: 'Female',
    conventional: 'Follicular 3–12; midcycle peak 5–22; luteal 2–8; postmenopausal >30 mIU/mL',
    si: 'Follicular 3–12; midcycle peak 5–22; luteal 2–8; postmenopausal >30 IU/L',
    aliases: ['FSH', 'follitropin', 'gonadotropin', 'gonadotropins', 'menopause', 'menstrual cycle', 'ovarian failure'],
  },
  {
    section: 'Serum',
    name: 'Luteinizing hormone (LH)',
    qualifier: 'Male',
    conventional: '2–9 mIU/mL',
    si: '2–9 IU/L',
    aliases: ['LH', 'lutropin', 'gonadotropin', 'gonadotropins', 'pituitary', 'hypogonadism'],
  },
  {
    section: 'Serum',
    name: 'Luteinizing hormone (LH)',
    qualifier: 'Female',
    conventional: 'Follicular 2–13; midcycle peak 14–96; luteal 1–11; postmenopausal 8–59 mIU/mL',
    si: 'Follicular 2–13; midcycle peak 14–96; luteal 1–11; postmenopausal 8–59 IU/L',
    aliases: ['LH', 'lutropin', 'gonadotropin', 'gonadotropins', 'LH surge', 'menopause', 'menstrual cycle', 'PCOS'],
  },
  {
    section: 'Serum',
    name: 'Estradiol (E2)',
    qualifier: 'Female',
    conventional: 'Follicular 20–150; midcycle peak 85–500; luteal 45–210; postmenopausal <30 pg/mL',
    si: 'Follicular 73–551; midcycle peak 312–1,836; luteal 165–771; postmenopausal <110 pmol/L',
    aliases: ['E2', 'estrogen', 'oestradiol', 'menopause', 'menstrual cycle'],
  },
  {
    section: 'Serum',
    name: 'Testosterone, total',
    qualifier: 'Male',
    conventional: '300–1,000 ng/dL',
    si: '10.4–34.7 nmol/L',
    aliases: ['androgen', 'androgens', 'hypogonadism'],
  },
  {
    section: 'Serum',
    name: 'Testosterone, total',
    qualifier: 'Female',
    conventional: '15–70 ng/dL',
    si: '0.5–2.4 nmol/L',
    aliases: ['androgen', 'androgens', 'hirsutism', 'virilization', 'PCOS'],
  },
  {
    section: 'Serum',
    name: 'Human chorionic gonadotropin (β-hCG)',
    qualifier: 'Male or nonpregnant female',
    conventional: '<5 mIU/mL (pregnancy usually ≥25 mIU/mL)',
    si: '<5 IU/L (pregnancy usually ≥25 IU/L)',
    aliases: ['hCG', 'beta-hCG', 'b-hCG', 'bhCG', 'pregnancy test', 'quantitative hCG'],
  },

  // ── Serum: vitamins, cardiac and other markers ─────────────────────────────────────────────────────────────────
  {
    section: 'Serum',
    name: 'Vitamin B12 (cobalamin)',
    conventional: '200–900 pg/mL',
    si: '148–664 pmol/L',
    aliases: ['B12', 'cobalamin', 'cyanocobalamin', 'megaloblastic anemia', 'pernicious anemia'],
  },
  {
    section: 'Serum',
    name: 'Folate',
    conventional: '3–20 ng/mL',
    si: '6.8–45 nmol/L',
    aliases: ['folic acid', 'B9', 'vitamin B9', 'megaloblastic anemia'],
  },
  {
    section: 'Serum',
    name: 'Hemoglobin A1c (HbA1c)',
    qualifier: 'Normal',
    conventional: '<5.7% (prediabetes 5.7–6.4%; diabetes ≥6.5%)',
    si: '<39 mmol/mol (prediabetes 39–47; diabetes ≥48 mmol/mol)',
    aliases: ['A1c', 'HbA1c', 'glycated hemoglobin', 'glycosylated hemoglobin', 'diabetes'],
  },
  {
    section: 'Serum',
    name: 'Troponin I, cardiac',
    qualifier: 'Assay-dependent cut-off',
    conventional: '<0.04 ng/mL',
    si: '<0.04 µg/L',
    aliases: ['TnI', 'cTnI', 'troponin', 'cardiac enzymes', 'myocardial infarction', 'MI', 'ACS'],
  },
  {
    section: 'Serum',
    name: 'B-type natriuretic peptide (BNP)',
    conventional: '<100 pg/mL',
    si: '<100 ng/L',
    aliases: ['BNP', 'brain natriuretic peptide', 'natriuretic', 'heart failure', 'CHF'],
  },
  {
    section: 'Serum',
    name: 'C-reactive protein (CRP)',
    conventional: '<0.5 mg/dL',
    si: '<5 mg/L',
    aliases: ['CRP', 'acute phase reactant', 'inflammation', 'inflammatory markers'],
  },
  {
    section: 'Serum',
    name: 'Lactate (lactic acid)',
    conventional: '4.5–18 mg/dL',
    si: '0.5–2.0 mmol/L',
    aliases: ['lactic acid', 'lactic acidosis', 'sepsis', 'shock', 'metabolic acidosis'],
  },
  {
    section: 'Serum',
    name: 'Ammonia (NH3)',
    conventional: '15–45 µg/dL',
    si: '9–26 µmol/L',
    aliases: ['NH3', 'NH4', 'hyperammonemia', 'hepatic encephalopathy', 'urea cycle'],
  },

  // ── Serum: immunoglobulins and copper ──────────────────────────────────────────────────────────────────────────
  {
    section: 'Serum',
    name: 'Immunoglobulin A (IgA)',
    conventional: '70–400 mg/dL',
    si: '0.7–4.0 g/L',
    aliases: ['IgA', 'immunoglobulins', 'antibodies', 'IgA deficiency'],
  },
  {
    section: 'Serum',
    name: 'Immunoglobulin E (IgE)',
    conventional: '<100 IU/mL',
    si: '<100 kIU/L',
    aliases: ['IgE', 'immunoglobulins', 'antibodies', 'allergy', 'atopy', 'hyper-IgE'],
  },
  {
    section: 'Serum',
    name: 'Immunoglobulin G (IgG)',
    conventional: '700–1,600 mg/dL',
    si: '7.0–16.0 g/L',
    aliases: ['IgG', 'immunoglobulins', 'antibodies', 'hypogammaglobulinemia'],
  },
  {
    section: 'Serum',
    name: 'Immunoglobulin M (IgM)',
    conventional: '40–230 mg/dL',
    si: '0.4–2.3 g/L',
    aliases: ['IgM', 'immunoglobulins', 'antibodies', 'hyper-IgM'],
  },
  {
    section: 'Serum',
    name: 'Ceruloplasmin',
    conventional: '20–40 mg/dL',
    si: '0.20–0.40 g/L',
    aliases: ['caeruloplasmin', 'copper', 'Wilson disease'],
  },
  {
    section: 'Serum',
    name: 'Copper, total',
    conventional: '70–140 µg/dL',
    si: '11–22 µmol/L',
    aliases: ['Cu', 'Wilson disease', 'Menkes disease'],
  },

  // ── Hematologic ────────────────────────────────────────────────────────────────────────────────────────────────
  {
    section: 'Hematologic',
    name: 'Hemoglobin (Hb)',
    qualifier: 'Male',
    conventional: '13.5–17.5 g/dL',
    si: '135–175 g/L',
    aliases: ['Hb', 'Hgb', 'haemoglobin', 'anemia', 'polycythemia', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Hemoglobin (Hb)',
    qualifier: 'Female',
    conventional: '12.0–15.5 g/dL',
    si: '120–155 g/L',
    aliases: ['Hb', 'Hgb', 'haemoglobin', 'anemia', 'polycythemia', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Hematocrit (Hct)',
    qualifier: 'Male',
    conventional: '41–53%',
    si: '0.41–0.53 L/L',
    aliases: ['Hct', 'PCV', 'packed cell volume', 'haematocrit', 'anemia', 'polycythemia', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Hematocrit (Hct)',
    qualifier: 'Female',
    conventional: '36–46%',
    si: '0.36–0.46 L/L',
    aliases: ['Hct', 'PCV', 'packed cell volume', 'haematocrit', 'anemia', 'polycythemia', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Red blood cell count (RBC)',
    qualifier: 'Male',
    conventional: '4.5–5.9 million/µL',
    si: '4.5–5.9 ×10¹²/L',
    aliases: ['RBC', 'erythrocytes', 'red cells', 'erythrocyte count', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Red blood cell count (RBC)',
    qualifier: 'Female',
    conventional: '4.0–5.2 million/µL',
    si: '4.0–5.2 ×10¹²/L',
    aliases: ['RBC', 'erythrocytes', 'red cells', 'erythrocyte count', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Mean corpuscular volume (MCV)',
    conventional: '80–100 fL',
    si: '80–100 fL',
    aliases: ['MCV', 'red cell indices', 'microcytic', 'macrocytic', 'normocytic', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Mean corpuscular hemoglobin (MCH)',
    conventional: '27–33 pg/cell',
    si: '27–33 pg/cell',
    aliases: ['MCH', 'red cell indices', 'hypochromic', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Mean corpuscular hemoglobin concentration (MCHC)',
    conventional: '32–36 g/dL',
    si: '320–360 g/L',
    aliases: ['MCHC', 'red cell indices', 'hypochromic', 'spherocytosis', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Red cell distribution width (RDW)',
    conventional: '11.5–14.5%',
    si: '11.5–14.5%',
    aliases: ['RDW', 'anisocytosis', 'red cell indices', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Reticulocyte count',
    conventional: '0.5–1.5% of red cells',
    si: '0.005–0.015 (fraction of red cells)',
    aliases: ['retic', 'retics', 'reticulocytes', 'reticulocyte index', 'reticulocytosis', 'marrow response'],
  },
  {
    section: 'Hematologic',
    name: 'Leukocyte count (WBC)',
    conventional: '4,500–11,000/µL',
    si: '4.5–11.0 ×10⁹/L',
    aliases: ['WBC', 'white blood cells', 'white count', 'leukocytes', 'leukocytosis', 'leukopenia', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Neutrophils, segmented',
    qualifier: 'WBC differential',
    conventional: '40–70%',
    si: '0.40–0.70',
    aliases: ['segs', 'PMN', 'polymorphonuclear', 'granulocytes', 'neutrophilia', 'neutropenia', 'diff', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Neutrophils, band forms',
    qualifier: 'WBC differential',
    conventional: '0–5%',
    si: '0–0.05',
    aliases: ['bands', 'stabs', 'left shift', 'immature neutrophils', 'diff', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Lymphocytes',
    qualifier: 'WBC differential',
    conventional: '20–40%',
    si: '0.20–0.40',
    aliases: ['lymphs', 'lymphocytosis', 'lymphopenia', 'diff', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Monocytes',
    qualifier: 'WBC differential',
    conventional: '2–8%',
    si: '0.02–0.08',
    aliases: ['monos', 'monocytosis', 'diff', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Eosinophils',
    qualifier: 'WBC differential',
    conventional: '1–4%',
    si: '0.01–0.04',
    aliases: ['eos', 'eosinophilia', 'diff', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Basophils',
    qualifier: 'WBC differential',
    conventional: '0–1%',
    si: '0–0.01',
    aliases: ['basos', 'basophilia', 'diff', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Platelet count',
    conventional: '150,000–400,000/µL',
    si: '150–400 ×10⁹/L',
    aliases: ['Plt', 'platelets', 'thrombocytes', 'thrombocytopenia', 'thrombocytosis', 'CBC'],
  },
  {
    section: 'Hematologic',
    name: 'Prothrombin time (PT)',
    conventional: '11–13.5 s',
    si: '11–13.5 s',
    aliases: ['PT', 'protime', 'extrinsic pathway', 'coagulation', 'coags', 'warfarin'],
  },
  {
    section: 'Hematologic',
    name: 'International normalized ratio (INR)',
    conventional: '0.8–1.2 (usual warfarin target 2.0–3.0)',
    si: '0.8–1.2 (usual warfarin target 2.0–3.0)',
    aliases: ['INR', 'PT/INR', 'coagulation', 'coags', 'warfarin', 'anticoagulation'],
  },
  {
    section: 'Hematologic',
    name: 'Activated partial thromboplastin time (aPTT)',
    conventional: '25–35 s',
    si: '25–35 s',
    aliases: ['aPTT', 'PTT', 'intrinsic pathway', 'coagulation', 'coags', 'heparin', 'hemophilia'],
  },
  {
    section: 'Hematologic',
    name: 'Thrombin time (TT)',
    conventional: '14–19 s',
    si: '14–19 s',
    aliases: ['TT', 'thrombin clotting time', 'coagulation', 'coags', 'fibrinogen', 'heparin'],
  },
  {
    section: 'Hematologic',
    name: 'Fibrinogen',
    conventional: '200–400 mg/dL',
    si: '2.0–4.0 g/L',
    aliases: ['factor I', 'coagulation', 'coags', 'DIC', 'hypofibrinogenemia'],
  },
  {
    section: 'Hematologic',
    name: 'D-dimer',
    conventional: '<500 ng/mL FEU',
    si: '<0.5 mg/L FEU',
    aliases: ['D dimer', 'fibrin degradation products', 'FDP', 'DIC', 'pulmonary embolism', 'DVT', 'thrombosis'],
  },
  {
    section: 'Hematologic',
    name: 'Bleeding time',
    conventional: '2–7 min',
    si: '2–7 min',
    aliases: ['BT', 'Ivy', 'platelet function', 'von Willebrand'],
  },
  {
    section: 'Hematologic',
    name: 'Erythrocyte sedimentation rate (ESR)',
    qualifier: 'Male',
    conventional: '0–15 mm/h',
    si: '0–15 mm/h',
    aliases: ['ESR', 'sed rate', 'sedimentation', 'Westergren', 'inflammation', 'inflammatory markers'],
  },
  {
    section: 'Hematologic',
    name: 'Erythrocyte sedimentation rate (ESR)',
    qualifier: 'Female',
    conventional: '0–20 mm/h',
    si: '0–20 mm/h',
    aliases: ['ESR', 'sed rate', 'sedimentation', 'Westergren', 'inflammation', 'inflammatory markers'],
  },
  {
    section: 'Hematologic',
    name: 'Haptoglobin',
    conventional: '30–200 mg/dL',
    si: '0.3–2.0 g/L',
    aliases: ['Hp', 'hemolysis', 'hemolytic anemia'],
  },
  {
    section: 'Hematologic',
    name: 'CD4+ T-lymphocyte count',
    conventional: '500–1,500 cells/µL',
    si: '0.5–1.5 ×10⁹/L',
    aliases: ['CD4', 'helper T cells', 'T helper', 'HIV', 'AIDS'],
  },

  // ── Cerebrospinal fluid ────────────────────────────────────────────────────────────────────────────────────────
  {
    section: 'Cerebrospinal fluid',
    name: 'Cell count (leukocytes)',
    qualifier: 'All mononuclear',
    conventional: '0–5 cells/µL',
    si: '0–5 ×10⁶/L',
    aliases: ['CSF', 'WBC', 'cell count', 'pleocytosis', 'lumbar puncture', 'LP', 'spinal tap', 'meningitis'],
  },
  {
    section: 'Cerebrospinal fluid',
    name: 'Glucose',
    conventional: '40–70 mg/dL (about 60% of serum glucose)',
    si: '2.2–3.9 mmol/L (about 0.6 of serum glucose)',
    aliases: ['CSF', 'CSF glucose', 'hypoglycorrhachia', 'lumbar puncture', 'LP', 'meningitis'],
  },
  {
    section: 'Cerebrospinal fluid',
    name: 'Protein',
    conventional: '15–45 mg/dL',
    si: '0.15–0.45 g/L',
    aliases: ['CSF', 'CSF protein', 'albuminocytologic dissociation', 'Guillain-Barre', 'lumbar puncture', 'LP', 'meningitis'],
  },
  {
    section: 'Cerebrospinal fluid',
    name: 'Opening pressure',
    qualifier: 'Lateral decubitus',
    conventional: '70–180 mm H₂O',
    si: '0.7–1.8 kPa',
    aliases: ['CSF', 'CSF pressure', 'OP', 'intracranial pressure', 'ICP', 'IIH', 'pseudotumor cerebri', 'lumbar puncture', 'LP'],
  },
  {
    section: 'Cerebrospinal fluid',
    name: 'Chloride (Cl-)',
    conventional: '116–122 mEq/L',
    si: '116–122 mmol/L',
    aliases: ['CSF', 'Cl', 'CSF chloride'],
  },
  {
    section: 'Cerebrospinal fluid',
    name: 'Gamma globulin',
    conventional: '3–12% of total protein',
    si: '0.03–0.12 (fraction of total protein)',
    aliases: ['CSF', 'IgG', 'immunoglobulin', 'oligoclonal bands', 'multiple sclerosis', 'MS'],
  },

  // ── Urine ──────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    section: 'Urine',
    name: 'Osmolality',
    qualifier: 'Random, varies with hydration',
    conventional: '50–1,200 mOsm/kg H₂O',
    si: '50–1,200 mmol/kg H₂O',
    aliases: ['urine osm', 'Uosm', 'concentrating ability', 'diabetes insipidus', 'SIADH'],
  },
  {
    section: 'Urine',
    name: 'Sodium (Na+)',
    qualifier: '24-hour, varies with intake',
    conventional: '40–220 mEq/24 h',
    si: '40–220 mmol/24 h',
    aliases: ['UNa', 'Na', 'urine sodium', 'urinary sodium'],
  },
  {
    section: 'Urine',
    name: 'Fractional excretion of sodium (FENa)',
    qualifier: 'In oliguric acute kidney injury',
    conventional: '<1% suggests prerenal azotemia; >2% suggests tubular injury (ATN)',
    si: '<1% suggests prerenal azotemia; >2% suggests tubular injury (ATN)',
    aliases: ['FENa', 'FE Na', 'prerenal', 'acute tubular necrosis', 'ATN', 'AKI', 'acute kidney injury'],
  },
  {
    section: 'Urine',
    name: 'Protein',
    qualifier: '24-hour',
    conventional: '<150 mg/24 h (nephrotic range >3.5 g/24 h)',
    si: '<0.15 g/24 h (nephrotic range >3.5 g/24 h)',
    aliases: ['proteinuria', 'urine protein', 'albuminuria', 'nephrotic syndrome'],
  },
  {
    section: 'Urine',
    name: 'Creatinine clearance',
    qualifier: 'Male',
    conventional: '90–140 mL/min',
    si: '1.50–2.33 mL/s',
    aliases: ['CrCl', 'GFR', 'glomerular filtration rate', 'renal function', 'kidney'],
  },
  {
    section: 'Urine',
    name: 'Creatinine clearance',
    qualifier: 'Female',
    conventional: '80–125 mL/min',
    si: '1.33–2.08 mL/s',
    aliases: ['CrCl', 'GFR', 'glomerular filtration rate', 'renal function', 'kidney'],
  },
  {
    section: 'Urine',
    name: 'Calcium (Ca2+)',
    qualifier: '24-hour',
    conventional: '100–300 mg/24 h',
    si: '2.5–7.5 mmol/24 h',
    aliases: ['Ca', 'urine calcium', 'hypercalciuria', 'kidney stones', 'nephrolithiasis'],
  },
  {
    section: 'Urine',
    name: 'Specific gravity',
    conventional: '1.003–1.030',
    si: '1.003–1.030',
    aliases: ['SG', 'urinalysis', 'UA', 'urine concentration'],
  },
  {
    section: 'Urine',
    name: '17-Hydroxycorticosteroids (17-OHCS)',
    qualifier: 'Male, 24-hour',
    conventional: '3.0–10.0 mg/24 h',
    si: '8.3–27.6 µmol/24 h',
    aliases: ['17-OHCS', '17-OH', 'corticosteroids', 'cortisol metabolites', 'Cushing'],
  },
  {
    section: 'Urine',
    name: '17-Hydroxycorticosteroids (17-OHCS)',
    qualifier: 'Female, 24-hour',
    conventional: '2.0–8.0 mg/24 h',
    si: '5.5–22.1 µmol/24 h',
    aliases: ['17-OHCS', '17-OH', 'corticosteroids', 'cortisol metabolites', 'Cushing'],
  },
  {
    section: 'Urine',
    name: 'Cortisol, free',
    qualifier: '24-hour',
    conventional: '10–50 µg/24 h',
    si: '28–138 nmol/24 h',
    aliases: ['UFC', 'urinary free cortisol', 'Cushing', 'hypercortisolism'],
  },
  {
    section: 'Urine',
    name: 'Oxalate',
    qualifier: '24-hour',
    conventional: '8–40 mg/24 h',
    si: '89–444 µmol/24 h',
    aliases: ['oxalic acid', 'hyperoxaluria', 'calcium oxalate', 'kidney stones', 'nephrolithiasis'],
  },
  {
    section: 'Urine',
    name: 'Uric acid',
    qualifier: '24-hour',
    conventional: '250–750 mg/24 h',
    si: '1.5–4.5 mmol/24 h',
    aliases: ['urate', 'uricosuria', 'gout', 'kidney stones', 'nephrolithiasis'],
  },

  // ── Blood gases ────────────────────────────────────────────────────────────────────────────────────────────────
  {
    section: 'Blood gases',
    name: 'pH',
    qualifier: 'Arterial, room air',
    conventional: '7.35–7.45',
    si: '7.35–7.45',
    aliases: ['ABG', 'arterial blood gas', 'acidemia', 'alkalemia', 'acidosis', 'alkalosis', 'acid-base'],
  },
  {
    section: 'Blood gases',
    name: 'Partial pressure of CO2 (PaCO2)',
    qualifier: 'Arterial, room air',
    conventional: '35–45 mm Hg',
    si: '4.7–6.0 kPa',
    aliases: ['PaCO2', 'PCO2', 'carbon dioxide', 'ABG', 'hypercapnia', 'hypocapnia', 'ventilation', 'acid-base'],
  },
  {
    section: 'Blood gases',
    name: 'Partial pressure of O2 (PaO2)',
    qualifier: 'Arterial, room air',
    conventional: '80–100 mm Hg',
    si: '10.7–13.3 kPa',
    aliases: ['PaO2', 'PO2', 'oxygen', 'ABG', 'hypoxemia', 'oxygenation'],
  },
  {
    section: 'Blood gases',
    name: 'Bicarbonate (HCO3-)',
    qualifier: 'Arterial, room air',
    conventional: '22–28 mEq/L',
    si: '22–28 mmol/L',
    aliases: ['HCO3', 'bicarb', 'ABG', 'acid-base', 'metabolic acidosis', 'metabolic alkalosis'],
  },
  {
    section: 'Blood gases',
    name: 'Oxygen saturation (SaO2)',
    qualifier: 'Arterial, room air',
    conventional: '95–100%',
    si: '0.95–1.00',
    aliases: ['SaO2', 'SpO2', 'O2 sat', 'pulse oximetry', 'oxygen', 'ABG', 'hypoxemia'],
  },
  {
    section: 'Blood gases',
    name: 'Alveolar-arterial (A-a) O2 gradient',
    qualifier: 'Room air',
    conventional: '5–15 mm Hg in young adults; rises with age (upper limit about age/4 + 4)',
    si: '0.7–2.0 kPa in young adults; rises with age',
    aliases: ['A-a gradient', 'Aa gradient', 'A-a', 'PAO2', 'alveolar gas equation', 'hypoxemia', 'V/Q mismatch', 'shunt'],
  },
  {
    section: 'Blood gases',
    name: 'pH',
    qualifier: 'Venous',
    conventional: '7.32–7.42',
    si: '7.32–7.42',
    aliases: ['VBG', 'venous blood gas', 'acid-base'],
  },
  {
    section: 'Blood gases',
    name: 'Partial pressure of CO2 (PvCO2)',
    qualifier: 'Venous',
    conventional: '41–51 mm Hg',
    si: '5.5–6.8 kPa',
    aliases: ['PvCO2', 'PCO2', 'carbon dioxide', 'VBG', 'venous blood gas', 'acid-base'],
  },

  // ── Sweat and other ────────────────────────────────────────────────────────────────────────────────────────────
  {
    section: 'Sweat and other',
    name: 'Sweat chloride',
    qualifier: 'Normal',
    conventional: '<30 mEq/L',
    si: '<30 mmol/L',
    aliases: ['sweat test', 'cystic fibrosis', 'CF', 'CFTR', 'pilocarpine iontophoresis'],
  },
  {
    section: 'Sweat and other',
    name: 'Sweat chloride',
    qualifier: 'Intermediate',
    conventional: '30–59 mEq/L',
    si: '30–59 mmol/L',
    aliases: ['sweat test', 'cystic fibrosis', 'CF', 'CFTR', 'borderline'],
  },
  {
    section: 'Sweat and other',
    name: 'Sweat chloride',
    qualifier: 'Consistent with cystic fibrosis',
    conventional: '≥60 mEq/L',
    si: '≥60 mmol/L',
    aliases: ['sweat test', 'CF', 'CFTR', 'abnormal'],
  },
  {
    section: 'Sweat and other',
    name: 'Body mass index (BMI)',
    qualifier: 'Underweight',
    conventional: '<18.5 kg/m²',
    si: '<18.5 kg/m²',
    aliases: ['BMI', 'Quetelet index', 'weight', 'malnutrition'],
  },
  {
    section: 'Sweat and other',
    name: 'Body mass index (BMI)',
    qualifier: 'Normal weight',
    conventional: '18.5–24.9 kg/m²',
    si: '18.5–24.9 kg/m²',
    aliases: ['BMI', 'Quetelet index', 'weight', 'healthy weight'],
  },
  {
    section: 'Sweat and other',
    name: 'Body mass index (BMI)',
    qualifier: 'Overweight',
    conventional: '25.0–29.9 kg/m²',
    si: '25.0–29.9 kg/m²',
    aliases: ['BMI', 'Quetelet index', 'weight'],
  },
  {
    section: 'Sweat and other',
    name: 'Body mass index (BMI)',
    qualifier: 'Obesity',
    conventional: '≥30.0 kg/m² (class III, severe: ≥40.0)',
    si: '≥30.0 kg/m² (class III, severe: ≥40.0)',
    aliases: ['BMI', 'Quetelet index', 'weight', 'obese', 'morbid obesity', 'bariatric'],
  },
];

/** Lower-cased search text per row, built on first search and reused (rows are treated as immutable). */
const haystacks = new WeakMap<LabValue, string>();

function haystackOf(row: LabValue): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    // Fields joined by newlines so that a query word (which never contains whitespace) cannot match across fields.
    text = [row.name, row.qualifier ?? '', ...(row.aliases ?? []), row.section].join('\n').toLowerCase();
    haystacks.set(row, text);
  }
  return text;
}

/** ASCII digit or lower-case letter (the haystack is already lower-cased). */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122);
}

/**
 * True when `word` occurs in `text` at the start of a word, so 'male' does not match 'female' and 'na' does not match
 * 'hematologic'. A word that itself begins with punctuation (e.g. '+') may match anywhere.
 */
function matchesWordStart(text: string, word: string): boolean {
  if (!isWordChar(word.charCodeAt(0))) return text.includes(word);
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    if (i === 0 || !isWordChar(text.charCodeAt(i - 1))) return true;
  }
  return false;
}

/**
 * Case-insensitive search over name, qualifier, aliases and section; empty query returns all rows, in table order.
 * Every whitespace-separated query word must begin a word somewhere in the row's text ('ferr fem' finds ferritin, female).
 */
export function searchLabValues(query: string, values: readonly LabValue[] = LAB_VALUES): LabValue[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return values.slice();
  return values.filter((row) => {
    const text = haystackOf(row);
    return words.every((word) => matchesWordStart(text, word));
  });
}
