import type { DocumentCitation, PassageCitation } from '@/lib/citation/passage-citation';
import { CopyButton } from './copy-button';
import styles from './cite.module.css';

interface Block {
  key: string;
  title: string;
  text: string;
  html?: string;
  lang?: string;
  /** Machine formats read better in a monospace face. */
  code?: boolean;
}

/**
 * "Cite this passage": every format as read-only text with a copy button.
 * Server-rendered inside <details>, so it opens, reads and selects without
 * JavaScript; only the copy buttons need it.
 */
type Citable = DocumentCitation & Partial<Pick<PassageCitation, 'quotation' | 'quotationText'>>;

/** A word citation shown on the page (T5.2@w3-w5): its permalink and the words, offered first. */
export interface WordCitation {
  label: string;
  permalink: string;
  text: string;
  lang?: string;
  summary: string;
}

export function CitePanel({ citation, label, words }: { citation: Citable; label: string; words?: WordCitation | null }) {
  const { citations: c, quotation } = citation;
  const groups: { heading: string; blocks: Block[]; download?: { href: string; text: string } }[] = [];
  if (words) {
    groups.push({
      heading: `Word citation ${words.label}`,
      blocks: [
        { key: 'word-permalink', title: 'Permalink of the cited words', text: words.permalink, code: true },
        {
          key: 'word-quotation',
          title: 'The cited words (with their permalink)',
          text: `“${words.text}” (${words.label}, rev. ${citation.target.rev}), ${words.permalink}`,
          lang: words.lang,
        },
      ],
    });
  }
  groups.push(
    {
      heading: 'Chicago (notes and bibliography, 17th ed.)',
      blocks: [
        { key: 'chicago-full-note', title: 'Note, first reference (full)', text: c.chicagoFullNote, html: c.html.chicagoFullNote },
        { key: 'chicago-note', title: 'Note, later references (short)', text: c.chicagoNote, html: c.html.chicagoNote },
        { key: 'chicago-bibliography', title: 'Bibliography', text: c.chicagoBibliography, html: c.html.chicagoBibliography },
      ],
    },
    {
      heading: 'MLA (9th ed.)',
      blocks: [
        { key: 'mla', title: 'Works cited', text: c.mla, html: c.html.mla },
        { key: 'mla-in-text', title: 'In-text', text: c.mlaInText },
      ],
    },
    {
      heading: 'APA (7th ed.)',
      blocks: [
        { key: 'apa', title: 'Reference', text: c.apa, html: c.html.apa },
        { key: 'apa-in-text', title: 'In-text', text: c.apaInText },
      ],
    },
    { heading: 'BibTeX (BibLaTeX fields)', blocks: [{ key: 'bibtex', title: 'BibTeX entry', text: c.bibtex, code: true }] },
    {
      heading: 'RIS',
      blocks: [{ key: 'ris', title: 'RIS record', text: c.ris, code: true }],
      download: { href: citation.risUrl, text: 'Download .ris' },
    },
    {
      heading: 'CSL-JSON',
      blocks: [{ key: 'csl-json', title: 'CSL-JSON', text: c.cslJson, code: true }],
      download: { href: citation.cslJsonUrl, text: 'Download .json' },
    },
  );
  if (quotation && citation.quotationText) {
    const others = quotation.others.map((o) =>
      o.available ? { key: `quote-${o.lang}`, title: o.label, text: o.text, lang: o.lang } : null,
    );
    groups.push({
      heading: 'Quotation',
      blocks: [
        {
          key: 'quote-translation',
          title: `${quotation.translation.label} (with note)`,
          text: citation.quotationText,
          lang: quotation.translation.lang,
        },
        ...others.filter((b): b is NonNullable<typeof b> => b !== null),
      ],
    });
  }

  return (
    <details className={styles.panel} data-testid="cite-panel">
      <summary className={styles.summary}>
        <h2 className={styles.summaryHeading}>Cite {label}</h2>
      </summary>
      {/* "Cite" links end in #cite: a fragment inside a closed <details> opens it (no script needed). */}
      <div className={styles.panelBody} id="cite">
        <p className={styles.lede}>
          Pinned to revision {citation.target.rev}: the permalink shows this passage exactly as cited, whatever is edited later.
        </p>
        {quotation
          ? quotation.others
              .filter((o) => !o.available)
              .map((o) => (
                <p key={o.lang} className={styles.unavailable} data-testid="source-unavailable">
                  {o.label}: source text not available. {label} has not been transcribed yet, so only the {quotation.translation.label}{' '}
                  is quoted.
                </p>
              ))
          : null}
        {groups.map((group) => (
          <section key={group.heading} className={styles.group} aria-label={group.heading}>
            <h3 className={styles.groupHeading}>{group.heading}</h3>
            {group.blocks.map((block) => {
              const id = `citation-${block.key}`;
              return (
                <div key={block.key} className={styles.block} data-testid={id}>
                  <label htmlFor={id} className={styles.blockTitle}>
                    {block.title}
                  </label>
                  <textarea
                    id={id}
                    className={block.code ? `${styles.field} ${styles.code}` : styles.field}
                    readOnly
                    value={block.text}
                    rows={rowsFor(block.text, block.code ? 24 : 16)}
                    lang={block.lang}
                    spellCheck={false}
                  />
                  <CopyButton targetId={id} html={block.html} label={`Copy ${group.heading}: ${block.title}`} />
                </div>
              );
            })}
            {group.download ? (
              <p className={styles.download}>
                <a href={group.download.href} download>
                  {group.download.text}
                </a>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </details>
  );
}

function rowsFor(text: string, max: number): number {
  const lines = text.split('\n');
  // Browsers without field-sizing: content use these rows; count lines as a phone would wrap them.
  const wrapped = lines.reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 40)), 0);
  return Math.min(max, Math.max(1, wrapped));
}
