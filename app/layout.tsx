import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import './globals.css';
import { SiteNav } from './_components/site-nav';
import { ThemeToggle } from './_components/theme-toggle';
import { themeBootScript } from './_components/theme-script';

export const metadata: Metadata = {
  title: { default: 'Service Traffic Trainer', template: '%s · Service Traffic Trainer' },
  description:
    'Learn how a Kubernetes Service routes external traffic — externalTrafficPolicy, SNAT, health-check node ports, uneven load — and prove it by predicting what a real cluster does.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen bg-bg text-fg">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-fg"
        >
          Skip to content
        </a>
        <header className="border-b border-border">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="font-semibold">
              Service Traffic Trainer
            </Link>
            <SiteNav />
            <ThemeToggle />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-border">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
            Answers are computed by a model of kube-proxy; every figure cites the rule it comes from.
          </div>
        </footer>
      </body>
    </html>
  );
}
