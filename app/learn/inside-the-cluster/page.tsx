import type { Metadata } from 'next';
import Article from '@/content/inside-the-cluster.mdx';
import { ArticlePage } from '@/app/_components/article/article-page';

export const dynamic = 'force-static';

export const metadata: Metadata = {
  title: 'Inside the cluster: ClusterIP, internalTrafficPolicy, affinity and topology',
  description:
    'How a Kubernetes Service routes traffic from Pods and nodes: the ClusterIP rules, source addresses, internalTrafficPolicy, session affinity and trafficDistribution, every number computed by a model of kube-proxy.',
};

export default function InsideTheClusterPage() {
  return <ArticlePage Article={Article} source="inside-the-cluster.mdx" />;
}
