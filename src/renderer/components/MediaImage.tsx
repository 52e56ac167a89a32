/**
 * A pack image, fetched by media id and shown from a data URL (the page never loads anything remote).
 * Enlarged, it gets the exam viewer's tools: zoom and a contrast adjustment for this image alone (the 2026 USMLE
 * software adds per-image contrast). The contrast chosen also applies to the thumbnail while the item is open.
 */
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../queries';
import './mediaViewer.css';

const ZOOMS = [1, 1.5, 2, 3, 4];
const CONTRAST_MIN = 50;
const CONTRAST_MAX = 200;

export function MediaImage({ mediaId, alt }: { mediaId: number; alt: string }) {
  const media = useApi('media:get', { id: mediaId }, { staleTime: Infinity });
  const [open, setOpen] = useState(false);
  const [zoom, setZoom] = useState(0);
  const [contrast, setContrast] = useState(100);
  const thumb = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    thumb.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      // Capture phase, so the runner's own shortcuts do not also act while the viewer is open.
      if (e.key === 'Escape') {
        setOpen(false);
        thumb.current?.focus();
      }
      else if (e.key === '+' || e.key === '=') setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
      else if (e.key === '-') setZoom((z) => Math.max(0, z - 1));
      else return;
      e.stopPropagation();
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  if (media.isLoading) return <div className="media-placeholder" role="img" aria-label="Loading image" />;
  if (!media.data) return <p className="muted">Image unavailable.</p>;
  const src = `data:${media.data.mime};base64,${media.data.base64}`;
  const filter = contrast === 100 ? undefined : `contrast(${contrast}%)`;
  // The alt text stays an attribute (screen readers), never a visible caption: it often describes the finding
  // the question asks about.
  return (
    <>
      <button type="button" ref={thumb} className="media-thumb" onClick={() => setOpen(true)} title="Enlarge, zoom and adjust contrast">
        <img src={src} alt={alt} style={{ filter }} />
      </button>
      {open && (
        <div className="lightbox" role="dialog" aria-modal="true" aria-label="Enlarged image" data-testid="image-viewer" onClick={close}>
          <div className="viewer-tools" onClick={(e) => e.stopPropagation()}>
            <button type="button" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0} aria-label="Zoom out">
              −
            </button>
            <span className="viewer-zoom" data-testid="viewer-zoom">
              {Math.round(ZOOMS[zoom]! * 100)}%
            </span>
            <button type="button" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoom === ZOOMS.length - 1} aria-label="Zoom in" autoFocus>
              +
            </button>
            <label className="viewer-contrast">
              Contrast
              <input type="range" min={CONTRAST_MIN} max={CONTRAST_MAX} step={10} value={contrast} onChange={(e) => setContrast(Number(e.target.value))} data-testid="viewer-contrast" />
              <span>{contrast}%</span>
            </label>
            <button type="button" onClick={() => { setZoom(0); setContrast(100); }}>
              Reset
            </button>
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
          {/* Unzoomed, a click anywhere closes (as before the tools existed); zoomed, a click on the image does not. */}
          <div className="viewer-canvas" onClick={(e) => zoom > 0 && e.stopPropagation()}>
            <img src={src} alt={alt} style={{ filter, width: `${ZOOMS[zoom]! * 100}%` }} data-testid="viewer-image" />
          </div>
          <p>+ and − zoom · Esc or a click closes{zoom > 0 ? ' (outside the image when zoomed)' : ''}</p>
        </div>
      )}
    </>
  );
}
