/** The selected card in Browse as the student will see it: front, then back, sanitised, images in place. */
import { ErrorBox, Loading } from '../../components/common';
import { useApi } from '../../queries';
import { CardSide } from './CardSide';

export function CardPreview({ cardId, onClose }: { cardId: number; onClose: () => void }) {
  const card = useApi('cards:get', { cardId });
  return (
    <aside className="card-preview" aria-label="Card preview" data-testid="card-preview">
      <div className="row">
        <h3 className="spacer">Preview</h3>
        <button className="link" onClick={onClose} aria-label="Close preview">
          Close
        </button>
      </div>
      <ErrorBox error={card.error} title="Could not open this card" />
      {!card.data ? (
        !card.error && <Loading />
      ) : (
        <>
          <p className="muted small">Front</p>
          <CardSide html={card.data.frontHtml} testId="preview-front" />
          <hr className="answer-rule" />
          <p className="muted small">Back</p>
          <CardSide html={card.data.backHtml} testId="preview-back" />
        </>
      )}
    </aside>
  );
}
