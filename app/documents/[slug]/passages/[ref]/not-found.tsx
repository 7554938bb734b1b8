import Link from 'next/link';
import { PassageRefHelp } from '@/app/_components/passage-ref-help';
import { passageProblemMessage } from './load-passage';

/** 404 for a passage: says what was wrong with the reference (set by the page before it called notFound()). */
export default async function PassageNotFound() {
  const message = await passageProblemMessage();
  return (
    <article data-testid="passage-not-found">
      <h1>No such passage</h1>
      <p data-testid="passage-problem">{message ?? 'This passage reference does not name a passage of the document.'}</p>
      <PassageRefHelp />
      <p>
        <Link href="/">Back to the library</Link>
      </p>
    </article>
  );
}
