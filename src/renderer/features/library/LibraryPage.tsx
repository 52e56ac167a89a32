import { PageHeader } from '../../components/common';

export function LibraryPage() {
  return <PageHeader title="LibraryPage" />;
}
