import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Metadata } from 'next';
import Article from '@/content/inside-the-cluster.mdx';
import { proseComponents } from '@/app/_components/article/prose';
import { tocFromMdx } from '@/app/_components/article/headings';
import { TableOfContents } from '@/app/learn/external-traffic-policy/table-of-contents';

export const dynamic = 'force-static';

export const metadata: Metadata = {
  title: 'Inside the cluster: ClusterIP, internalTrafficPolicy, affinity and topology',
  description:
    'How a Kubernetes Service routes traffic from Pods and nodes: the ClusterIP rules, source addresses, internalTrafficPolicy, session affinity and trafficDistribution, every number computed by a model of kube-proxy.',
};

// Read at build time (the page is static): the headings the table of contents lists.
const toc = tocFromMdx(readFileSync(path.join(process.cwd(), 'content', 'inside-the-cluster.mdx'), 'utf8'));

export default function InsideTheClusterPage() {
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
