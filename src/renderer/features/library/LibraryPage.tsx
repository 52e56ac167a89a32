import { PageHeader } from '../../components/common';
import { PackList } from './PackList';
import { QuestionBrowser } from './QuestionBrowser';
import { useApi } from '../../queries';

export function LibraryPage() {
  const packs = useApi('packs:list', {});
  const hasPacks = (packs.data?.length ?? 0) > 0;
  return (
    <>
      <PageHeader title="Library" subtitle="Your question packs, and every question in them: search, filter and read any question with its explanation." />
      <PackList />
      {hasPacks && <QuestionBrowser />}
    </>
  );
}
