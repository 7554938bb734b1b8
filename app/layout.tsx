import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from './_components/site-header';
import './globals.css';
import { INTERFACE_LANG } from '@/lib/render/lang';

export const metadata: Metadata = {
  title: { default: 'Diptych', template: '%s · Diptych' },
  description: 'Translated historical documents beside their sources, aligned passage by passage.',
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/favicon.svg', type: 'image/svg+xml' },
    ],
  },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={INTERFACE_LANG}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
