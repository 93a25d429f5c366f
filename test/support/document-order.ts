// linkedom (0.18) answers compareDocumentPosition wrongly between text nodes: a text node in an <h1>
// and one in a later <p> each say the other precedes it. The scanner orders confirmed matches of
// ambiguous terms with it ("first occurrence"), so scripts that scan in linkedom give its Node the
// tree-order answer a browser gives. Only for same-tree nodes; other cases keep linkedom's answer.

const PRECEDING = 2;
const FOLLOWING = 4;
const CONTAINS = 8;
const CONTAINED_BY = 16;

function ancestry(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | null = node; n; n = n.parentNode) chain.unshift(n);
  return chain;
}

/** What `other`'s position relative to `node` is, in tree order. */
function treePosition(node: Node, other: Node): number | undefined {
  if (node === other) return 0;
  const a = ancestry(node);
  const b = ancestry(other);
  if (a[0] !== b[0]) return undefined;
  let depth = 0;
  while (depth < a.length && depth < b.length && a[depth] === b[depth]) depth++;
  if (depth === a.length) return FOLLOWING | CONTAINED_BY; // `other` is inside `node`
  if (depth === b.length) return PRECEDING | CONTAINS; // `other` contains `node`
  const siblings = Array.from((a[depth - 1] as Node).childNodes);
  return siblings.indexOf(b[depth] as ChildNode) < siblings.indexOf(a[depth] as ChildNode) ? PRECEDING : FOLLOWING;
}

/** Makes `nodeClass` (a linkedom window's Node) answer compareDocumentPosition in tree order. */
export function useTreeOrder(nodeClass: { prototype: Node }): void {
  const proto = nodeClass.prototype as Node & { treeOrder?: true };
  if (proto.treeOrder) return;
  const original = proto.compareDocumentPosition;
  proto.compareDocumentPosition = function (this: Node, other: Node): number {
    return treePosition(this, other) ?? original.call(this, other);
  };
  proto.treeOrder = true;
}
