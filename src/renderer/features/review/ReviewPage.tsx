import { PageHeader } from '../../components/common';

export function ReviewPage() {
  return <PageHeader title="Review" />;
}
export function ReviewListPage() {
  return <PageHeader title="Review" />;
}
