/** One side of a card: its sanitised HTML and the images its Markdown names. */
import { SafeHtml } from '../../components/SafeHtml';
import type { CardImage } from '../../../shared/srs';

export function CardSide({ html, images, testId }: { html: string; images: CardImage[]; testId?: string }) {
  return (
    <div className="card-side" data-testid={testId}>
      <SafeHtml html={html} className="question-text" />
      {images.length > 0 && (
        <div className="card-images">
          {images.map((img) => (
            <img key={img.name} src={`data:${img.mime};base64,${img.base64}`} alt={img.alt || img.name} />
          ))}
        </div>
      )}
    </div>
  );
}
