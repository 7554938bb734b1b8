/**
 * Which Chromium the browser tests drive: Debian's (/usr/bin/chromium, or CHROMIUM_PATH) when it is
 * there, else the one shipped inside the @sparticuz/chromium package (extracted to the temporary
 * folder on first use), so a fresh machine needs nothing beyond `npm install`. Neither: one line on
 * what to install, and the run stops.
 */
import { existsSync } from 'node:fs';

export interface ChromiumChoice {
  executablePath: string;
  /** Said once at start: which browser this run uses. */
  source: string;
}

export async function findChromium(systemPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<ChromiumChoice> {
  if (existsSync(systemPath)) return { executablePath: systemPath, source: systemPath };
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    const executablePath = await packaged.executablePath();
    return { executablePath, source: `${executablePath} (from @sparticuz/chromium; ${systemPath} is missing)` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`No Chromium: install Debian's (apt-get install chromium) or run npm install for @sparticuz/chromium (${reason}).`);
    process.exit(1);
  }
}
