import type { Metadata } from 'next';
import Article from '@/content/troubleshooting.mdx';
import { ArticlePage } from '@/app/_components/article/article-page';

export const dynamic = 'force-static';

export const metadata: Metadata = {
  title: 'Troubleshooting a Service, symptom by symptom',
  description:
    'Connection refused, timeouts, the wrong source address, uneven load and names that do not resolve: what to look at, the cause and the fix, with every kubectl and curl output computed from a model of kube-proxy.',
};

export default function TroubleshootingPage() {
  return <ArticlePage Article={Article} source="troubleshooting.mdx" />;
}
