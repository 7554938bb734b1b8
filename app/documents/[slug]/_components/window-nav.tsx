import type { TurnWindow } from '@/lib/alignment/turn-window';

/**
 * Paging through a long document: which turns this page shows, links to the
 * windows before and after (rel=prev/next), and a GET form that jumps to a
 * turn (?at=T12345#T12345). Plain links and a form: no script needed.
 */
export function WindowNav({
  window,
  hrefAt,
  position,
}: {
  window: TurnWindow;
  hrefAt: (turn: number) => string;
  position: 'top' | 'bottom';
}) {
  if (!window.previous && !window.next) return null;
  const action = hrefAt(window.first).split('?')[0]!;
  const kept = new URLSearchParams(hrefAt(window.first).split('?')[1]?.split('#')[0] ?? '');
  kept.delete('at');
  const id = `jump-${position}`;
  return (
    <nav className="window-nav" aria-label={position === 'top' ? 'Parts of the document' : 'Parts of the document (end)'}>
      {position === 'top' ? (
        <>
          {window.previous ? <link rel="prev" href={hrefAt(window.previous.first)} /> : null}
          {window.next ? <link rel="next" href={hrefAt(window.next.first)} /> : null}
        </>
      ) : null}
      {window.previous ? (
        <a href={hrefAt(window.previous.first)} rel="prev">
          ← T{window.previous.first}–T{window.previous.last}
        </a>
      ) : null}
      <span className="window-position" data-testid={position === 'top' ? 'window-position' : undefined}>
        Turns {window.first}–{window.last} of {window.lastTurn}
      </span>
      {window.next ? (
        <a href={hrefAt(window.next.first)} rel="next">
          T{window.next.first}–T{window.next.last} →
        </a>
      ) : null}
      <form method="get" action={action} className="window-jump">
        {[...kept.entries()].map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor={id}>Go to turn</label>{' '}
        <input id={id} name="at" size={7} inputMode="numeric" pattern="[Tt]?\d+(\.\d+)?" placeholder={`T${window.first}`} required />{' '}
        <button type="submit">Go</button>
      </form>
    </nav>
  );
}
