'use client';
/**
 * The explorer island for long pages: the prerendered HTML holds a light placeholder, and the explorer's
 * code (engine, schema, YAML) is fetched only when the reader scrolls near it, so the article itself ships
 * almost no JavaScript.
 */
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { ExplorerStandIn } from './explorer-stand-in';

const Explorer = dynamic(() => import('./explorer').then((m) => m.Explorer), { ssr: false, loading: () => <Placeholder loading /> });

function Placeholder({ loading = false }: { loading?: boolean }) {
  return (
    <ExplorerStandIn kind="placeholder">
      <p className="my-2 text-sm" aria-live="polite">
        {loading ? 'Loading the explorer…' : 'The explorer loads when you scroll here.'}{' '}
        <Link className="text-accent underline" href="/learn/explorer">
          Open it on its own page
        </Link>
        .
      </p>
    </ExplorerStandIn>
  );
}

export function LazyExplorer() {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // A link to a layout or to the explorer (…?s=…#explorer) opens it at once, not when scrolled near.
    if (typeof IntersectionObserver === 'undefined' || window.location.hash === '#explorer' || new URLSearchParams(window.location.search).has('s')) {
      const t = setTimeout(() => setNear(true), 0);
      return () => clearTimeout(t);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} id="explorer" className="scroll-mt-4">
      {near ? <Explorer headingLevel={2} /> : <Placeholder />}
    </div>
  );
}
