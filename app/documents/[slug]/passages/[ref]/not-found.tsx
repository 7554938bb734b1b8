import Link from 'next/link';
import { passageProblemMessage } from './load-passage';

/** 404 for a passage: says what was wrong with the reference (set by the page before it called notFound()). */
export default async function PassageNotFound() {
  const message = await passageProblemMessage();
  return (
    <article data-testid="passage-not-found">
      <h1>No such passage</h1>
      <p data-testid="passage-problem">{message ?? 'This passage reference does not name a passage of the document.'}</p>
      <p>
        Passages are named by the translation’s turn numbers: <code>T5</code> (a turn), <code>T5.2</code> (a sentence
        of a turn once it is divided), <code>T5-T7</code> or <code>T5.2-T6.1</code> (ranges). Add <code>?rev=N</code>{' '}
        to see a passage as it was at revision N.
      </p>
      <p>
        <Link href="/">Back to the library</Link>
      </p>
    </article>
  );
}
