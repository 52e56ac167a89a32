/**
 * The readiness dashboard: "am I on track for exam day, and what should I do this week?" Readiness and the plan first,
 * then where the points are (performance), how it is moving (trend, time), memory and reasons, and the log.
 */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorBox, Loading, PageHeader } from '../../components/common';
import { useApi } from '../../queries';
import { AssessmentLog } from './AssessmentLog';
import { dashboardCsv, downloadCsv } from './csv';
import { MemoryPanel } from './MemoryPanel';
import { ReasonsPanel } from './ReasonsPanel';
import { PerformancePanel } from './PerformancePanel';
import { PlanPanel } from './PlanPanel';
import { ReadinessPanel } from './ReadinessPanel';
import { TimePanel } from './TimePanel';
import { TrendPanel } from './TrendPanel';
import './dashboard.css';

/** Printing opens every chart's table, so the paper copy carries the numbers too. */
function useOpenDetailsForPrint(): void {
  useEffect(() => {
    const open = () => document.querySelectorAll('.dashboard details').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
}

export function DashboardPage() {
  const dashboard = useApi('stats:dashboard', {});
  const assessments = useApi('assessments:list', {});
  useOpenDetailsForPrint();
  const d = dashboard.data;
  return (
    <div className="dashboard">
      <PageHeader
        title="Dashboard"
        subtitle="Are you on track for exam day, and what should you do this week?"
        actions={
          d && (
            <>
              <button onClick={() => downloadCsv(`vignette-dashboard-${d.today}.csv`, dashboardCsv(d, assessments.data ?? []))} data-testid="export-csv">
                Export CSV
              </button>
              <button onClick={() => window.print()} data-testid="print">
                Print / Save as PDF
              </button>
            </>
          )
        }
      />
      <ErrorBox error={dashboard.error ?? assessments.error} />
      {!d && !dashboard.error && <Loading />}
      {d && (
        <>
          <p className="print-only muted">
            Vignette readiness report · {d.today} · method {d.readiness.method.version}
          </p>
          {d.totals.answered === 0 && (
            <EmptyState title="No answers yet" action={<Link className="button primary" to="/create">Create a block</Link>}>
              Performance, trends and timing fill in as you finish blocks. You can already set your exam date and log self-assessments below.
            </EmptyState>
          )}
          <div className="dash-grid top">
            <ReadinessPanel readiness={d.readiness} assessments={assessments.data ?? []} targetScore={d.targetScore} />
            <PlanPanel plan={d.plan} />
          </div>
          {d.totals.answered > 0 && (
            <>
              <div className="totals muted small" data-testid="totals">
                {d.totals.answered} answers in {d.totals.blocks} blocks · {d.totals.firstN} first attempts,{' '}
                {d.totals.firstN ? Math.round((d.totals.firstCorrect / d.totals.firstN) * 100) : 0} % correct
              </div>
              <div className="dash-full">
                <PerformancePanel performance={d.performance} />
              </div>
              <div className="dash-grid">
                <TrendPanel blocks={d.blocks} daily={d.daily} />
                <TimePanel time={d.time} blocks={d.blocks} />
              </div>
            </>
          )}
          <div className="dash-grid">
            <ReasonsPanel reasons={d.reasons} />
            <MemoryPanel memory={d.memory} due={d.due} />
          </div>
          <div className="dash-full">
            <AssessmentLog assessments={assessments.data ?? []} defaultExam={d.readiness.exam} today={d.today} />
          </div>
        </>
      )}
    </div>
  );
}
