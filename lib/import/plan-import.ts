/**
 * One entry point for every importable file, shared by `npm run import` and
 * the upload page: decides the format (memo, Diptych JSON, TMX), parses it,
 * and returns the bundle to store with the warnings to show, before anything
 * is saved. Pure: no database.
 */
import type { DocumentBundle } from '@/lib/document/bundle';
import { parseJsonDocument } from '@/lib/import/json';
import { parseTmx } from '@/lib/import/tmx';
import { ImportError } from '@/lib/memo/errors';
import { checkLanguage } from '@/lib/memo/languages';
import type { MemoDocument, MemoWarning } from '@/lib/memo/model';
import { parseMemo } from '@/lib/memo/parse';
import { memoToBundle } from '@/lib/memo/to-bundle';

export type ImportKind = 'memo' | 'json' | 'tmx';

export interface ImportRequest {
  fileName: string;
  /** Overrides the slug taken from the file (its name, or a JSON export's own slug). */
  slug?: string | null;
  sourceLang?: string;
  translationLang?: string;
}

export interface ImportPlan {
  kind: ImportKind;
  bundle: DocumentBundle;
  /** The parsed memo, for the preview (memo files only). */
  memo: MemoDocument | null;
  warnings: MemoWarning[];
  op: { type: 'import'; format: ImportKind; rows: number };
  summary: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function detectKind(fileName: string, head: string): ImportKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.tmx')) return 'tmx';
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'json';
  if (/^<\?xml|^<tmx[\s>]/.test(start)) return 'tmx';
  return 'memo';
}

export function slugFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return base
    .replace(/\.[a-z0-9]+$/i, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function checkSlug(slug: string): string {
  if (!SLUG.test(slug)) {
    throw new ImportError(
      'bad-slug',
      null,
      `"${slug}" is not a usable slug: use lower-case letters, digits and single hyphens (--slug)`,
    );
  }
  return slug;
}

export function planImport(input: Uint8Array | string, request: ImportRequest): ImportPlan {
  // The options first, whatever the file: a mistyped tag is refused even where the file names its own languages.
  const sourceLang = checkLanguage(request.sourceLang ?? 'ru', '--source-lang');
  const translationLang = checkLanguage(request.translationLang ?? 'en', '--translation-lang');
  const head = typeof input === 'string' ? input.slice(0, 200) : new TextDecoder().decode(input.slice(0, 200));
  const kind = detectKind(request.fileName, head);
  if (kind === 'json') {
    const bundle = parseJsonDocument(input);
    if (request.slug) bundle.slug = checkSlug(request.slug);
    return {
      kind,
      bundle,
      memo: null,
      warnings: [],
      op: { type: 'import', format: kind, rows: bundle.rows.length },
      summary: `Imported ${bundle.rows.length} rows from a Diptych JSON export`,
    };
  }
  const slug = checkSlug(request.slug ?? slugFromFileName(request.fileName));
  if (kind === 'tmx') {
    const bundle = parseTmx(input, { slug });
    return {
      kind,
      bundle,
      memo: null,
      warnings: [],
      op: { type: 'import', format: kind, rows: bundle.rows.length },
      summary: `Imported ${bundle.rows.length} translation units from TMX`,
    };
  }
  const memo = parseMemo(input);
  const { bundle, warnings } = memoToBundle(memo, { slug, sourceLang, translationLang });
  const n = memo.turns.length;
  const placeholderRole = bundle.witnesses.find((w) => w.isPlaceholderWitness)?.role ?? 'source';
  return {
    kind,
    bundle,
    memo,
    warnings: [...memo.warnings, ...warnings],
    op: { type: 'import', format: kind, rows: n },
    summary: `Imported ${n} turns; ${placeholderRole} column of ${n} placeholders`,
  };
}
