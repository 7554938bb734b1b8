/**
 * Every citation format, from the one CSL item (csl-item.ts), through
 * citation-js: Chicago notes-bibliography (a note and the bibliography
 * entry), MLA (works-cited entry and in-text), APA (reference and in-text),
 * BibTeX, RIS and CSL-JSON.
 *
 * The bibliography entries cite the document as aligned at the revision,
 * with the pinned permalink of the passage; notes and in-text citations
 * point into it with the passage as locator ("T5–T7, rev. 1"), which is how
 * each style cites a part of a larger work.
 */
import { Cite, type CSL } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { CitationTarget } from './csl-item';
import { cslItem } from './csl-item';
import { formatRis, risRecord } from './ris';
import { APA, CHICAGO, CHICAGO_FULL, ensureStyles, MLA } from './styles';

export interface CitationSet {
  item: CSL;
  /** The locator notes and in-text citations use: "T5–T7, rev. 1". */
  locator: string;
  /** The short note (for references after the first). */
  chicagoNote: string;
  /** The full note, with the permalink: for the first reference. */
  chicagoFullNote: string;
  chicagoBibliography: string;
  mla: string;
  mlaInText: string;
  apa: string;
  apaInText: string;
  bibtex: string;
  ris: string;
  /** Pretty-printed CSL-JSON array (one item). */
  cslJson: string;
  /** HTML of the styled formats, for rich-text clipboards only (never put into the page). */
  html: { chicagoNote: string; chicagoFullNote: string; chicagoBibliography: string; mla: string; apa: string };
}

export type StyledFormat = 'chicagoNote' | 'chicagoFullNote' | 'chicagoBibliography' | 'mla' | 'apa';

/**
 * citation-js has no locator label for "turn": an unknown label makes
 * citeproc print the locator as it is, which is what "T5–T7" needs (it
 * carries its own unit); "page" would make APA print "pp. T5–T7".
 */
const LOCATOR_LABEL = 'turn';

/** The text formats (citation, bibliography, biblatex) return a string; citation-js types format() by its plugins, which do not say so. */
function formatText(cite: Cite, name: 'citation' | 'bibliography' | 'biblatex', options: object): string {
  const format = cite.format.bind(cite) as unknown as (name: string, options: object) => string;
  return format(name, options);
}

export function formatCitations(target: CitationTarget): CitationSet {
  ensureStyles();
  const item = cslItem(target);
  const cite = new Cite(item);
  const locator = target.passage ? `${target.passage.label}, rev. ${target.rev}` : `rev. ${target.rev}`;

  const note = (style: string, format: 'text' | 'html') =>
    clean(
      formatText(cite, 'citation', {
        template: style,
        format,
        entry: {
          citationItems: [{ id: item.id, locator, label: LOCATOR_LABEL }],
          properties: { noteIndex: 1 },
        },
      }),
    );
  const bibliography = (style: string, format: 'text' | 'html') =>
    clean(formatText(cite, 'bibliography', { template: style, format }));

  return {
    item,
    locator,
    chicagoNote: note(CHICAGO, 'text'),
    chicagoFullNote: note(CHICAGO_FULL, 'text'),
    chicagoBibliography: bibliography(CHICAGO, 'text'),
    mla: bibliography(MLA, 'text'),
    mlaInText: note(MLA, 'text'),
    apa: bibliography(APA, 'text'),
    apaInText: note(APA, 'text'),
    bibtex: `${formatText(cite, 'biblatex', { format: 'text' }).trim()}\n`,
    ris: formatRis(risRecord(item)),
    cslJson: `${JSON.stringify([item], null, 2)}\n`,
    html: {
      chicagoNote: note(CHICAGO, 'html'),
      chicagoFullNote: note(CHICAGO_FULL, 'html'),
      chicagoBibliography: bibliography(CHICAGO, 'html'),
      mla: bibliography(MLA, 'html'),
      apa: bibliography(APA, 'html'),
    },
  };
}

function clean(output: string): string {
  return output.trim();
}
