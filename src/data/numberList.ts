/** Parses "0.1, 0.5, 1" into numbers, sorted and unique; unparsable entries are dropped so a typo never breaks the panel. */
export function parseNumberList(text: string): number[] {
  const numbers = text
    .split(/[\s,;]+/)
    .filter((s) => s !== '')
    .map(Number)
    .filter((n) => Number.isFinite(n));
  return [...new Set(numbers)].sort((a, b) => a - b);
}
