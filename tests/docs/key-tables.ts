import ts from 'typescript';

/*
 * Reads the two sides of a "## Keys" table: the key patterns a README documents, and the patterns the
 * builders in the folder's keys.ts actually produce. A builder is called with a sample ref for each
 * `…Ref` parameter and with `<name>` for every other one, so `postedSlotKey(channel, slotKey)` yields
 * `daily:<channel>:posted:<slotKey>`, the way the README writes it.
 */

/** One ref with every field a ref type has; its keys are turned back into `<channel>`, `<ws>`, `<userId>`. */
const SAMPLE_REF = { platform: 'discord', workspaceId: 'W0RKSPACE', channelId: 'CH4NNEL', userId: 'US3R' } as const;
const REF_PLACEHOLDERS: readonly [string, string][] = [
  [`${SAMPLE_REF.platform}:${SAMPLE_REF.workspaceId}:${SAMPLE_REF.channelId}`, '<channel>'],
  [`${SAMPLE_REF.platform}:${SAMPLE_REF.workspaceId}`, '<ws>'],
  [SAMPLE_REF.channelId, '<channelId>'],
  [SAMPLE_REF.userId, '<userId>'],
];

/** The backquoted keys in the first column of the table under a `## Keys` heading; undefined when there is none. */
export function readmeKeys(markdown: string): string[] | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#{2,3}\s+keys\b/i.test(l.trim()));
  if (start < 0) return undefined;
  const keys: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,3}\s/.test(line)) break;
    const row = line.trim();
    if (!row.startsWith('|') || /^\|[\s:|-]+\|$/.test(row)) continue;
    const firstCell = row.split('|')[1] ?? '';
    keys.push(...[...firstCell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
  }
  return keys;
}

interface Param {
  name: string;
  isRef: boolean;
}

/** A key a keys.ts exports: a `…_KEY` string constant, or a builder function (also as a member of an exported object). */
export interface KeyExport {
  /** `postedSlotKey`, `scoringKeys.grade`: where to find it in the module. */
  path: string[];
  params: Param[] | undefined;
}

/** Lists a keys.ts's exports by reading its syntax: parameter names and types are gone once it runs. */
export function keyExports(source: string, fileName = 'keys.ts'): KeyExport[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: KeyExport[] = [];
  const paramsOf = (fn: ts.SignatureDeclarationBase): Param[] => fn.parameters.map((p) => ({ name: p.name.getText(file), isRef: /Ref\b/.test(p.type?.getText(file) ?? '') }));
  const isFunction = (e: ts.Node | undefined): e is ts.ArrowFunction | ts.FunctionExpression => e !== undefined && (ts.isArrowFunction(e) || ts.isFunctionExpression(e));

  for (const statement of file.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      found.push({ path: [statement.name.text], params: paramsOf(statement) });
      continue;
    }
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name)) continue;
      const name = decl.name.text;
      const init = decl.initializer;
      if (isFunction(init)) found.push({ path: [name], params: paramsOf(init) });
      else if (init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) && name.endsWith('_KEY')) found.push({ path: [name], params: undefined });
      else if (init && ts.isObjectLiteralExpression(init)) {
        for (const prop of init.properties) {
          if (ts.isPropertyAssignment(prop) && isFunction(prop.initializer)) found.push({ path: [name, prop.name.getText(file)], params: paramsOf(prop.initializer) });
          else if (ts.isMethodDeclaration(prop)) found.push({ path: [name, prop.name.getText(file)], params: paramsOf(prop) });
        }
      }
    }
  }
  return found;
}

/** The pattern one export produces, written as a README writes keys; throws when a builder cannot be sampled. */
export function keyPattern(module: Record<string, unknown>, key: KeyExport): string {
  let value: unknown = module;
  for (const part of key.path) value = (value as Record<string, unknown> | undefined)?.[part];
  const label = key.path.join('.');
  let out: unknown;
  if (key.params === undefined) out = value;
  else if (typeof value === 'function') out = value(...key.params.map((p) => (p.isRef ? SAMPLE_REF : `<${p.name}>`)));
  else throw new Error(`${label} is not exported as a function at run time`);
  if (typeof out !== 'string') throw new Error(`${label} did not return a string`);
  let pattern = out.replaceAll('%3C', '<').replaceAll('%3E', '>');
  for (const [sample, placeholder] of REF_PLACEHOLDERS) pattern = pattern.replaceAll(sample, placeholder);
  if (/undefined|\[object /.test(pattern)) throw new Error(`${label} gave ${pattern}: a parameter needs a sample value other than a string or a ref`);
  return pattern;
}

export interface KeyTableDiff {
  /** Rows the README has and no builder makes. */
  onlyInReadme: string[];
  /** Builders (with their pattern) the README does not list. */
  onlyInCode: string[];
}

export function compareKeys(documented: readonly string[], built: ReadonlyMap<string, string>): KeyTableDiff {
  const patterns = new Set(built.values());
  const rows = new Set(documented);
  return {
    onlyInReadme: documented.filter((k) => !patterns.has(k)),
    onlyInCode: [...built].filter(([, pattern]) => !rows.has(pattern)).map(([name, pattern]) => `${name} → ${pattern}`),
  };
}
