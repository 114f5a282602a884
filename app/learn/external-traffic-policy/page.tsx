import type { Metadata } from 'next';
import Article from '@/content/external-traffic-policy.mdx';
import { ArticlePage } from '@/app/_components/article/article-page';

export const dynamic = 'force-static';

export const metadata: Metadata = {
  title: 'externalTrafficPolicy: Cluster vs Local',
  description:
    'How a Kubernetes Service routes outside traffic under externalTrafficPolicy Cluster and Local: SNAT, the health-check node port, uneven load, and every number computed by a model of kube-proxy.',
};

export default function ExternalTrafficPolicyPage() {
  return <ArticlePage Article={Article} source="external-traffic-policy.mdx" />;
}
