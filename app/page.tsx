import Link from 'next/link';
import { NAV_ITEMS } from './_components/nav-items';
import { LearningPath } from './learn/learning-path';

/**
 * Home: what the trainer is for, who uses it and where to go. A Server Component with no client JS.
 * Deliberately qualitative — every routing figure in the app comes from the engine, never from prose here.
 * Links do not prefetch on sight (the nav prefetches on hover/focus): it keeps the page's load light.
 */

/** One line per feature, keyed by its nav href so the home page lists exactly what the nav lists. */
const FEATURE_BLURBS: Record<string, string> = {
  '/learn':
    'The learning path: articles on traffic from outside and inside the cluster, each followed by the explorer and practice.',
  '/learn/explorer':
    'Change a cluster — its nodes, endpoints and Service policy — and see where each request goes.',
  '/practice':
    'Generated questions at three levels. Predict what the cluster does; the routing engine grades you and explains each step.',
  '/drills':
    'Instructors run a drill for a group: everyone answers the same generated questions, marked by the engine.',
  '/interview': 'Recall cards for explaining the topic aloud, with what a strong answer covers.',
  '/review': 'Spaced review that brings back what you missed, shortly before you would forget it.',
  '/progress': 'How well you know each concept, judged from your own answers.',
};

/** Each example opens a short practice session of the question kind that asks it. */
const QUESTIONS = [
  { text: 'Which source IP does the Pod see — the client’s, or a node’s?', kinds: 'source-ip' },
  { text: 'Which nodes pass the load balancer’s health check, and why do the others fail it?', kinds: 'health-check' },
  { text: 'Why can one Pod receive far more traffic than its neighbour?', kinds: 'load-share' },
  { text: 'What happens to a request that reaches a node with no ready endpoint?', kinds: 'client-outcome' },
  { text: 'When should a Service use Cluster, and when Local?', kinds: 'policy-choice' },
] as const;

const AUDIENCES = [
  {
    title: 'Self-study',
    body: 'You run Services in production and want to know exactly why a client IP vanishes or one node runs hot. Read, explore, then test yourself until the answers are automatic.',
  },
  {
    title: 'CKA and CKAD preparation',
    body: 'Services and networking are a large part of both exams, and troubleshooting them is a large part of the rest. Build the mental model here, then confirm it at the command line.',
  },
  {
    title: 'Instructors',
    body: 'Run a drill in class: everyone answers the same generated questions, the engine marks them, and you see where the room is still unsure.',
  },
] as const;

export default function HomePage() {
  return (
    <div className="space-y-16">
      <section aria-labelledby="hero-title" className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent">Kubernetes networking</p>
        <h1 id="hero-title" className="mt-2 text-4xl font-bold leading-tight tracking-tight sm:text-5xl">
          Service Traffic Trainer
        </h1>
        <p className="mt-4 text-lg text-muted">
          Learn how a Kubernetes Service routes traffic, from outside the cluster and from inside it — the{' '}
          <code className="font-mono text-fg">externalTrafficPolicy</code> choice between Cluster and Local,
          source NAT, the health-check node port, uneven load, ClusterIP calls, affinity and topology — then prove
          it by predicting what a cluster does and having your answer checked by a routing engine.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            prefetch={false}
            href="/learn"
            className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90"
          >
            Start the learning path
          </Link>
          <Link
            prefetch={false}
            href="/practice"
            className="rounded-md border border-border px-4 py-2 font-semibold hover:bg-surface"
          >
            Go straight to practice
          </Link>
        </div>
      </section>

      <section aria-labelledby="path-title">
        <h2 id="path-title" className="text-2xl font-bold">
          The learning path
        </h2>
        <p className="mt-2 text-muted">Read, explore, then practise, one topic at a time.</p>
        <LearningPath headingLevel={3} />
      </section>

      <section aria-labelledby="questions-title">
        <h2 id="questions-title" className="text-2xl font-bold">
          Questions you will be able to answer
        </h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2">
          {QUESTIONS.map((q) => (
            <li key={q.kinds} className="relative rounded-lg border border-border bg-surface px-4 py-3 hover:border-accent">
              {/* The stretched link makes the whole card clickable while keeping one link per card. */}
              <Link prefetch={false} href={`/practice?difficulty=intro&count=3&kinds=${q.kinds}`} className="after:absolute after:inset-0 after:content-['']">
                {q.text}
              </Link>
              <span className="mt-1 block text-sm text-accent" aria-hidden="true">
                Practise this →
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="audience-title">
        <h2 id="audience-title" className="text-2xl font-bold">
          Who it is for
        </h2>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          {AUDIENCES.map((a) => (
            <article key={a.title} className="rounded-lg border border-border p-5">
              <h3 className="text-lg font-semibold">{a.title}</h3>
              <p className="mt-2 text-muted">{a.body}</p>
            </article>
          ))}
        </div>
      </section>

      <section aria-labelledby="features-title">
        <h2 id="features-title" className="text-2xl font-bold">
          Ways to work
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {NAV_ITEMS.map((item) => (
            <li key={item.href} className="relative rounded-lg border border-border p-5 hover:bg-surface">
              <h3 className="text-lg font-semibold">
                {/* The stretched link makes the whole card clickable while keeping one link per card. */}
                <Link
                  prefetch={false}
                  href={item.href}
                  className="text-accent after:absolute after:inset-0 after:content-['']"
                >
                  {item.label}
                </Link>
              </h3>
              <p className="mt-2 text-muted">{FEATURE_BLURBS[item.href]}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-title" className="max-w-3xl">
        <h2 id="how-title" className="text-2xl font-bold">
          How answers are checked
        </h2>
        <p className="mt-3 text-muted">
          Every scenario — the nodes, the endpoints and whether each is ready, serving or terminating, the
          Service and its policy — is handed to a routing engine modelled on kube-proxy. The engine decides
          where each request goes, what source address the Pod sees and which nodes the load balancer keeps.
          Your prediction is compared with that, part by part, and the feedback shows the steps and names the
          misconception when there is one. No answer is typed in by hand, so changing a scenario can never
          leave a stale answer behind.
        </p>
      </section>
    </div>
  );
}
