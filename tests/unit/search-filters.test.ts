/** The search form's two filters (one FilterSelect each) render as plain labelled selects, the chosen one selected. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SearchFilterFields } from '@/app/search/_components/search-filters';

describe('search filters', () => {
  it('renders a document select and a speaker select, each with its "no filter" option first', () => {
    const html = renderToStaticMarkup(
      createElement(SearchFilterFields, {
        documents: [{ slug: 'memo', title: 'A memo' } as never],
        speakers: [{ speaker: 'Gorbachev' } as never],
        filters: { speaker: 'Gorbachev' },
      }),
    );
    expect(html).toContain(
      '<label for="search-doc">Document</label><select id="search-doc" name="doc"><option value="" selected="">All documents</option><option value="memo">A memo</option></select>',
    );
    expect(html).toContain(
      '<label for="search-speaker">Speaker</label><select id="search-speaker" name="speaker"><option value="">Any speaker</option><option value="Gorbachev" selected="">Gorbachev</option></select>',
    );
  });
});
