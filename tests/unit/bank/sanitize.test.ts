/** Untrusted text → safe HTML: the Markdown renderer, the HTML and SVG sanitisers, and HTML → text. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlToText, inlineMarkdownToSafeHtml, markdownToSafeHtml, sanitizeHtml, sanitizeSvg } from '../../../src/main/core/bank/sanitize';

/** Nothing that runs, loads or styles may survive. */
function expectInert(html: string): void {
  for (const pattern of [/<script/i, /\son\w+\s*=/i, /javascript:/i, /vbscript:/i, /data:/i, /<img/i, /<iframe/i, /<object/i, /<embed/i, /<style/i, /style\s*=/i, /<link/i, /<meta/i, /<base/i, /<form/i, /<svg/i, /<math/i, /src\s*=/i]) {
    expect(html, `${pattern} in ${html}`).not.toMatch(pattern);
  }
}

describe('markdownToSafeHtml: plain text', () => {
  it('takes the fast path for one paragraph: line breaks, no parser, same output as the parser', () => {
    expect(markdownToSafeHtml('A 45-year-old man has fever.\nHe is confused. Which of the following is the next step?')).toBe(
      '<p>A 45-year-old man has fever.<br>He is confused. Which of the following is the next step?</p>\n',
    );
  });

  it('renders several paragraphs as paragraphs', () => {
    expect(markdownToSafeHtml('A 45-year-old man has fever.\n\nWhich of the following is the next step?')).toBe(
      '<p>A 45-year-old man has fever.</p>\n<p>Which of the following is the next step?</p>\n',
    );
  });

  it('escapes quotes on the fast path', () => {
    expect(markdownToSafeHtml(`O'Brien's "classic" triad`)).toBe('<p>O&#39;Brien&#39;s &quot;classic&quot; triad</p>\n');
  });

  it('escapes < > & in text (lab values, inequalities) instead of reading them as tags', () => {
    expect(markdownToSafeHtml('Potassium < 3.5 mEq/L and sodium > 145 mEq/L')).toBe('<p>Potassium &lt; 3.5 mEq/L and sodium &gt; 145 mEq/L</p>\n');
    expect(markdownToSafeHtml('AT&T and 1<2')).toBe('<p>AT&amp;T and 1&lt;2</p>\n');
    expect(markdownToSafeHtml('a <b>bold</b> claim')).toBe('<p>a <b>bold</b> claim</p>\n');
  });

  it('normalises CRLF and returns nothing for blank input', () => {
    expect(markdownToSafeHtml('line one\r\nline two\rline three')).toBe('<p>line one<br>line two<br>line three</p>\n');
    expect(markdownToSafeHtml('line one\r\n\r\n**para**')).toBe('<p>line one</p>\n<p><strong>para</strong></p>\n');
    expect(markdownToSafeHtml('')).toBe('');
    expect(markdownToSafeHtml('  \n \r\n ')).toBe('');
  });

  it('escapeHtml escapes the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('markdownToSafeHtml: Markdown', () => {
  it('keeps tables, bold, italics, lists, code and quotes', () => {
    const html = markdownToSafeHtml(
      [
        '| Test | Result |',
        '|---|---|',
        '| Na⁺ | 128 mEq/L |',
        '',
        '**Bold** and *italic* and `code`',
        '',
        '- first',
        '- second',
        '',
        '1. one',
        '2. two',
        '',
        '> quoted',
      ].join('\n'),
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<th>Test</th>');
    expect(html).toContain('<td>128 mEq/L</td>');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<ul>\n<li>first</li>\n<li>second</li>\n</ul>');
    expect(html).toContain('<ol>\n<li>one</li>\n<li>two</li>\n</ol>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
  });

  it('keeps sub/superscripts', () => {
    expect(markdownToSafeHtml('H<sub>2</sub>O and 10<sup>9</sup>/L')).toBe('<p>H<sub>2</sub>O and 10<sup>9</sup>/L</p>\n');
  });

  it('keeps table cell spans (colspan and rowspan are on the allow-list)', () => {
    // Lab tables merge cells. DOMPurify checks every allowed attribute that is not "URI-safe" against
    // ALLOWED_URI_REGEXP, so with /^https?:/ the values "2" and "3" fail and the spans are dropped.
    expect(sanitizeHtml('<table><tr><td colspan="2" rowspan="3">x</td></tr></table>')).toBe('<table><tbody><tr><td colspan="2" rowspan="3">x</td></tr></tbody></table>');
    expect(sanitizeHtml('<table><tr><th colspan="2">Serum</th></tr></table>')).toBe('<table><tbody><tr><th colspan="2">Serum</th></tr></tbody></table>');
  });

  it('opens http(s) links outside the app', () => {
    expect(markdownToSafeHtml('See [UpToDate](https://www.uptodate.com/x) and <http://example.org>')).toBe(
      '<p>See <a href="https://www.uptodate.com/x" target="_blank" rel="noopener noreferrer">UpToDate</a> and ' +
        '<a href="http://example.org" target="_blank" rel="noopener noreferrer">http://example.org</a></p>\n',
    );
    // A target or rel given by the source is replaced, not trusted.
    expect(sanitizeHtml('<a href="https://x.org" target="_self" rel="opener">x</a>')).toBe('<a href="https://x.org" target="_blank" rel="noopener noreferrer">x</a>');
  });

  it.each([
    ['[x](javascript:alert(1))'],
    ['[x](JaVaScRiPt:alert(1))'],
    ['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['[x](vbscript:msgbox(1))'],
    ['[x](file:///etc/passwd)'],
    ['[x](/relative/path)'],
    ['<a href="java&#x09;script:alert(1)">x</a>'],
    ['<a href="  javascript:alert(1)">x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>'],
  ])('drops the href of %s', (source) => {
    const html = markdownToSafeHtml(source);
    expect(html).not.toMatch(/href/);
    expect(html).not.toMatch(/target=/);
    expect(htmlToText(html)).toBe('x');
    expectInert(html);
  });
});

describe('sanitizeHtml and markdownToSafeHtml: hostile HTML', () => {
  it.each([
    ['<script>alert(1)</script>Stem', 'Stem'],
    ['<SCRIPT SRC=https://evil.example/x.js></SCRIPT>Stem', 'Stem'],
    ['<img src=x onerror=alert(1)>Stem', 'Stem'],
    ['![x](https://evil.example/x.png) Stem', 'x Stem'],
    ['<img src="https://evil.example/y.png">Stem', 'Stem'],
    ['<svg onload=alert(1)><circle r="1"/></svg>Stem', 'Stem'],
    ['<iframe src="https://evil.example/"></iframe>Stem', 'Stem'],
    ['<object data="x.swf"></object><embed src="x.swf">Stem', 'Stem'],
    ['<form action="https://evil.example/"><input name="q"><button>Go</button></form>Stem', 'GoStem'],
    ['<style>body{display:none}</style>Stem', 'Stem'],
    ['<link rel="stylesheet" href="https://evil.example/s.css">Stem', 'Stem'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">Stem', 'Stem'],
    ['<base href="https://evil.example/">Stem', 'Stem'],
    ['<span style="position:fixed;inset:0">Stem</span>', 'Stem'],
    ['<b onmouseover="alert(1)">Stem</b>', 'Stem'],
    ['<span data-x="1" class="evil" id="evil">Stem</span>', 'Stem'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>Stem', 'Stem'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">Stem', 'Stem'],
  ])('%s', (source, text) => {
    const html = markdownToSafeHtml(source);
    expectInert(html);
    expect(html).not.toMatch(/evil|alert/);
    expect(html).not.toMatch(/\s(class|id|data-x)=/);
    expect(htmlToText(html).replace(/\s+/g, ' ').trim()).toBe(text);
  });

  it('keeps the allowed tags and drops attributes it does not know', () => {
    expect(sanitizeHtml('<p class="x"><strong>a</strong> <em>b</em> <u>c</u> <s>d</s> <mark>e</mark> <small>f</small></p>')).toBe(
      '<p><strong>a</strong> <em>b</em> <u>c</u> <s>d</s> <mark>e</mark> <small>f</small></p>',
    );
  });
});

describe('inlineMarkdownToSafeHtml: a choice', () => {
  it('has no wrapping paragraph for one line', () => {
    expect(inlineMarkdownToSafeHtml('Na⁺/K⁺-ATPase')).toBe('Na⁺/K⁺-ATPase');
    expect(inlineMarkdownToSafeHtml('**Furosemide**')).toBe('<strong>Furosemide</strong>');
    expect(inlineMarkdownToSafeHtml('K < 3.5')).toBe('K &lt; 3.5');
  });

  it('keeps paragraphs when there are several', () => {
    expect(inlineMarkdownToSafeHtml('one\n\ntwo')).toBe('<p>one</p>\n<p>two</p>\n');
  });

  it('sanitises like the rest', () => {
    expect(inlineMarkdownToSafeHtml('Gallstones <img src=x onerror=alert(1)>')).toBe('Gallstones ');
    expect(inlineMarkdownToSafeHtml('[Statin](javascript:alert(1))')).toBe('Statin');
  });
});

describe('sanitizeSvg', () => {
  const hostile = [
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">',
    '<title>Loop</title>',
    '<script>alert(2)</script>',
    '<style>@import url(https://evil.example/s.css);</style>',
    '<circle cx="5" cy="5" r="3" fill="#c00" onclick="alert(3)" style="fill:url(https://evil.example/x)"/>',
    '<foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(4)</script></body></foreignObject>',
    '<a xlink:href="javascript:alert(5)"><text x="1" y="9">t</text></a>',
    '<image href="https://evil.example/x.png" width="1" height="1"/>',
    '<use href="https://evil.example/s.svg#i"/>',
    '<animate attributeName="href" to="javascript:alert(6)"/>',
    '<set attributeName="onmouseover" to="alert(7)"/>',
    '</svg>',
  ].join('');

  it('removes scripts, handlers, styles, foreign content and outside references', () => {
    const clean = sanitizeSvg(hostile);
    for (const pattern of [/<script/i, /\son\w+\s*=/i, /<style/i, /style=/i, /foreignObject/i, /<image/i, /<use/i, /<animate/i, /<set/i, /href/i, /javascript:/i, /evil/i, /alert/i]) {
      expect(clean).not.toMatch(pattern);
    }
  });

  it('keeps the drawing', () => {
    const clean = sanitizeSvg(hostile);
    expect(clean.startsWith('<svg')).toBe(true);
    expect(clean).toContain('<title>Loop</title>');
    expect(clean).toContain('<circle cx="5" cy="5" r="3" fill="#c00"></circle>');
    expect(clean).toContain('<text x="1" y="9">t</text>');
    expect(clean).toContain('viewBox="0 0 10 10"');
  });

  it('passes a clean SVG through unchanged apart from serialisation', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><path d="M0 0L4 4" stroke="#000"/></svg>';
    expect(sanitizeSvg(svg)).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><path d="M0 0L4 4" stroke="#000"></path></svg>');
  });

  it('returns empty for something that is not an SVG', () => {
    expect(sanitizeSvg('<html><body><script>alert(1)</script><p>hi</p></body></html>')).toBe('');
    expect(sanitizeSvg('just text')).toBe('');
    expect(sanitizeSvg('')).toBe('');
  });
});

describe('htmlToText', () => {
  it('turns block ends into line breaks and drops tags', () => {
    expect(htmlToText('<p>One<br>two</p><ul><li>a</li><li>b</li></ul><p>End</p>')).toBe('One\ntwo\na\nb\nEnd');
    expect(htmlToText('<table><tr><td>Na</td><td>140</td></tr><tr><td>K</td><td>4</td></tr></table>')).toBe('Na140\nK4');
  });

  it('decodes entities exactly once', () => {
    expect(htmlToText('<p>a &lt;b&gt; &amp;lt; &quot;q&quot; &#39;s&#39; x&nbsp;y &amp;amp;</p>')).toBe(`a <b> &lt; "q" 's' x y &amp;`);
  });

  it('collapses long runs of blank lines and trims', () => {
    expect(htmlToText('\n\n<p>a</p><p></p><p></p><p></p><p>b</p>\n\n')).toBe('a\n\nb');
  });

  it('round-trips plain text through markdownToSafeHtml', () => {
    for (const text of ['Fever and rash.', `He said "it's fine" & left.`, 'K < 3.5 and Na > 145', 'Line 1\nLine 2\n\nPara 2']) {
      expect(htmlToText(markdownToSafeHtml(text))).toBe(text);
    }
  });
});
