// One line describing a record from its masthead, leaving out what the document does not state.
import type { RecordInfo } from '../records/block.ts'

/** "Human Rights Committee · 1209th meeting, 1993-03-29, Palais des Nations, Geneva". */
export const recordLine = (record: RecordInfo): string => {
  const when = [record.meeting, record.date, record.place].filter(Boolean).join(', ')
  return [record.body, when].filter(Boolean).join(' · ')
}
