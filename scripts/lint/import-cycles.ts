/**
 * Fails when any import cycle exists among the project's own modules, type-only imports
 * included (a type cycle still ties two modules' designs together). ESLint's no-cycle rules skip
 * `import type`, hence this small check; `npm run lint` runs it.
 *
 * Usage: tsx scripts/lint/import-cycles.ts [folder...]   (default: main common preload renderer scripts tests)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs']

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder).flatMap((name) => {
    if (name === 'node_modules' || name === 'out' || name.startsWith('.')) return []
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** The file a relative specifier names, as TypeScript's bundler resolution would find it. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier)
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext)]
  candidates.push(...EXTENSIONS.map((ext) => join(base, 'index' + ext)))
  return candidates.find((path) => existsSync(path) && statSync(path).isFile())
}

export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = info.importedFiles
      .map((entry) => entry.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveRelative(file, specifier))
      .filter((path): path is string => path !== undefined)
    graph.set(file, targets)
  }
  return graph
}

/** Every strongly connected group of more than one module, or a module importing itself (Tarjan). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (node: string): void => {
    index.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!))
      }
    }
    if (low.get(node) !== index.get(node)) return
    const group: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      group.push(member)
    } while (member !== node)
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group.reverse())
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return cycles
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)
if (isMain) {
  const root = resolve(import.meta.dirname, '..', '..')
  const folders = process.argv.slice(2)
  const roots =
    folders.length > 0 ? folders : ['main', 'common', 'preload', 'renderer', 'scripts', 'tests']
  const files = roots.flatMap((folder) => sourceFiles(resolve(root, folder)))
  const cycles = findCycles(importGraph(files))
  for (const cycle of cycles) {
    console.error(`import cycle: ${cycle.map((file) => relative(root, file)).join(' → ')}`)
  }
  if (cycles.length > 0) process.exit(1)
  console.log(`no import cycles among ${files.length} modules`)
}
