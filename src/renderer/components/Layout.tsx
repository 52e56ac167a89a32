import { useEffect } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { onMenuCommand } from '../api';
import { useApi } from '../queries';
import { useTheme } from '../theme';

const NAV = [
  { to: '/', label: 'Home', end: true },
  { to: '/library', label: 'Library' },
  { to: '/import', label: 'Import' },
  { to: '/create', label: 'Create block' },
  { to: '/blocks', label: 'Blocks' },
  { to: '/review', label: 'Review' },
  { to: '/cards', label: 'Flashcards' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/notes', label: 'Notebook' },
  { to: '/settings', label: 'Settings' },
];

export function Layout() {
  const settings = useApi('settings:get', {});
  useTheme(settings.data?.theme ?? 'system', settings.data?.fontScale ?? 1, settings.data?.contrast);
  const navigate = useNavigate();
  useEffect(() => onMenuCommand((action) => action === 'import' && navigate('/import')), [navigate]);
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">V</span>
          <span>Vignette</span>
        </div>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end ?? false}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
