import { loadArticleScenario, shareAsPercent, valueAtPath } from '@/lib/article';

/**
 * One value of a named scenario's answer, inline in prose: `<Fact name="article-uneven-local"
 * path="shares.pods.web-b-1" />` → 1/2. `as="percent"` renders a share as a percentage.
 */
export function Fact({ name, path, as }: { name: string; path: string; as?: 'percent' }) {
  const { answer } = loadArticleScenario(name);
  const value = valueAtPath(answer, path);
  const text = as === 'percent' ? shareAsPercent(String(value)) : String(value);
  return <strong data-fact={`${name}:${path}`}>{text}</strong>;
}
