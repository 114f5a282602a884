import { sharePercent } from '@/lib/engine';

/** An exact share such as "1/6" as a percentage for prose: "16.7 %" (one decimal unless whole). */
export function shareAsPercent(share: string): string {
  return `${sharePercent(share)} %`;
}
