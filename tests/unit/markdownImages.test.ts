/** The one Markdown image rule used by the pack validator, the media check, the writer and the notes importer. */
import { describe, expect, it } from 'vitest';
import { markdownImages, replaceMarkdownImages } from '../../src/shared/markdownImages';

describe('markdown image rules', () => {
  it('finds plain, ./-relative, <spaced> and titled references, in order', () => {
    const md = 'a ![x-ray](./img/cxr.png) b ![](<my scan.jpg> "Scan") c ![ecg](ecg.svg \'t\') d [link](x.png)';
    expect(markdownImages(md)).toEqual([
      { alt: 'x-ray', src: './img/cxr.png', file: 'img/cxr.png' },
      { alt: '', src: 'my scan.jpg', file: 'my scan.jpg' },
      { alt: 'ecg', src: 'ecg.svg', file: 'ecg.svg' },
    ]);
  });

  it('replaces each reference with what the caller decides (the writer keeps only the description of unknown images)', () => {
    const out = replaceMarkdownImages('See ![the film](https://evil.example/a.png) and ![ok](ok.png).', (img) => (img.file === 'ok.png' ? '' : img.alt));
    expect(out).toBe('See the film and .');
  });
});
