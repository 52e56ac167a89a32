/** One side of a card: its sanitised HTML, with the card's images inline where the card puts them. */
import { SafeHtml } from '../../components/SafeHtml';

export function CardSide({ html, testId }: { html: string; testId?: string }) {
  return (
    <div className="card-side" data-testid={testId}>
      <SafeHtml html={html} className="question-text" images />
    </div>
  );
}
