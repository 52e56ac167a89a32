/** The `?` overlay of the review screens: every key they answer to. */
const KEYS: [string, string][] = [
  ['→ or J', 'next item in the filtered list'],
  ['← or K', 'previous item in the filtered list'],
  ['1 – 6', 'why I missed it: knowledge gap, misread, reasoning error, ran out of time, guessed, careless (again to clear)'],
  ['N', 'write a note on this question (Esc leaves the note)'],
  ['Esc', 'back to the results'],
  ['Enter', 'on a results row: open that item'],
  ['?', 'this help'],
];

export function ReviewHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="review-help" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table className="data">
          <tbody>
            {KEYS.map(([k, v]) => (
              <tr key={k}>
                <td className="nowrap">
                  <kbd>{k}</kbd>
                </td>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row modal-actions">
          <button className="primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
