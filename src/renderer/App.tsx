import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { NotFoundPage } from './components/NotFoundPage';
import { HomePage } from './features/home/HomePage';
import { LibraryPage } from './features/library/LibraryPage';
import { ImportPage } from './features/import/ImportPage';
import { BuilderPage } from './features/builder/BuilderPage';
import { BlocksPage } from './features/blocks/BlocksPage';
import { RunnerPage } from './features/runner/RunnerPage';
import { ReviewListPage } from './features/review/ReviewPage';
import { ResultsPage } from './features/review/ResultsPage';
import { ItemReviewPage } from './features/review/ItemReviewPage';
import { MissedPage } from './features/review/MissedPage';
import { ChangesPage } from './features/review/ChangesPage';
import { QuestionLinkPage } from './features/review/QuestionLinkPage';
import { CardsPage } from './features/cards/CardsPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { NotebookPage } from './features/notebook/NotebookPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { DayPage } from './features/days/DayPage';

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
      { path: 'blocks/:blockId/review', element: <ResultsPage /> },
      { path: 'blocks/:blockId/review/:position', element: <ItemReviewPage /> },
      { path: 'review/missed', element: <MissedPage /> },
      { path: 'review/changes', element: <ChangesPage /> },
      { path: 'questions/:questionId', element: <QuestionLinkPage /> },
      { path: 'cards/*', element: <CardsPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'notes', element: <NotebookPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'days/:dayId', element: <DayPage /> },
      // Any other address: a Not found screen inside the shell, not the router's developer error page.
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
