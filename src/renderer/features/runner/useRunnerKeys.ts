/**
 * Keyboard shortcuts, following the exam and UWorld conventions. A letter that names one of the item's choices
 * selects it; otherwise N/P/M/L/C are commands. Shift+letter is always the command.
 */
import { useEffect } from 'react';
import type { BlockState, ItemView } from '../../../shared/types';
import type { Panel } from './RunnerPage';
import type { useBlockRunner } from './useBlockRunner';

interface Args {
  state: BlockState | undefined;
  view: ItemView | undefined;
  panel: Panel;
  setPanel: (p: Panel) => void;
  actions: ReturnType<typeof useBlockRunner>['actions'];
  disabled: boolean;
}

const typing = (target: EventTarget | null) => {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
};

export function useRunnerKeys({ state, view, panel, setPanel, actions, disabled }: Args): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        if (panel && panel !== 'end') setPanel(null);
        return;
      }
      if (disabled || !state || !view || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (panel === 'help' || panel === 'end' || panel === 'calc' || panel === 'settings') return;
      const key = e.key;
      const upper = key.length === 1 ? key.toUpperCase() : key;
      const choices = view.question.choices.length;
      const locked = view.item.submitted;
      const pos = state.currentPosition;
      const command = (letter: string) => upper === letter && (e.shiftKey || upper.charCodeAt(0) - 65 >= choices);

      if (key === '?') setPanel('help');
      else if (key === 'ArrowRight' || command('N')) void actions.goto(pos + 1);
      else if (key === 'ArrowLeft' || command('P')) void actions.goto(pos - 1);
      else if (command('M')) void actions.mark(!view.item.marked);
      else if (command('L')) setPanel(panel === 'labs' ? null : 'labs');
      else if (command('C')) setPanel('calc');
      else if (key === 'Enter' && state.mode === 'tutor' && !locked && view.item.selected !== null) void actions.submit();
      else if (!locked && /^[A-Z]$/.test(upper) && !e.shiftKey && upper.charCodeAt(0) - 65 < choices) void actions.select(upper.charCodeAt(0) - 65);
      else if (!locked && /^[1-9]$/.test(key) && Number(key) <= choices) void actions.select(Number(key) - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state, view, panel, setPanel, actions, disabled]);
}
