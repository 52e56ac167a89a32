/** A question's system as shown: "Cardiovascular (inferred)" when it was inferred from the question's words. */
export function systemLabel(q: { system: string | null; systemInferred?: boolean }): string | null {
  return q.system && q.systemInferred ? `${q.system} (inferred)` : q.system;
}
