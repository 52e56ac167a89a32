/**
 * The runner's settings menu, as in the 2026 USMLE test software: font size, colour scheme and contrast.
 * Each choice is saved at once (settings:set) and applies to the whole app, so it is still there after a restart.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useApi, useApiMutation } from '../../queries';
import { useTheme } from '../../theme';
import type { Settings } from '../../../shared/types';

const FONT_SIZES: [number, string][] = [
  [0.9, 'Small'],
  [1, 'Normal'],
  [1.2, 'Large'],
  [1.4, 'Larger'],
];
const SCHEMES: [Settings['theme'], string][] = [
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['system', 'System'],
];
const CONTRASTS: [Settings['contrast'], string][] = [
  ['normal', 'Normal'],
  ['high', 'High'],
];

/** Applies the saved reading settings in the runner (it sits outside the app layout that applies them elsewhere). */
export function useExamSettings(): Settings | undefined {
  const settings = useApi('settings:get', {});
  useTheme(settings.data?.theme ?? 'system', settings.data?.fontScale ?? 1, settings.data?.contrast);
  return settings.data;
}

export function ExamSettingsPanel({ onClose }: { onClose: () => void }) {
  const settings = useApi('settings:get', {});
  const client = useQueryClient();
  const save = useApiMutation('settings:set', ['settings:get']);
  const s = settings.data;
  if (!s) return null;
  const set = (patch: Partial<Settings>) => {
    client.setQueryData(['settings:get', {}], { ...s, ...patch });
    save.mutate(patch);
  };
  const group = <T extends string | number>(label: string, testId: string, options: [T, string][], value: T, pick: (v: T) => void) => (
    <fieldset className="exam-setting">
      <legend>{label}</legend>
      <div className="segmented" role="group" aria-label={label}>
        {options.map(([v, name]) => (
          <button key={String(v)} aria-pressed={v === value} onClick={() => pick(v)} data-testid={`${testId}-${String(v)}`}>
            {name}
          </button>
        ))}
      </div>
    </fieldset>
  );
  const nearestSize = FONT_SIZES.reduce((best, [v]) => (Math.abs(v - s.fontScale) < Math.abs(best - s.fontScale) ? v : best), 1);
  return (
    <div className="exam-settings" role="dialog" aria-label="Settings" data-testid="exam-settings">
      <header>
        <h2>Settings</h2>
        <button onClick={onClose} aria-label="Close settings">
          ✕
        </button>
      </header>
      {group('Font size', 'font', FONT_SIZES, nearestSize, (v) => set({ fontScale: v }))}
      {group('Colour scheme', 'scheme', SCHEMES, s.theme, (v) => set({ theme: v }))}
      {group('Contrast', 'contrast', CONTRASTS, s.contrast, (v) => set({ contrast: v }))}
      {save.error && <p role="alert">Not saved: {save.error.message}</p>}
    </div>
  );
}
