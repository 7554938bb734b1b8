import type { CSL } from '@citation-js/core';
import { jsonForScript } from '@/lib/citation/json-script';
import { CSL_JSON_MIME } from '@/lib/citation/metadata';

/**
 * The page's CSL-JSON for reference managers. A <script> element's text is
 * not parsed as HTML, and React would entity-escape a text child (breaking
 * the JSON), so the JSON is set as raw text; jsonForScript escapes <, > and &
 * so nothing in it can close the element.
 */
export function CslJsonScript({ items }: { items: CSL[] }) {
  return (
    <script type={CSL_JSON_MIME} id="csl-json" data-testid="csl-json" dangerouslySetInnerHTML={{ __html: jsonForScript(items) }} />
  );
}
