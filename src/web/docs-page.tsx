// The API docs page: every route of the OpenAPI description, readable, with its schemas.
import { Layout } from './layout.tsx'

type Operation = {
  summary: string
  parameters: { name: string; in: string; required: boolean; schema: unknown }[]
  requestBody?: { content: Record<string, { schema: unknown }> }
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2)

export const DocsPage = ({
  document,
}: {
  document: {
    info: { title: string; description: string }
    paths: Record<string, Record<string, Operation>>
  }
}) => (
  <Layout title={`API · ${document.info.title}`}>
    <main class="permalink docs">
      <p>
        <a href="/">← Rapporteur</a> · <a href="/openapi.json">openapi.json</a>
      </p>
      <h1>{document.info.title} API</h1>
      <p>{document.info.description}</p>
      {Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, op]) => (
          <section class="route">
            <h2>
              <code>
                {method.toUpperCase()} {path}
              </code>
            </h2>
            <p>{op.summary}</p>
            {op.parameters.length > 0 ? (
              <ul>
                {op.parameters.map((p) => (
                  <li>
                    <code>{p.name}</code> ({p.in}
                    {p.required ? ', required' : ''}): <code>{pretty(p.schema)}</code>
                  </li>
                ))}
              </ul>
            ) : null}
            {op.requestBody ? (
              <details>
                <summary>Request body</summary>
                <pre>{pretty(op.requestBody.content['application/json']?.schema)}</pre>
              </details>
            ) : null}
            <details>
              <summary>Responses: {Object.keys(op.responses).join(', ')}</summary>
              {Object.entries(op.responses).map(([status, response]) => (
                <div>
                  <p>
                    <strong>{status}</strong> {response.description}
                  </p>
                  {Object.entries(response.content ?? {}).map(([type, body]) => (
                    <pre>
                      {type}
                      {body.schema ? `\n${pretty(body.schema)}` : ''}
                    </pre>
                  ))}
                </div>
              ))}
            </details>
          </section>
        ))
      )}
    </main>
  </Layout>
)
