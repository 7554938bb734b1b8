/**
 * Reads a TMX file (1.4b, also 1.1-1.3) into a bundle: one alignment row per
 * <tu>, one witness per language in the order first seen, the header's
 * srclang as the source and the others as translations. A TU with no
 * variant in some language leaves that cell empty (an omission). Each TU is
 * one turn of its own, without a speaker: TMX has none.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { BundleRow, BundleWitness, DocumentBundle } from '@/lib/document/bundle';
import { languageName } from '@/lib/memo/languages';
import { decodeMemoInput } from '@/lib/memo/decode';
import { ImportError, MAX_TURN_CHARS, MAX_TURNS } from '@/lib/memo/errors';

type Node = Record<string, unknown>;

function list(value: unknown): Node[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as Node[];
}

/** The text of a <seg>, inline markup (bpt/ept/ph/hi) flattened to its text. */
function segText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(segText).join('');
  if (node && typeof node === 'object') {
    return Object.entries(node as Node)
      .filter(([k]) => !k.startsWith('@_') && !['bpt', 'ept', 'ph', 'it'].includes(k))
      .map(([, v]) => segText(v))
      .join('');
  }
  return node === undefined || node === null ? '' : String(node);
}

export function parseTmx(input: string | Uint8Array, options: { slug: string; title?: string }): DocumentBundle {
  const source = decodeMemoInput(input);
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw new ImportError('bad-format', valid.err.line, `this is not well-formed XML: ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    trimValues: false,
    processEntities: true,
    parseTagValue: false,
  });
  const doc = parser.parse(source) as Node;
  const tmx = doc['tmx'] as Node | undefined;
  if (!tmx) throw new ImportError('bad-format', null, 'this XML file is not TMX: its root element is not <tmx>');
  const header = (tmx['header'] ?? {}) as Node;
  const body = (tmx['body'] ?? {}) as Node;
  const srclang = typeof header['@_srclang'] === 'string' && header['@_srclang'] !== '*all*' ? header['@_srclang'] : null;
  const tus = list(body['tu']);
  if (tus.length === 0) throw new ImportError('bad-format', null, 'the TMX file has no translation units (<tu>)');
  if (tus.length > MAX_TURNS)
    throw new ImportError(
      'too-many-turns',
      null,
      `the TMX file has ${tus.length.toLocaleString('en')} translation units; at most ${MAX_TURNS.toLocaleString('en')} can be imported (split it into several documents)`,
    );

  const langs: string[] = srclang ? [srclang] : [];
  const units = tus.map((tu, i) => {
    const variants = new Map<string, string>();
    for (const tuv of list(tu['tuv'])) {
      const lang = (tuv['@_xml:lang'] ?? tuv['@_lang']) as string | undefined;
      if (!lang) throw new ImportError('bad-format', null, `translation unit ${i + 1} has a <tuv> without xml:lang`);
      const text = segText(tuv['seg']).trim();
      if (text.length > MAX_TURN_CHARS)
        throw new ImportError(
          'turn-too-long',
          null,
          `translation unit ${(i + 1).toLocaleString('en')} is over ${MAX_TURN_CHARS.toLocaleString('en')} characters, the most one segment may hold`,
        );
      if (!langs.includes(lang)) langs.push(lang);
      if (text !== '') variants.set(lang, variants.has(lang) ? `${variants.get(lang)}\n\n${text}` : text);
    }
    const props = list(tu['prop']);
    const status = props.find((p) => p['@_type'] === 'x-status');
    const noteText = tu['note'] === undefined ? null : segText(list(tu['note'])[0]);
    return { variants, status: segText(status?.['#text'] ?? status), note: noteText };
  });
  if (langs.length < 2)
    throw new ImportError('bad-format', null, `the TMX file has only one language (${langs[0] ?? 'none'}); an alignment needs two`);

  const witnesses: BundleWitness[] = langs.map((lang, i) => ({
    lang,
    role: i === 0 ? 'source' : 'translation',
    label: `${languageName(lang)} ${i === 0 ? 'original' : 'translation'}`,
    isPlaceholderWitness: false,
  }));
  const rows: BundleRow[] = units.map((u, i) => ({
    status: u.status === 'verified' || u.status === 'unverified' ? u.status : 'auto',
    note: u.note,
    cells: langs.map((lang) => {
      const text = u.variants.get(lang);
      return text === undefined ? [] : [{ turnNo: i + 1, sentenceNo: null, speaker: null, text, isPlaceholder: false }];
    }),
  }));
  if (rows.some((r) => r.cells.every((c) => c.length === 0))) {
    throw new ImportError(
      'bad-format',
      null,
      `translation unit ${rows.findIndex((r) => r.cells.every((c) => c.length === 0)) + 1} has no text in any language`,
    );
  }
  const titleProp = list(header['prop']).find((p) => p['@_type'] === 'x-title');
  return {
    slug: options.slug,
    metadata: {
      title: options.title ?? (titleProp ? segText(titleProp['#text'] ?? titleProp) : `Translation memory ${options.slug}`),
      date: null,
      place: null,
      participants: [],
      archiveRef: null,
      translator: null,
      publisher: null,
      sourceNote: null,
      isExcerpt: false,
      frontMatter: [],
    },
    witnesses,
    rows,
    milestones: [],
  };
}
