import { close, fstat, open as openFd, read as readFd } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { promisify } from 'node:util'
import { FIELD_COUNT, BODY, type SearchDocument } from './search-document'
import { FrozenPostings, type FrozenPostingsData } from './frozen-postings'
import { StoredBodies } from './stored-bodies'

/**
 * The on-disk search index: one binary file per build, `index-<generation>.kbi` in the user's
 * index folder (see index-location.ts). Bump VERSION whenever normalisation, the document fields
 * or the layout change: an old file is then ignored and rebuilt, never misread.
 *
 *   "KBIX" u32 version u32 headerBytes   header (UTF-8 JSON: documents' short fields, filters,
 *                                         facets, file signatures, section table)
 *   sections, each 8-byte aligned:       per n-gram index keys f64, idOffsets u32, starts u32,
 *                                         ids (varint gaps), tfs; then body ends u32 ×2,
 *                                         normalised bodies (UTF-16LE), original bodies (UTF-16LE)
 *
 * Reading takes the postings as one buffer (decoded per query, see frozen-postings.ts), turns the
 * normalised bodies into strings, and leaves the original bodies on disk (stored-bodies.ts).
 */
const MAGIC = 'KBIX'
const VERSION = 3
const PREFIX_BYTES = 12
const POSTING_PARTS = ['keys', 'idOffsets', 'starts', 'ids', 'tfs'] as const

type Section = [offset: number, bytes: number]

/** A document as the header stores it: everything but the body texts. */
type StoredDocument = Omit<SearchDocument, 'body' | 'fields' | 'stored'> & { short: string[] }

interface Header {
  root: string
  docs: StoredDocument[]
  /** size+mtime of each case's files when read (see case-signatures.ts). */
  signatures: Record<string, string>
  /** Per n-gram index, its five parts; then the body sections. */
  postings: Section[][]
  bodyNormEnds: Section
  bodyOrigEnds: Section
  bodyNorm: Section
  bodyOrig: Section
}

export interface IndexFileContent {
  root: string
  docs: SearchDocument[]
  signatures: Record<string, string>
  /** The short-field and body n-gram postings (bulk-postings.ts), in that order. */
  postings: FrozenPostingsData[]
}

export interface LoadedIndexFile {
  root: string
  docs: SearchDocument[]
  signatures: Record<string, string>
  postings: FrozenPostings[]
  bodies: StoredBodies
}

const align = (n: number) => Math.ceil(n / 8) * 8

/** Texts as one UTF-16LE buffer, written in place (no joined copy of 30 million characters). */
function utf16(texts: string[], units: number): Buffer {
  const out = Buffer.allocUnsafe(units * 2)
  let at = 0
  for (const text of texts) at += out.write(text, at, 'utf16le')
  return out
}

/** Writes the index to `path` (through a temp file and a rename, so a reader never sees half). */
export async function writeIndexFile(path: string, content: IndexFileContent): Promise<void> {
  const chunks: Uint8Array[] = []
  const sectionOf = (data: Uint8Array): Section => {
    chunks.push(data)
    return [-1, data.byteLength]
  }
  const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
  const postings = content.postings.map((frozen) =>
    POSTING_PARTS.map((part) => sectionOf(bytesOf(frozen[part]))),
  )
  const normEnds = new Uint32Array(content.docs.length)
  const origEnds = new Uint32Array(content.docs.length)
  let norm = 0
  let orig = 0
  content.docs.forEach((d, i) => {
    normEnds[i] = norm += d.fields[BODY]!.length
    origEnds[i] = orig += d.body.length
  })
  const bodyNormEnds = sectionOf(bytesOf(normEnds))
  const bodyOrigEnds = sectionOf(bytesOf(origEnds))
  const bodyNorm = sectionOf(
    utf16(
      content.docs.map((d) => d.fields[BODY]!),
      norm,
    ),
  )
  const bodyOrig = sectionOf(
    utf16(
      content.docs.map((d) => d.body),
      orig,
    ),
  )
  const sections = [...postings.flat(), bodyNormEnds, bodyOrigEnds, bodyNorm, bodyOrig]
  const docs: StoredDocument[] = content.docs.map(({ body: _b, fields, stored: _s, ...rest }) => ({
    ...rest,
    short: fields.slice(0, BODY),
  }))
  const header: Header = {
    root: content.root,
    docs,
    signatures: content.signatures,
    postings,
    bodyNormEnds,
    bodyOrigEnds,
    bodyNorm,
    bodyOrig,
  }
  // Offsets depend on the header's length, which depends on the offsets' digits: leave room for
  // the longest number (16 characters) in every section, then lay the sections out after it.
  const roughLength = Buffer.byteLength(JSON.stringify(header), 'utf8')
  let at = align(PREFIX_BYTES + roughLength + sections.length * 32)
  const dataStart = at
  for (const s of sections) {
    s[0] = at
    at = align(at + s[1])
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
  if (PREFIX_BYTES + headerBytes.length > dataStart) throw new Error('index header overflow')
  const prefix = Buffer.alloc(PREFIX_BYTES)
  prefix.write(MAGIC, 0, 'latin1')
  prefix.writeUInt32LE(VERSION, 4)
  prefix.writeUInt32LE(headerBytes.length, 8)
  const temp = `${path}.${process.pid}.tmp`
  const handle = await open(temp, 'w')
  try {
    await handle.write(prefix, 0, PREFIX_BYTES, 0)
    await handle.write(headerBytes, 0, headerBytes.length, PREFIX_BYTES)
    for (let i = 0; i < sections.length; i++) {
      const data = chunks[i]!
      if (data.byteLength > 0) await handle.write(data, 0, data.byteLength, sections[i]![0])
    }
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, path).catch(async (error: unknown) => {
    await unlink(temp).catch(() => undefined)
    throw error
  })
}

/** Reads an index file; null when it is missing, damaged, of another version or another library. */
export async function readIndexFile(path: string, root: string): Promise<LoadedIndexFile | null> {
  // A plain descriptor, not a FileHandle: StoredBodies keeps it for reading snippets, and a
  // FileHandle would close it when garbage-collected.
  const fd = await promisify(openFd)(path, 'r').catch(() => null)
  if (fd === null) return null
  const handle = {
    read: (buffer: Uint8Array, offset: number, length: number, position: number) =>
      promisify(readFd)(fd, buffer, offset, length, position),
  }
  let keepOpen = false
  try {
    const prefix = Buffer.alloc(PREFIX_BYTES)
    await handle.read(prefix, 0, PREFIX_BYTES, 0)
    if (prefix.toString('latin1', 0, 4) !== MAGIC || prefix.readUInt32LE(4) !== VERSION) return null
    const headerBuffer = Buffer.alloc(prefix.readUInt32LE(8))
    await handle.read(headerBuffer, 0, headerBuffer.length, PREFIX_BYTES)
    const header = JSON.parse(headerBuffer.toString('utf8')) as Header
    if (header.root !== root || !Array.isArray(header.docs)) return null
    const size = (await promisify(fstat)(fd)).size
    const read = async (s: Section) => {
      if (!Array.isArray(s) || (s[1] > 0 && s[0] + s[1] > size))
        throw new Error('section outside the file')
      // A fresh ArrayBuffer per section: offset 0, so typed-array views are always aligned.
      const data = new Uint8Array(new ArrayBuffer(align(s[1])), 0, s[1])
      if (s[1] > 0) await handle.read(data, 0, s[1], s[0])
      return data
    }
    const postings: FrozenPostings[] = []
    for (const parts of header.postings) {
      const [keys, idOffsets, starts, ids, tfs] = await Promise.all(parts.map(read))
      const data: FrozenPostingsData = {
        keys: new Float64Array(keys!.buffer, 0, keys!.byteLength / 8),
        idOffsets: new Uint32Array(idOffsets!.buffer, 0, idOffsets!.byteLength / 4),
        starts: new Uint32Array(starts!.buffer, 0, starts!.byteLength / 4),
        ids: ids!,
        tfs: tfs!,
      }
      if (!FrozenPostings.check(data, header.docs.length)) return null
      postings.push(new FrozenPostings(data))
    }
    const ends = async (s: Section) => {
      const data = await read(s)
      return new Uint32Array(data.buffer, 0, data.byteLength / 4)
    }
    const normEnds = await ends(header.bodyNormEnds)
    const origEnds = await ends(header.bodyOrigEnds)
    const n = header.docs.length
    if (normEnds.length !== n || origEnds.length !== n) return null
    if ((n > 0 ? normEnds[n - 1]! * 2 : 0) !== header.bodyNorm[1]) return null
    if ((n > 0 ? origEnds[n - 1]! * 2 : 0) !== header.bodyOrig[1]) return null
    if (header.bodyOrig[1] > 0 && header.bodyOrig[0] + header.bodyOrig[1] > size) return null
    const norm = Buffer.from((await read(header.bodyNorm)).buffer, 0, header.bodyNorm[1])
    const docs: SearchDocument[] = []
    for (let i = 0; i < n; i++) {
      const d = header.docs[i]!
      if (!Array.isArray(d.short) || d.short.length !== BODY) return null
      // 協働の4要素 scores, for the elem: filter (a file without them is from before the field).
      if (!Array.isArray(d.filter?.elements)) return null
      const from = i === 0 ? 0 : normEnds[i - 1]!
      const body = norm.toString('utf16le', from * 2, normEnds[i]! * 2)
      docs.push(sameShape(d, [...d.short, body], i))
    }
    if (docs.some((d) => d.fields.length !== FIELD_COUNT)) return null
    keepOpen = true
    const bodies = new StoredBodies(fd, header.bodyOrig[0], origEnds)
    return { root: header.root, docs, signatures: header.signatures ?? {}, postings, bodies }
  } catch {
    return null // derived data: anything unexpected means "rebuild"
  } finally {
    // On success the descriptor belongs to StoredBodies, which closes it.
    if (!keepOpen) close(fd, () => undefined)
  }
}

/**
 * A loaded document rebuilt with the exact property order of toSearchDocument: documents of one
 * hidden class keep the per-hit property reads in the evaluator monomorphic.
 */
function sameShape(d: StoredDocument, fields: string[], stored: number): SearchDocument {
  const f = d.filter
  const g = d.facets
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    body: '',
    stored,
    fields,
    filter: {
      partnerTypes: f.partnerTypes,
      tags: f.tags,
      department: f.department,
      area: f.area,
      status: f.status,
      forms: f.forms,
      fiscalYear: f.fiscalYear ?? undefined,
      elements: f.elements,
    },
    facets: {
      partnerTypes: g.partnerTypes,
      tags: g.tags,
      department: g.department ?? undefined,
      area: g.area ?? undefined,
      status: g.status,
      forms: g.forms,
      year: g.year ?? undefined,
    },
    updatedAt: d.updatedAt,
  }
}
