import { claimContext } from '@/core/review/context';

/** The claim highlighted inside its sentence. */
export function ClaimInContext({ text, start, end }: Readonly<{ text: string; start: number; end: number }>) {
  const c = claimContext(text, start, end);
  return (
    <blockquote className="claim-context">
      {c.clippedStart && '… '}
      {c.before}
      <mark>{c.claim}</mark>
      {c.after}
      {c.clippedEnd && ' …'}
    </blockquote>
  );
}
