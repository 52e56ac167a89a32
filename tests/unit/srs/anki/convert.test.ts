import { describe, expect, it } from 'vitest';
import { ankiHtmlToMarkdown } from '../../../../src/main/core/srs/anki/markdown';
import { backWithoutFront, clozeField, renderTemplate } from '../../../../src/main/core/srs/anki/template';

const md = (html: string, media: Record<string, string> = {}) => ankiHtmlToMarkdown(html, (n) => media[n] ?? null);

describe('Anki field HTML → Markdown', () => {
  it('keeps emphasis as inline tags (always balanced), breaks as lines, lists, entities; drops every other tag', () => {
    expect(md('<b>Bold</b> and <i>it</i><br>next&nbsp;line<div>block</div>').markdown).toBe('<b>Bold</b> and <i>it</i>\nnext line\nblock');
    expect(md('<b>Korrelation </b>x <b>:<br></b>y').markdown).toBe('<b>Korrelation</b> x <b>:</b>\ny');
    expect(md('<ul><li>one</li><li>two</li></ul>').markdown).toBe('- one\n- two');
    expect(md('<span style="color:red" onclick="x()">red</span> &lt;tag&gt; &#x3b1;').markdown).toBe('red &lt;tag> α');
  });
  it('removes scripts and styles with their content', () => {
    expect(md('a<script>alert(1)</script>b<style>p{}</style>c').markdown).toBe('abc');
  });
  it('escapes text Markdown would read as syntax', () => {
    expect(md('2*3*4 and [link](x) # not a heading').markdown).toBe('2\\*3\\*4 and \\[link\\](x) # not a heading');
    expect(md('# heading?').markdown).toBe('\\# heading?');
    expect(md('1. first<br>2) second').markdown).toBe('1\\. first\n2\\) second');
  });
  it('turns images into Markdown images by their stored name, or alt text when the file is missing', () => {
    const r = md('<img src="a.png"> <img alt="ECG" src="missing.png">', { 'a.png': 'a-1234.png' });
    expect(r.markdown).toBe('![](a-1234.png) \\[image: ECG\\]');
    expect(r.images).toEqual(['a.png', 'missing.png']);
  });
  it('counts [sound:] references, which cards cannot play', () => {
    const r = md('word [sound:word.mp3]');
    expect(r.markdown).toBe('word');
    expect(r.sounds).toBe(1);
  });
});

describe('Anki templates', () => {
  const ctx = { fields: new Map([['Front', 'Q'], ['Back', 'A'], ['Extra', '']]), tags: ['t1'], deck: 'D' };
  it('fills fields and filters, resolves sections', () => {
    expect(renderTemplate('{{Front}}|{{text:Back}}|{{type:Back}}|{{#Extra}}x{{/Extra}}{{^Extra}}none{{/Extra}}|{{Tags}}|{{Deck}}', ctx)).toBe('Q|A||none|t1|D');
  });
  it('drops the repeated question from the back and finds the cloze field', () => {
    expect(backWithoutFront('{{FrontSide}}\n<hr id=answer>\n{{Back}}')).toBe('{{Back}}');
    expect(clozeField('{{cloze:Text}}')).toBe('Text');
    expect(clozeField('{{edit:cloze:Text}}')).toBe('Text');
  });
});
