// The direction of imports (docs/architecture.md, "Layers"): app → components → lib/<feature> → lib/<foundation>.
// Every import of every file under app/, components/ and lib/ is read here, so a new file cannot slip past it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The foundations, each with the other foundations it may import. Anything in lib/ not listed is a feature: it may
 * import foundations and other features (no cycles, below), and no foundation may import it.
 */
const FOUNDATIONS: Record<string, readonly string[]> = {
  errors: [],
  time: [],
  config: [],
  csv: [],
  format: [],
  contract: ['time'],
  firebase: ['config', 'contract', 'errors', 'auth'],
  auth: ['config', 'contract', 'errors', 'firebase'],
  audit: ['auth', 'firebase'],
  api: ['audit', 'auth', 'config', 'errors', 'firebase', 'format'],
};

/**
 * Folder cycles in lib/ that remain, each with why; the test fails if one disappears (remove it here) or a new one
 * appears. Keys are the two folders, sorted.
 */
const KNOWN_CYCLES: Record<string, string> = {
  'auth devices firebase':
    'lib/firebase/refs.ts builds every user path from the verified UserScope of lib/auth/scope.ts, lib/auth reads ' +
    'sessions through lib/firebase, and a browser session is a web device (lib/auth/session.ts uses lib/devices)',
  'seed simulator':
    'the demo seed plays simulated phones (lib/simulator/simulate-fleet.ts), which write the seed’s journal ' +
    'content (lib/seed/content.ts) with its deterministic random numbers (lib/seed/random.ts)',
};

/**
 * Features that a foundation still imports, each with why: sessions are web devices, so lib/auth/session.ts
 * registers and revokes them through lib/devices.
 */
const KNOWN_FOUNDATION_IMPORTS: Record<string, string> = {
  'auth -> devices': 'a browser session is a web device: lib/auth/session.ts registers, revokes and checks it',
};

type Import = { file: string; target: string; specifier: string };

const ROOTS = ['app', 'components', 'lib'] as const;
const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Imports inside the project, resolved to a path from the root ('@/lib/x' and './x' alike). */
function projectImports(file: string, source: string): Import[] {
  const found: Import[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = (match[1] ?? match[2])!;
    let target: string;
    if (specifier.startsWith('@/')) target = specifier.slice(2);
    else if (specifier.startsWith('.')) target = path.join(path.dirname(file), specifier);
    else continue;
    found.push({ file, target: target.split(path.sep).join('/'), specifier });
  }
  return found;
}

/** app, components, a lib folder (`lib/sync`), or null for files outside the three roots (tests, scripts). */
function unitOf(file: string): string | null {
  const [root, folder] = file.split('/');
  if (root === 'app' || root === 'components') return root;
  return root === 'lib' && folder && !/\.tsx?$/.test(folder) ? `lib/${folder}` : null;
}

const rank = (unit: string) => (unit === 'app' ? 0 : unit === 'components' ? 1 : unit.slice(4) in FOUNDATIONS ? 3 : 2);

/** Every import that goes the wrong way, as "file imports specifier (why)". */
export function layerViolations(imports: Import[]): string[] {
  const offenders: string[] = [];
  for (const { file, target, specifier } of imports) {
    const from = unitOf(file);
    const to = unitOf(target);
    if (!from || !to || from === to) continue;
    const at = `${file} imports '${specifier}'`;
    if (!to.startsWith('lib/') && rank(to) <= rank(from)) offenders.push(`${at}: ${from} may not import ${to}`);
    else if (rank(from) === 3 && rank(to) === 2) {
      if (!KNOWN_FOUNDATION_IMPORTS[`${from.slice(4)} -> ${to.slice(4)}`])
        offenders.push(`${at}: the foundation ${from} may not import the feature ${to}`);
    } else if (rank(from) === 3 && !FOUNDATIONS[from.slice(4)]!.includes(to.slice(4)))
      offenders.push(`${at}: ${from} may import only lib/{${FOUNDATIONS[from.slice(4)]!.join(',')}} among foundations`);
  }
  return offenders;
}

/** Pairs of lib folders that import each other, directly or through others (strongly connected components). */
export function folderCycles(imports: Import[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { file, target } of imports) {
    const from = unitOf(file);
    const to = unitOf(target);
    if (!from?.startsWith('lib/') || !to?.startsWith('lib/') || from === to) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(member.slice(4));
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort();
}

const imports = ROOTS.flatMap((root) => sourceFiles(root)).flatMap((file) =>
  projectImports(file.split(path.sep).join('/'), readFileSync(file, 'utf8')),
);

describe('the layers', () => {
  it('finds the code it checks', () => {
    expect(imports.length).toBeGreaterThan(500);
    for (const folder of Object.keys(FOUNDATIONS)) expect(statSync(path.join('lib', folder)).isDirectory()).toBe(true);
  });

  it('imports only go down: app → components → lib/<feature> → lib/<foundation>', () => {
    expect(layerViolations(imports)).toEqual([]);
  });

  it('has no folder cycles in lib/ beyond the known ones', () => {
    expect(folderCycles(imports).map((cycle) => cycle.join(' '))).toEqual(Object.keys(KNOWN_CYCLES).sort());
  });

  it('reports a wrong import with its file', () => {
    const bad = [
      { file: 'lib/errors/app-error.ts', target: 'lib/api/errors', specifier: '@/lib/api/errors' },
      { file: 'lib/journal/x.ts', target: 'components/ui/button', specifier: '@/components/ui/button' },
      { file: 'lib/contract/x.ts', target: 'lib/sync/types', specifier: '@/lib/sync/types' },
    ];
    expect(layerViolations(bad)).toEqual([
      "lib/errors/app-error.ts imports '@/lib/api/errors': lib/errors may import only lib/{} among foundations",
      "lib/journal/x.ts imports '@/components/ui/button': lib/journal may not import components",
      "lib/contract/x.ts imports '@/lib/sync/types': the foundation lib/contract may not import the feature lib/sync",
    ]);
  });
});
