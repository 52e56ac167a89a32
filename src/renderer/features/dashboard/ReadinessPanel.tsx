/**
 * Readiness, as READINESS.md §4 says: the inputs first on their own scales, then the one honest summary for the exam
 * (Step 1: EPC ± 4 and a plain state; Step 2 CK: estimate, band ≥ ±6, capped pass probability against the dated
 * standard; Step 3: the CCMSA trend only), the data-sufficiency label with count and age, and the method.
 */
import { CartesianGrid, ComposedChart, Legend, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { confirmingAdvice } from '../../../shared/readiness/advice';
import { EXAM_LABELS } from '../../../shared/readiness/examFacts';
import { productById, SCALES } from '../../../shared/readiness/catalogue';
import type { AssessmentEntry, Readiness } from '../../../shared/readiness/types';
import { ChartTable } from './ChartTable';
import { useChartText } from '../../components/chartText';
import { C, shortDate, tooltipStyle } from './format';
import { RealScoreForm } from './RealScoreForm';

const LABEL_CLASS = { 'not enough data': '', 'early signal': 'warn', estimate: 'accent', trend: 'good' } as const;
const STATE_TEXT = {
  below: 'Your EPC band lies below the low-pass region.',
  overlapping: 'Your EPC band overlaps the low-pass region: passing is not yet secure.',
  near: 'Your EPC band is just above the low-pass region.',
  above: 'Your EPC band is clearly above the low-pass region.',
} as const;

function SufficiencyBadge({ r }: { r: Readiness }) {
  const s = r.sufficiency;
  const age = s.newestAgeDays === null ? '' : `, newest ${s.newestAgeDays} day${s.newestAgeDays === 1 ? '' : 's'} old`;
  return (
    <span className="row" style={{ gap: '0.4rem' }}>
      <span className={`badge ${LABEL_CLASS[r.label]}`} data-testid="readiness-label">
        {r.label}
      </span>
      <span className="muted small">
        {s.count} NBME result{s.count === 1 ? '' : 's'}
        {age}
      </span>
    </span>
  );
}

function ScoreChart({ readiness, assessments, target }: { readiness: Readiness; assessments: AssessmentEntry[]; target: number | null }) {
  const text = useChartText();
  const taken = assessments.filter((a) => a.exam === readiness.exam && a.status === 'taken' && a.score !== null);
  const mainScale = readiness.exam === 'step1' ? 'epc' : readiness.exam === 'step3' ? 'ccmsa' : 'three-digit';
  const onScale = taken.filter((a) => a.scale === mainScale);
  if (!onScale.length) return null;
  const byProduct = new Map<string, { x: number; y: number; title: string }[]>();
  for (const a of onScale) {
    const [y, m, d] = a.takenOn.split('-').map(Number);
    const list = byProduct.get(a.product) ?? [];
    list.push({ x: new Date(y!, m! - 1, d!).getTime(), y: a.score!, title: a.title });
    byProduct.set(a.product, list);
  }
  const scale = SCALES[mainScale];
  const ys = onScale.map((a) => a.score!);
  const refs = [...ys, ...(readiness.standard ? [readiness.standard.value] : []), ...(target && mainScale === 'three-digit' ? [target] : [])];
  const pad = mainScale === 'ccmsa' ? 50 : 10;
  const yDomain: [number, number] = [Math.max(scale.min, Math.floor((Math.min(...refs) - pad) / 10) * 10), Math.min(scale.max, Math.ceil((Math.max(...refs) + pad) / 10) * 10)];
  const xs = onScale.map((a) => Date.parse(`${a.takenOn}T12:00:00`));
  const colours = [C.accent, C.tutor, C.warn, C.good, C.rolling30];
  return (
    <>
      <div className="chart" role="img" aria-label={`Self-assessment results on the ${scale.label}; the table below lists them.`} data-testid="assessment-chart">
        <ResponsiveContainer width="100%" height={text.px(200)}>
          <ComposedChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={C.border} strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" scale="time" domain={[Math.min(...xs) - 3 * 86_400_000, Math.max(...xs) + 3 * 86_400_000]} tickFormatter={(v) => new Date(Number(v)).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} height={text.px(30)} {...text.axis} />
            <YAxis dataKey="y" domain={yDomain} width={text.px(48)} {...text.axis} unit={mainScale === 'epc' ? '%' : ''} />
            <Tooltip {...tooltipStyle} labelFormatter={() => ''} formatter={(v, _n, p) => [String(v), String((p?.payload as { title?: string })?.title ?? '')]} />
            <Legend wrapperStyle={text.legend} />
            {readiness.step1 && <ReferenceArea y1={readiness.step1.lowPassRegion.low} y2={readiness.step1.lowPassRegion.high} fill={C.warn} fillOpacity={0.15} label={{ value: 'low-pass region', fill: C.warn, fontSize: text.px(12) }} />}
            {readiness.standard && <ReferenceLine y={readiness.standard.value} stroke={C.bad} strokeDasharray="4 3" label={{ value: `passing standard ${readiness.standard.value}`, fill: C.bad, fontSize: text.px(12), position: 'insideBottomRight' }} />}
            {target && mainScale === 'three-digit' && <ReferenceLine y={target} stroke={C.good} strokeDasharray="2 3" label={{ value: `your target ${target}`, fill: C.good, fontSize: text.px(12), position: 'insideTopRight' }} />}
            {[...byProduct].map(([product, data], i) => (
              <Scatter key={product} data={data} dataKey="y" name={productById(product)?.name ?? product} fill={colours[i % colours.length]} isAnimationActive={false} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ChartTable caption="self-assessment results" head={['Date', 'Assessment', 'Result']} rows={onScale.map((a) => [shortDate(a.takenOn), a.title, a.display])} />
    </>
  );
}

function Summary({ r }: { r: Readiness }) {
  if (r.exam === 'step1') {
    if (!r.step1) return <p className="muted">Log an NBME CBSSA to see your EPC band and the probability of passing it printed.</p>;
    return (
      <div className="readiness-summary" data-testid="readiness-summary">
        <div className="stat">
          <span className="value">
            {r.step1.epc.value} % <span className="band">EPC ({r.step1.epc.low}–{r.step1.epc.high})</span>
          </span>
          <span className="label">newest CBSSA, ± 4 (NBME's retest range)</span>
        </div>
        {r.step1.printedPassProbability !== null && (
          <div className="stat">
            <span className="value">{Math.round(r.step1.printedPassProbability * 100)} %</span>
            <span className="label">probability of passing, as NBME printed it</span>
          </div>
        )}
        <p className="state">{STATE_TEXT[r.step1.state]} Step 1 is reported pass/fail, so no 3-digit number is shown.</p>
      </div>
    );
  }
  if (r.exam === 'step3') {
    return (
      <div data-testid="readiness-summary">
        <p>NBME says the CCMSA is not intended to predict Step 3, so Vignette shows its results as a trend on their own scale and does not estimate a score.</p>
        {r.ccmsaTrend.length > 0 && (
          <p>
            CCMSA: {r.ccmsaTrend.map((p) => `${p.score} (${shortDate(p.takenOn)})`).join(' → ')}
          </p>
        )}
      </div>
    );
  }
  if (!r.estimate) return <p className="muted">Log an NBME CCSSA to see an estimate. UWorld and AMBOSS results are listed above but not averaged in.</p>;
  return (
    <div className="readiness-summary" data-testid="readiness-summary">
      <div className="stat">
        <span className="value" data-testid="readiness-estimate">
          {r.estimate.value} <span className="band">band {r.estimate.low}–{r.estimate.high}</span>
        </span>
        <span className="label">estimate from recent NBME results (± 11: how far such estimates miss)</span>
      </div>
      <div className="stat">
        <span className="value" data-testid="readiness-probability">
          {r.passProbabilityText}
        </span>
        <span className="label">pass probability — a model output, not a verdict</span>
      </div>
      {r.standard && (
        <div className="stat">
          <span className="value">{r.standard.value}</span>
          <span className="label">passing standard{r.examDate ? ` on ${shortDate(r.examDate)}` : ''} (in force from {r.standard.from})</span>
        </div>
      )}
    </div>
  );
}

export function ReadinessPanel({ readiness: r, assessments, targetScore }: { readiness: Readiness; assessments: AssessmentEntry[]; targetScore: number | null }) {
  return (
    <section className="card readiness" aria-labelledby="readiness-title" data-testid="readiness">
      <div className="row">
        <h2 id="readiness-title" className="spacer">
          Readiness: {EXAM_LABELS[r.exam].replace('USMLE ', '')}
        </h2>
        <SufficiencyBadge r={r} />
      </div>
      <p className="muted small">
        {r.examDate ? `Exam ${shortDate(r.examDate)} — ${r.daysLeft !== null && r.daysLeft >= 0 ? `${r.daysLeft} days left` : 'date passed'}.` : 'No exam date set (Settings).'}
      </p>
      <h3>Your results, each on its own scale</h3>
      {r.inputs.length === 0 ? (
        <p className="muted">No self-assessments for this exam yet. Log one below.</p>
      ) : (
        <ul className="inputs" data-testid="readiness-inputs">
          {r.inputs.map((i) => (
            <li key={i.id}>
              <strong>{i.title}</strong> · {shortDate(i.takenOn)} · <span className="score">{i.display}</span>
              {i.excluded && <span className="muted small"> — {i.excluded}</span>}
            </li>
          ))}
        </ul>
      )}
      <ScoreChart readiness={r} assessments={assessments} target={targetScore} />
      <Summary r={r} />
      {r.trend && (
        <p className="small">
          Change since your first NBME result: {r.trend.change > 0 ? '+' : ''}
          {r.trend.change.toFixed(0)} —{' '}
          {r.trend.direction === 'flat' ? `within the noise (± ${r.trend.noise}), so no trend is claimed.` : r.trend.direction === 'up' ? 'a rise larger than the noise.' : 'a fall larger than the noise.'}
        </p>
      )}
      {r.notes.map((n) => (
        <p key={n} className="warn-box small">
          {n}
        </p>
      ))}
      <div className="decision">
        <h3>What would confirm it</h3>
        <p className="small">
          {confirmingAdvice(r, shortDate)}
        </p>
        <details>
          <summary>Thinking of postponing? A checklist</summary>
          <ul className="small">
            <li>Are your recent NBME results below, or their band across, the passing standard?</li>
            <li>Is the label still “early signal” or “not enough data” within two weeks of the exam?</li>
            <li>Are whole systems still weak (the first rows of Performance) with no time left to cover them?</li>
            <li>Would a new date still fit your school's or programme's deadlines?</li>
            <li>Talk it over with an adviser: this view is decision support, not a verdict.</li>
          </ul>
        </details>
        <details data-testid="method">
          <summary>How this is worked out ({r.method.version})</summary>
          <ul className="small">
            {r.method.summary.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <p className="small muted">Each day's readiness is stored with this method version, so later changes to the method never rewrite what you saw.</p>
        </details>
        <RealScoreForm exam={r.exam} />
      </div>
    </section>
  );
}
