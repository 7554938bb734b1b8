/** The keyboard shortcuts, always on the page (not hidden behind a key). */
import styles from './edit.module.css';

const KEYS: [string, string][] = [
  ['Tab', 'move between rows and their buttons'],
  ['j / k', 'next / previous row'],
  ['m', 'merge the row with the next row'],
  ['s', 'split the row…'],
  ['[', 'move the first segment of the column into the previous row'],
  [']', 'move the last segment of the column into the next row'],
  ['e', 'edit (or transcribe) the text of the segment'],
  ['t', 'split the segment’s text into sentences…'],
  ['v', 'mark the row verified (again: unverified)'],
  ['n', 'status and divergence note…'],
  ['u', 'undo my last edit'],
  ['Esc', 'close the open form'],
];

export function ShortcutsHelp() {
  return (
    <section className={styles.help} aria-labelledby="shortcuts-title" data-testid="shortcuts">
      <h2 id="shortcuts-title">Keyboard</h2>
      <p>
        Shortcuts act on the row that has focus; <kbd>[</kbd>, <kbd>]</kbd>, <kbd>e</kbd> and <kbd>t</kbd> on the column or segment
        with focus (from the row itself: the first column). Every shortcut presses a button you can also click.
      </p>
      <dl className={styles.keys}>
        {KEYS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
