/**
 * JSON for an inline <script type="application/…+json"> block. JSON.stringify
 * alone is not safe there: a title containing "</script>" would end the
 * element, and "<!--" changes how the HTML parser reads it. Escaping <, >, &
 * and the two JavaScript line separators as \uXXXX keeps the text valid JSON
 * with the same value, and inert to the HTML parser.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
