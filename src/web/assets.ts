// The page's script and stylesheet: the TypeScript client compiled once, on first request, by esbuild.
import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const CLIENT = fileURLToPath(new URL('./client/app.ts', import.meta.url))
const STYLES = fileURLToPath(new URL('./app.css', import.meta.url))

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
