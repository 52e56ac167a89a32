/** A pack image, fetched by media id and shown from a data URL (the page never loads anything remote). */
import { useEffect, useState } from 'react';
import { useApi } from '../queries';

export function MediaImage({ mediaId, alt }: { mediaId: number; alt: string }) {
  const media = useApi('media:get', { id: mediaId }, { staleTime: Infinity });
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  if (media.isLoading) return <div className="media-placeholder" aria-label="Loading image" />;
  if (!media.data) return <p className="muted">Image unavailable.</p>;
  const src = `data:${media.data.mime};base64,${media.data.base64}`;
  // The alt text stays an attribute (screen readers), never a visible caption: it often describes the finding
  // the question asks about.
  return (
    <>
      <button type="button" className="media-thumb" onClick={() => setOpen(true)} title="Click to enlarge">
        <img src={src} alt={alt} />
      </button>
      {open && (
        <div className="lightbox" role="dialog" aria-modal="true" aria-label="Enlarged image" onClick={() => setOpen(false)}>
          <img src={src} alt={alt} />
          <p>Click anywhere or press Esc to close</p>
        </div>
      )}
    </>
  );
}
