export default function HomePage() {
  return (
    <section>
      <h1 className="text-3xl font-bold">Service Traffic Trainer</h1>
      <p className="mt-4">Learn how a Kubernetes Service routes external traffic, then prove it.</p>
    </section>
  );
}
