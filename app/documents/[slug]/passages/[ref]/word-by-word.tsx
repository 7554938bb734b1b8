import type { Witness } from '@/lib/alignment/types';
import type { InterlinearLine } from '@/lib/word-links/interlinear';
import styles from './word-by-word.module.css';

/**
 * Each source word with the translation words linked to it written beneath
 * (server-rendered: it reads the same without JavaScript and in print). A
 * suggestion is dashed and italic and says so to screen readers, not by
 * colour alone.
 */
export function WordByWord({
  lines,
  source,
  translation,
  refHref,
}: {
  lines: InterlinearLine[];
  source: Witness;
  translation: Witness;
  refHref: (ref: string) => string;
}) {
  return (
    <section className={styles.section} aria-labelledby="word-by-word" data-testid="word-by-word">
      <h2 id="word-by-word" className={styles.heading}>
        Word by word
      </h2>
      <p className={styles.lede}>
        Each word of the {source.label} with the words of the {translation.label} linked to it. Dashed and italic: a suggestion an
        editor has not accepted yet.
      </p>
      {lines.map((line) => (
        <p key={`${line.rowKey}:${line.ref}`} className={styles.line} data-testid="word-by-word-line">
          <a className={styles.ref} href={refHref(line.ref)}>
            {line.ref}
          </a>
          {line.words.map((word, i) => (
            <span key={i} className={styles.stack} data-testid="word-by-word-word">
              <span className={styles.word} lang={line.lang}>
                {word.before}
                <span data-source-word>{word.text}</span>
                {word.after}
              </span>
              <span
                className={`${styles.gloss} ${word.status === 'suggested' ? styles.suggested : ''}`}
                lang={word.gloss ? line.glossLang : undefined}
                data-status={word.status ?? 'none'}
              >
                {word.gloss ? (
                  <>
                    <span className="sr-only">{word.status === 'suggested' ? ' (suggested: ' : ' ('}</span>
                    {word.gloss}
                    <span className="sr-only">)</span>
                  </>
                ) : (
                  <span aria-hidden="true">&nbsp;</span>
                )}
              </span>
            </span>
          ))}
        </p>
      ))}
    </section>
  );
}
