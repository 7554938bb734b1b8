/**
 * The reader's "Cite passage" form submits GET /documents/slug/cite?from=T5&to=T7
 * (plain HTML, no script); this answers with a redirect to the passage page
 * /documents/slug/passages/T5-T7, or explains what is wrong with the
 * selection: a small HTML page for people, JSON for programs.
 */
import type { Db } from '@/db/connect';
import { getDocumentBySlug } from '@/db/queries/documents';
import { passageViewOf } from '@/db/queries/passages';
import { passagePath } from '@/lib/citation/urls';
import { httpStatusOf } from '@/lib/error-codes';
import { RefError } from '@/lib/refs/errors';
import { parseRef } from '@/lib/refs/parse';

export async function citeRedirect(db: Db, request: Request, slug: string): Promise<Response> {
  const url = new URL(request.url);
  const from = url.searchParams.get('from')?.trim() ?? '';
  const to = url.searchParams.get('to')?.trim() ?? '';
  const single = url.searchParams.get('ref')?.trim() ?? '';
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');

  const doc = await getDocumentBySlug(db, slug);
  if (!doc) return problem(httpStatusOf('document-not-found'), 'document-not-found', `There is no document “${slug}”.`, wantsJson);
  const written = single || (from && to && to !== from ? `${from}-${to}` : from || to);
  try {
    const ref = readSelection(written, from, to);
    const { passage } = await passageViewOf(db, doc, ref, null);
    // 303: the answer to a form submission is another page, fetched with GET.
    return new Response(null, {
      status: 303,
      // #cite opens the passage's cite panel: the form was asked to cite.
      headers: { Location: new URL(`${passagePath(doc.slug, passage.canonical)}#cite`, url).toString() },
    });
  } catch (error) {
    if (!(error instanceof RefError)) throw error;
    return problem(httpStatusOf(error.code), error.code, error.message, wantsJson, doc.slug);
  }
}

/** A selection made backwards (from T7 to T5) in the form means the same passage: it is read forwards. */
function readSelection(written: string, from: string, to: string) {
  try {
    return parseRef(written);
  } catch (error) {
    if (error instanceof RefError && error.code === 'reversed' && from && to) return parseRef(`${to}-${from}`);
    throw error;
  }
}

function problem(status: number, code: string, message: string, wantsJson: boolean, slug?: string): Response {
  if (wantsJson) return Response.json({ error: { code, message } }, { status });
  const back = slug ? `<p><a href="/documents/${encodeURIComponent(slug)}">Back to the document</a></p>` : '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cannot cite this passage · Diptych</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}p{overflow-wrap:anywhere}</style></head><body><main><h1>Cannot cite this passage</h1><p data-testid="cite-problem">${escapeHtml(message)}</p><p>Choose a first and a last turn such as T5 and T7, or write a reference such as T5, T5.2 or T5-T7.</p>${back}</main></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
