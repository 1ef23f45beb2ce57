/**
 * Label matchers written in the config (`job="kubernetes-pods", container="discovery"`), read by Prometheus's own
 * PromQL grammar rather than a pattern of ours: what passes here is what Prometheus will accept in `{…}`, quoting,
 * escapes and regex strings included, and a comma inside a string does not split a matcher. Prometheus 3's quoted
 * label names are refused: the dashboards must run on Prometheus 2 as well.
 */
import { parser, PromQL, VectorSelector } from '@prometheus-io/lezer-promql';

/** The matchers as written, one string each, or why the text is not a matcher list. */
export type ParsedMatchers = { matchers: string[] } | { problem: string };

// A metric name in front, so that the text parses as the inside of one selector's braces.
const PREFIX = 'up{';

export function parseMatchers(text: string): ParsedMatchers {
  const expr = `${PREFIX}${text}}`;
  const tree = parser.parse(expr);
  const top = tree.topNode;
  const selector = top.type.id === PromQL ? top.firstChild : null;
  // Anything but one selector spanning the whole text (`a="b"} or vector(1) or up{c="d"`) is not a matcher list.
  if (!selector || selector.type.id !== VectorSelector || selector.to !== expr.length || selector.nextSibling) {
    return { problem: 'it closes the braces or adds an expression (write the matchers without braces)' };
  }
  let problem: string | undefined;
  const matchers: string[] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError) {
        const at = node.from - PREFIX.length;
        problem ??=
          at >= text.length ? 'it ends too early' : `PromQL cannot parse it at character ${Math.max(1, at + 1)}`;
      } else if (node.name === 'QuotedLabelMatcher') {
        problem ??= 'a quoted label name needs Prometheus 3 (write name="value")';
      } else if (node.name === 'UnquotedLabelMatcher') {
        matchers.push(expr.slice(node.from, node.to));
      }
    },
  });
  if (problem !== undefined) {
    return { problem };
  }
  return matchers.length === 0 ? { problem: 'it has no matcher' } : { matchers };
}
