// The index manifest: what a build was made from and of, checked before an index is served.
import { z } from 'zod'

/** Bumped whenever the on-disk layout or the meaning of a stored field changes. */
export const INDEX_FORMAT = 12

export const ManifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  id: z.string(),
  builtAt: z.string(),
  buildMs: z.number(),
  sources: z.array(z.object({ file: z.string(), sha256: z.string() })),
  failures: z.array(z.object({ file: z.string(), reason: z.string() })),
  /** Each record indexed: the file it was read from and how its numbers were found. */
  records: z.array(
    z.object({
      file: z.string(),
      symbol: z.string(),
      format: z.string(),
      numbering: z.enum(['printed', 'recounted']),
      paragraphs: z.number().int(),
      warnings: z.array(z.string()),
    })
  ),
  /** The sentence embedder: its name and the settings that change its vectors. */
  embedder: z.object({
    name: z.string(),
    dims: z.number().int(),
    settings: z.record(z.string(), z.unknown()),
  }),
  hnsw: z.object({
    space: z.string(),
    m: z.number().int(),
    efConstruction: z.number().int(),
    efSearch: z.number().int(),
  }),
  lexical: z.object({ library: z.string(), scoring: z.string() }),
  counts: z.object({
    records: z.number().int(),
    blocks: z.number().int(),
    paragraphs: z.number().int(),
  }),
  /** sha256 of every other file in the build directory, to catch truncation and corruption. */
  files: z.record(z.string(), z.string()),
})
export type Manifest = z.infer<typeof ManifestSchema>
