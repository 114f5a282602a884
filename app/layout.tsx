import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import './globals.css';
import { SiteNav } from './_components/site-nav';
import { ThemeToggle } from './_components/theme-toggle';
import { RenderLater } from './_components/render-later';
import { themeBootScript } from './_components/theme-script';

export const metadata: Metadata = {
  title: { default: 'Service Traffic Trainer', template: '%s · Service Traffic Trainer' },
  description:
    'Learn how a Kubernetes Service routes external traffic — externalTrafficPolicy, SNAT, health-check node ports, uneven load — and prove it by predicting what a real cluster does.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Sets data-theme (and data-deep-link) before first paint; suppressHydrationWarning above covers them. */}
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="flex min-h-screen flex-col bg-bg text-fg">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-fg"
        >
          Skip to content
        </a>
        <header className="border-b border-border">
          {/* Narrow screens: brand and theme toggle on one row, the nav wrapping below. Wide: one row. */}
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            {/* As tall as the theme toggle beside it (34 px), so the row's height is the same in a first frame
                painted while the header is still being parsed (the icon only, 24 px): else the name moved down as
                the row grew (a layout shift CI caught on a deep link under load). */}
            <Link href="/" prefetch={false} className="flex min-h-[2.125rem] items-center gap-2 font-semibold">
              <svg aria-hidden="true" viewBox="0 0 32 32" className="h-6 w-6 shrink-0">
                <rect width="32" height="32" rx="7" className="fill-accent" />
                <path
                  d="M7 16h7m0 0 4-6h7m-11 6 4 6h7"
                  fill="none"
                  strokeWidth="2.5"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  className="stroke-accent-fg"
                />
              </svg>
              Service Traffic Trainer
            </Link>
            <div className="order-2 ml-auto md:order-3 md:ml-0">
              <ThemeToggle />
            </div>
            <div className="order-3 w-full md:order-2 md:ml-auto md:w-auto">
              <SiteNav />
            </div>
          </div>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none"
        >
          {children}
        </main>
        <RenderLater />
        <footer className="border-t border-border">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
            Answers are computed by a model of kube-proxy; every figure cites the rule it comes from.
          </div>
        </footer>
      </body>
    </html>
  );
}
