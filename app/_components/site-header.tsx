import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="site-name">
        Diptych
      </Link>
      <nav aria-label="Site">
        <Link href="/">Library</Link>
      </nav>
    </header>
  );
}
