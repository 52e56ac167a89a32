import { useEffect } from 'react';
import type { Settings, Theme } from '../shared/types';
import './a11y.css';

/** Applies the theme (following the OS unless the user chose), the reading size and the contrast to the document root. */
export function useTheme(theme: Theme, fontScale: number, contrast: Settings['contrast'] = 'normal'): void {
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => root.setAttribute('data-theme', theme === 'system' ? (media.matches ? 'dark' : 'light') : theme);
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
  useEffect(() => {
    document.documentElement.style.setProperty('--font-scale', String(fontScale));
  }, [fontScale]);
  useEffect(() => {
    document.documentElement.setAttribute('data-contrast', contrast);
  }, [contrast]);
}
