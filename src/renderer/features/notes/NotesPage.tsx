import { PageHeader } from '../../components/common';

export function NotesPage() {
  return <PageHeader title="NotesPage" />;
}
