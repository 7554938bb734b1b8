/**
 * The 503 answer sent while the database is unreachable. Self-contained
 * (inline styles, no scripts, no user input): the app itself cannot render.
 */
export const RETRY_AFTER_SECONDS = 30;

export const UNAVAILABLE_MESSAGE = 'Diptych is temporarily unavailable: its database is not answering. Please try again in a minute.';

export function unavailableHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · Diptych</title>
<style>
:root { color-scheme: light dark; --fg: #1d1b18; --bg: #fbfaf6; --muted: #5d584e; --accent: #8a3a10; }
@media (prefers-color-scheme: dark) { :root { --fg: #e9e5dc; --bg: #16151a; --muted: #aba496; --accent: #f0a56a; } }
body { margin: 0; background: var(--bg); color: var(--fg); font-family: Charter, 'PT Serif', Georgia, 'Liberation Serif', serif; line-height: 1.6; }
main { max-width: 36rem; margin: 4rem auto; padding: 0 1.25rem; }
p.code { font-family: system-ui, sans-serif; font-size: .85rem; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
a { color: var(--accent); }
</style>
</head>
<body>
<main data-testid="unavailable">
<p class="code">Error 503 · Service unavailable</p>
<h1>Diptych is resting for a moment</h1>
<p>Our database is not answering just now, so the documents cannot be shown. Nothing you read or cited is lost.</p>
<p>Please <a href="">try again</a> in a minute.</p>
</main>
</body>
</html>
`;
}
