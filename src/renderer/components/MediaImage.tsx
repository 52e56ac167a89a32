/** A pack image, fetched by media id and shown from a data URL (the page never loads anything remote). */
import { useState } from 'react';
import { useApi } from '../queries';

export function MediaImage({ mediaId, alt }: { mediaId: number; alt: string }) {
  const media = useApi('media:get', { id: mediaId }, { staleTime: Infinity });
  const [open, setOpen] = useState(false);
  if (media.isLoading) return <div className="media-placeholder" aria-label={`Loading image: ${alt}`} />;
  if (!media.data) return <p className="muted">Image unavailable: {alt}</p>;
  const src = `data:${media.data.mime};base64,${media.data.base64}`;
  return (
    <>
      <button type="button" className="media-thumb" onClick={() => setOpen(true)} title="Click to enlarge">
        <img src={src} alt={alt} />
      </button>
      {open && (
        <div className="lightbox" role="dialog" aria-label={alt} onClick={() => setOpen(false)}>
          <img src={src} alt={alt} />
          <p>{alt} — click anywhere or press Esc to close</p>
        </div>
      )}
    </>
  );
}
