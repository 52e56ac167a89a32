import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { HomePage } from './features/home/HomePage';
import { LibraryPage } from './features/library/LibraryPage';
import { ImportPage } from './features/import/ImportPage';
import { BuilderPage } from './features/builder/BuilderPage';
import { BlocksPage } from './features/blocks/BlocksPage';
import { RunnerPage } from './features/runner/RunnerPage';
import { ReviewPage, ReviewListPage } from './features/review/ReviewPage';
import { CardsPage } from './features/cards/CardsPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { NotesPage } from './features/notes/NotesPage';
import { SettingsPage } from './features/settings/SettingsPage';

// A hash router: the renderer is loaded from file:// in Electron, where path routes cannot work.
const router = createHashRouter([
  // The runner takes the whole window, like the exam interface: no sidebar.
  { path: '/blocks/:blockId/run', element: <RunnerPage /> },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'library', element: <LibraryPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'create', element: <BuilderPage /> },
      { path: 'blocks', element: <BlocksPage /> },
      { path: 'review', element: <ReviewListPage /> },
      { path: 'blocks/:blockId/review', element: <ReviewPage /> },
      { path: 'cards/*', element: <CardsPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'notes', element: <NotesPage /> },
      { path: 'settings', element: <SettingsPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
