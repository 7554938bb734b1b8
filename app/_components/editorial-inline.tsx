import { Fragment, type ReactNode } from 'react';
import type { TextToken } from '@/lib/render/marks';
import { INTERFACE_LANG } from '@/lib/render/lang';

/**
 * Renders tokens of one paragraph: plain text, elisions and insertions.
 * The explanations are English interface text, so they carry the interface language (INTERFACE_LANG) even
 * inside a Russian cell. `renderText` lets search snippets add highlights.
 */
export function EditorialInline({
  tokens,
  renderText = (text) => text,
  offset = 0,
}: {
  tokens: readonly TextToken[];
  /** `at`: where `text` starts in the stored text, counting from `offset` (word citations mark by offset). */
  renderText?: (text: string, at: number) => ReactNode;
  /** Where the tokens start in the stored text. */
  offset?: number;
}) {
  const starts: number[] = [];
  let pos = offset;
  for (const token of tokens) {
    starts.push(token.kind === 'insertion' ? pos + 1 : pos);
    pos += token.kind === 'text' ? token.text.length : token.raw.length;
  }
  return (
    <>
      {tokens.map((token, i) => {
        // Plain text as a bare string: no element per run of text (rows repeat it hundreds of times a page).
        if (token.kind === 'text') return <Fragment key={i}>{renderText(token.text, starts[i]!)}</Fragment>;
        if (token.kind === 'elision') {
          return (
            <span key={i} className="elision" title="Omitted in the published text" data-mark="elision">
              <span aria-hidden="true">…</span>
              <span className="sr-only" lang={INTERFACE_LANG}>
                (omitted in the published text)
              </span>
            </span>
          );
        }
        return (
          <span key={i} className="insertion" title="Editorial insertion" data-mark="insertion">
            <span className="sr-only" lang={INTERFACE_LANG}>
              (editorial insertion){' '}
            </span>
            {renderText(token.text, starts[i]!)}
          </span>
        );
      })}
    </>
  );
}
