import { loadArticleScenario } from '@/lib/article';

/** What the API server says about a named scenario's Service, in kubectl's words. */
export function ValidationErrors({ name }: { name: string }) {
  const { scenario, answer } = loadArticleScenario(name);
  if (answer.validation.valid) return <p className="my-4 text-sm">{`The API server accepts Service ${scenario.service.name}.`}</p>;
  return (
    <pre className="my-4 overflow-x-auto rounded-lg border border-border bg-surface p-3 text-sm whitespace-pre-wrap" tabIndex={0} aria-label="kubectl output">
      {answer.validation.errors.map((e) => `The Service "${scenario.service.name}" is invalid: ${e}`).join('\n')}
    </pre>
  );
}
