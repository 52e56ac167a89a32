/**
 * Settings → Backups: the rolling backups the app keeps, Back up now, and Restore… with a confirmation that says the
 * current data is kept first. After a restore every cached screen is refetched, since the whole database changed.
 */
import { Fragment, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type ApiError } from '../../api';
import { ErrorBox } from '../../components/common';
import { invalidateAfter, useApi } from '../../queries';
import type { BackupInfo, BackupReason, RestoreReport } from '../../../shared/types';

const REASON_LABEL: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
  'pre-import': 'Before an import',
};

/** With seconds: two backups a minute apart (Back up now, then a restore) must be told apart. */
const formatDate = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`);

export function BackupsSection() {
  const client = useQueryClient();
  const list = useApi('backups:list', {});
  const [confirming, setConfirming] = useState<string | null>(null);
  const [restored, setRestored] = useState<RestoreReport | null>(null);
  const create = useMutation<BackupInfo, ApiError>({
    mutationFn: () => call('backups:create', {}),
    onSuccess: () => invalidateAfter(client, 'backups:create'),
  });
  const restore = useMutation<RestoreReport, ApiError, string>({
    mutationFn: (name) => call('backups:restore', { name }),
    onSuccess: async (report) => {
      setConfirming(null);
      setRestored(report);
      await invalidateAfter(client, 'backups:restore');
    },
  });

  return (
    <section className="card" aria-labelledby="backups-title">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="backups-title">Backups</h2>
        <button className="primary" onClick={() => create.mutate()} disabled={create.isPending || restore.isPending} data-testid="backup-now">
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <p className="muted">
        Vignette copies your data every day it is opened, before an update, before an import that changes many questions and before a restore. It keeps the last 7 days and 4
        weeks, and every backup you make yourself.
      </p>
      <ErrorBox error={create.error} title="Could not back up" />
      {restored && (
        <div className="notice" role="status" data-testid="restore-done">
          <strong>Restored the backup of {formatDate(restored.restored.createdAt)}.</strong> It holds {restored.counts.questions} questions, {restored.counts.blocks} blocks
          and {restored.counts.answers} answers. Your data from just before is kept as the backup of {formatDate(restored.preRestore.createdAt)}.
        </div>
      )}
      {list.data && list.data.length === 0 && <p>No backups yet.</p>}
      {list.data && list.data.length > 0 && (
        <table className="data" data-testid="backup-list">
          <thead>
            <tr>
              <th>Made</th>
              <th>Kind</th>
              <th className="num">Size</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <Fragment key={b.name}>
                <tr data-testid="backup-row" data-name={b.name}>
                  <td>{formatDate(b.createdAt)}</td>
                  <td>{REASON_LABEL[b.reason]}</td>
                  <td className="num">{size(b.bytes)}</td>
                  <td className="actions">
                    <button onClick={() => setConfirming(b.name)} disabled={restore.isPending} aria-label={`Restore the backup of ${formatDate(b.createdAt)}`}>
                      Restore…
                    </button>
                  </td>
                </tr>
                {confirming === b.name && (
                  <tr className="confirm-row">
                    <td colSpan={4}>
                      <div className="warn-box" role="alertdialog" aria-label="Restore this backup?">
                        <strong>Restore the backup of {formatDate(b.createdAt)}?</strong>
                        <p>Everything you did after it is replaced by it. Your current data is backed up first, so you can come back to it.</p>
                        <ErrorBox error={restore.error} title="Could not restore" />
                        <div className="row">
                          <button className="danger" onClick={() => restore.mutate(b.name)} disabled={restore.isPending} autoFocus data-testid="restore-confirm">
                            {restore.isPending ? 'Restoring…' : 'Restore'}
                          </button>
                          <button onClick={() => setConfirming(null)} disabled={restore.isPending}>
                            Cancel
                          </button>
                        </div>
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
