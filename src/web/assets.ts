// The page's script and stylesheet: the TypeScript client compiled once, on first request, by esbuild.
import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../config.ts'

// From the project root, so that the compiled server (dist/) finds them too.
const CLIENT = join(PROJECT_ROOT, 'src/web/client/app.ts')
const STYLES = join(PROJECT_ROOT, 'src/web/app.css')

let script: Promise<string> | undefined
let styles: Promise<string> | undefined

export const clientScript = (): Promise<string> =>
  (script ??= build({
    entryPoints: [CLIENT],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
  }).then((result) => result.outputFiles[0]?.text ?? ''))

export const stylesheet = (): Promise<string> => (styles ??= readFile(STYLES, 'utf8'))
