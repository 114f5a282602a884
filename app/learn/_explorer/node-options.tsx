/** The <option>s of a node picker: one per node of the layout, valued by index. */
import { nodeName } from '@/lib/explorer/state';

export function NodeOptions({ count }: { count: number }) {
  return Array.from({ length: count }, (_, n) => (
    <option key={n} value={n}>
      {nodeName(n)}
    </option>
  ));
}
