// RFC 9457 problem+json responses, the only error shape the API returns.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  /** Field-level reasons for a request that failed validation. */
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})
export type Problem = z.infer<typeof ProblemSchema>

/** A problem body; `code` names the problem type. */
export const problemBody = (
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: Problem['errors']
): Problem => ({ type: `/problems/${code}`, title, status, detail, ...(errors ? { errors } : {}) })

export const problem = (
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  title: string,
  detail: string,
  errors?: Problem['errors']
): Response => problemResponse(c, problemBody(status, code, title, detail, errors))

/** Sends a problem body as application/problem+json with its status. */
export const problemResponse = (c: Context, body: Problem): Response =>
  c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
  })
