import Link from 'next/link';
import { AccountMenu } from './account-menu';

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="site-name">
        Diptych
      </Link>
      <nav aria-label="Site">
        <Link href="/">Library</Link>
        <Link href="/search">Search</Link>
      </nav>
      <form role="search" aria-label="Site search" action="/search" method="get" className="site-search">
        <label htmlFor="site-search-q" className="sr-only">
          Search all texts
        </label>
        <input id="site-search-q" type="search" name="q" placeholder="Search all texts" />
        <button type="submit">Search</button>
      </form>
      <AccountMenu />
    </header>
  );
}
