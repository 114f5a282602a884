import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Metadata } from 'next';
import Article from '@/content/external-traffic-policy.mdx';
import { proseComponents } from '@/app/_components/article/prose';
import { tocFromMdx } from '@/app/_components/article/headings';
import { TableOfContents } from './table-of-contents';

export const dynamic = 'force-static';

export const metadata: Metadata = {
  title: 'externalTrafficPolicy: Cluster vs Local',
  description:
    'How a Kubernetes Service routes outside traffic under externalTrafficPolicy Cluster and Local: SNAT, the health-check node port, uneven load, and every number computed by a model of kube-proxy.',
};

// Read at build time (the page is static): the headings the table of contents lists.
const toc = tocFromMdx(readFileSync(path.join(process.cwd(), 'content', 'external-traffic-policy.mdx'), 'utf8'));

export default function ExternalTrafficPolicyPage() {
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-8">
      <article className="min-w-0 max-w-3xl lg:order-1">
        <div className="mb-4 lg:hidden">
          <TableOfContents entries={toc} collapsible />
        </div>
        <Article components={proseComponents} />
      </article>
      <aside className="hidden lg:order-2 lg:block">
        <TableOfContents entries={toc} collapsible={false} />
      </aside>
    </div>
  );
}
