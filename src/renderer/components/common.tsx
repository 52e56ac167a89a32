/** Small shared pieces: page header, empty state, error box, loading line. */
import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { formatProblem } from '../../shared/result';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children && <div className="empty-body">{children}</div>}
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}

export function ErrorBox({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div className="error-box" role="alert">
      <strong>{title}</strong>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      {details.length > 1 && (
        <ul>
          {details.slice(0, 200).map((d, i) => (
            <li key={i}>{formatProblem(d)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One number on a card with what it counts ("12 · incorrect"): the figure rows of Home, results and review screens. */
export function Stat({ value, label, tone, testId, valueTestId }: { value: ReactNode; label: ReactNode; tone?: string; testId?: string; valueTestId?: string }) {
  return (
    <div className="card stat" data-testid={testId}>
      <span className={tone ? `value ${tone}` : 'value'} data-testid={valueTestId}>
        {value}
      </span>
      <span className="label">{label}</span>
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" aria-live="polite">
      {label}
    </p>
  );
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function percent(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 100)}%` : '—';
}
