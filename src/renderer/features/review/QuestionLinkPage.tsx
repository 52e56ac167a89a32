/** `/questions/:id` — a link to a question from a note: its latest review if it was answered, else its library preview. */
import { Navigate, useParams } from 'react-router';
import { ErrorBox, Loading } from '../../components/common';
import { useApi } from '../../queries';

export function QuestionLinkPage() {
  const questionId = Number(useParams().questionId);
  const latest = useApi('review:latest', { questionId });
  if (latest.error) return <ErrorBox error={latest.error} />;
  if (latest.data === undefined) return <Loading />;
  if (latest.data === null) return <Navigate to={`/library?question=${questionId}`} replace />;
  return <Navigate to={`/blocks/${latest.data.blockId}/review/${latest.data.position}`} replace />;
}
