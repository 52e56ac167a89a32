import { describe, expect, it } from 'vitest';
import type { SourceGroup } from '../../../src/main/core/bank/sources';
import { looksLikeNotes, parseNotes, type ParsedNote } from '../../../src/main/core/notes/importNotes';

const enc = new TextEncoder();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const SVG = enc.encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>');

type Content = string | Uint8Array;
const file = (name: string, content: Content): SourceGroup => ({ name, kind: 'file', files: [{ path: name, bytes: typeof content === 'string' ? enc.encode(content) : content }] });
const folder = (name: string, files: Record<string, Content>, kind: 'folder' | 'zip' = 'folder'): SourceGroup => ({
  name,
  kind,
  files: Object.entries(files).map(([path, content]) => ({ path, bytes: typeof content === 'string' ? enc.encode(content) : content })),
});

function only(group: SourceGroup): ParsedNote {
  const { notes, problems } = parseNotes(group);
  expect(problems).toEqual([]);
  expect(notes).toHaveLength(1);
  return notes[0]!;
}

describe('looksLikeNotes', () => {
  it('accepts a single Markdown or text file', () => {
    expect(looksLikeNotes(file('AS.md', '# AS'))).toBe(true);
    expect(looksLikeNotes(file('AS.markdown', '# AS'))).toBe(true);
    expect(looksLikeNotes(file('AS.TXT', 'aortic stenosis'))).toBe(true);
    expect(looksLikeNotes(file('bank.csv', 'a,b'))).toBe(false);
  });

  it('accepts a folder or zip with at least one .md file, ignoring images beside it', () => {
    expect(looksLikeNotes(folder('Vault', { 'Cardio/AS.md': '# AS', 'img/x.png': PNG }))).toBe(true);
    expect(looksLikeNotes(folder('Vault.zip', { 'Vault/a.markdown': 'x' }, 'zip'))).toBe(true);
    expect(looksLikeNotes(folder('Scans', { 'img/x.png': PNG }))).toBe(false);
    expect(looksLikeNotes(folder('Texts', { 'a.txt': 'x' }))).toBe(false);
    // a dot in a folder name is not an extension
    expect(looksLikeNotes(folder('Vault', { 'v1.md/readme': 'x' }))).toBe(false);
  });
});

describe('front matter', () => {
  it('reads an inline list, title, system and discipline, and canonicalises outline names', () => {
    const note = only(file('as.md', '---\ntitle: Aortic stenosis\ntags: [valves, "murmurs, systolic"]\nsystem: cardiovascular system\ndiscipline: PATHOLOGY\n---\nBody text.\n'));
    expect(note).toEqual({
      sourceKey: 'as.md',
      title: 'Aortic stenosis',
      bodyMd: 'Body text.',
      tags: ['valves', 'murmurs, systolic'],
      system: 'Cardiovascular',
      discipline: 'Pathology',
      media: [],
    });
  });

  it('reads "- item" lists, quoted strings with colons, comments and the tag alias', () => {
    const note = only(file('n.md', "---\n# a comment line\ntitle: 'Nephritic: it''s not nephrotic'\ntag:\n  - kidney\n  - \"#hematuria\"\nsystem: Renal and urinary # outline name\n---\nText"));
    expect(note.title).toBe("Nephritic: it's not nephrotic");
    expect(note.tags).toEqual(['kidney', 'hematuria']);
    expect(note.system).toBe('Renal & Urinary');
  });

  it('splits "tags: a, b" on commas and keeps unknown system names as given', () => {
    const note = only(file('n.md', '---\ntags: kidney, proteinuria\nsystem: Astrology\nunknown:\n  nested: value\n---\nText'));
    expect(note.tags).toEqual(['kidney', 'proteinuria']);
    expect(note.system).toBe('Astrology');
    expect(note.discipline).toBeNull();
  });

  it('treats an unclosed front matter block as body text', () => {
    const note = only(file('Open.md', '---\ntitle: never closed\nBody'));
    expect(note.title).toBe('Open');
    expect(note.bodyMd).toBe('---\ntitle: never closed\nBody');
  });
});

describe('title', () => {
  it('falls back to the first # heading and drops it from the body when it opens the note', () => {
    const note = only(file('hf.md', '\n# Heart failure\n\nLow output.\n\n## Therapy\nDiuretics.'));
    expect(note.title).toBe('Heart failure');
    expect(note.bodyMd).toBe('Low output.\n\n## Therapy\nDiuretics.');
  });

  it('keeps a heading that does not open the note, and ignores headings inside code', () => {
    const note = only(file('hf.md', '```\n# not a heading\n```\nIntro.\n# Later heading\nText'));
    expect(note.title).toBe('Later heading');
    expect(note.bodyMd).toBe('```\n# not a heading\n```\nIntro.\n# Later heading\nText');
  });

  it('falls back to the file name without its extension', () => {
    expect(only(folder('V', { 'Renal/Loop diuretics.md': 'Furosemide.' })).title).toBe('Loop diuretics');
  });

  it('drops a leading heading that repeats the front matter title', () => {
    const note = only(file('x.md', '---\ntitle: Gout\n---\n# gout\nUrate crystals.'));
    expect(note.bodyMd).toBe('Urate crystals.');
  });
});

describe('tags and keys', () => {
  it('turns folders into tags, adds inline #tags outside code and de-duplicates case-insensitively', () => {
    const body = '---\ntags: [valves]\n---\nText #murmur and #cardio/valves, not #123 or a#b.\n`#inline-code`\n```\n#fenced\n```\n## Heading';
    const note = only(folder('Vault', { 'Cardiology/Valves/AS.md': body }));
    expect(note.sourceKey).toBe('Vault/Cardiology/Valves/AS.md');
    expect(note.tags).toEqual(['Cardiology', 'Valves', 'murmur', 'cardio/valves']);
  });

  it('strips the single top folder of a zip so keys and tags match the same vault imported as a folder', () => {
    const note = only(folder('Vault.zip', { 'Vault/Renal/Gout.md': 'Urate.' }, 'zip'));
    expect(note.sourceKey).toBe('Vault/Renal/Gout.md');
    expect(note.tags).toEqual(['Renal']);
  });

  it('names a zip without a top folder after the archive', () => {
    const { notes } = parseNotes(folder('Step1.zip', { 'a.md': 'A', 'Renal/b.md': 'B' }, 'zip'));
    expect(notes.map((n) => n.sourceKey)).toEqual(['Step1/Renal/b.md', 'Step1/a.md']);
  });

  it('imports .txt files in a folder but ignores other files', () => {
    const { notes, problems } = parseNotes(folder('V', { 'a.txt': 'plain', 'b.pdf': 'x', 'c.canvas': '{}' }));
    expect(problems).toEqual([]);
    expect(notes.map((n) => n.title)).toEqual(['a']);
  });
});

describe('images', () => {
  it('resolves against the note folder, the vault root and (for ![[embeds]]) any file of that name; removes the syntax', () => {
    const body = [
      'Before ![ECG](img/ecg.png "title") after.',
      '![root](shared.svg)',
      '![[deep.png|200]]',
      '![again](./img/ecg.png)',
      '![spaced](<img/with space.png>)',
      '```',
      '![kept](img/ecg.png)',
      '```',
      'See [[Other note|the other note]] and ![[Other note]].',
    ].join('\n');
    const note = only(
      folder('V', {
        'Cardio/AS.md': body,
        'Cardio/img/ecg.png': PNG,
        'Cardio/img/with space.png': PNG,
        'shared.svg': SVG,
        'attachments/deep.png': PNG,
      }),
    );
    expect(note.media.map((m) => [m.name, m.mime])).toEqual([
      ['Cardio/img/ecg.png', 'image/png'],
      ['shared.svg', 'image/svg+xml'],
      ['attachments/deep.png', 'image/png'],
      ['Cardio/img/with space.png', 'image/png'],
    ]);
    expect(note.bodyMd).toBe('Before  after.\n\n```\n![kept](img/ecg.png)\n```\nSee the other note and Other note.');
  });

  it('resolves ../ paths and keeps a web image as a link (the app loads nothing from the network)', () => {
    const note = only(folder('V', { 'A/B/n.md': '![x](../pics/x.png)\n![Figure](https://example.org/f.png)', 'A/pics/x.png': PNG }));
    expect(note.media.map((m) => m.name)).toEqual(['A/pics/x.png']);
    expect(note.bodyMd).toBe('[Figure](https://example.org/f.png)');
  });

  it('reports a missing or bad image naming the note and the image, and still imports the note without it', () => {
    const { notes, problems, warnings } = parseNotes(
      folder('V', { 'n.md': 'Text\n![a](gone.png)\n![b](fake.png)\n![c](doc.pdf)', 'fake.png': enc.encode('not a png'), 'doc.pdf': 'x' }),
    );
    // A broken image link is a warning: it must not block the whole vault.
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      { file: 'V/n.md', field: 'gone.png', message: "image 'gone.png' is not in the vault" },
      { file: 'V/n.md', field: 'fake.png', message: 'file is not a real PNG image (its contents do not match the extension)' },
      { file: 'V/n.md', field: 'doc.pdf', message: 'image type .pdf is not allowed (png, jpeg, gif, webp or svg)' },
    ]);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.bodyMd).toBe('Text');
    expect(notes[0]!.media).toEqual([]);
  });
});

describe('rejected files', () => {
  it('reports invalid UTF-8 with the file and line, and keeps the other notes', () => {
    const bad = new Uint8Array([...enc.encode('line one\nline two '), 0xff, 0xfe]);
    const { notes, problems } = parseNotes(folder('V', { 'bad.md': bad, 'good.md': 'Fine.' }));
    expect(notes.map((n) => n.title)).toEqual(['good']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'V/bad.md', line: 2 });
    expect(problems[0]!.message).toMatch(/not valid UTF-8/);
  });

  it('skips empty files and notes with only front matter, with a warning (they must not block a vault)', () => {
    const { notes, problems, warnings } = parseNotes(folder('V', { 'empty.md': '', 'blank.md': '  \n\n', 'meta.md': '---\ntitle: x\n---\n\n' }));
    expect(notes).toEqual([]);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      { file: 'V/blank.md', message: 'the note is empty; skipped' },
      { file: 'V/empty.md', message: 'the note is empty; skipped' },
      { file: 'V/meta.md', message: 'the note is empty; skipped' },
    ]);
  });

  it('skips bodies over 200,000 characters and accepts one at the limit', () => {
    const { notes, problems } = parseNotes(folder('V', { 'big.md': 'a'.repeat(200_001), 'max.md': 'b'.repeat(200_000) }));
    expect(notes.map((n) => n.title)).toEqual(['max']);
    expect(problems).toEqual([{ file: 'V/big.md', message: 'the note is 200,001 characters; the limit is 200,000' }]);
  });

  it('reports a group with no notes in it (format forced to notes)', () => {
    expect(parseNotes(folder('Scans', { 'x.png': PNG })).problems).toEqual([{ file: 'Scans', message: 'contains no Markdown notes (.md, .markdown or .txt)' }]);
  });
});
