// A little HCL writer whose output `terraform fmt` leaves as it is: two-space indents, and the `=` of
// consecutive one-line attributes aligned.

export type HclValue = { readonly expression: string } | string | readonly string[];
export type HclBody = ReadonlyArray<readonly [string, HclValue] | { readonly block: string; readonly body: HclBody }>;

/** An expression written as is (a reference, a function call). */
export const expression = (text: string): HclValue => ({ expression: text });

/** A quoted HCL string: JSON's escapes, plus `${` and `%{` escaped so nothing is interpolated. */
export const hclString = (text: string): string => JSON.stringify(text).replaceAll('${', '$${').replaceAll('%{', '%%{');

const render = (value: HclValue): string => (typeof value === 'string' ? hclString(value) : 'expression' in value ? value.expression : `[${value.map(hclString).join(', ')}]`);

export function hclBlock(header: string, body: HclBody, indent = ''): string {
  const inner = `${indent}  `;
  const out: string[] = [`${indent}${header} {`];
  let run: Array<readonly [string, HclValue]> = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([name]) => name.length));
    for (const [name, value] of run) out.push(`${inner}${name.padEnd(width)} = ${render(value)}`);
    run = [];
  };
  for (const entry of body) {
    if (Array.isArray(entry)) {
      run.push(entry as readonly [string, HclValue]);
      continue;
    }
    flush();
    const block = entry as { block: string; body: HclBody };
    out.push(hclBlock(block.block, block.body, inner));
  }
  flush();
  out.push(`${indent}}`);
  return out.join('\n');
}
