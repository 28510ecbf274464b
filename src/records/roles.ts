// Data: the roles a speaker can hold in a record and their labels, shared with the browser client (no dependencies).

export const ROLES = [
  'chair',
  'country_rapporteur',
  'committee_member',
  'state_delegation',
  'secretariat',
  'other_state',
  'other',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  chair: 'Chair',
  country_rapporteur: 'Country Rapporteur',
  committee_member: 'Committee member',
  state_delegation: 'State delegation',
  secretariat: 'Secretariat',
  other_state: 'Other State',
  other: 'Other',
}

/** Who puts questions to the State: the Committee's members, and in a review the other States. */
export const ASKING_ROLES: readonly Role[] = [
  'chair',
  'country_rapporteur',
  'committee_member',
  'other_state',
]
