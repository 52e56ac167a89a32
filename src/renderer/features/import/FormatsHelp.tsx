/** A short guide to what Vignette can read. */
export function FormatsHelp() {
  return (
    <aside className="card formats-help" aria-labelledby="formats-heading">
      <h2 id="formats-heading">What you can import</h2>
      <dl>
        <dt>Vignette pack</dt>
        <dd>
          A <code>.json</code> pack, a <code>.zip</code> or a folder with <code>pack.json</code> and its images. Re-importing a newer version updates it in place.
        </dd>
        <dt>MedQA</dt>
        <dd>
          The <code>.jsonl</code> files from the MedQA dataset (US, 4 or 5 options), or the same questions saved as a <code>.json</code> array.
        </dd>
        <dt>CSV / TSV</dt>
        <dd>
          A spreadsheet export with a header row: stem, choice columns (A, B, C…), answer, explanation, and optional system, discipline and tags. Other
          column names (<code>question, opa…opd, cop</code>) work with a field mapping.
        </dd>
        <dt>JSON array</dt>
        <dd>Any array of question objects (or one object a line), with a field mapping that says where the stem, choices and answer are.</dd>
        <dt>Anki deck</dt>
        <dd>
          An <code>.apkg</code> or <code>.colpkg</code> from any Anki version: basic, reversed and cloze notes become flashcards with their images and
          review history.
        </dd>
        <dt>Notes</dt>
        <dd>Markdown files or a whole Obsidian vault: they become searchable notes next to your questions.</dd>
      </dl>
      <p className="muted small">
        Nothing is imported until you press Import: you first see exactly what will be added or updated. Your answers and history are never touched.
      </p>
    </aside>
  );
}
