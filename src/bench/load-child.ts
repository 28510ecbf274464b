// Runs one load on a server from a process of its own, so that the client's work shares no event loop with the bench: the load's options as JSON on stdin, its result as JSON on stdout.
import { z } from 'zod'
import { load } from './serving.ts'

const LoadOptionsSchema = z.object({
  url: z.string().url(),
  path: z.string().startsWith('/'),
  seconds: z.number().positive().optional(),
  connections: z.number().int().positive().optional(),
  bodies: z.array(z.string()).optional(),
})

let input = ''
for await (const chunk of process.stdin) input += String(chunk)
const { url, path, ...options } = LoadOptionsSchema.parse(JSON.parse(input))
console.log(JSON.stringify(await load(url, path, options)))
