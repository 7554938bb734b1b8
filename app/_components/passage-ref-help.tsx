/** How passages are named: shown wherever a reference did not resolve. */
export function PassageRefHelp() {
  return (
    <p>
      Passages are named by the translation’s turn numbers: <code>T5</code> (a turn), <code>T5.2</code> (a sentence of a turn once it
      is divided), <code>T5-T7</code> or <code>T5.2-T6.1</code> (ranges). Add <code>?rev=N</code> to see a passage as it was at
      revision N.
    </p>
  );
}
