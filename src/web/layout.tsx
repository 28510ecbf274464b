// The HTML shell every page shares: one stylesheet and one script, both served by the app, nothing external.
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'

export const Layout = ({ title, children }: { title: string; children: Child }) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/app.css" />
        <script type="module" src="/assets/app.js" />
      </head>
      <body>{children}</body>
    </html>
  </>
)
