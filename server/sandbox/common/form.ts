// URL-encoded parameters with PHP-style brackets: `a[b]=1` is {a:{b:'1'}}, `a[]=1&a[]=2` is {a:['1','2']}.
type Tree = Record<string, unknown>;

function keyPath(name: string): string[] {
	const first = name.split('[', 1)[0] ?? name;
	const rest = [...name.slice(first.length).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '');
	return [first, ...rest];
}

function assign(tree: Tree, path: string[], value: string): void {
	const [head, ...tail] = path;
	if (head === undefined) return;
	if (tail.length === 0) {
		tree[head] = value;
		return;
	}
	if (tail[0] === '') {
		const list = Array.isArray(tree[head]) ? (tree[head] as unknown[]) : [];
		if (tail.length === 1) list.push(value);
		else {
			const item: Tree = {};
			assign(item, tail.slice(1), value);
			list.push(item);
		}
		tree[head] = list;
		return;
	}
	const child = typeof tree[head] === 'object' && tree[head] !== null && !Array.isArray(tree[head]) ? (tree[head] as Tree) : {};
	assign(child, tail, value);
	tree[head] = child;
}

export function parseForm(text: string): Record<string, unknown> {
	const tree: Tree = {};
	for (const [name, value] of new URLSearchParams(text)) assign(tree, keyPath(name), value);
	return tree;
}
